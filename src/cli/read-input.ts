// Turns the bytes of one input file into a Draft. Pure given the bytes: no file system, no clock.
import PostalMime, { type Address, addressParser } from 'postal-mime';
import { type Draft, DraftInputSchema, formatIssues } from '../engine/index.ts';
import { jsonStringLiterals, rawOffsetInLiteral } from './json-source.ts';
import { type HeaderValue, headerOffset, itemAt, LineIndex, type Locator, recipientSpan } from './locate.ts';

export type InputKind = 'eml' | 'txt' | 'json';

export type ReadResult = { ok: true; draft: Draft } | { ok: false; issues: string[] };

/** A read draft with the way back from its fields to the file (see locate.ts). */
export type SourceResult = { ok: true; draft: Draft; locate: Locator } | { ok: false; issues: string[] };

const EXTENSIONS: Record<string, InputKind> = {
  '.eml': 'eml',
  '.txt': 'txt',
  '.md': 'txt',
  '.json': 'json',
};

export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS);

/** The input kind for a file name by its extension (case-insensitive), or undefined when unsupported. */
export function kindForPath(path: string): InputKind | undefined {
  const dot = path.lastIndexOf('.');
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (dot <= slash + 1) return undefined;
  return EXTENSIONS[path.slice(dot).toLowerCase()];
}

/** The header names a plain-text draft may open with. */
const TXT_HEADERS = new Set(['subject', 'to', 'cc', 'bcc', 'from']);
/** Headers that only real messages carry; one of them makes standard input an RFC 822 message. */
const MAIL_HEADERS = new Set([
  'date',
  'message-id',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'received',
  'return-path',
  'reply-to',
  'sender',
  'in-reply-to',
  'references',
  'delivered-to',
]);
const HEADER_LINE = /^([A-Za-z0-9][A-Za-z0-9-]*):[ \t]?(.*)$/;

export function decodeText(bytes: Uint8Array): string {
  // TextDecoder drops a leading byte-order mark; mail from Windows tools often has CRLF.
  return new TextDecoder('utf-8').decode(bytes).replace(/\r\n?/g, '\n');
}

interface HeaderBlock {
  headers: HeaderValue[];
  /** Offset of the body after the blank line. */
  bodyStart: number;
}

/**
 * The leading header block when every line up to the first blank line is a header (or its continuation).
 * With `lenient`, lines that are not headers (an mbox "From " line) are skipped instead of refusing the block.
 */
function leadingHeaders(text: string, lenient = false): HeaderBlock | undefined {
  const headers: HeaderValue[] = [];
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const line = nl === -1 ? text.slice(pos) : text.slice(pos, nl);
    const next = nl === -1 ? text.length : nl + 1;
    if (line.trim() === '') {
      return headers.length > 0 ? { headers, bodyStart: next } : undefined;
    }
    const continuation = /^[ \t]/.test(line);
    const last = headers[headers.length - 1];
    if (continuation && last) {
      const trimmed = line.trim();
      last.value += ` ${trimmed}`;
      last.pieces.push({ at: pos + line.indexOf(trimmed), length: trimmed.length });
    } else {
      const match = HEADER_LINE.exec(line);
      if (!match) {
        if (!lenient) return undefined;
        pos = next;
        continue;
      }
      const raw = match[2]!;
      const value = raw.trim();
      // The value is the end of the line: its start is the line's length less its own, less leading blanks.
      const valueAt = pos + line.length - raw.length + (raw.length - raw.trimStart().length);
      headers.push({
        name: match[1]!.toLowerCase(),
        value,
        lineStart: pos,
        pieces: [{ at: valueAt, length: value.length }],
      });
    }
    pos = next;
  }
  // Headers with no body at all.
  return headers.length > 0 ? { headers, bodyStart: text.length } : undefined;
}

/** Standard input carries no extension: JSON if it starts with `{`, RFC 822 mail if it opens with mail headers. */
export function sniffKind(text: string): InputKind {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{')) return 'json';
  const block = leadingHeaders(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  if (block?.headers.some((header) => MAIL_HEADERS.has(header.name) || header.name.startsWith('x-')))
    return 'eml';
  return 'txt';
}

function formatMailbox(name: string, address: string): string {
  const cleanName = name.trim();
  if (!address) return cleanName;
  return cleanName ? `${cleanName} <${address}>` : address;
}

function formatAddresses(addresses: Address[] | undefined): string[] {
  const out: string[] = [];
  for (const entry of addresses ?? []) {
    if (entry.group) {
      for (const member of entry.group) out.push(formatMailbox(member.name, member.address));
    } else {
      out.push(formatMailbox(entry.name, entry.address));
    }
  }
  return out.filter((value) => value !== '');
}

function parseAddressList(value: string): string[] {
  return formatAddresses(addressParser(value));
}

/** A `.txt` draft: optional Subject/To/Cc/Bcc/From lines, a blank line, then the body. */
export function parseTxt(text: string): Draft {
  return readTxt(text).draft;
}

function readTxt(text: string): { draft: Draft; locate: Locator } {
  const block = leadingHeaders(text);
  const draft: Draft = { subject: '', body: text, to: [], cc: [], bcc: [] };
  const lines = new LineIndex(text);
  if (!block || block.headers.some((header) => !TXT_HEADERS.has(header.name)))
    return { draft, locate: (field, start, end) => (field === 'body' ? lines.span(start, end) : undefined) };
  draft.body = text.slice(block.bodyStart);
  for (const { name, value } of block.headers) {
    if (name === 'subject') draft.subject = value;
    else if (name === 'from') draft.from = parseAddressList(value)[0] ?? value;
    else if (name === 'to' || name === 'cc' || name === 'bcc') draft[name].push(...parseAddressList(value));
  }
  return { draft, locate: headerLocator(draft, block, lines) };
}

/** Body offsets shift by the header block; the subject and recipients are found in their header lines. */
function headerLocator(draft: Draft, block: HeaderBlock, lines: LineIndex): Locator {
  return (field, start, end) => {
    if (field === 'body') return lines.span(block.bodyStart + start, block.bodyStart + end);
    if (field === 'subject') {
      const header = block.headers.findLast((candidate) => candidate.name === 'subject');
      if (!header || header.value !== draft.subject) return undefined;
      return lines.span(headerOffset(header, start), headerOffset(header, end));
    }
    if (field === 'recipients') {
      const span = recipientSpan(draft, block.headers, start);
      return span ? lines.span(span.start, span.end) : undefined;
    }
    return undefined;
  };
}

/** A draft `.json` file, validated with the engine's lenient input schema; every problem with its path. */
export function parseJsonDraft(text: string): ReadResult {
  const read = readJson(text);
  return read.ok ? { ok: true, draft: read.draft } : read;
}

function readJson(text: string): SourceResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [`(file): not valid JSON: ${(error as Error).message}`] };
  }
  const result = DraftInputSchema.safeParse(json);
  if (!result.success) return { ok: false, issues: formatIssues(result.error) };
  const draft = result.data;
  let literals: Map<string, number> | undefined;
  let lines: LineIndex | undefined;
  const locate: Locator = (field, start, end) => {
    literals ??= jsonStringLiterals(text);
    lines ??= new LineIndex(text);
    let path: string | undefined = field;
    let from = start;
    let to = end;
    if (field === 'recipients' || field === 'attachments') {
      const names = field === 'recipients' ? ['to', 'cc', 'bcc'] : ['attachments'];
      const items =
        field === 'recipients'
          ? [...draft.to, ...draft.cc, ...draft.bcc]
          : (draft.attachments ?? []).map((attachment) => attachment.name);
      const paths = names.flatMap((name) =>
        field === 'recipients'
          ? (draft[name as 'to'] ?? []).map((_, i) => `${name}[${i}]`)
          : items.map((_, i) => `attachments[${i}].name`),
      );
      const item = itemAt(items, start);
      path = paths[item.index];
      from = item.offset;
      to = Math.min(item.offset + (end - start), (items[item.index] ?? '').length);
    }
    const literal = path === undefined ? undefined : literals.get(path);
    if (literal === undefined) return undefined;
    return lines.span(rawOffsetInLiteral(text, literal, from), rawOffsetInLiteral(text, literal, to));
  };
  return { ok: true, draft, locate };
}

/** An RFC 822 message. The Date header becomes `now`: an audit of sent mail judges it at its send time. */
export async function parseEml(bytes: Uint8Array): Promise<ReadResult> {
  const read = await readEml(bytes);
  return read.ok ? { ok: true, draft: read.draft } : read;
}

async function readEml(bytes: Uint8Array): Promise<SourceResult> {
  let email: Awaited<ReturnType<typeof PostalMime.parse>>;
  try {
    email = await PostalMime.parse(bytes);
  } catch (error) {
    return { ok: false, issues: [`(file): not a readable email message: ${(error as Error).message}`] };
  }
  const fromHtml = !email.text?.trim() && Boolean(email.html);
  const text = email.text?.trim() ? email.text : email.html ? htmlToText(email.html) : (email.text ?? '');
  const draft: Draft = {
    subject: (email.subject ?? '').replace(/\s*\n\s*/g, ' '),
    body: text.replace(/\r\n?/g, '\n'),
    to: formatAddresses(email.to),
    cc: formatAddresses(email.cc),
    bcc: formatAddresses(email.bcc),
  };
  const from = email.from ? formatAddresses([email.from])[0] : undefined;
  if (from) draft.from = from;
  const attachments = email.attachments
    .filter(
      (attachment) => attachment.filename && !(attachment.related && attachment.disposition !== 'attachment'),
    )
    .map((attachment) => ({ name: attachment.filename as string }));
  if (attachments.length > 0) draft.attachments = attachments;
  if (email.date) {
    const sent = new Date(email.date);
    if (!Number.isNaN(sent.getTime())) draft.now = sent.toISOString();
  }
  return { ok: true, draft, locate: emlLocator(bytes, draft, fromHtml) };
}

/**
 * Positions in a message: a body part that is stored as it reads (7bit, 8bit) is found in the file; a part
 * that is transfer-encoded or read from HTML has no such place, so its positions count in the decoded text.
 */
function emlLocator(bytes: Uint8Array, draft: Draft, fromHtml: boolean): Locator {
  let state:
    | { raw: string; lines: LineIndex; block: HeaderBlock | undefined; bodyAt: number; bodyLines: LineIndex }
    | undefined;
  const load = () => {
    if (state) return state;
    const raw = decodeText(bytes);
    const block = leadingHeaders(raw, true);
    const headerEnd = block?.bodyStart ?? 0;
    const bodyAt = draft.body === '' ? -1 : raw.indexOf(draft.body, headerEnd);
    state = { raw, lines: new LineIndex(raw), block, bodyAt, bodyLines: new LineIndex(draft.body) };
    return state;
  };
  return (field, start, end) => {
    const { raw, lines, block, bodyAt, bodyLines } = load();
    if (field === 'body') {
      if (bodyAt >= 0) return lines.span(bodyAt + start, bodyAt + end);
      // The header block of the text part (the message's own when it has one part).
      const part =
        raw
          .split(/\n[ \t]*\n/)
          .find((b) => /^content-type:[ \t]*text\/plain/im.test(b) && /^content-/im.test(b)) ??
        raw.slice(0, block?.bodyStart ?? 0);
      const encoding = /^content-transfer-encoding:[ \t]*(quoted-printable|base64)/im.exec(part)?.[1];
      const note = fromHtml
        ? 'the text read from the HTML part'
        : encoding
          ? `the decoded ${encoding.toLowerCase()} part`
          : 'the decoded text part';
      return bodyLines.span(start, end, note);
    }
    if (!block) return undefined;
    if (field === 'subject') {
      const header = block.headers.findLast((candidate) => candidate.name === 'subject');
      if (!header) return undefined;
      if (header.value === draft.subject)
        return lines.span(headerOffset(header, start), headerOffset(header, end));
      // An encoded subject (=?UTF-8?Q?...?=): its line, with the column counted in the decoded text.
      const at = lines.at(header.lineStart);
      return {
        line: at.line,
        column: start + 1,
        endLine: at.line,
        endColumn: end + 1,
        in: 'the decoded Subject header',
      };
    }
    if (field === 'recipients') {
      const span = recipientSpan(draft, block.headers, start);
      return span ? lines.span(span.start, span.end) : undefined;
    }
    const names = (draft.attachments ?? []).map((attachment) => attachment.name);
    const item = itemAt(names, start);
    const name = names[item.index];
    const at = name ? raw.indexOf(name, block.bodyStart) : -1;
    if (at === -1) return undefined;
    return lines.span(at + item.offset, at + Math.min(item.offset + (end - start), (name ?? '').length));
  };
}

/** Reads one input of a known kind. */
export async function readDraft(bytes: Uint8Array, kind: InputKind): Promise<ReadResult> {
  const read = await readSource(bytes, kind);
  return read.ok ? { ok: true, draft: read.draft } : read;
}

/** Reads one input of a known kind, with the way back from its fields to positions in the file. */
export async function readSource(bytes: Uint8Array, kind: InputKind): Promise<SourceResult> {
  if (kind === 'eml') return readEml(bytes);
  const text = decodeText(bytes);
  if (kind === 'json') return readJson(text);
  return { ok: true, ...readTxt(text) };
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  yen: '¥',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'table',
  'tr',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'hr',
]);
const SKIP_TAGS = new Set(['script', 'style', 'head', 'title', 'template']);

/**
 * The HTML part of a message as plain text, for mail that has no text part: block elements become line
 * breaks, list items `- `, table cells are separated by a tab, and `<blockquote>` becomes `> ` quoted lines
 * so that quoted history stays recognisable as quoted.
 */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  let line = '';
  let lineHasText = false;
  let quoteDepth = 0;
  let skipping: string | undefined;
  let pre = 0;

  const prefix = () => '> '.repeat(quoteDepth);
  const endLine = () => {
    lines.push(lineHasText ? line.replace(/[ \t]+$/, '') : prefix().trimEnd());
    line = '';
    lineHasText = false;
  };
  const blankLine = () => {
    if (lineHasText) endLine();
    if (lines.length > 0 && lines[lines.length - 1]!.replace(/^[> ]*/, '') !== '')
      lines.push(prefix().trimEnd());
  };
  const emit = (raw: string) => {
    const text = decodeEntities(raw);
    if (pre > 0) {
      const parts = text.split('\n');
      parts.forEach((part, index) => {
        if (index > 0) endLine();
        if (!lineHasText && part !== '') {
          line = prefix();
          lineHasText = true;
        }
        line += part;
      });
      return;
    }
    const collapsed = text.replace(/[\s\u00a0]+/g, ' ');
    if (!lineHasText) {
      const trimmed = collapsed.replace(/^ +/, '');
      if (trimmed === '') return;
      line = prefix() + trimmed;
      lineHasText = true;
    } else {
      line += line.endsWith(' ') ? collapsed.replace(/^ +/, '') : collapsed;
    }
  };

  const token =
    /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?\]\]>|<!(?:[^>]*)>|<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|[^<]+|</g;
  for (let match = token.exec(html); match; match = token.exec(html)) {
    const [whole, closing, rawName] = match;
    if (rawName === undefined) {
      if (skipping || whole.startsWith('<!')) continue;
      emit(whole);
      continue;
    }
    const name = rawName.toLowerCase();
    if (skipping) {
      if (closing && name === skipping) skipping = undefined;
      continue;
    }
    if (SKIP_TAGS.has(name)) {
      if (!closing && !whole.endsWith('/>')) skipping = name;
      continue;
    }
    if (name === 'br') {
      endLine();
    } else if (name === 'blockquote') {
      blankLine();
      quoteDepth = Math.max(0, quoteDepth + (closing ? -1 : 1));
    } else if (name === 'li') {
      if (lineHasText) endLine();
      if (!closing) {
        line = `${prefix()}- `;
        lineHasText = true;
      }
    } else if (name === 'td' || name === 'th') {
      if (!closing && lineHasText && !line.endsWith('\t')) line += '\t';
    } else if (name === 'tr') {
      if (lineHasText) endLine();
    } else if (BLOCK_TAGS.has(name)) {
      if (name === 'pre') pre = Math.max(0, pre + (closing ? -1 : 1));
      blankLine();
      if (name === 'hr') {
        lines.push(`${prefix()}---`);
      }
    }
  }
  if (lineHasText) endLine();
  return lines
    .join('\n')
    .replace(/^\n+/, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/(?:\n[> ]*)+$/, '');
}

/** Nothing to judge: no subject, no recipients, no attachments, and a body of blank space only. */
export function isEmptyDraft(draft: Draft): boolean {
  return (
    draft.body.trim() === '' &&
    draft.subject.trim() === '' &&
    draft.to.length + draft.cc.length + draft.bcc.length === 0 &&
    (draft.attachments ?? []).length === 0
  );
}
