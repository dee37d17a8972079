// useNow: a hook returning the current time in ms, refreshed on an interval (drives live countdowns).
import { useEffect, useState } from 'preact/hooks';

/** The current time (`Date.now()`), re-read every `intervalMs` so the caller re-renders. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), Math.max(50, intervalMs));
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
