// Tests for the quick-filter terms of the filter text.
import { describe, expect, it } from 'vitest';
import { readQuickTerm, withQuickTerm } from './quick-filter';

describe('quick filter terms', () => {
  it('adds, replaces and removes one term, keeping the others', () => {
    const one = withQuickTerm('passport', 'verdict', 'invalid');
    expect(one).toBe('passport verdict:invalid');
    expect(readQuickTerm(one, 'verdict')).toBe('invalid');
    const two = withQuickTerm(withQuickTerm(one, 'kind', 'jwt'), 'verdict', 'valid');
    expect(two).toBe('passport kind:jwt verdict:valid');
    expect(withQuickTerm(two, 'verdict', undefined)).toBe('passport kind:jwt');
    expect(readQuickTerm('Verdict:Valid', 'verdict')).toBe('valid');
    expect(readQuickTerm('', 'kind')).toBeUndefined();
  });
});
