// Tests for the capture collection: order, caps, filtered list and jti counts against a brute-force model.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Inspection } from '../jose/inspect';
import type { Capture } from './capture';
import { CaptureCollection, filterTerms } from './collection';

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
    text: fc.constantFrom('', 'alpha', 'beta', 'zeta', 'a.example alpha', 'j1'),
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
});
