// Where the status chip goes: somewhere it covers no control, neither the compose's (To, Subject, Send,
// the toolbar, the body's first line) nor the page's. The candidates are tried in order; each is measured
// against what is really on screen there at this layout (hit-testing, so a narrow mole, a pop-out and a
// full-screen compose each get their own answer). Pure apart from the `hits` function it is given.
import type { Box } from './geometry.ts';

/** What a person can click, type into or focus: the chip must not sit on any of it. */
export const INTERACTIVE = [
  'a[href]',
  'button',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  'summary',
  '[contenteditable=""]',
  '[contenteditable="true"]',
  '[role="button"]',
  '[role="link"]',
  '[role="checkbox"]',
  '[role="combobox"]',
  '[role="listbox"]',
  '[role="menuitem"]',
  '[role="option"]',
  '[role="radio"]',
  '[role="row"]',
  '[role="searchbox"]',
  '[role="slider"]',
  '[role="switch"]',
  '[role="tab"]',
  '[role="textbox"]',
  '[role="treeitem"]',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

export interface PlacementInput {
  chip: { width: number; height: number };
  viewport: Box;
  /** The compose window (its root). */
  compose: Box | null;
  /** The row of the compose's own toolbar that holds Send, and Send itself. */
  toolbar: Box | null;
  send: Box | null;
  /** The editor, for the last resort (just above its top right corner, as before). */
  editor: Box | null;
}

const GAP = 6;
const STEP = 12;

function at(left: number, top: number, w: number, h: number): Box {
  return { left, top, right: left + w, bottom: top + h };
}

function inside(box: Box, viewport: Box): boolean {
  return (
    box.left >= viewport.left &&
    box.top >= viewport.top &&
    box.right <= viewport.right &&
    box.bottom <= viewport.bottom
  );
}

/** Every place worth trying, best first: in the toolbar row, then just outside the compose. */
export function chipCandidates(input: PlacementInput): Box[] {
  const { width: w, height: h } = input.chip;
  const out: Box[] = [];
  const row = input.toolbar;
  if (row) {
    const top = (row.top + row.bottom) / 2 - h / 2;
    // Along the row, from right after Send to the row's right end: the first gap between controls.
    const start = Math.max(row.left, (input.send?.right ?? row.left) + GAP);
    for (let left = row.right - w - GAP; left >= start; left -= STEP) out.push(at(left, top, w, h));
    if (row.right - w - GAP < start && start + w <= row.right) out.push(at(start, top, w, h));
  }
  const c = input.compose;
  if (c) {
    const rowTop = row ? (row.top + row.bottom) / 2 - h / 2 : c.bottom - h - GAP;
    out.push(at(c.right - w, c.bottom + GAP, w, h));
    out.push(at(c.right - w, c.top - h - GAP, w, h));
    out.push(at(c.left - w - GAP, rowTop, w, h));
    out.push(at(c.right + GAP, rowTop, w, h));
    out.push(at(c.left - w - GAP, c.top, w, h));
    out.push(at(c.right + GAP, c.top, w, h));
  }
  const e = input.editor;
  if (e) out.push(at(Math.max(0, e.right - w), e.top - h - 4, w, h));
  return out.filter((box) => inside(box, input.viewport));
}

/**
 * The first candidate that covers nothing a person can use (hits = 0); when every one covers something, the
 * one that covers least. Null when there is no candidate at all (nothing on screen).
 */
export function placeChip(input: PlacementInput, hits: (box: Box) => number): Box | null {
  let best: { box: Box; hits: number } | null = null;
  for (const box of chipCandidates(input)) {
    const n = hits(box);
    if (n === 0) return box;
    if (!best || n < best.hits) best = { box, hits: n };
  }
  return best?.box ?? null;
}

/** Points to hit-test over a box: its corners (just inside) and its middle. */
export function samplePoints(box: Box): Array<[number, number]> {
  const xs = [box.left + 1, (box.left + box.right) / 2, box.right - 1];
  const ys = [box.top + 1, (box.top + box.bottom) / 2, box.bottom - 1];
  const out: Array<[number, number]> = [];
  for (const x of xs) for (const y of ys) out.push([x, y]);
  return out;
}

/** The layout a placement was measured at, to the pixel: the same layout keeps its place. */
export function placementKey(input: PlacementInput): string {
  return JSON.stringify(input, (_k, v) => (typeof v === 'number' ? Math.round(v) : v));
}

/**
 * placeChip with a memory: the same layout keeps its place for `refreshMs` (measuring hits costs a little),
 * a moved compose or a resized chip is placed again. `now` is the clock (milliseconds).
 */
export function createChipPlacer(
  hits: (box: Box) => number,
  refreshMs: number,
  now: () => number = Date.now,
): (input: PlacementInput) => Box | null {
  let last: { key: string; at: number; box: Box } | null = null;
  return (input) => {
    const key = placementKey(input);
    const at = now();
    if (last && last.key === key && at - last.at < refreshMs) return last.box;
    const box = placeChip(input, hits);
    if (box) last = { key, at, box };
    return box;
  };
}
