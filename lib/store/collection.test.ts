// Tests for the capture collection: order, caps, filtered list and jti counts against a brute-force model.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Inspection } from '../jose/inspect';
import type { Capture } from './capture';
import { CaptureCollection } from './collection';
import { filterTerms } from './filter-terms';

function captureOf(seq: number, time: number, word: string): Capture {
  return {
    id: `c${seq}`,
    seq,
    exchange: {
      id: `x${seq}`,
      time,
      method: 'GET',
      url: `https://a.example/${word}`,
      status: 200,
      source: 'network',
    },
    sighting: { location: 'response.body', token: `t${seq}` },
    jti: '',
    replay: false,
    bytes: 10,
    searchText: `get\nhttps://a.example/${word}`,
  };
}

function inspectionWith(jti: string): Inspection {
  return {
    format: 'jws',
    header: {},
    payload: { jti },
    signature: 'valid',
    kind: 'jwt',
    findings: [],
  };
}

type Step =
  | { kind: 'add'; times: number[]; word: string }
  | { kind: 'inspect'; pick: number; jti: string }
  | { kind: 'filter'; text: string };

const words = fc.constantFrom('alpha', 'beta', 'gamma');
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    times: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 4 }),
    word: words,
  }),
  fc.record({
    kind: fc.constant('inspect' as const),
    pick: fc.nat(),
    jti: fc.constantFrom('j1', 'j2', 'alpha', 'zeta'),
  }),
  fc.record({
    kind: fc.constant('filter' as const),
    // Prefixes and extensions of one another, so narrowing, widening and replacing all occur.
    text: fc.constantFrom(
      '',
      'a',
      'al',
      'alpha',
      'ph',
      'alpha j',
      'alpha j1',
      'beta',
      'zeta',
      'a.example alpha',
      'j1',
    ),
  }),
);

describe('CaptureCollection', () => {
  it('matches a brute-force model: newest first, capped, filtered, counted', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 40 }),
        fc.integer({ min: 1, max: 12 }),
        (steps, cap) => {
          const collection = new CaptureCollection({ maxCaptures: cap, maxBytes: 1e9 });
          let model: Capture[] = [];
          let filter = '';
          let seq = 0;
          for (const s of steps) {
            if (s.kind === 'add') {
              const added = s.times.map((time) => captureOf(++seq, time, s.word));
              collection.add(added);
              model.push(...added);
              model.sort((a, b) => b.exchange.time - a.exchange.time || b.seq - a.seq);
              model = model.slice(0, cap);
            } else if (s.kind === 'inspect') {
              const target = model[s.pick % Math.max(1, model.length)];
              if (!target) continue;
              expect(collection.inspect(target.id, inspectionWith(s.jti))).toBe(true);
              model = model.map((capture) =>
                capture.id === target.id ? collection.get(target.id)! : capture,
              );
            } else {
              filter = s.text;
              collection.setFilter(filter);
            }
            const views = collection.views();
            expect(views.captures.toArray().map((c) => c.id)).toEqual(model.map((c) => c.id));
            const terms = filterTerms(filter);
            const visible = model.filter((c) => terms.every((term) => c.searchText.includes(term)));
            expect(views.visible.toArray().map((c) => c.id)).toEqual(visible.map((c) => c.id));
            for (const [index, capture] of visible.entries()) {
              expect(views.visible.indexOf(capture.id)).toBe(index);
            }
            const counts = new Map<string, number>();
            for (const c of model) if (c.jti) counts.set(c.jti, (counts.get(c.jti) ?? 0) + 1);
            for (const jti of ['j1', 'j2', 'alpha', 'zeta']) {
              expect(views.jtiCounts.get(jti)).toBe(counts.get(jti));
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keystrokes over an unchanged list (corpus) and after a change (text by text) agree', () => {
    const collection = new CaptureCollection({ maxCaptures: 1000, maxBytes: 1e9 });
    const words = ['alpha', 'beta', 'gamma', 'alphabet'];
    collection.add(Array.from({ length: 200 }, (_, i) => captureOf(i + 1, i, words[i % 4]!)));
    const expected = (filter: string) =>
      collection
        .views()
        .captures.toArray()
        .filter((c) => filterTerms(filter).every((term) => c.searchText.includes(term)))
        .map((c) => c.id);
    const check = (filter: string) => {
      collection.setFilter(filter);
      expect(
        collection
          .views()
          .visible.toArray()
          .map((c) => c.id),
      ).toEqual(expected(filter));
    };
    for (const filter of ['alpha', 'alphab', 'alpha', 'a', 'bet', 'alphabet', 'a.example g']) {
      check(filter);
    }
    // A finished inspection changes a text: the next keystrokes read the texts again.
    collection.inspect('c5', inspectionWith('zeta'));
    collection.inspect('c6', inspectionWith('zeta'));
    for (const filter of ['alpha', 'alphab', 'a', 'zeta', 'b', 'a']) check(filter);
    collection.add([captureOf(999, 5, 'alpha')]);
    for (const filter of ['alp', 'alph', 'a']) check(filter);
  });

  it('drops the oldest beyond the byte budget and reports them', () => {
    const collection = new CaptureCollection({ maxCaptures: 100, maxBytes: 25 });
    const outcome = collection.add([
      captureOf(1, 1, 'a'),
      captureOf(2, 2, 'a'),
      captureOf(3, 3, 'a'),
    ]);
    expect(outcome.dropped).toBe(1);
    expect([...outcome.droppedIds]).toEqual(['c1']);
    expect(collection.get('c1')).toBeUndefined();
    expect(
      collection
        .views()
        .captures.toArray()
        .map((c) => c.id),
    ).toEqual(['c3', 'c2']);
  });

  it('publishes a new view per change and keeps the counts view while no count changes', () => {
    const collection = new CaptureCollection({ maxCaptures: 100, maxBytes: 1e9 });
    collection.add([captureOf(1, 1, 'a')]);
    const first = collection.views();
    collection.add([captureOf(2, 2, 'a')]);
    const second = collection.views();
    expect(second.captures).not.toBe(first.captures);
    expect(second.captures.version).toBeGreaterThan(first.captures.version);
    expect(second.jtiCounts).toBe(first.jtiCounts);
    collection.inspect('c1', inspectionWith('j1'));
    expect(collection.views().jtiCounts).not.toBe(second.jtiCounts);
  });

  it('narrows, widens and replaces the filter incrementally while captures come and go', () => {
    const collection = new CaptureCollection({ maxCaptures: 5, maxBytes: 1e9 });
    const ids = () =>
      collection
        .views()
        .visible.toArray()
        .map((c) => c.id);
    collection.add([captureOf(1, 1, 'alpha'), captureOf(2, 2, 'alps'), captureOf(3, 3, 'beta')]);
    expect(collection.setFilter('al')).toBe(true);
    expect(ids()).toEqual(['c2', 'c1']);
    // Extended while a capture arrives: only the current matches are re-tested.
    collection.add([captureOf(4, 4, 'alpine')]);
    expect(collection.setFilter('alp')).toBe(true);
    expect(ids()).toEqual(['c4', 'c2', 'c1']);
    expect(collection.setFilter('alph')).toBe(true);
    expect(ids()).toEqual(['c1']);
    // A capture that arrived during the narrow query shows up again when it is shortened.
    collection.add([captureOf(5, 5, 'alpaca')]);
    expect(ids()).toEqual(['c1']);
    expect(collection.setFilter('al')).toBe(true);
    expect(ids()).toEqual(['c5', 'c4', 'c2', 'c1']);
    // Replaced: everything re-tested.
    expect(collection.setFilter('beta')).toBe(true);
    expect(ids()).toEqual(['c3']);
    // An inspection lands during the query (its jti matches); a new capture drops c1 (cap 5).
    collection.inspect('c5', inspectionWith('beta-jti'));
    collection.add([captureOf(6, 6, 'beta')]);
    expect(ids()).toEqual(['c6', 'c5', 'c3']);
    expect(collection.setFilter('bet')).toBe(true);
    expect(ids()).toEqual(['c6', 'c5', 'c3']);
    expect(collection.setFilter('  bet ')).toBe(false);
    expect(collection.setFilter('be ta')).toBe(true);
    expect(ids()).toEqual(['c6', 'c5', 'c3']);
    expect(collection.setFilter('')).toBe(true);
    expect(ids()).toEqual(['c6', 'c5', 'c4', 'c3', 'c2']);
  });
});
