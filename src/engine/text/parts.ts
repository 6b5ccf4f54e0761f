/**
 * Splits an email body into the parts rules scope themselves to: greeting, main text, signature and
 * quoted history. Works line by line on the (normalised) body; offsets are into the text it is given.
 */

export type PartName = 'greeting' | 'main' | 'signature' | 'quoted';

export interface Part {
  readonly part: PartName;
  readonly start: number;
  readonly end: number;
}

interface Line {
  start: number;
  end: number; // excluding the line break
  text: string;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const raw = text.slice(start, end);
    const trimmedEnd = raw.endsWith('\r') ? end - 1 : end;
    out.push({ start, end: trimmedEnd, text: text.slice(start, trimmedEnd) });
    if (nl === -1) break;
    start = nl + 1;
  }
  return out;
}

// Gmail: "On Mon, 3 Mar 2025 at 10:02, Jane Doe <jane@x.com> wrote:" (may wrap over two lines).
const ON_WROTE = /^\s*On\b.{0,200}\bwrote:\s*$/i;
const ON_START = /^\s*On\s+.*\d/i;
const WROTE_END = /\bwrote:\s*$/i;
const INTL_WROTE = /^\s*(?:Le\b.{0,200}a écrit|Am\b.{0,200}schrieb|El\b.{0,200}escribió)\s*:\s*$/i;
const FORWARDED =
  /^\s*-{2,}\s*(?:Forwarded message|Original Message|Weitergeleitete Nachricht|Message transféré)\s*-{2,}\s*$/i;
const BEGIN_FORWARDED = /^\s*Begin forwarded message:\s*$/i;
const OUTLOOK_FROM = /^\s*\*?From:\*?\s+\S/i;
const OUTLOOK_FIELD = /^\s*\*?(?:Sent|Date|To|Cc|Subject):\*?\s/i;
const UNDERSCORE_RULE = /^\s*_{10,}\s*$/;
const QUOTE_LINE = /^\s*>/;
const SIG_DASHES = /^--\s?$/;
const SIGN_OFF =
  /^\s*(?:(?:best|kind|warm|warmest|kindest|many|with)\s+(?:regards|wishes|thanks)|regards|best|cheers|thanks(?:\s+(?:again|so much|in advance))?|thank you(?:\s+(?:again|so much))?|many thanks|sincerely|yours(?:\s+(?:truly|sincerely))?|all the best|talk soon|speak soon|take care|respectfully|warmly|cordially)\s*[,.!]?\s*$/i;
const GREETING_WORD =
  /^\s*(?:(?:hi|hello|hey|dear|greetings|hiya|howdy)\b|good\s+(?:morning|afternoon|evening|day)\b|morning\b|afternoon\b|to whom it may concern\b)/i;

/** Index of the line where quoted history begins (headers or a run of `>` lines), or lines.length. */
function quotedStart(ls: Line[]): number {
  for (let i = 0; i < ls.length; i++) {
    const t = ls[i]!.text;
    if (ON_WROTE.test(t) || INTL_WROTE.test(t) || FORWARDED.test(t) || BEGIN_FORWARDED.test(t)) return i;
    if (ON_START.test(t) && !t.includes('wrote') && i + 1 < ls.length && WROTE_END.test(ls[i + 1]!.text)) {
      if (t.length < 200) return i;
    }
    if (OUTLOOK_FROM.test(t)) {
      let fields = 0;
      for (let k = i + 1; k < Math.min(ls.length, i + 6); k++) if (OUTLOOK_FIELD.test(ls[k]!.text)) fields++;
      if (fields >= 2) return i > 0 && UNDERSCORE_RULE.test(ls[i - 1]!.text) ? i - 1 : i;
    }
  }
  return ls.length;
}

/**
 * Signature start (line index) within [from, to): a "-- " line, or the last sign-off followed only by
 * a few short name / title / contact lines.
 */
function signatureStart(ls: Line[], from: number, to: number): number {
  for (let i = from; i < to; i++) if (SIG_DASHES.test(ls[i]!.text)) return i;
  for (let i = to - 1; i >= from; i--) {
    if (!SIGN_OFF.test(ls[i]!.text)) continue;
    let trailing = 0;
    let ok = true;
    for (let k = i + 1; k < to; k++) {
      const t = ls[k]!.text.trim();
      if (!t) continue;
      trailing++;
      if (t.length > 80 || trailing > 8 || /[.!?]\s+\p{Lu}/u.test(t)) {
        ok = false;
        break;
      }
    }
    if (ok) return i;
  }
  return to;
}

export function splitParts(text: string): Part[] {
  const ls = lines(text);
  const q = quotedStart(ls);
  const parts: Part[] = [];
  const push = (part: PartName, start: number, end: number) => {
    if (end <= start) return;
    const prev = parts[parts.length - 1];
    if (prev && prev.part === part && prev.end >= start - 1) {
      parts[parts.length - 1] = { part, start: prev.start, end };
      return;
    }
    parts.push({ part, start, end });
  };

  // Greeting: the first non-empty line, when it opens with a salutation; on a long line only up to the
  // first comma / exclamation mark ("Hi Ana, thanks for the call").
  let first = 0;
  while (first < q && !ls[first]!.text.trim()) first++;
  let greetingEnd = -1;
  let bodyFrom = first;
  if (first < q) {
    const line = ls[first]!;
    if (GREETING_WORD.test(line.text) && !QUOTE_LINE.test(line.text)) {
      const cut = line.text.search(/[,!:;\u2014]/);
      if (cut !== -1 && cut < 60) greetingEnd = line.start + cut + 1;
      else if (line.text.length <= 60) greetingEnd = line.end;
      if (greetingEnd !== -1) {
        push('greeting', line.start, greetingEnd);
        if (greetingEnd >= line.end) bodyFrom = first + 1;
      }
    }
  }

  const sig = signatureStart(ls, bodyFrom, q);
  const mainStart =
    greetingEnd !== -1 && greetingEnd < (ls[first]?.end ?? 0)
      ? greetingEnd
      : (ls[bodyFrom]?.start ?? text.length);
  // Interleaved replies: `>` lines before the history are quoted; the lines between them are the author's.
  let cursor = mainStart;
  const sigOffset = sig < q ? ls[sig]!.start : q < ls.length ? ls[q]!.start : text.length;
  for (let i = bodyFrom; i < Math.min(sig, q); i++) {
    const line = ls[i]!;
    if (QUOTE_LINE.test(line.text)) {
      push('main', cursor, line.start);
      push('quoted', line.start, Math.min(line.end + 1, text.length));
      cursor = Math.min(line.end + 1, text.length);
    }
  }
  push('main', cursor, sigOffset);
  if (sig < q) push('signature', ls[sig]!.start, q < ls.length ? ls[q]!.start : text.length);
  if (q < ls.length) push('quoted', ls[q]!.start, text.length);
  return parts;
}
