// Tests for the searchable payload text: values in order, long blobs skipped, bounded on huge payloads.
import { describe, expect, it } from 'vitest';
import { collectPayloadText } from './payload-text';

describe('collectPayloadText', () => {
  it('keeps short string and number values in document order', () => {
    const text = collectPayloadText({
      jti: 'abc',
      data: { documents: [{ documentType: 'PASSPORT', front: { fullName: 'TEST SAMPLE' } }] },
      exp: 42,
    });
    expect(text.split('\n')).toEqual(['abc', 'PASSPORT', 'TEST SAMPLE', '42']);
  });

  it('skips long values such as inline photos', () => {
    expect(collectPayloadText({ photo: 'A'.repeat(10_000), name: 'x' })).toBe('x');
  });

  it('caps the text and the work on a huge payload', () => {
    const huge = { list: Array.from({ length: 200_000 }, (_, i) => `value-${i}`) };
    const text = collectPayloadText(huge);
    expect(text.length).toBeLessThanOrEqual(768);
    expect(text.startsWith('value-0\nvalue-1')).toBe(true);
    expect(collectPayloadText(undefined)).toBe('');
  });
});
