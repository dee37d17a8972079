// @vitest-environment happy-dom
// Tests for useLazyModule: a placeholder until the module is there, no flash once loaded, failures to the boundary.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { ErrorBoundary } from '../ErrorBoundary';
import { LazyPending } from './LazyPending';
import { loadModule, useLazyModule } from './useLazyModule';

afterEach(cleanup);

interface Greeting {
  Hello: (props: { name: string }) => preact.JSX.Element;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const greeting: Greeting = { Hello: ({ name }) => <p>hello {name}</p> };

function View({ load, name }: { load: () => Promise<Greeting>; name: string }) {
  const loaded = useLazyModule(load);
  return loaded ? <loaded.Hello name={name} /> : <LazyPending />;
}

describe('useLazyModule', () => {
  it('shows the placeholder, then the module; a second mount renders it at once; loads once', async () => {
    const pending = deferred<Greeting>();
    const load = vi.fn(() => pending.promise);
    const { container } = render(<View load={load} name="a" />);
    expect(container.querySelector('.lazy-pending[aria-busy="true"]')).not.toBeNull();
    pending.resolve(greeting);
    expect(await screen.findByText('hello a')).toBeTruthy();
    cleanup();
    render(<View load={load} name="b" />);
    // Already loaded: no placeholder on the first render.
    expect(screen.getByText('hello b')).toBeTruthy();
    await loadModule(load);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('hands a failed load to the error boundary, and loads again on the next use', async () => {
    const first = deferred<Greeting>();
    const load = vi
      .fn<() => Promise<Greeting>>()
      .mockReturnValueOnce(first.promise)
      .mockResolvedValueOnce(greeting);
    render(
      <ErrorBoundary>
        <View load={load} name="c" />
      </ErrorBoundary>,
    );
    first.reject(new Error('chunk missing'));
    expect((await screen.findByRole('alert')).textContent).toContain('chunk missing');
    cleanup();
    render(<View load={load} name="d" />);
    expect(await screen.findByText('hello d')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
