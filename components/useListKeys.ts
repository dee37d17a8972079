// useListKeys: the list's keyboard — ArrowUp/ArrowDown move the selection one row, Home/End to the ends.

/** Key handlers of a list (the optional ones are ignored when absent). */
export interface ListKeyHandlers {
  onNext: () => void;
  onPrev: () => void;
  onFirst?: () => void;
  onLast?: () => void;
}

/** A keydown handler that moves the selection; other keys pass through. */
export function useListKeys(handlers: ListKeyHandlers): (event: KeyboardEvent) => void {
  return (event) => {
    const action = {
      ArrowDown: handlers.onNext,
      ArrowUp: handlers.onPrev,
      Home: handlers.onFirst,
      End: handlers.onLast,
    }[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };
}
