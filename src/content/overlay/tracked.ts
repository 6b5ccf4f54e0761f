// The findings of the latest check as the overlay keeps them: each with the text it was computed on and, in
// the body, a live range the browser moves with edits. Which of them are drawn, and which one a point is on.
import type { Finding } from '../../engine/schemas/finding.ts';
import { visibleFindings } from './findings.ts';
import { type Box, contains } from './geometry.ts';

export interface Tracked {
  key: string;
  finding: Finding;
  /** The text the finding was computed on: a fix is applied only while this still stands at its offsets. */
  expected: string;
  /** Live: the browser moves it with edits, so underlines follow typing until the next check. */
  range?: Range;
}

/** What the findings were computed on: the body's text as mapped (null without an editor) and the subject. */
export interface TrackSource {
  body: string | null;
  subject: string;
  /** A live range over body offsets [start, end), when the body's map can place one. */
  rangeOf(start: number, end: number): Range | undefined;
}

export function trackFindings(findings: readonly Finding[], source: TrackSource): Tracked[] {
  return findings.map((finding, i) => {
    const key = `${i}:${finding.ruleId}:${finding.field}:${finding.start}`;
    if (finding.field === 'body' && source.body !== null) {
      const expected = source.body.slice(finding.start, finding.end);
      return { key, finding, expected, range: source.rangeOf(finding.start, finding.end) };
    }
    if (finding.field === 'subject')
      return { key, finding, expected: source.subject.slice(finding.start, finding.end) };
    return { key, finding, expected: finding.excerpt };
  });
}

/** What is drawn: not dismissed in this compose (blocking findings never are) and not fixed since the check. */
export function shownFindings(
  tracked: readonly Tracked[],
  dismissed: ReadonlySet<string>,
  applied: ReadonlySet<string>,
): Tracked[] {
  const visible = new Set(
    visibleFindings(
      tracked.map((t) => t.finding),
      dismissed,
    ),
  );
  return tracked.filter((t) => visible.has(t.finding) && !applied.has(t.key));
}

/** The same finding from another check of the same text (the send gate's). */
export function sameFinding(a: Finding, b: Finding): boolean {
  return a.ruleId === b.ruleId && a.field === b.field && a.start === b.start && a.end === b.end;
}

/** The range's text has no line breaks between paragraphs: compare what was typed, not the spacing. */
export function sameText(now: string, expected: string): boolean {
  return now.replace(/\s+/g, '') === expected.replace(/\s+/g, '');
}

/** Whether a body finding's text still stands where its range is (typing elsewhere keeps it). */
export function stillMatches(t: Tracked): boolean {
  const range = t.range;
  if (!range || range.collapsed || !range.startContainer.isConnected) return false;
  return sameText(range.toString(), t.expected);
}

/** The finding whose drawn text is at (x, y), give or take a pixel; the first drawn wins. */
export function findingAt(lines: ReadonlyMap<string, readonly Box[]>, x: number, y: number): string | null {
  for (const [key, boxes] of lines) for (const box of boxes) if (contains(box, x, y, 1)) return key;
  return null;
}
