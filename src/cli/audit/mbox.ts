// Splits an mbox file (Google Takeout's format, mboxrd: a "From " line opens each message, body lines that
// begin with ">From " carry one added ">") into messages, from chunks of bytes: the file is never held whole,
// only the message being cut. Line ends may be CRLF or LF. Stretches that cannot be mail (bytes before the
// first "From " line, binary data such as NUL bytes) are reported with their byte offset and skipped.

export type MboxItem =
  | {
      kind: 'message';
      /** 1-based position of the message in the file. */
      index: number;
      /** Byte offset of its "From " line. */
      offset: number;
      /** The message as an RFC 822 file would hold it: no "From " line, ">From " unescaped. */
      bytes: Uint8Array;
    }
  | {
      kind: 'unreadable';
      /** The message it belongs to or follows (0: before the first message). */
      index: number;
      offset: number;
      length: number;
      reason: string;
    };

export interface MboxOptions {
  /** A message longer than this is skipped (reported) without being held: no sent email is that large. */
  maxMessageBytes?: number;
}

export const DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

const NL = 0x0a;
const CR = 0x0d;
const GT = 0x3e;
const FROM_LINE = Buffer.from('\nFrom ');

/**
 * A separator is a line "From SENDER DATE". Body text that starts with "From " in a file whose writer did not
 * escape it ("From our side, ...") seldom carries a time of day and a year, which every writer puts there.
 */
export function isFromLine(line: string): boolean {
  return (
    line.startsWith('From ') && line.length < 1000 && /\d{1,2}:\d{2}/.test(line) && /\b\d{4}\b/.test(line)
  );
}

function lineAt(buf: Buffer, at: number, end: number): string {
  const stop = Math.min(end, at + 1000);
  let to = at;
  while (to < stop && buf[to] !== NL) to++;
  return buf.toString('latin1', at, to).replace(/\r$/, '');
}

/** Whether bytes [from, to) hold a control byte other than tab, CR and form feed: not text. */
function hasControl(buf: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const byte = buf[i] ?? 0;
    if ((byte < 0x20 && byte !== 0x09 && byte !== CR && byte !== 0x0c) || byte === 0x7f) return true;
  }
  return false;
}

/** Removes one ">" from every line that starts with one or more ">" then "From " (mboxrd). */
export function unescapeFrom(bytes: Uint8Array): Uint8Array {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const drop: number[] = [];
  const check = (at: number) => {
    let i = at;
    while (buf[i] === GT) i++;
    if (i > at && buf[i] === 0x46 && buf.toString('latin1', i, i + 5) === 'From ') drop.push(at);
  };
  if (buf[0] === GT) check(0);
  for (let at = buf.indexOf('\n>', 0, 'latin1'); at !== -1; at = buf.indexOf('\n>', at + 1, 'latin1'))
    check(at + 1);
  if (drop.length === 0) return bytes;
  const out = new Uint8Array(buf.length - drop.length);
  let from = 0;
  let to = 0;
  for (const at of drop) {
    out.set(buf.subarray(from, at), to);
    to += at - from;
    from = at + 1;
  }
  out.set(buf.subarray(from), to);
  return out;
}

/**
 * The message between a "From " line at `start` and the next one at `end` (or the end of the file): its first
 * line dropped, the blank line the writer put before the next "From " removed, ">From " unescaped, and any
 * binary stretch from the line holding the first NUL byte onwards split off as unreadable.
 */
function cut(
  buf: Buffer,
  start: number,
  end: number,
  base: number,
): { message?: Uint8Array; junk?: { at: number; length: number } } {
  let headers = buf.indexOf(NL, start);
  headers = headers === -1 || headers >= end ? end : headers + 1;
  let stop = end;
  const nul = buf.indexOf(0, headers);
  let junk: { at: number; length: number } | undefined;
  if (nul !== -1 && nul < end) {
    let line = nul;
    while (line > headers && buf[line - 1] !== NL) line--;
    // The stretch starts at the first of the binary-looking lines (control bytes) just before the NUL.
    while (line > headers) {
      let prev = line - 1;
      while (prev > headers && buf[prev - 1] !== NL) prev--;
      if (!hasControl(buf, prev, line - 1)) break;
      line = prev;
    }
    junk = { at: base + line, length: end - line };
    stop = line;
  }
  // The blank line before the next message (LF or CRLF) belongs to the file, not to the message.
  if (stop - headers >= 2 && buf[stop - 1] === NL) {
    const before = buf[stop - 2] === CR ? stop - 2 : stop - 1;
    if (before > headers && buf[before - 1] === NL) stop = before;
  }
  const copy = new Uint8Array(stop - headers);
  copy.set(buf.subarray(headers, stop));
  return { message: unescapeFrom(copy), junk };
}

/** Every message of the mbox, in order, with what could not be read in between. */
export async function* splitMbox(
  chunks: AsyncIterable<Uint8Array>,
  options: MboxOptions = {},
): AsyncGenerator<MboxItem> {
  const max = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  let buf = Buffer.alloc(0);
  /** Absolute offset of buf[0]. */
  let base = 0;
  /** Offset in buf of the current message's "From " line; -1 before the first one. */
  let start = -1;
  /** Where the search for the next separator resumes, in buf. */
  let scan = 0;
  let index = 0;
  /** The current message grew past `max`: its bytes are dropped until the next separator. */
  let oversize: { offset: number; length: number } | undefined;

  // Bytes before the first "From " line, gathered over chunks: blank lines are harmless, anything else is
  // reported once, as one stretch, when the first message starts (or the file ends).
  let leading = 0;
  let leadingText = false;
  const skipLeading = (upTo: number) => {
    leading += upTo;
    if (!leadingText)
      leadingText = buf
        .subarray(0, upTo)
        .some((byte) => byte !== NL && byte !== CR && byte !== 0x20 && byte !== 0x09);
  };
  const leadingItem = (whole: boolean): MboxItem | undefined => {
    const item: MboxItem | undefined = leadingText
      ? {
          kind: 'unreadable',
          index: 0,
          offset: 0,
          length: leading,
          reason: whole
            ? 'not an mbox file: no "From " line opens a message'
            : 'not mail: bytes before the first "From " line',
        }
      : undefined;
    leading = 0;
    leadingText = false;
    return item;
  };

  function* close(end: number): Generator<MboxItem> {
    if (start === -1) {
      skipLeading(end);
      const item = leadingItem(end === buf.length);
      if (item) yield item;
      return;
    }
    if (oversize) {
      yield {
        kind: 'unreadable',
        index,
        offset: oversize.offset,
        length: oversize.length + (end - start),
        reason: `a message larger than ${Math.round(max / (1024 * 1024))} MB: skipped`,
      };
      oversize = undefined;
      return;
    }
    const { message, junk } = cut(buf, start, end, base);
    if (message) yield { kind: 'message', index, offset: base + start, bytes: message };
    if (junk)
      yield {
        kind: 'unreadable',
        index,
        offset: junk.at,
        length: junk.length,
        reason: 'binary data (NUL bytes), not mail',
      };
  }

  const drop = (upTo: number) => {
    buf = buf.subarray(upTo);
    base += upTo;
    scan -= upTo;
    if (start !== -1) start -= upTo;
  };

  for await (const chunk of chunks) {
    buf = buf.length === 0 ? Buffer.from(chunk) : Buffer.concat([buf, chunk]);
    // The very first line of the file may be a separator without a newline before it.
    if (base === 0 && start === -1 && scan === 0) {
      if (buf.length < 6) continue;
      if (buf.toString('latin1', 0, 5) === 'From ') {
        const nl = buf.indexOf(NL);
        if (nl === -1) continue;
        if (isFromLine(lineAt(buf, 0, buf.length))) {
          start = 0;
          index = 1;
          scan = nl;
        }
      }
    }
    for (;;) {
      const at = buf.indexOf(FROM_LINE, Math.max(scan, start === -1 ? 0 : start + 1));
      if (at === -1) {
        scan = Math.max(scan, buf.length - FROM_LINE.length);
        break;
      }
      const line = at + 1;
      const nl = buf.indexOf(NL, line);
      if (nl === -1 && buf.length - line < 1000) {
        scan = at; // the line is not complete yet
        break;
      }
      if (!isFromLine(lineAt(buf, line, buf.length))) {
        scan = at + 1;
        continue;
      }
      yield* close(line);
      index++;
      start = line;
      scan = nl === -1 ? line + 1 : nl;
      drop(start);
    }
    if (start === -1) {
      // Still before the first message: keep only what a separator could start in.
      const keep = Math.max(0, Math.min(scan, buf.length - FROM_LINE.length));
      if (keep > 0) {
        skipLeading(keep);
        drop(keep);
      }
    } else if (buf.length - start > max) {
      // Drop the body read so far; keep only what the next separator could start in.
      const keep = Math.max(start, Math.min(scan, buf.length - FROM_LINE.length));
      oversize ??= { offset: base + start, length: 0 };
      oversize.length += keep - start;
      buf = buf.subarray(keep);
      base += keep;
      scan -= keep;
      start = 0;
    }
  }
  yield* close(buf.length);
}
