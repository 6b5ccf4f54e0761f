/**
 * One combined matcher for thousands of names (accounts, aliases, contacts, competitors): a token trie
 * walked once over the text, so a check costs the same with 5 accounts or 5,000.
 */
import { normalize } from './normalize.ts';
import type { Span } from './sentences.ts';

export interface NameEntry<T> {
  readonly value: T;
  /** The name as configured. */
  readonly label: string;
  /** Per token: the text must start with a capital letter there (the name does). */
  readonly capitals: readonly boolean[];
}

interface Node<T> {
  next?: Map<string, Node<T>>;
  /** Separator expected before each child token, keyed by child token ('' for space or hyphen). */
  sep?: Map<string, string>;
  entries?: NameEntry<T>[];
}

export interface NameMatch<T> {
  readonly start: number;
  readonly end: number;
  readonly entries: readonly NameEntry<T>[];
}

const TOKEN = /[\p{L}\p{N}]+/gu;

function splitName(name: string): { tokens: string[]; seps: string[]; raw: string[] } {
  const tokens: string[] = [];
  const raw: string[] = [];
  const seps: string[] = [];
  let last = -1;
  for (const m of name.matchAll(TOKEN)) {
    if (last !== -1) seps.push(sepKey(name.slice(last, m.index)));
    raw.push(m[0]);
    tokens.push(m[0].toLowerCase());
    last = m.index + m[0].length;
  }
  return { tokens, seps, raw };
}

/**
 * Whether the text between two name words can still join them: a short separator ("Acme & Co", "Acme-Co"),
 * or spaces and tabs (doubled ones too) with at most one line break, as where plain text wraps a line.
 */
function joinsName(gap: string): boolean {
  if (gap.length <= 4 && !gap.includes('\n')) return true;
  if (gap.length > 16) return false;
  const lineBreak = gap.indexOf('\n');
  if (lineBreak !== -1 && gap.indexOf('\n', lineBreak + 1) !== -1) return false;
  return gap.replace(/\s+/g, '').length <= 2;
}

function sepKey(gap: string): string {
  const t = gap.trim();
  return t === '-' || t === '' ? '' : t;
}

export class NameMatcher<T> {
  readonly #root: Node<T> = {};
  /** First characters of every name's first token: most words are skipped without a slice or a lookup. */
  readonly #firstChars = new Set<number>();
  size = 0;

  /**
   * Adds a name; `caseSensitive` makes capitalised name words require capitals in the text. The name is
   * normalised as the text is, so "O’Brien Group" or a Cyrillic "Северсталь" match what the text folds to.
   */
  add(name: string, value: T, caseSensitive = true): void {
    const { tokens, seps, raw } = splitName(normalize(name).text);
    if (tokens.length === 0) return;
    let node = this.#root;
    this.#firstChars.add(tokens[0]!.charCodeAt(0));
    tokens.forEach((tok, i) => {
      node.next ??= new Map();
      let child = node.next.get(tok);
      if (!child) {
        child = {};
        node.next.set(tok, child);
      }
      if (i > 0) {
        node.sep ??= new Map();
        node.sep.set(tok, seps[i - 1]!);
      }
      node = child;
    });
    const capitals = raw.map((r) => caseSensitive && /^\p{Lu}/u.test(r));
    node.entries ??= [];
    if (!node.entries.some((e) => e.value === value && e.label === name)) {
      node.entries.push({ value, label: name, capitals });
      this.size++;
    }
  }

  /**
   * All longest, non-overlapping name matches inside the ranges. `text` is case-preserved (for the capital
   * letter checks), `lower` the same text lower-cased with identical indices.
   */
  findAll(
    text: string,
    ranges: readonly Span[],
    relaxCase?: (entry: NameEntry<T>) => boolean,
    lower: string = text.toLowerCase(),
  ): NameMatch<T>[] {
    const out: NameMatch<T>[] = [];
    const root = this.#root.next;
    if (!root) return out;
    for (const [from, to] of ranges) {
      let pos = from;
      for (;;) {
        const tok = nextToken(lower, pos, to);
        if (!tok) break;
        pos = tok[1];
        if (!this.#firstChars.has(lower.charCodeAt(tok[0]))) continue;
        const first = root.get(lower.slice(tok[0], tok[1]));
        if (!first) continue;
        const tokens: [number, number][] = [tok];
        let node: Node<T> = first;
        let end = tok[1];
        let best: { end: number; entries: NameEntry<T>[]; tokens: [number, number][] } | undefined;
        if (node.entries) best = { end, entries: node.entries, tokens: [...tokens] };
        while (node.next) {
          const n = nextToken(lower, end, to);
          if (!n) break;
          const gap = text.slice(end, n[0]);
          if (!joinsName(gap)) break;
          const key = lower.slice(n[0], n[1]);
          const child = node.next.get(key);
          if (!child || node.sep?.get(key) !== sepKey(gap)) break;
          node = child;
          tokens.push(n);
          end = n[1];
          if (node.entries) best = { end, entries: node.entries, tokens: [...tokens] };
        }
        if (!best) continue;
        const found = best.tokens;
        const entries = best.entries.filter(
          (e) => relaxCase?.(e) || e.capitals.every((cap, i) => !cap || hasCapital(text, found[i]!)),
        );
        if (entries.length === 0) continue;
        out.push({ start: tok[0], end: best.end, entries });
        pos = best.end;
      }
    }
    return out;
  }
}

const UPPER = /\p{Lu}/u;

/**
 * A word written with a capital where the name has one: at its start ("Apex"), or anywhere when the case is
 * mixed on purpose ("cLoUd"); a common word in lower case ("the apex of the curve") is not the name.
 */
function hasCapital(text: string, [start, end]: readonly [number, number]): boolean {
  if (UPPER.test(text[start] ?? '')) return true;
  for (let i = start + 1; i < end; i++) if (UPPER.test(text[i]!)) return true;
  return false;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(c: number, s: string, i: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  return WORD_CHAR.test(s[i]!);
}

/** The next run of letters and digits in [pos, to): a hand-written scan, the hot loop on a 1 MB body. */
function nextToken(s: string, pos: number, to: number): [number, number] | undefined {
  let i = pos;
  while (i < to && !isWordChar(s.charCodeAt(i), s, i)) i++;
  if (i >= to) return undefined;
  const start = i;
  while (i < to && isWordChar(s.charCodeAt(i), s, i)) i++;
  return [start, i];
}
