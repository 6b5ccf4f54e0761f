/**
 * The one-click fix for an overcommitment: a rewrite of the whole claim, not of one word. A clause such as
 * "we guarantee 100% uptime" holds several absolute markers; swapping "guarantee" for "expect" leaves
 * "we expect 100% uptime", which is still absolute. So every overcommitment finding's suggestion covers the
 * markers of its clause together and softens each: the guarantee, the "100%", the absolute phrase, the
 * certainty adverb, the impossibility. Where the policy lists an approved claim on the same subject, that
 * claim is the rewrite.
 */
import { RULE_PACK } from '../generated/rule-pack.ts';
import type { FieldText } from './field.ts';
import { readModalClaims } from './modality.ts';

interface Marker {
  readonly start: number;
  readonly end: number;
  readonly rewrite: string;
}

/** How far around a match the claim's other markers are looked for, and the most text between two of them. */
const WINDOW = 160;
const GAP = 60;

const CLAUSE_BREAK =
  /[;:()]|\s[-–]\s|,\s*(?:and|so|plus|which|while)\b|\b(?:but|however|although|though|whereas|yet|that said)\b/giu;

const GUARANTEE =
  /\b(?<pre>(?:money[\s-]+back|satisfaction|success|value|price|results?|performance|uptime|the|an?|our|your|this|that|with|\d+[\s-]+days?|\d+-day)\s+)?(?<word>guarant(?:ee|ees|eed|eeing|y|ies))\b/giu;
const VERB_REWRITE: Record<string, string> = {
  guarantee: 'expect',
  guarantees: 'should ensure',
  guaranteed: 'expected',
  guaranteeing: 'aiming for',
};
const ZERO = /\bzero\s+(?=[\p{L}])/giu;
const HUNDRED = /(?<![\d.,])(?:100\s?(?:%|percent\b)|one hundred percent\b)\s*/giu;
const HIGHLY_BEFORE =
  /^(?:secure|safe|reliable|accurate|available|compliant|effective|protected|certain|sure|successful|resolved|fixed|satisfied)\b/iu;

function phraseSource(phrase: string): string {
  return phrase
    .trim()
    .split(/[\s-]+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s-]*');
}

let absolute: { re: RegExp; rewrites: string[] } | undefined;
let hundredPatterns: RegExp[] | undefined;

/** The built-in absolute phrases with their bounded wording (rules/overcommitment.yaml), read once. */
function absolutePhrases(): { re: RegExp; rewrites: string[] } {
  if (!absolute) {
    const rule = RULE_PACK.rules.find((r) => r.id === 'overcommitment/absolute-claim');
    const entries = rule?.kind === 'phrase' ? rule.phrases : [];
    const rewrites: string[] = [];
    const sources: string[] = [];
    for (const e of entries) {
      if (typeof e === 'string' || !e.suggestion) continue;
      sources.push(`(${phraseSource(e.text)})`);
      rewrites.push(e.suggestion);
    }
    absolute = {
      re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${sources.join('|')})(?![\\p{L}\\p{N}])`, 'giu'),
      rewrites,
    };
  }
  return absolute;
}

function hundredPercent(): RegExp[] {
  if (!hundredPatterns) {
    const rule = RULE_PACK.rules.find((r) => r.id === 'overcommitment/hundred-percent');
    hundredPatterns =
      rule?.kind === 'pattern'
        ? rule.patterns.map((p) => new RegExp(p.regex, `gu${(p.flags ?? '').replace(/[gu]/g, '')}`))
        : [];
  }
  return hundredPatterns;
}

function softenHundred(text: string): string {
  // "availability of 100%" -> "high availability"-like wording; "100% uptime" -> "high uptime".
  const trailing = text.match(
    /^(?<noun>[\p{L} ]+?)\s+(?:of|at|is|will be)?\s*(?:100\s?(?:%|percent)|one hundred percent)$/iu,
  );
  if (trailing?.groups?.noun) return `high ${trailing.groups.noun.toLowerCase()}`;
  return text
    .replace(HUNDRED, (_m, offset: number) => {
      const after = text.slice(offset + _m.length);
      if (/^guarant/iu.test(after)) return '';
      if (/^of the time\b/iu.test(after)) return 'nearly all ';
      return HIGHLY_BEFORE.test(after) ? 'highly ' : 'high ';
    })
    .replace(/\bguarant(?:ee|ees|eed|eeing)\b/giu, (w) => VERB_REWRITE[w.toLowerCase()] ?? w);
}

/** Every absolute marker of a clause, with the bounded wording of each. */
export function claimMarkers(clause: string): Marker[] {
  const found: Marker[] = [];
  const add = (m: Marker) => {
    if (found.some((o) => m.start < o.end && m.end > o.start)) return;
    found.push(m);
  };
  for (const c of readModalClaims(clause)) add(c);
  for (const re of hundredPercent()) {
    re.lastIndex = 0;
    for (const m of clause.matchAll(re))
      add({ start: m.index, end: m.index + m[0].length, rewrite: softenHundred(m[0]) });
  }
  const abs = absolutePhrases();
  abs.re.lastIndex = 0;
  for (const m of clause.matchAll(abs.re)) {
    const i = m.slice(1).findIndex((g) => g !== undefined);
    add({ start: m.index, end: m.index + m[0].length, rewrite: abs.rewrites[i] ?? m[0] });
  }
  for (const m of clause.matchAll(GUARANTEE)) {
    const pre = (m.groups?.pre ?? '').trim().toLowerCase();
    const word = (m.groups?.word ?? '').toLowerCase();
    const wordStart = m.index + m[0].length - word.length;
    if (/^money/.test(pre)) {
      add({ start: m.index, end: m.index + m[0].length, rewrite: 'refund policy' });
    } else if (
      pre &&
      !/^(?:with)$/.test(pre) &&
      /^(?:guarantee|guaranty|guarantees|guaranties)$/.test(word)
    ) {
      // A noun: "a guarantee", "our success guarantee" -> a commitment on stated terms.
      add({
        start: wordStart,
        end: wordStart + word.length,
        rewrite: word.endsWith('s') ? 'commitments' : 'commitment',
      });
    } else {
      add({ start: wordStart, end: wordStart + word.length, rewrite: VERB_REWRITE[word] ?? 'commitment' });
    }
  }
  for (const m of clause.matchAll(ZERO))
    add({ start: m.index, end: m.index + m[0].length, rewrite: 'minimal ' });
  return found.sort((a, b) => a.start - b.start);
}

function contentWords(text: string): Set<string> {
  const stop = new Set([
    'with',
    'that',
    'this',
    'your',
    'from',
    'have',
    'will',
    'every',
    'each',
    'they',
    'their',
    'there',
    'what',
    'when',
    'into',
    'over',
    'than',
    'then',
    'them',
    'been',
    'were',
  ]);
  return new Set(
    (text.toLowerCase().match(/[\p{L}\p{N}%.]{4,}/gu) ?? [])
      .map((w) => w.replace(/\.$/, '').replace(/s$/, ''))
      .filter((w) => !stop.has(w)),
  );
}

/** The approved claim that speaks of the same thing as the clause (most shared content words), if any. */
export function approvedClaimFor(clause: string, approvedClaims: readonly string[]): string | undefined {
  const words = contentWords(clause);
  let best: string | undefined;
  let score = 0;
  for (const claim of approvedClaims) {
    let shared = 0;
    for (const w of contentWords(claim)) if (words.has(w)) shared++;
    if (shared > score) {
      best = claim;
      score = shared;
    }
  }
  return best;
}

function matchCase(original: string, replacement: string): string {
  const first = original.charAt(0);
  if (first && first === first.toUpperCase() && first !== first.toLowerCase())
    return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}

/**
 * The span and suggestion of an overcommitment finding at [start, end) (normalised offsets of `field`):
 * every absolute marker of its clause rewritten together, so that the fixed clause passes every
 * overcommitment rule. `fallback` is the rule's own wording for the match when the reader finds no marker
 * there (a phrase a policy added).
 */
export function rewriteClaim(
  field: FieldText,
  start: number,
  end: number,
  fallback: string | undefined,
  approvedClaims: readonly string[] = [],
): { start: number; end: number; suggestion: string | undefined } {
  const [sS, sE] = field.sentenceAt(start) ?? [start, end];
  const text = field.text;
  let cS = sS;
  let cE = sE;
  CLAUSE_BREAK.lastIndex = 0;
  for (const m of text.slice(sS, sE).matchAll(CLAUSE_BREAK)) {
    const a = sS + m.index;
    const b = a + m[0].length;
    if (b <= start) cS = b;
    else if (a >= end) {
      cE = a;
      break;
    }
  }
  const clause = text.slice(cS, cE);
  const approved = approvedClaimFor(clause, approvedClaims);
  if (approved) {
    const lead = clause.length - clause.trimStart().length;
    const body = clause.trim().replace(/[.!?]+$/u, '');
    return { start: cS + lead, end: cS + lead + body.length, suggestion: matchCase(body, approved) };
  }
  // The claim is the match and the markers chained to it within a few words; a marker repeated word for
  // word ("guarantee guarantee …") is another claim, not part of this one.
  const wS = Math.max(cS, start - WINDOW);
  const wE = Math.min(cE, end + WINDOW);
  const own = text.slice(start, end).toLowerCase();
  const all = claimMarkers(text.slice(wS, wE))
    .map((m) => ({ ...m, start: m.start + wS, end: m.end + wS }))
    .filter((m) => (m.start < end && m.end > start) || text.slice(m.start, m.end).toLowerCase() !== own);
  let here = all.find((m) => m.start < end && m.end > start);
  if (!here) here = { start, end, rewrite: fallback ?? text.slice(start, end) };
  const markers = [here];
  let from = Math.min(start, here.start);
  let to = Math.max(end, here.end);
  for (const m of [...all].sort((a, b) => b.end - a.end))
    if (m.end <= from && from - m.end <= GAP) {
      markers.unshift(m);
      from = m.start;
    }
  for (const m of all)
    if (m.start >= to && m.start - to <= GAP) {
      markers.push(m);
      to = m.end;
    }
  let out = '';
  let at = from;
  for (const m of markers) {
    if (m.start < at) continue;
    out += text.slice(at, m.start) + matchCase(text.slice(m.start, m.end), m.rewrite);
    at = m.end;
  }
  out += text.slice(at, to);
  const suggestion = out.replace(/\s{2,}/g, ' ');
  return { start: from, end: to, suggestion: suggestion === text.slice(from, to) ? fallback : suggestion };
}
