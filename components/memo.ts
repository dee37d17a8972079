// memo: a component that re-renders only when a prop changes (Object.is per prop), without preact/compat.
import { Component, h, type ComponentChildren, type FunctionComponent } from 'preact';

/** True when both prop objects hold the same keys with the same values (Object.is). */
function sameProps(previous: object, next: object): boolean {
  const a = previous as Record<string, unknown>;
  const b = next as Record<string, unknown>;
  for (const key in a) if (!(key in b)) return false;
  for (const key in b) if (!Object.is(a[key], b[key])) return false;
  return true;
}

/**
 * `render` wrapped in a component that skips re-rendering while its props are the same values, as
 * preact/compat's `memo` does: a list re-rendered for one new row then renders only that row. Props
 * must be plain values or stable callbacks (a callback made anew on each render defeats it).
 */
export function memo<P extends object>(render: FunctionComponent<P>): FunctionComponent<P> {
  class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return !sameProps(this.props, next);
    }

    override render(props: P): ComponentChildren {
      return h(render, props);
    }
  }
  (Memo as { displayName?: string }).displayName = `memo(${render.displayName ?? render.name})`;
  return Memo as unknown as FunctionComponent<P>;
}
