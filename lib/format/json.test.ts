// Tests for the linear JSON writer: same value back, JSON.stringify's text when unbounded, linear size at any depth.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyParameters } from '../../tests/fast-check';
import { PRETTY_JSON_DEPTH, stringifyJsonLinear } from './json';

/** Nested arrays `[[[…]]]` `levels` deep, built without recursion. */
function nestArrays(levels: number, leaf: unknown = 0): unknown {
  let value: unknown = leaf;
  for (let level = 0; level < levels; level++) value = [value];
  return value;
}

describe('stringifyJsonLinear', () => {
  it('with no depth cap is JSON.stringify for any JSON value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(0, 2), (value, indent) => {
        expect(stringifyJsonLinear(value, { indent, prettyDepth: Infinity })).toBe(
          JSON.stringify(value, null, indent),
        );
      }),
      propertyParameters(),
    );
    const withUndefined = { a: undefined, b: [undefined, 1], c: Number.NaN };
    expect(stringifyJsonLinear(withUndefined, { prettyDepth: Infinity })).toBe(
      JSON.stringify(withUndefined, null, 2),
    );
  });

  it('parses back to the same value and stays within a constant of the compact size (property)', () => {
    const bound = 2 * PRETTY_JSON_DEPTH + 3;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 12 }), (value) => {
        const text = stringifyJsonLinear(value);
        const compact = JSON.stringify(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(compact));
        expect(text.length).toBeLessThanOrEqual(bound * compact.length);
      }),
      propertyParameters(),
    );
  });

  it('indents the top levels and writes deeper ones on one line', () => {
    const text = stringifyJsonLinear({ a: nestArrays(PRETTY_JSON_DEPTH + 2) });
    const lines = text.split('\n');
    expect(lines[0]).toBe('{');
    expect(lines[1]).toBe('  "a": [');
    // The container whose children are past the cap is written compactly on its line.
    expect(lines.some((line) => line.trim() === '[[[0]]]')).toBe(true);
    expect(JSON.parse(text)).toEqual({ a: nestArrays(PRETTY_JSON_DEPTH + 2) });
  });

  it('writes 100,000 levels (far deeper than JSON.stringify can) in linear size', () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < 100_000; level++) deep = { a: [deep] };
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    const compact = stringifyJsonLinear({ payload: deep }, { indent: 0 });
    expect(compact.startsWith('{"payload":{"a":[{"a":[')).toBe(true);
    expect(compact.endsWith('"leaf"' + ']}'.repeat(100_000) + '}')).toBe(true);
    const pretty = stringifyJsonLinear({ payload: deep });
    expect(pretty.length).toBeLessThan(compact.length + 1000);
  });
});
