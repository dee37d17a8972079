// @vitest-environment happy-dom
// Tests for memo: a memoised component renders again only when one of its props changes.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { memo } from './memo';

afterEach(cleanup);

describe('memo', () => {
  it('skips a render with the same props and renders on a changed, added or removed prop', () => {
    const renders: string[] = [];
    const Label = memo(function Label(props: { text: string; note?: string }) {
      renders.push(props.text);
      return (
        <span data-testid="label">
          {props.text}
          {props.note}
        </span>
      );
    });
    const view = render(<Label text="a" />);
    view.rerender(<Label text="a" />);
    expect(renders).toEqual(['a']);
    view.rerender(<Label text="b" />);
    view.rerender(<Label text="b" note="!" />);
    view.rerender(<Label text="b" />);
    expect(renders).toEqual(['a', 'b', 'b', 'b']);
    expect(view.getByTestId('label').textContent).toBe('b');
  });

  it('a list re-rendered with one new item renders only that item', () => {
    const renders: number[] = [];
    const Item = memo(function Item({ n }: { n: number }) {
      renders.push(n);
      return <li>{n}</li>;
    });
    const List = ({ items }: { items: number[] }) => (
      <ul>
        {items.map((n) => (
          <Item key={n} n={n} />
        ))}
      </ul>
    );
    const view = render(<List items={[2, 1]} />);
    view.rerender(<List items={[3, 2, 1]} />);
    expect(renders).toEqual([2, 1, 3]);
    expect(view.container.textContent).toBe('321');
  });
});
