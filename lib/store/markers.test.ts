// Tests for placing navigation markers among the captures of the flat list.
import { describe, expect, it } from 'vitest';
import type { Capture } from './capture';
import { listOf } from './capture-list';
import { addMarker, markList, type ListRow } from './markers';

const capture = (time: number) => ({ id: `c${time}`, exchange: { time } }) as unknown as Capture;
const label = (row: ListRow) => ('marker' in row ? `M${row.marker.time}` : row.capture.id);

describe('markList', () => {
  // Captures newest first at t = 50, 40, 30, 20, 10; navigations at 35 and 15.
  const captures = listOf([50, 40, 30, 20, 10].map(capture));
  const markers = addMarker(addMarker([], 'a', 15, 'https://a/'), 'b', 35, 'https://b/');

  it('puts each marker above the captures made before it', () => {
    const list = markList(captures, markers);
    expect(list.length).toBe(7);
    expect(list.slice(0, 7).map(label)).toEqual(['c50', 'c40', 'M35', 'c30', 'c20', 'M15', 'c10']);
    expect(list.slice(3, 6).map(label)).toEqual(['c30', 'c20', 'M15']);
    expect([0, 1, 2, 3, 4].map((index) => list.displayIndexOf(index))).toEqual([0, 1, 3, 4, 6]);
  });

  it('without markers it is the capture list', () => {
    const list = markList(captures, []);
    expect(list.slice(1, 3).map(label)).toEqual(['c40', 'c30']);
    expect(list.displayIndexOf(4)).toBe(4);
  });

  it('keeps at most 200 markers, newest first', () => {
    let many: ReturnType<typeof addMarker> = [];
    for (let i = 0; i < 250; i += 1) many = addMarker(many, `m${i}`, i, 'u');
    expect(many).toHaveLength(200);
    expect(many[0]!.id).toBe('m249');
  });
});
