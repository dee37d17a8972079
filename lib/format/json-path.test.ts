// Tests for the one JSON-path renderer: identifiers, indices, keys that need quoting.
import { describe, expect, it } from 'vitest';
import { childPath, ROOT_PATH } from './json-path';

describe('childPath', () => {
  it('writes identifiers with a dot, indices and other keys in brackets', () => {
    expect(childPath(ROOT_PATH, 'data')).toBe('$.data');
    expect(childPath('$.items', 0)).toBe('$.items[0]');
    expect(childPath(ROOT_PATH, 'odd key')).toBe('$["odd key"]');
    expect(childPath(ROOT_PATH, '0')).toBe('$["0"]');
    expect(childPath(ROOT_PATH, 'a"b')).toBe('$["a\\"b"]');
  });
});
