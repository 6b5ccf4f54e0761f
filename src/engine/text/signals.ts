/**
 * Whole-email signals read once per check (CheckContext): what kind of email this is, the incident severity
 * its text states, and whether it is written in English. Cheap regexes and word lists only, compiled once
 * per process; nothing here calls compromise.
 */
import { Lru } from './lru.ts';
import { HAS_MONEY_CHEAP } from './money.ts';

export const EMAIL_KINDS = [
  'proposal',
  'support',
  'onboarding',
  'renewal',
  'qbr',
  'internal',
  'other',
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];
export type Severity = 1 | 2 | 3 | 4;

// "pricing" alone is a support topic as often as a proposal ("promotion pricing sync"): only as a heading or
// a pricing document does it count. "quote" followed by from/of/in is quoting someone's words.
export const PROPOSAL_WORD =
  /(?<![\p{L}])(?:proposals?|quotations?|quotes?(?![ _-]+(?:from|of|in|unquote)\b)|sow|statement of work|order[ _-]?forms?|^\s*pricing(?=\s*(?:$|[:\-–(]|for\b|proposal|quote|options|sheet|summary))|pricing(?=[ _-]+(?:for|proposal|quote|options|sheet|summary)\b))(?![\p{L}])/giu;
export const BODY_PROPOSAL =
  /\b(?:(?:attached|enclosed|attaching|here is|here's|please find|sharing|sending(?: you)?|I've put together|we've put together|below is|included is)\b[^.!?\n]{0,60}?\b(?:proposal|quote|quotation|SOW|statement of work|order form|pricing proposal)|(?:our|the|this|attached|revised|updated|draft|final|formal) (?:proposal|quotation|price quote|SOW|statement of work|order form|pricing proposal))\b(?! (?:from|of) )/giu;
const PROPOSAL_CHEAP = /proposal|quot|\bsow\b|statement of work|order[ _-]?form|pricing/i;

const ONBOARDING =
  /\b(?:onboarding|implementation plan|kick-?off|go-live|go live plan|rollout plan|roll-out plan|welcome aboard|getting started plan)\b/i;
const QBR =
  /\b(?:qbr|quarterly business review|business review|ebr|health score|account health|health check|adoption report|usage review|account review)\b/i;
const RENEWAL = /\b(?:renewal|renewing|renew|churn|contract (?:end|term|expir)\w*)\b/i;
const SUPPORT =
  /\b(?:ticket|case (?:#|no\.?|number)|incident|outage|bug|error|errors|failing|failed|not working|broken|workaround|troubleshoot\w*|root cause|support request|escalat\w*|sev(?:erity)?[ -]?[1-4]|p[1-4])\b/i;

/** Severity stated in text: "Sev 1", "Severity-2", "S1", "P1", "priority 2", and incident wording. */
const SEVERITY_TAG =
  /\b(?:sev(?:erity)?[ -]?([1-4])|s([12])(?![\w.-])|p([1-4])(?![\w.-])|priority[ -]?([1-4]))\b/i;
// Outage words count when they describe a live incident, not a promise of none ("no outage", "zero downtime").
const SEV1_WORDS =
  /(?<!\b(?:no|zero|without|any|planned|scheduled|avoid|prevent|minimal|minimi[sz]e)\s)\b(?:(?:an?|the|this|today's|yesterday's|current|ongoing|major|full|complete|total|widespread|global|partial) (?:outage|service outage|platform outage)|outage (?:affecting|impacting|on|in|of|for)|(?:is|are|was|were|went|has been|have been) (?:completely |fully )?down\b(?! (?:to|from|by|\d))|down for (?:all|every|everyone|most)|production (?:is )?down|critical incident|major incident|sev(?:erity)? ?one|data loss incident|service (?:is )?unavailable)/i;
const SEV2_WORDS =
  /\b(?:degraded (?:performance|service)|partial outage|service disruption|significant (?:disruption|impact)|(?:many|several|most) users (?:cannot|can't|are unable)|high[- ]priority incident)\b/i;

export function detectSeverity(text: string): Severity | undefined {
  const tag = SEVERITY_TAG.exec(text);
  if (tag) {
    const level = Number(tag[1] ?? tag[2] ?? tag[3] ?? tag[4]);
    if (level >= 1 && level <= 4) return level as Severity;
  }
  if (/\bpartial outage\b/i.test(text)) return 2;
  if (SEV1_WORDS.test(text)) return 1;
  if (SEV2_WORDS.test(text)) return 2;
  return undefined;
}

export function hasProposalSignal(subject: string, body: string, attachments: string): boolean {
  if (!PROPOSAL_CHEAP.test(subject) && !PROPOSAL_CHEAP.test(body) && !PROPOSAL_CHEAP.test(attachments))
    return false;
  PROPOSAL_WORD.lastIndex = 0;
  if (PROPOSAL_WORD.test(subject)) return true;
  PROPOSAL_WORD.lastIndex = 0;
  if (PROPOSAL_WORD.test(attachments.replace(/_/g, ' '))) return true;
  BODY_PROPOSAL.lastIndex = 0;
  return BODY_PROPOSAL.test(body);
}

export interface KindInput {
  readonly subject: string;
  /** The sender's own text (greeting + main), without quoted history. */
  readonly body: string;
  readonly attachments: string;
  readonly internalOnly: boolean;
  readonly severity: Severity | undefined;
}

/**
 * Every kind the email reads as (an email can be a renewal proposal), most specific first; the first is
 * the primary kind. Internal email is only ever `internal`.
 */
export function detectKinds(input: KindInput): EmailKind[] {
  if (input.internalOnly) return ['internal'];
  const { subject, body, attachments } = input;
  const both = `${subject}\n${body}`;
  const kinds: EmailKind[] = [];
  if (input.severity !== undefined && input.severity <= 2) kinds.push('support');
  if (hasProposalSignal(subject, body, attachments)) kinds.push('proposal');
  if (ONBOARDING.test(both) || /onboarding|implementation/i.test(attachments)) kinds.push('onboarding');
  if (QBR.test(both) || /\bqbr\b|business[ _-]review/i.test(attachments)) kinds.push('qbr');
  if (RENEWAL.test(both)) kinds.push('renewal');
  if (!kinds.includes('support') && (input.severity !== undefined || SUPPORT.test(both)))
    kinds.push('support');
  if (kinds.length === 0) kinds.push('other');
  return kinds;
}

// Function words, chosen so that each list shares as little as possible with the others.
const STOP_WORDS: Record<string, readonly string[]> = {
  en: 'the and you your for with that this have will are was our we please thanks thank would there what which when been from they them about just can'.split(
    ' ',
  ),
  de: 'und der die das ist nicht ich sie wir mit für auf dem den ein eine einen bitte danke wird sind haben ihr ihre ihnen auch noch schon'.split(
    ' ',
  ),
  fr: 'le la les et est pas vous nous avec pour une des du dans sur que qui merci votre vos sont être avons cette ce mais bien'.split(
    ' ',
  ),
  es: 'el los las y es no usted nosotros con para una del en que por gracias su sus está están hemos esta este pero muy también'.split(
    ' ',
  ),
  it: 'il lo gli e è non voi noi con per una del della nella che grazie vostro vostra sono siamo questa questo ma anche molto'.split(
    ' ',
  ),
  nl: 'de het een en is niet ik wij jij u met voor op van dat die bedankt uw zijn hebben ook nog maar wel graag'.split(
    ' ',
  ),
  pt: 'o os as e é não você nós com para uma do da em que por obrigado seu sua está estão temos esta este mas muito também'.split(
    ' ',
  ),
};
const STOP_SETS: [string, Set<string>][] = Object.entries(STOP_WORDS).map(([code, words]) => [
  code,
  new Set(words),
]);
const MIN_WORDS = 12;

/** The draft's language by stop-word share: `en`, another ISO 639-1 code, or `en` when too short to tell. */
export function detectLanguage(text: string): string {
  const words = languageWords(text);
  if (words.length < MIN_WORDS) return 'en';
  const scores = new Map<string, number>();
  for (const w of words)
    for (const [code, set] of STOP_SETS) if (set.has(w)) scores.set(code, (scores.get(code) ?? 0) + 1);
  return pickLanguage(scores, words.length);
}

// English wins ties and needs only a modest share: customer names, product terms and quoted English in
// another language are common, the reverse much less so.
function pickLanguage(scores: ReadonlyMap<string, number>, words: number): string {
  const en = scores.get('en') ?? 0;
  let best = 'en';
  let bestScore = en;
  for (const [code, score] of scores) if (score > bestScore) [best, bestScore] = [code, score];
  if (best === 'en' || bestScore < 3 || bestScore < en * 1.5 || en / words >= 0.12) return 'en';
  return best;
}

// A run of letters that touches no digit, underscore or other letter on either side.
const WORD = /(?<![\p{L}\p{M}\p{N}_])[\p{L}\p{M}]+(?![\p{L}\p{M}\p{N}_])/gu;
const ADDRESS_MARK = /@|:\/\/|www\./gi;
const SPACE = /\s/;

/**
 * The words the language is told from, lower-cased: runs of letters only. A token with a digit or an
 * underscore is an identifier (a ticket number, an order id, a hex token such as "e657e163a7c7904a"), and
 * reading the letters between its digits as words ("e", "a") would make a short English email Italian. Web
 * addresses and email addresses are not words of any language either ("https://x.example/e/a/setup"): the
 * run of text between spaces that holds one is left out whole. Linear in the text's length, whatever it
 * holds (no pattern here searches from every position).
 */
export function languageWords(text: string): string[] {
  return withoutAddresses(text).toLowerCase().match(WORD) ?? [];
}

/** `text` with every space-delimited run that holds "@", "://" or "www." blanked, in one pass. */
function withoutAddresses(text: string): string {
  ADDRESS_MARK.lastIndex = 0;
  if (!ADDRESS_MARK.test(text)) return text;
  let out = '';
  let kept = 0; // text before this is in `out` or blanked
  ADDRESS_MARK.lastIndex = 0;
  for (let m = ADDRESS_MARK.exec(text); m; m = ADDRESS_MARK.exec(text)) {
    let start = m.index;
    while (start > kept && !SPACE.test(text[start - 1] ?? ' ')) start--;
    let end = m.index + m[0].length;
    while (end < text.length && !SPACE.test(text[end] ?? ' ')) end++;
    out += `${text.slice(kept, start)} `;
    kept = end;
    ADDRESS_MARK.lastIndex = end;
  }
  return out + text.slice(kept);
}

/**
 * What one piece of an email's own text says, for the whole-email signals above: stop-word counts, severity
 * wording, kind wording. The whole email's signals combine its pieces (the subject, then each paragraph's
 * in-scope text), so a check after typing reads only the paragraph that changed; pieces are memoised by text.
 */
export interface PieceSignals {
  readonly words: number;
  /** Stop words per language, in the order the languages first appear in the piece. */
  readonly stopWords: readonly (readonly [code: string, count: number])[];
  readonly severityTag: Severity | undefined;
  readonly partialOutage: boolean;
  readonly sev1: boolean;
  readonly sev2: boolean;
  readonly onboarding: boolean;
  readonly qbr: boolean;
  readonly renewal: boolean;
  readonly support: boolean;
  readonly proposalCheap: boolean;
  readonly bodyProposal: boolean;
  /** An amount, an offer document's name or something "is attached": see OFFER_CUE. */
  readonly offerCue: boolean;
}

const STOP_CODES = new Map<string, string[]>();
for (const [code, set] of STOP_SETS)
  for (const w of set) {
    const list = STOP_CODES.get(w);
    if (list) list.push(code);
    else STOP_CODES.set(w, [code]);
  }

function readPiece(text: string): PieceSignals {
  const counts = new Map<string, number>();
  const list = languageWords(text);
  const words = list.length;
  for (const w of list) {
    const codes = STOP_CODES.get(w);
    if (codes) for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const tag = SEVERITY_TAG.exec(text);
  const level = tag ? Number(tag[1] ?? tag[2] ?? tag[3] ?? tag[4]) : Number.NaN;
  BODY_PROPOSAL.lastIndex = 0;
  const proposalCheap = PROPOSAL_CHEAP.test(text);
  return {
    words,
    stopWords: [...counts],
    severityTag: level >= 1 && level <= 4 ? (level as Severity) : undefined,
    partialOutage: /\bpartial outage\b/i.test(text),
    sev1: SEV1_WORDS.test(text),
    sev2: SEV2_WORDS.test(text),
    onboarding: ONBOARDING.test(text),
    qbr: QBR.test(text),
    renewal: RENEWAL.test(text),
    support: SUPPORT.test(text),
    proposalCheap,
    bodyProposal: proposalCheap && BODY_PROPOSAL.test(text),
    offerCue: HAS_MONEY_CHEAP.test(text) || OFFER_CUE.test(text),
  };
}

/**
 * What any reading of an email as sending a proposal needs besides an amount: an offer document's name (the
 * bare words, no word boundaries, so a sentence that names one always has it) or something handed over as
 * "is attached" / "are below". An email with neither and no amount sends no proposal in its text
 * (rules/human-review/proposal-reading.ts), and its paragraphs say so once each.
 */
const OFFER_CUE =
  /proposal|quot|estimate|sow|statement of work|order form|price list|pricing sheet|bid|tender|term sheet|breakdown|(?:is|are)\s+(?:now\s+)?(?:attached|enclosed|below|ready for)/iu;

const pieceMemo = new Lru<PieceSignals>(2000);

/** The signals of one piece of text, memoised by text (least recently used out first). */
export function pieceSignals(text: string): PieceSignals {
  let s = pieceMemo.get(text);
  if (!s) {
    s = readPiece(text);
    pieceMemo.set(text, s);
  }
  return s;
}

/** Forgets every memoised piece (tests comparing a warm engine with a cold one). */
export function clearPieceMemo(): void {
  pieceMemo.clear();
}

/** detectLanguage over pieces (the subject and the sender's own text), with the same decision. */
export function languageOf(pieces: readonly PieceSignals[]): string {
  let words = 0;
  const scores = new Map<string, number>();
  for (const p of pieces) {
    words += p.words;
    for (const [code, n] of p.stopWords) scores.set(code, (scores.get(code) ?? 0) + n);
  }
  if (words < MIN_WORDS) return 'en';
  return pickLanguage(scores, words);
}

/** detectSeverity over pieces in reading order (subject, own text, quoted history). */
export function severityOf(pieces: readonly PieceSignals[]): Severity | undefined {
  for (const p of pieces) if (p.severityTag !== undefined) return p.severityTag;
  if (pieces.some((p) => p.partialOutage)) return 2;
  if (pieces.some((p) => p.sev1)) return 1;
  if (pieces.some((p) => p.sev2)) return 2;
  return undefined;
}

/** detectKinds with the subject's and the own text's pieces read already. */
export function kindsOf(input: {
  readonly subject: string;
  readonly subjectSignals: PieceSignals;
  readonly body: readonly PieceSignals[];
  readonly attachments: string;
  readonly internalOnly: boolean;
  readonly severity: Severity | undefined;
}): EmailKind[] {
  if (input.internalOnly) return ['internal'];
  const { subject, attachments } = input;
  const all = [input.subjectSignals, ...input.body];
  const kinds: EmailKind[] = [];
  if (input.severity !== undefined && input.severity <= 2) kinds.push('support');
  let proposal = false;
  if (
    PROPOSAL_CHEAP.test(subject) ||
    PROPOSAL_CHEAP.test(attachments) ||
    input.body.some((p) => p.proposalCheap)
  ) {
    PROPOSAL_WORD.lastIndex = 0;
    proposal = PROPOSAL_WORD.test(subject);
    PROPOSAL_WORD.lastIndex = 0;
    proposal ||= PROPOSAL_WORD.test(attachments.replace(/_/g, ' '));
  }
  if (proposal || input.body.some((p) => p.bodyProposal)) kinds.push('proposal');
  if (all.some((p) => p.onboarding) || /onboarding|implementation/i.test(attachments))
    kinds.push('onboarding');
  if (all.some((p) => p.qbr) || /\bqbr\b|business[ _-]review/i.test(attachments)) kinds.push('qbr');
  if (all.some((p) => p.renewal)) kinds.push('renewal');
  if (!kinds.includes('support') && (input.severity !== undefined || all.some((p) => p.support)))
    kinds.push('support');
  if (kinds.length === 0) kinds.push('other');
  return kinds;
}
