// Where a finding sits in the file as stored: 1-based line and column (UTF-16 units, as editors count), so
// that terminals, CI annotations and editors' problem matchers jump to the right character. Findings carry
// offsets into a Draft field; each reader knows how that field was cut out of its file and maps back.
import type { Draft, Field } from '../engine/index.ts';

export interface SourcePosition {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /**
   * Set when the position is not in the file as stored but in text decoded from it (a quoted-printable or
   * base64 part, an encoded header, an HTML part read as text): what the line and column count in.
   */
  in?: string;
}

/** Maps a span of a Draft field to the file; undefined when that field has no place in the file. */
export type Locator = (field: Field, start: number, end: number) => SourcePosition | undefined;

/** Line starts of a text whose line breaks are \n (CRLF already folded: columns are unchanged by that). */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) this.starts.push(at + 1);
  }

  /** 1-based line and UTF-16 column of an offset (clamped to the text). */
  at(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] as number) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - (this.starts[low] as number) + 1 };
  }

  span(start: number, end: number, note?: string): SourcePosition {
    const from = this.at(start);
    const to = this.at(Math.max(start, end));
    const position: SourcePosition = {
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
    };
    if (note) position.in = note;
    return position;
  }
}

/** The text a finding's offsets point into (design.md: recipients and attachments are joined by ", "). */
export function fieldText(draft: Draft, field: Field): string {
  switch (field) {
    case 'body':
      return draft.body;
    case 'subject':
      return draft.subject;
    case 'recipients':
      return [...draft.to, ...draft.cc, ...draft.bcc].join(', ');
    case 'attachments':
      return (draft.attachments ?? []).map((attachment) => attachment.name).join(', ');
  }
}

/** Which item of a ", "-joined list an offset falls in, and the offset inside that item. */
export function itemAt(items: readonly string[], offset: number): { index: number; offset: number } {
  let start = 0;
  for (let index = 0; index < items.length; index++) {
    const end = start + (items[index] as string).length;
    if (offset < end + 2 || index === items.length - 1)
      return { index, offset: Math.max(0, Math.min(offset - start, end - start)) };
    start = end + 2;
  }
  return { index: 0, offset: 0 };
}

/** A header value as read, and where each piece of it lies in the text (folded lines join with one space). */
export interface HeaderValue {
  name: string;
  value: string;
  /** Start of the header's line. */
  lineStart: number;
  /** Pieces of `value` in order: offset in the text, length. */
  pieces: { at: number; length: number }[];
}

/** The offset in the text of `offset` into a header's value. */
export function headerOffset(header: HeaderValue, offset: number): number {
  let rest = offset;
  for (const piece of header.pieces) {
    if (rest <= piece.length) return piece.at + rest;
    rest -= piece.length + 1;
  }
  const last = header.pieces[header.pieces.length - 1];
  return last ? last.at + last.length : header.lineStart;
}

const addressPart = (mailbox: string) => /<([^<>]+)>\s*$/.exec(mailbox)?.[1] ?? mailbox.trim();

/**
 * A recipient's place in the To/Cc/Bcc headers: its address searched in the header it came from, then in
 * any of them. Names may be re-quoted or decoded, addresses are kept as written.
 */
export function recipientSpan(
  draft: Draft,
  headers: readonly HeaderValue[],
  start: number,
): { start: number; end: number } | undefined {
  const list = [...draft.to, ...draft.cc, ...draft.bcc];
  if (list.length === 0) return undefined;
  const { index } = itemAt(list, start);
  const source = index < draft.to.length ? 'to' : index < draft.to.length + draft.cc.length ? 'cc' : 'bcc';
  const address = addressPart(list[index] as string).toLowerCase();
  const candidates = [
    ...headers.filter((header) => header.name === source),
    ...headers.filter((header) => header.name !== source && ['to', 'cc', 'bcc'].includes(header.name)),
  ];
  for (const header of candidates) {
    const at = header.value.toLowerCase().indexOf(address);
    if (at === -1) continue;
    const from = headerOffset(header, at);
    return { start: from, end: headerOffset(header, at + address.length) };
  }
  const first = candidates[0];
  return first ? { start: headerOffset(first, 0), end: headerOffset(first, first.value.length) } : undefined;
}

/**
 * A finding's position: in the file when its reader knows the way back, otherwise counted in the field's
 * own text (and said so), as a draft built in memory has no file.
 */
export function positionOf(
  draft: Draft,
  locate: Locator | undefined,
  finding: { field: Field; start: number; end: number },
): SourcePosition {
  const found = locate?.(finding.field, finding.start, finding.end);
  if (found) return found;
  const lines = new LineIndex(fieldText(draft, finding.field));
  return lines.span(
    finding.start,
    finding.end,
    finding.field === 'body' ? undefined : `the ${finding.field}`,
  );
}
