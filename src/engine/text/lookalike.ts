/**
 * Look-alike domains: a recipient domain that is not a known one but is close to one — a typo or squat
 * ("inltech.com", "initek.com" for initech.com), the same name under another suffix ("acme.co" for
 * acme.com), the name with a corporate or service word added ("initech-co.com"), or the same letters drawn
 * from another script or as look-alike glyphs (Cyrillic "а", dotless "ı", "vv" for "w", "0" for "o",
 * Punycode "xn--" labels read decoded).
 *
 * The reference is the policy's known domains: every account's and the organisation's internal ones. The
 * index is built once per policy, on first use, and answers in microseconds with thousands of accounts:
 *  - every known registrable label (public suffix from registrable.ts) is reduced to a skeleton (glyphs that
 *    look alike made one letter); a map from skeleton to domains gives same-looking names, other suffixes and
 *    added words;
 *  - typos go through a deletion neighbourhood over the labels' letters folded one by one: a name of 4–6
 *    letters is stored with each variant that drops one letter; a longer one, which may be two edits away,
 *    with the one-deletion variants of each of its halves (two edits leave one half within one edit), all as
 *    32-bit hashes in one sorted array with a bucket table. A recipient's label asks with the same variants of
 *    its own prefixes and suffixes of the lengths in reach, and each candidate is confirmed with a bounded
 *    edit distance (inserting, deleting, substituting a letter or swapping two neighbours each count one).
 */
import type { Policy } from '../schemas/policy.ts';
import { normalize } from './normalize.ts';
import { domainToUnicode } from './punycode.ts';
import { registrableOf } from './registrable.ts';

export type KnownOwner = { readonly kind: 'internal' } | { readonly kind: 'account'; readonly id: string };

export interface KnownDomain {
  /** The domain as the policy lists it. */
  readonly domain: string;
  readonly owner: KnownOwner;
}

export type LookalikeKind =
  /** The same letters as the known name, or letters drawn alike ("іnitech", "rnicrosoft", "0racle"). */
  | 'glyph'
  /** The known name under another public suffix ("acme.co" for "acme.com"). */
  | 'suffix'
  /** The known name with a corporate or service word added ("initech-co", "acmecorp", "mail-acme"). */
  | 'affix'
  /** One or two typing edits away ("inltech", "initek", "intiech"). */
  | 'typo';

export interface Lookalike {
  readonly known: KnownDomain;
  readonly kind: LookalikeKind;
  /** Edits between the two names' skeletons (0 for glyph, suffix and affix look-alikes). */
  readonly distance: number;
  /** The recipient's domain as a person reads it (Punycode labels decoded). */
  readonly shown: string;
  /** Letters of the recipient's domain from outside ASCII, described ("Cyrillic а", "dotless ı"). */
  readonly foreignLetters: readonly string[];
}

/** Letters from other scripts (and a few Latin ones) that are drawn like an ASCII letter. */
const GLYPHS: Record<string, string> = {
  ı: 'i',
  ȷ: 'j',
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ħ: 'h',
  ɡ: 'g',
  ɑ: 'a',
  ɩ: 'i',
  ʀ: 'r',
  ѵ: 'v',
  ԍ: 'g',
  к: 'k',
  п: 'n',
  г: 'r',
  ь: 'b',
  т: 't',
  м: 'm',
  н: 'h',
  в: 'b',
  з: '3',
  τ: 't',
  η: 'n',
  ω: 'w',
  γ: 'y',
  χ: 'x',
  ε: 'e',
  μ: 'u',
  ϲ: 'c',
  ϳ: 'j',
  ς: 'c',
  β: 'b',
  // Digits and letters a glance takes for one another in an address.
  '0': 'o',
  '1': 'l',
  i: 'l',
  '|': 'l',
};

/** The ASCII characters GLYPHS reads as another. */
const ASCII_GLYPHS = /[01i|]/g;

/**
 * A label folded letter by letter: lower case, accents dropped, look-alike glyphs of other scripts made ASCII,
 * "0" read as "o" and "1", "i" as "l". One typing edit of the label is at most one edit of its fold.
 */
export function foldLetters(label: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range
  if (/^[\x00-\x7f]*$/.test(label)) return label.toLowerCase().replace(ASCII_GLYPHS, (ch) => GLYPHS[ch]!);
  const folded = normalize(label.normalize('NFD').replace(/\p{M}/gu, '')).lower;
  let out = '';
  for (const ch of folded) {
    const once = GLYPHS[ch] ?? ch;
    out += GLYPHS[once] ?? once;
  }
  return out;
}

/**
 * The skeleton of a domain label: its letters folded (foldLetters), and the pairs drawn like one letter made
 * that letter ("rn" as "m", "vv" as "w"). Two labels with the same skeleton look the same at a glance.
 */
export function skeleton(label: string): string {
  return joinPairs(foldLetters(label));
}

const joinPairs = (folded: string) => folded.replace(/rn/g, 'm').replace(/vv/g, 'w');

/**
 * Words that, added to a company's name in a domain, make something that still reads as that company:
 * legal forms, and the generic words of mail, web and service addresses (a class of words, kept as data).
 */
const AFFIXES = [
  'co',
  'corp',
  'corporation',
  'company',
  'inc',
  'llc',
  'ltd',
  'limited',
  'plc',
  'gmbh',
  'group',
  'grp',
  'holdings',
  'hq',
  'global',
  'intl',
  'international',
  'worldwide',
  'online',
  'web',
  'net',
  'mail',
  'email',
  'secure',
  'login',
  'portal',
  'support',
  'help',
  'helpdesk',
  'team',
  'app',
  'apps',
  'cloud',
  'service',
  'services',
  'billing',
  'invoice',
  'invoices',
  'pay',
  'payments',
  'account',
  'accounts',
  'docs',
  'share',
  'files',
  'official',
  'us',
  'usa',
  'uk',
  'eu',
];

const AFFIX_SKELETONS = AFFIXES.map(skeleton);

/** Known names shorter than this get no typo or added-word look-alikes: too many real names lie that close. */
const MIN_TYPO_LENGTH = 4;
/** From this length, two edits still read as the known name (with the first letter kept). */
const TWO_EDIT_LENGTH = 7;

function maxEdits(length: number): number {
  return length >= TWO_EDIT_LENGTH ? 2 : length >= MIN_TYPO_LENGTH ? 1 : 0;
}

interface Entry {
  readonly known: KnownDomain;
  /** Registrable label and suffix of the known domain, as written (ASCII). */
  readonly label: string;
  readonly suffix: string;
  readonly registrable: string;
}

/** Polynomial hash base (odd), arithmetic modulo 2^32. */
const BASE = 0x01000193;
const POWERS = new Int32Array(256);
POWERS[0] = 1;
for (let k = 1; k < POWERS.length; k++) POWERS[k] = Math.imul(POWERS[k - 1]!, BASE);

const prefix = new Int32Array(257);

/**
 * Calls `emit` with the hash of `s` and of every variant of it with one character deleted, each mixed with
 * `tag`. A polynomial hash over prefix sums: each variant costs a few multiplications, whatever its length.
 */
function deletionVariants(s: string, tag: number, emit: (hash: number) => void): void {
  const n = Math.min(s.length, 255);
  const mix = Math.imul(tag + 1, 0x9e3779b1);
  for (let k = 0; k < n; k++) prefix[k + 1] = (Math.imul(prefix[k]!, BASE) + s.charCodeAt(k)) | 0;
  emit((prefix[n]! ^ mix) >>> 0);
  for (let i = 0; i < n; i++) {
    const head = prefix[i]!;
    const tail = (prefix[n]! - Math.imul(prefix[i + 1]!, POWERS[n - i - 1]!)) | 0;
    emit(((Math.imul(head, POWERS[n - i - 1]!) + tail) ^ mix) >>> 0);
  }
}

/** Tag of the left (side 0) or right (side 1) half of a known name of `length` characters. */
const halfTag = (length: number, side: number) => length * 2 + side + 1;

/** `keys` sorted ascending, with `values` alongside. */
function radixSort(keys: Uint32Array, values: Uint32Array): [Uint32Array, Uint32Array] {
  const n = keys.length;
  if (n < 1 << 15) {
    // Small: one native sort of hash and value packed in a float (exact below 2^53).
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = keys[i]! * 2 ** 20 + values[i]!;
    packed.sort();
    for (let i = 0; i < n; i++) {
      const value = packed[i]! % 2 ** 20;
      values[i] = value;
      keys[i] = (packed[i]! - value) / 2 ** 20;
    }
    return [keys, values];
  }
  // Three counting passes of 11, 11 and 10 bits: counts small enough to stay in cache.
  let k1: Uint32Array = keys;
  let v1: Uint32Array = values;
  let k2: Uint32Array = new Uint32Array(n);
  let v2: Uint32Array = new Uint32Array(n);
  const counts = new Uint32Array(2049);
  for (const shift of [0, 11, 22]) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((k1[i]! >>> shift) & 0x7ff) + 1]!++;
    for (let b = 1; b <= 2048; b++) counts[b]! += counts[b - 1]!;
    for (let i = 0; i < n; i++) {
      const at = counts[(k1[i]! >>> shift) & 0x7ff]!++;
      k2[at] = k1[i]!;
      v2[at] = v1[i]!;
    }
    [k1, k2] = [k2, k1];
    [v1, v2] = [v2, v1];
  }
  return [k1, v1];
}

const ROW_A = new Int32Array(258);
const ROW_B = new Int32Array(258);
const ROW_C = new Int32Array(258);

/**
 * Edit distance where inserting, deleting or substituting a character, or swapping two neighbours, costs one
 * (optimal string alignment); `bound + 1` when it is more than `bound`. Only the band of cells within `bound`
 * of the diagonal is computed, in rows kept between calls: the hot path of a look-up allocates nothing.
 */
export function editDistance(a: string, b: string, bound: number): number {
  const m = a.length;
  const n = b.length;
  const over = bound + 1;
  if (Math.abs(m - n) > bound) return over;
  if (n > 256) return editDistance(a.slice(0, 256), b.slice(0, 256), bound);
  let prev2 = ROW_A;
  let prev = ROW_B;
  let cur = ROW_C;
  for (let j = 0; j <= Math.min(n + 1, 257); j++) prev[j] = j <= bound ? j : over;
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(1, i - bound);
    const hi = Math.min(n, i + bound);
    cur[lo - 1] = lo === 1 && i <= bound ? i : over;
    let rowMin = cur[lo - 1]!;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = prev[j - 1]! + (ca === cb ? 0 : 1);
      const up = prev[j]! + 1;
      if (up < v) v = up;
      const left = cur[j - 1]! + 1;
      if (left < v) v = left;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        const swap = prev2[j - 2]! + 1;
        if (swap < v) v = swap;
      }
      if (v > over) v = over;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi + 1 <= 257) cur[hi + 1] = over;
    if (rowMin > bound) return over;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[n]!, over);
}

function describeForeign(domain: string): string[] {
  const out: string[] = [];
  for (const ch of domain) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) continue;
    const script =
      cp >= 0x0400 && cp <= 0x052f
        ? `Cyrillic ${ch}`
        : cp >= 0x0370 && cp <= 0x03ff
          ? `Greek ${ch}`
          : cp === 0x0131
            ? 'dotless ı'
            : `${ch} (U+${cp.toString(16).toUpperCase().padStart(4, '0')})`;
    if (!out.includes(script)) out.push(script);
  }
  return out;
}

const RANK: Record<LookalikeKind, number> = { glyph: 0, suffix: 1, affix: 2, typo: 3 };

export class LookalikeIndex {
  readonly #entries: Entry[] = [];
  readonly #registrable = new Set<string>();
  /** Skeleton of a known registrable label -> the known domains with that label. */
  readonly #bySkeleton = new Map<string, Entry[]>();
  /** Letters of a known registrable label, folded -> the known domains with that label. */
  readonly #byFold = new Map<string, Entry[]>();
  /** Folded known labels that have typo look-alikes, by id (the id stored beside each variant hash). */
  readonly #folds: string[] = [];
  /** Per fold id: the edits allowed, from the longest known name written with it. */
  readonly #edits: number[] = [];
  /** Deletion-variant hashes of #folds, sorted, and the fold id of each. */
  readonly #hashes: Uint32Array;
  readonly #ids: Uint32Array;
  /** Where the hashes with the same top bits (32 - #shift of them) start: a look-up reads one short run. */
  readonly #buckets: Uint32Array;
  readonly #shift: number;
  readonly #cache = new Map<string, Lookalike | null>();

  constructor(known: Iterable<KnownDomain>) {
    for (const k of known) {
      const r = registrableOf(k.domain.toLowerCase());
      if (!r.label || this.#registrable.has(r.domain)) continue;
      this.#registrable.add(r.domain);
      const entry: Entry = { known: k, label: r.label, suffix: r.suffix, registrable: r.domain };
      this.#entries.push(entry);
      const fold = foldLetters(r.label);
      const sk = joinPairs(fold);
      const list = this.#bySkeleton.get(sk);
      if (list) list.push(entry);
      else this.#bySkeleton.set(sk, [entry]);
      const same = this.#byFold.get(fold);
      if (same) same.push(entry);
      else this.#byFold.set(fold, [entry]);
    }
    // The edits allowed go by the name as written ("aarn" has four letters, though its skeleton "aam" three).
    let total = 0;
    for (const [fold, list] of this.#byFold) {
      let longest = 0;
      for (const e of list) if (e.label.length > longest) longest = e.label.length;
      const edits = maxEdits(longest);
      if (edits === 0 || fold.length < 2 || fold.length > 255 || this.#folds.length >= 2 ** 20) continue;
      this.#folds.push(fold);
      this.#edits.push(edits);
      total += fold.length + (edits > 1 ? 2 : 1);
    }
    // Names of 4–6 characters: every one-deletion variant (one edit apart = a variant in common). Longer
    // names, two edits allowed: one of their halves is at most one edit from the same part of the recipient's
    // name, so each half's one-deletion variants are stored, tagged with the name's length and the side.
    const hashes = new Uint32Array(total);
    const ids = new Uint32Array(total);
    let at = 0;
    let id = 0;
    const store = (h: number) => {
      hashes[at] = h;
      ids[at++] = id;
    };
    for (; id < this.#folds.length; id++) {
      const sk = this.#folds[id]!;
      if (this.#edits[id] === 1) deletionVariants(sk, 0, store);
      else {
        const h = sk.length >> 1;
        deletionVariants(sk.slice(0, h), halfTag(sk.length, 0), store);
        deletionVariants(sk.slice(h), halfTag(sk.length, 1), store);
      }
    }
    [this.#hashes, this.#ids] = radixSort(hashes, ids);
    const bits = Math.min(18, Math.max(4, Math.ceil(Math.log2(total + 1)) - 1));
    this.#shift = 32 - bits;
    const buckets = new Uint32Array((1 << bits) + 1);
    for (let i = 0; i < total; i++) buckets[(this.#hashes[i]! >>> this.#shift) + 1]!++;
    for (let b = 1; b <= 1 << bits; b++) buckets[b]! += buckets[b - 1]!;
    this.#buckets = buckets;
  }

  get size(): number {
    return this.#entries.length;
  }

  /** The known domain a recipient domain imitates, if any; never one whose registrable domain is known. */
  find(domain: string): Lookalike | undefined {
    const key = domain.toLowerCase().replace(/\.$/, '');
    const cached = this.#cache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const found = this.#find(key);
    if (this.#cache.size >= 2000) this.#cache.clear();
    this.#cache.set(key, found ?? null);
    return found;
  }

  #find(ascii: string): Lookalike | undefined {
    if (this.#entries.length === 0 || !ascii.includes('.')) return undefined;
    const shown = domainToUnicode(ascii).toLowerCase();
    const r = registrableOf(shown);
    if (this.#registrable.has(r.domain) || this.#registrable.has(registrableOf(ascii).domain))
      return undefined;
    if (!r.label) return undefined;
    const foreignLetters = describeForeign(shown);
    let best: { entry: Entry; kind: LookalikeKind; distance: number } | undefined;
    const offer = (entry: Entry, kind: LookalikeKind, distance: number) => {
      if (entry.registrable === r.domain) return;
      if (!best || RANK[kind] < RANK[best.kind] || (kind === best.kind && distance < best.distance))
        best = { entry, kind, distance };
    };

    // The registrable label, and where a short second-to-last label could be a country's second level
    // ("acme.co.ul" for "acme.co.uk"), the label before it.
    const labels = shown.split('.');
    const readings: { label: string; suffix: string }[] = [{ label: r.label, suffix: r.suffix }];
    if (labels.length >= 3) {
      const second = labels[labels.length - 2]!;
      const alt = { label: labels[labels.length - 3]!, suffix: labels.slice(-2).join('.') };
      if (second.length <= 3 && alt.label !== r.label) readings.push(alt);
    }

    for (const reading of readings) {
      const sk = skeleton(reading.label);
      for (const entry of this.#bySkeleton.get(sk) ?? []) {
        if (reading.label === entry.label) {
          if (reading.suffix !== entry.suffix) offer(entry, 'suffix', 0);
        } else offer(entry, 'glyph', 0);
      }
    }
    if (best) return this.#result(best, shown, foreignLetters);

    const sk = skeleton(r.label);
    const suffixSkeleton = skeleton(r.suffix);
    const sameSuffix = (entry: Entry) => skeleton(entry.suffix) === suffixSkeleton;

    // An added word: "initech-co", "acmecorp", "mail-acme".
    for (const affix of AFFIX_SKELETONS) {
      for (const rest of [
        sk.endsWith(affix) ? sk.slice(0, -affix.length).replace(/-$/, '') : undefined,
        sk.startsWith(affix) ? sk.slice(affix.length).replace(/^-/, '') : undefined,
      ]) {
        if (rest === undefined || rest.length < MIN_TYPO_LENGTH) continue;
        for (const entry of this.#bySkeleton.get(rest) ?? []) if (sameSuffix(entry)) offer(entry, 'affix', 0);
      }
    }
    if (best) return this.#result(best, shown, foreignLetters);

    // Typos: candidates sharing a stored variant, confirmed by the edit distance.
    const seen = new Set<number>();
    const confirm = (hash: number) => {
      const hashes = this.#hashes;
      const bucket = hash >>> this.#shift;
      const end = this.#buckets[bucket + 1]!;
      for (let i = this.#buckets[bucket]!; i < end; i++) {
        if (hashes[i] !== hash) continue;
        const id = this.#ids[i]!;
        if (seen.has(id)) continue;
        seen.add(id);
        const known = this.#folds[id]!;
        const bound = this.#edits[id]!;
        const d = editDistance(fold, known, bound);
        if (d < 1 || d > bound) continue;
        if (d === 2 && fold[0] !== known[0]) continue;
        for (const entry of this.#byFold.get(known) ?? []) if (sameSuffix(entry)) offer(entry, 'typo', d);
      }
    };
    const fold = foldLetters(r.label);
    const m = fold.length;
    // Folding can drop invisible characters, so every length within reach is tried.
    if (m >= 1 && m <= TWO_EDIT_LENGTH) deletionVariants(fold, 0, confirm);
    for (let length = Math.max(2, m - 2); length <= m + 2; length++) {
      const h = length >> 1;
      for (let c = Math.max(1, h - 1); c <= Math.min(m, h + 1); c++)
        deletionVariants(fold.slice(0, c), halfTag(length, 0), confirm);
      for (let r = Math.max(1, length - h - 1); r <= Math.min(m, length - h + 1); r++)
        deletionVariants(fold.slice(m - r), halfTag(length, 1), confirm);
    }
    return best ? this.#result(best, shown, foreignLetters) : undefined;
  }

  #result(
    best: { entry: Entry; kind: LookalikeKind; distance: number },
    shown: string,
    foreignLetters: readonly string[],
  ): Lookalike {
    return { known: best.entry.known, kind: best.kind, distance: best.distance, shown, foreignLetters };
  }
}

const indexes = new WeakMap<Policy, LookalikeIndex>();

/**
 * The look-alike index of a policy's known domains (internal ones first, then every account's), built on
 * first use and kept for as long as the policy object lives.
 */
export function lookalikeIndexOf(policy: Policy): LookalikeIndex {
  let index = indexes.get(policy);
  if (!index) {
    const known: KnownDomain[] = [];
    for (const domain of policy.organization?.internalDomains ?? [])
      known.push({ domain, owner: { kind: 'internal' } });
    for (const account of policy.accounts ?? [])
      for (const domain of account.domains ?? [])
        known.push({ domain, owner: { kind: 'account', id: account.id } });
    index = new LookalikeIndex(known);
    indexes.set(policy, index);
  }
  return index;
}
