// @vitest-environment happy-dom
// Tests for JsonTree: lazy expand/collapse, value styling, truncation, paging, copy, deep nesting.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import {
  CHILDREN_PAGE_SIZE,
  JsonTree,
  KEY_PREVIEW_CHARS,
  MAX_AUTO_EXPAND_DEPTH,
  STRING_PREVIEW_CHARS,
  appendJsonPath,
  stringifyForCopy,
} from './JsonTree';

let writeText: ReturnType<typeof vi.fn>;

beforeEach(() => {
  writeText = vi.fn(async (_text: string) => undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});

afterEach(() => {
  cleanup();
});

/** The tree row (li) whose key is `name`. */
function rowOf(name: string): HTMLElement {
  const key = screen
    .getAllByText(name)
    .map((element) => element.closest('.json-key'))
    .find((element) => element !== null);
  const row = key?.closest('li');
  if (!row) throw new Error(`no row for key ${name}`);
  return row;
}

const sample = {
  iss: 'https://id.uqudo.io',
  exp: 1767225600,
  active: true,
  nothing: null,
  data: { documents: [{ documentType: 'PASSPORT' }], 'odd key': 'x' },
};

describe('appendJsonPath', () => {
  it('uses dot notation for identifiers and bracket notation otherwise', () => {
    expect(appendJsonPath('$', 'data')).toBe('$.data');
    expect(appendJsonPath('$.data', 'documents')).toBe('$.data.documents');
    expect(appendJsonPath('$.items', 0)).toBe('$.items[0]');
    expect(appendJsonPath('$', 'odd key')).toBe('$["odd key"]');
    expect(appendJsonPath('$', '0abc')).toBe('$["0abc"]');
  });
});

describe('stringifyForCopy', () => {
  it('copies strings raw, other values as indented JSON, and refuses cycles', () => {
    expect(stringifyForCopy('eyJ.a.b')).toBe('eyJ.a.b');
    expect(stringifyForCopy({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => stringifyForCopy(cyclic)).toThrow(/cyclic/);
  });

  it('copies 100,000 levels of nesting as the same JSON, in linear size', () => {
    const text = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const copied = stringifyForCopy(JSON.parse(text));
    expect(copied.replace(/\s/g, '')).toBe(text);
    expect(copied.length).toBeLessThan(text.length + 1000);
  });
});

describe('JsonTree', () => {
  it('shows the root expanded with styled primitives, nested containers collapsed', () => {
    const { container } = render(<JsonTree value={sample} label="Payload" />);
    expect(screen.getByText('Payload')).toBeTruthy();
    expect(container.querySelector('.json-string')?.textContent).toBe('"https://id.uqudo.io"');
    expect(container.querySelector('.json-number')?.textContent).toBe('1767225600');
    expect(container.querySelector('.json-boolean')?.textContent).toBe('true');
    expect(container.querySelector('.json-null')?.textContent).toBe('null');

    const dataToggle = within(rowOf('data')).getAllByRole('button')[0]!;
    expect(dataToggle.getAttribute('aria-expanded')).toBe('false');
    expect(dataToggle.textContent).toContain('2 keys');
    // Lazy: children of a collapsed node are not in the DOM at all.
    expect(screen.queryByText('documents')).toBeNull();
  });

  it('expands and collapses a node with its toggle button', () => {
    render(<JsonTree value={sample} />);
    const dataToggle = within(rowOf('data')).getAllByRole('button')[0]!;
    expect(dataToggle.tagName).toBe('BUTTON');
    fireEvent.click(dataToggle);
    expect(dataToggle.getAttribute('aria-expanded')).toBe('true');
    const documentsToggle = within(rowOf('documents')).getAllByRole('button')[0]!;
    expect(documentsToggle.textContent).toContain('1 item');
    fireEvent.click(documentsToggle);
    fireEvent.click(within(rowOf('0')).getAllByRole('button')[0]!);
    expect(screen.getByText('"PASSPORT"')).toBeTruthy();
    fireEvent.click(dataToggle);
    expect(dataToggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('"PASSPORT"')).toBeNull();
  });

  it('collapses the root when defaultExpandDepth is 0 and expands deeper when asked', () => {
    const { unmount } = render(<JsonTree value={sample} defaultExpandDepth={0} />);
    expect(screen.queryByText('iss')).toBeNull();
    expect(screen.getByRole('button', { name: /5 keys/ }).getAttribute('aria-expanded')).toBe(
      'false',
    );
    unmount();
    render(<JsonTree value={sample} defaultExpandDepth={3} />);
    expect(screen.getByText('documents')).toBeTruthy();
    expect(screen.queryByText('"PASSPORT"')).toBeNull();
  });

  it('truncates long strings and reveals more on request, never the whole 300 KB at once', () => {
    const photo = 'A'.repeat(300_000);
    const { container } = render(<JsonTree value={{ photo }} />);
    const shown = container.querySelector('.json-string')!;
    expect(shown.textContent!.length).toBeLessThan(STRING_PREVIEW_CHARS + 5);
    expect(shown.textContent!.endsWith('…')).toBe(true);
    expect(screen.getByText(/299,800 more of 300,000 chars/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'show more' }));
    const afterOne = container.querySelector('.json-string')!.textContent!.length;
    expect(afterOne).toBeGreaterThan(STRING_PREVIEW_CHARS + 5);
    expect(afterOne).toBeLessThan(photo.length);

    while (screen.queryByRole('button', { name: 'show more' })) {
      fireEvent.click(screen.getByRole('button', { name: 'show more' }));
    }
    expect(container.querySelector('.json-string')!.textContent).toBe(`"${photo}"`);
    fireEvent.click(screen.getByRole('button', { name: 'show less' }));
    expect(container.querySelector('.json-string')!.textContent!.length).toBeLessThan(
      STRING_PREVIEW_CHARS + 5,
    );
  });

  it('renders huge arrays a page at a time', () => {
    const items = Array.from({ length: 250 }, (_, index) => index * 2);
    const { container } = render(<JsonTree value={items} />);
    expect(container.querySelectorAll('.json-number')).toHaveLength(CHILDREN_PAGE_SIZE);
    expect(screen.getByText('(150 not shown)')).toBeTruthy();
    fireEvent.click(screen.getByText(`show ${CHILDREN_PAGE_SIZE} more`));
    expect(container.querySelectorAll('.json-number')).toHaveLength(2 * CHILDREN_PAGE_SIZE);
    fireEvent.click(screen.getByText('show 50 more'));
    expect(container.querySelectorAll('.json-number')).toHaveLength(250);
    expect(screen.queryByText(/not shown/)).toBeNull();
    expect(container.querySelectorAll('.json-number')[249]!.textContent).toBe('498');
  });

  it('copies the whole value, a node path and a node value', async () => {
    render(<JsonTree value={sample} label="Payload" defaultExpandDepth={2} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy JSON' }));
    expect(writeText).toHaveBeenLastCalledWith(JSON.stringify(sample, null, 2));

    const oddRow = rowOf('odd key');
    fireEvent.click(within(oddRow).getByRole('button', { name: 'Copy path' }));
    expect(writeText).toHaveBeenLastCalledWith('$.data["odd key"]');

    fireEvent.click(within(rowOf('iss')).getByRole('button', { name: 'Copy value' }));
    expect(writeText).toHaveBeenLastCalledWith('https://id.uqudo.io');

    const documentsRow = rowOf('documents');
    fireEvent.click(within(documentsRow).getByRole('button', { name: 'Copy value' }));
    expect(writeText).toHaveBeenLastCalledWith(
      JSON.stringify([{ documentType: 'PASSPORT' }], null, 2),
    );
    // Copying must not toggle the row it sits in.
    expect(within(documentsRow).getAllByRole('button')[0]!.getAttribute('aria-expanded')).toBe(
      'false',
    );
    await vi.waitFor(() => expect(screen.getAllByText('Copied').length).toBeGreaterThan(0));
  });

  it('handles 10,000 levels of nesting, auto-expanding at most MAX_AUTO_EXPAND_DEPTH', () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < 10_000; level += 1) deep = { next: deep };
    const { container } = render(<JsonTree value={deep} defaultExpandDepth={Infinity} />);
    const expanded = container.querySelectorAll('button[aria-expanded="true"]');
    expect(expanded).toHaveLength(MAX_AUTO_EXPAND_DEPTH);
    const last = container.querySelectorAll('button[aria-expanded="false"]');
    expect(last).toHaveLength(1);
    fireEvent.click(last[0]!);
    expect(container.querySelectorAll('button[aria-expanded="true"]')).toHaveLength(
      MAX_AUTO_EXPAND_DEPTH + 1,
    );
  });

  it('shows empty containers, a parsed __proto__ key and markup-like strings as plain text', () => {
    const parsed: unknown = JSON.parse(
      '{"__proto__":{"polluted":1},"empty":{},"list":[],"html":"<img src=x onerror=alert(1)>"}',
    );
    const { container } = render(<JsonTree value={parsed} defaultExpandDepth={2} />);
    expect(screen.getByText('polluted')).toBeTruthy();
    expect(within(rowOf('empty')).getByText('{}')).toBeTruthy();
    expect(within(rowOf('list')).getByText('[]')).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('"<img src=x onerror=alert(1)>"')).toBeTruthy();
  });

  it('shortens absurdly long keys on screen but copies the full path', () => {
    const key = 'k'.repeat(5000);
    const { container } = render(<JsonTree value={{ [key]: 1 }} />);
    expect(container.querySelector('.json-key')!.textContent).toBe(
      `${'k'.repeat(KEY_PREVIEW_CHARS)}…`,
    );
    const row = container.querySelector('.json-key')!.closest('li')!;
    fireEvent.click(within(row).getByRole('button', { name: 'Copy path' }));
    expect(writeText).toHaveBeenLastCalledWith(`$.${key}`);
  });

  it('renders a bare primitive root', () => {
    const { container } = render(<JsonTree value="not json" />);
    expect(container.querySelector('.json-string')?.textContent).toBe('"not json"');
  });
});

describe('JsonTree — hostile values', () => {
  it('renders 100,000 levels lazily and Copy JSON copies the same JSON', async () => {
    const text = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    render(<JsonTree value={JSON.parse(text)} label="Payload" defaultExpandDepth={2} />);
    fireEvent.click(screen.getByText('Copy JSON'));
    await screen.findByText('Copied');
    const copied = writeText.mock.calls[0]![0] as string;
    expect(copied).not.toBe('[object Object]');
    expect(copied.replace(/\s/g, '')).toBe(text);
  });

  it('names invisible characters in keys and strings', () => {
    const { container } = render(<JsonTree value={{ 'k\u200b': 'v\u202ex' }} />);
    expect(container.querySelector('.json-key')!.textContent).toBe('k⟨U+200B⟩');
    expect(container.querySelector('.json-string')!.textContent).toBe('"v⟨U+202E⟩x"');
  });

  it('says it cannot copy a value that is not JSON data instead of copying something else', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    render(<JsonTree value={cyclic} label="Payload" defaultExpandDepth={0} />);
    fireEvent.click(screen.getByText('Copy JSON'));
    const button = (await screen.findByText('Cannot copy')).closest('button')!;
    expect(button.getAttribute('title')).toMatch(/^Cannot copy: .*cyclic/);
    expect(writeText).not.toHaveBeenCalled();
  });
});
