// Turns the bytes of one input file into a Draft. Pure given the bytes: no file system, no clock.
import PostalMime, { type Address, addressParser } from 'postal-mime';
import { type Draft, DraftInputSchema, formatIssues } from '../engine/index.ts';

export type InputKind = 'eml' | 'txt' | 'json';

export type ReadResult = { ok: true; draft: Draft } | { ok: false; issues: string[] };

const EXTENSIONS: Record<string, InputKind> = {
  '.eml': 'eml',
  '.txt': 'txt',
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
  headers: { name: string; value: string }[];
  /** Offset of the body after the blank line. */
  bodyStart: number;
}

/** The leading header block when every line up to the first blank line is a header (or its continuation). */
function leadingHeaders(text: string): HeaderBlock | undefined {
  const headers: { name: string; value: string }[] = [];
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
      last.value += ` ${line.trim()}`;
    } else {
      const match = HEADER_LINE.exec(line);
      if (!match) return undefined;
      headers.push({ name: match[1]!.toLowerCase(), value: match[2]!.trim() });
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
  const block = leadingHeaders(text);
  const draft: Draft = { subject: '', body: text, to: [], cc: [], bcc: [] };
  if (!block || block.headers.some((header) => !TXT_HEADERS.has(header.name))) return draft;
  draft.body = text.slice(block.bodyStart);
  for (const { name, value } of block.headers) {
    if (name === 'subject') draft.subject = value;
    else if (name === 'from') draft.from = parseAddressList(value)[0] ?? value;
    else if (name === 'to' || name === 'cc' || name === 'bcc') draft[name].push(...parseAddressList(value));
  }
  return draft;
}

/** A draft `.json` file, validated with the engine's lenient input schema; every problem with its path. */
export function parseJsonDraft(text: string): ReadResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [`(file): not valid JSON: ${(error as Error).message}`] };
  }
  const result = DraftInputSchema.safeParse(json);
  if (!result.success) return { ok: false, issues: formatIssues(result.error) };
  return { ok: true, draft: result.data };
}

/** An RFC 822 message. The Date header becomes `now`: an audit of sent mail judges it at its send time. */
export async function parseEml(bytes: Uint8Array): Promise<ReadResult> {
  let email: Awaited<ReturnType<typeof PostalMime.parse>>;
  try {
    email = await PostalMime.parse(bytes);
  } catch (error) {
    return { ok: false, issues: [`(file): not a readable email message: ${(error as Error).message}`] };
  }
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
  return { ok: true, draft };
}

/** Reads one input of a known kind. */
export async function readDraft(bytes: Uint8Array, kind: InputKind): Promise<ReadResult> {
  if (kind === 'eml') return parseEml(bytes);
  const text = decodeText(bytes);
  if (kind === 'json') return parseJsonDraft(text);
  return { ok: true, draft: parseTxt(text) };
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
