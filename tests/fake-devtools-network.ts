// A fake `devtools.network` fed by HAR entries, for capture and component tests (no browser needed).
import type { DevtoolsNetworkLike, DevtoolsRequestLike } from '../lib/capture/network';

/**
 * How `getContent` answers:
 * - `callback`: Chrome's `getContent((content, encoding) => …)`;
 * - `object`: returns `Promise<{content, encoding}>`;
 * - `array`: returns `Promise<[content, encoding]>`;
 * - `polyfill`: like webextension-polyfill — throws when given any argument, else `Promise<[content, encoding]>`;
 * - `never`: never answers (to exercise timeouts).
 */
export type ContentStyle = 'callback' | 'object' | 'array' | 'polyfill' | 'never';

/**
 * How `getHAR` answers: `callback` (Chrome), `promise` (ignores arguments, returns a Promise of the
 * log), `polyfill` (throws when given an argument, else a Promise).
 */
export type HarStyle = 'callback' | 'promise' | 'polyfill';

export interface FakeDevtoolsNetworkOptions {
  contentStyle?: ContentStyle;
  harStyle?: HarStyle;
  /** When true, `getHAR` waits until `releaseHar()` is called (to test races with live requests). */
  holdHar?: boolean;
}

/** The fake network: a `DevtoolsNetworkLike` plus controls and counters for tests. */
export interface FakeDevtoolsNetwork extends DevtoolsNetworkLike {
  /**
   * A request finishes in the inspected tab: it is added to the HAR log and every
   * `onRequestFinished` listener receives it (as Chrome does, without `content.text`; its body is
   * served by `getContent`).
   */
  finish(entry: unknown): void;
  /** The inspected page navigates: `onNavigated` listeners get the URL; the HAR log is emptied. */
  navigate(url: string): void;
  /** Let a held `getHAR` answer (see `holdHar`). */
  releaseHar(): void;
  /** URLs passed to `getContent`, in call order. */
  readonly contentCalls: string[];
  /** How many times `getHAR` was called. */
  readonly harCalls: number;
  /** Listeners currently attached. */
  listenerCounts(): { requestFinished: number; navigated: number };
}

type Listener<T> = (value: T) => void;

/**
 * A fake `browser.devtools.network`. `harEntries` are requests made before capture started: `getHAR`
 * returns them (answering asynchronously, like DevTools). Entries are plain HAR entries (see
 * tests/fixtures/har/build.ts); a body given as `response.content.text` (+ `encoding`) is served by
 * `getContent` and hidden from the entry itself, as in Chrome.
 */
export function createFakeDevtoolsNetwork(
  harEntries: readonly unknown[] = [],
  options: FakeDevtoolsNetworkOptions = {},
): FakeDevtoolsNetwork {
  const contentStyle = options.contentStyle ?? 'callback';
  const harStyle = options.harStyle ?? 'callback';
  const finishedListeners = new Set<Listener<DevtoolsRequestLike>>();
  const navigatedListeners = new Set<Listener<string>>();
  const contentCalls: string[] = [];
  let harCalls = 0;
  let log: DevtoolsRequestLike[] = harEntries.map((entry) => toRequest(entry));
  let held = options.holdHar ?? false;
  const heldAnswers: (() => void)[] = [];

  function toRequest(entry: unknown): DevtoolsRequestLike {
    const { body, stripped } = splitBody(entry);
    const url = urlOf(entry);
    const answer = (): [string, string] => [body.content, body.encoding];
    const getContent = (...args: unknown[]): unknown => {
      const callback = args[0];
      switch (contentStyle) {
        case 'callback':
          contentCalls.push(url);
          setTimeout(() => (callback as (content: string, encoding: string) => void)(...answer()));
          return undefined;
        case 'object':
          contentCalls.push(url);
          return Promise.resolve({ content: answer()[0], encoding: answer()[1] });
        case 'array':
          contentCalls.push(url);
          return Promise.resolve(answer());
        case 'polyfill':
          if (args.length > 0)
            throw new Error('Expected at most 0 arguments for getContent(), got 1');
          contentCalls.push(url);
          return Promise.resolve(answer());
        case 'never':
          contentCalls.push(url);
          return new Promise(() => undefined);
      }
    };
    // Chrome hands over HAR entries whose prototype carries getContent().
    return Object.assign(Object.create({ getContent }) as DevtoolsRequestLike, stripped);
  }

  const network: FakeDevtoolsNetwork = {
    onRequestFinished: {
      addListener: (listener) => finishedListeners.add(listener),
      removeListener: (listener) => finishedListeners.delete(listener),
    },
    onNavigated: {
      addListener: (listener) => navigatedListeners.add(listener),
      removeListener: (listener) => navigatedListeners.delete(listener),
    },
    getHAR(...args: unknown[]): unknown {
      harCalls++;
      if (harStyle === 'polyfill' && args.length > 0) {
        throw new Error('Expected at most 0 arguments for getHAR(), got 1');
      }
      const answer = new Promise<{ entries: DevtoolsRequestLike[] }>((resolve) => {
        const reply = () => setTimeout(() => resolve({ entries: [...log] }));
        if (held) heldAnswers.push(reply);
        else reply();
      });
      if (harStyle === 'callback') {
        const callback = args[0] as (harLog: unknown) => void;
        void answer.then(callback);
        return undefined;
      }
      return answer;
    },
    finish(entry) {
      const request = toRequest(entry);
      log.push(request);
      for (const listener of [...finishedListeners]) listener(request);
    },
    navigate(url) {
      log = [];
      for (const listener of [...navigatedListeners]) listener(url);
    },
    releaseHar() {
      held = false;
      for (const reply of heldAnswers.splice(0)) reply();
    },
    get contentCalls() {
      return contentCalls;
    },
    get harCalls() {
      return harCalls;
    },
    listenerCounts: () => ({
      requestFinished: finishedListeners.size,
      navigated: navigatedListeners.size,
    }),
  };
  return network;
}

/** The entry without `response.content.text`/`encoding`, and the body `getContent` will serve. */
function splitBody(entry: unknown): {
  body: { content: string; encoding: string };
  stripped: Record<string, unknown>;
} {
  const copy: Record<string, unknown> =
    typeof entry === 'object' && entry !== null
      ? (structuredClone(entry) as Record<string, unknown>)
      : {};
  const response = copy.response as Record<string, unknown> | undefined;
  const content = response?.content as Record<string, unknown> | undefined;
  const body = {
    content: typeof content?.text === 'string' ? content.text : '',
    encoding: typeof content?.encoding === 'string' ? content.encoding : '',
  };
  if (content) {
    delete content.text;
    delete content.encoding;
  }
  return { body, stripped: copy };
}

function urlOf(entry: unknown): string {
  const request = (entry as { request?: { url?: unknown } } | null)?.request;
  return typeof request?.url === 'string' ? request.url : '';
}
