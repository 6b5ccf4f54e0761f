import { describe, expect, it } from 'vitest';
import type { Box } from './geometry.ts';
import { chipCandidates, createChipPlacer, placeChip, placementKey, samplePoints } from './placement.ts';

const box = (left: number, top: number, right: number, bottom: number): Box => ({ left, top, right, bottom });
const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const input = {
  chip: { width: 100, height: 24 },
  viewport: box(0, 0, 1200, 800),
  compose: box(800, 300, 1160, 800),
  toolbar: box(812, 740, 1148, 780),
  send: box(812, 742, 900, 778),
  editor: box(812, 420, 1148, 730),
};

describe('chip placement', () => {
  it('takes the first free gap in the toolbar row', () => {
    const controls = [input.send, box(910, 750, 930, 770), box(1120, 750, 1140, 770)];
    const placed = placeChip(input, (b) => controls.filter((c) => overlaps(b, c)).length);
    expect(placed).not.toBeNull();
    if (!placed) return;
    expect(placed.top).toBeGreaterThanOrEqual(input.toolbar.top);
    expect(placed.bottom).toBeLessThanOrEqual(input.toolbar.bottom);
    for (const c of controls) expect(overlaps(placed, c)).toBe(false);
  });

  it('goes outside the compose when the row is full, never over the subject above the editor', () => {
    const subject = box(812, 380, 1148, 412);
    const full = box(812, 740, 1148, 780);
    const placed = placeChip(input, (b) => (overlaps(b, full) || overlaps(b, subject) ? 1 : 0));
    expect(placed && overlaps(placed, input.compose)).toBe(false);
  });

  it('keeps every candidate on screen, and the least covering one when all cover something', () => {
    for (const c of chipCandidates(input)) {
      expect(c.left).toBeGreaterThanOrEqual(0);
      expect(c.bottom).toBeLessThanOrEqual(800);
    }
    const last = chipCandidates(input).at(-1);
    const placed = placeChip(input, (b) => (b.left === last?.left && b.top === last?.top ? 1 : 3));
    expect(placed).toEqual(last);
  });

  it('samples the corners and the middle', () => {
    expect(samplePoints(box(0, 0, 10, 10))).toHaveLength(9);
  });
});

describe('placing the chip again', () => {
  const controls = [input.send];
  const counting = () => {
    let calls = 0;
    const hits = (b: Box) => {
      calls++;
      return controls.filter((c) => overlaps(b, c)).length;
    };
    return { hits, calls: () => calls };
  };

  it('keeps the place for the same layout, to the pixel, until the refresh time', () => {
    let clock = 0;
    const { hits, calls } = counting();
    const place = createChipPlacer(hits, 1000, () => clock);
    const first = place(input);
    const measured = calls();
    expect(measured).toBeGreaterThan(0);
    clock = 999;
    // Sub-pixel movement is the same layout.
    expect(place({ ...input, compose: { ...input.compose, left: 800.3 } })).toEqual(first);
    expect(calls()).toBe(measured);
    clock = 1000;
    expect(place(input)).toEqual(first);
    expect(calls()).toBeGreaterThan(measured);
  });

  it('measures again when the compose moved or the chip changed size', () => {
    const { hits, calls } = counting();
    const place = createChipPlacer(hits, 1000, () => 0);
    place(input);
    const once = calls();
    const moved = { ...input, toolbar: box(700, 740, 1148, 780) };
    place(moved);
    const twice = calls();
    expect(twice).toBeGreaterThan(once);
    const wider = place({ ...moved, chip: { width: 140, height: 24 } });
    expect(calls()).toBeGreaterThan(twice);
    expect(wider && wider.right - wider.left).toBe(140);
  });

  it('remembers nothing when there is nowhere to put it', () => {
    const { hits, calls } = counting();
    const place = createChipPlacer(hits, 1000, () => 0);
    const offscreen = { ...input, viewport: box(0, 0, 10, 10) };
    expect(place(offscreen)).toBeNull();
    expect(place(offscreen)).toBeNull();
    expect(calls()).toBe(0);
  });

  it('the layout key rounds to the pixel and tells layouts apart', () => {
    expect(placementKey({ ...input, chip: { width: 100.4, height: 24 } })).toBe(placementKey(input));
    expect(placementKey({ ...input, send: null })).not.toBe(placementKey(input));
  });
});
