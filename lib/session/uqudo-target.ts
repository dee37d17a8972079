// The backend test's never-send guard, apart from the planner so the panel can keep posts without loading the test.
import { isUqudoHost } from '../uqudo/classify';

/** Never-send guard: true when the URL points at a Uqudo host (the test must not run there). */
export function isUqudoTarget(url: string): boolean {
  try {
    return isUqudoHost(new URL(url).hostname);
  } catch {
    return true; // an unparsable target is refused as well
  }
}
