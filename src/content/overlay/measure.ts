// The overlay's layout reads, done once per animation frame before it renders: where each drawn finding's
// text is on screen, what the chip's placement depends on, and whether a point is on a control of the page.
import type { ComposeWindow } from '../adapters/types.ts';
import { type Box, inputTextBox, intersect, rangeBoxes, toBox } from './geometry.ts';
import { INTERACTIVE, type PlacementInput } from './placement.ts';
import { stillMatches, type Tracked } from './tracked.ts';

export function viewportBox(view: Window | null): Box {
  return { left: 0, top: 0, right: view?.innerWidth ?? 0, bottom: view?.innerHeight ?? 0 };
}

/**
 * One box per line of each finding's text, clipped to what shows of its field: the body's within the
 * editor's visible area (`area`), the subject's within the subject input on screen. A finding whose text no
 * longer stands where it was gets none until the next check.
 */
export function measureLines(
  items: readonly Tracked[],
  area: Box | null,
  subject: HTMLInputElement | null,
  viewport: Box,
): Map<string, Box[]> {
  const subjectArea = subject ? intersect(toBox(subject.getBoundingClientRect()), viewport) : null;
  const lines = new Map<string, Box[]>();
  for (const t of items) {
    if (t.finding.field === 'body' && t.range && area && stillMatches(t)) {
      const boxes = rangeBoxes(t.range)
        .map((b) => intersect(b, area))
        .filter((b): b is Box => b !== null);
      if (boxes.length > 0) lines.set(t.key, boxes);
    } else if (t.finding.field === 'subject' && subject && subjectArea) {
      if (subject.value.slice(t.finding.start, t.finding.end) !== t.expected) continue;
      const box = inputTextBox(subject, t.finding.start, t.finding.end);
      const clipped = box && intersect(box, subjectArea);
      if (clipped) lines.set(t.key, [clipped]);
    }
  }
  return lines;
}

/** What the chip's placement depends on: the compose, its Send and the toolbar row Send sits in. */
export function placementInput(
  compose: ComposeWindow,
  send: Element | null,
  chip: { width: number; height: number },
  viewport: Box,
  editorRect: DOMRect,
): PlacementInput {
  const rootRect = compose.root.getBoundingClientRect?.();
  const row = send?.closest('[role="group"], [role="toolbar"]') ?? send?.parentElement ?? null;
  return {
    chip,
    viewport,
    compose: rootRect && rootRect.width > 0 ? toBox(rootRect) : null,
    toolbar: row && compose.root.contains(row) ? toBox(row.getBoundingClientRect()) : null,
    send: send ? toBox(send.getBoundingClientRect()) : null,
    editor: toBox(editorRect),
  };
}

/** Whether a click at (x, y) would land on something a person uses (not Preflight's own UI). */
export function controlAt(doc: Document, x: number, y: number): boolean {
  for (const el of doc.elementsFromPoint(x, y)) {
    if (el.closest('[data-preflight-root]')) continue;
    return el.closest(INTERACTIVE) !== null;
  }
  return false;
}
