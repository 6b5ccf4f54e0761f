/**
 * Reads what an email claims about a competitor. A claim is about a competitor when the competitor is its
 * topic: the subject of the clause ("Initech is slow"), a possessor or modifier in the subject ("Initech's
 * reporting", "Initech users"), a pronoun pointing back to a competitor subject of the sentence before
 * ("... their analytics are limited"), a heading or lead-in line naming it whose list items or next sentence
 * elaborate it ("Where Initech falls short:"), a noun it qualifies ("botched Initech setups"), or the standard
 * of a comparison ("unlike Initech, we ...", "faster than Initech"). The claim is negative when its clause
 * holds a negative evaluation (critique-lexicon.ts), or a negated positive one or a negated capability
 * ("not reliable", "can't match"); a negated negative ("isn't bad") or a reduced one ("reduces errors") is not.
 *
 * Subjects, clause boundaries, pronouns and negation are read from closed-class words (determiners,
 * prepositions, subordinators, pronouns, auxiliaries, negators) rather than compromise's tagger, which reads a
 * possessive "Toast's team" as "Toast is team" and "miss" as a noun, and whose full parse of each sentence that
 * holds a claim cost more than the rest of the check of the development corpus together. Questions come from
 * the word-list sentence reading the caller passes in.
 */
import { Lru } from './lru.ts';
import type { SentenceAnalysis } from './reading.ts';
import {
  CAPABILITY_VERBS,
  type CritiqueClass,
  lexicon,
  negativeTerm,
  positiveTerm,
} from './critique-lexicon.ts';
import { LIST_ITEM, type Span } from './sentences.ts';

export interface Mention {
  readonly start: number;
  readonly end: number;
  /** The competitor's configured name. */
  readonly name: string;
}

export type ClaimRole =
  | 'subject'
  | 'pronoun'
  | 'relative'
  | 'heading'
  | 'attribute'
  | 'unlike'
  | 'comparison';

export interface Claim {
  /** Offsets into the text given to readClaims. */
  readonly start: number;
  readonly end: number;
  readonly competitor: string;
  readonly role: ClaimRole;
  /** The evaluative words, as written ("slow", "not enough", "can't match", "10x faster"). */
  readonly terms: readonly string[];
  readonly cls: CritiqueClass | 'comparison';
  /** The competitor's thing the claim is about, when a possessive names it ("analytics", "onboarding team"). */
  readonly topic?: string;
  /** The sentence the claim is in (offsets into the text). */
  readonly sentence: Span;
  /** For a noun phrase: the judging word, which the phrase reads neutrally without ("botched"). */
  readonly drop?: Span;
}

interface Token {
  /** Offsets relative to the sentence. */
  readonly start: number;
  readonly end: number;
  /** Lower case, possessive 's removed. */
  readonly word: string;
  readonly possessive: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?(?:-[\p{L}\p{N}]+(?:['’][\p{L}]+)?)*/gu;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    let word = m[0].toLowerCase().replace(/’/g, "'");
    let possessive = false;
    if (/'s$/.test(word) || /s'$/.test(word)) {
      possessive = /'s$/.test(word) && !/^(?:it|that|there|he|she|what|who|let)'s$/.test(word);
      if (possessive) word = word.slice(0, -2);
    }
    out.push({ start: m.index, end: m.index + m[0].length, word, possessive });
  }
  return out;
}

// Clause boundaries inside a sentence. A colon ends a lead-in ("Where Initech falls short: reporting").
const CLAUSE_BREAK =
  /\s*[;:]\s*|\s*,\s*(?=(?:and|but|so|which|while|whereas|though|although|plus|yet|they|their|its|we|our|i|my|you|your)\b)|\s+(?=(?:but|however|although|though|whereas|yet|that|which|who|because|since|unless|if|when|whenever|until|once)\s)|\s*\(\s*|\s*\)\s*|-(?=\s*(?:I|I'[a-z]+|we|we'[a-z]+|they|you)\b)|\s+-\s+/giu;

/** Words that open a clause before its subject. */
const SUBORDINATORS = new Set([
  'and',
  'but',
  'so',
  'while',
  'whilst',
  'although',
  'though',
  'whereas',
  'because',
  'since',
  'as',
  'when',
  'whenever',
  'where',
  'that',
  'which',
  'who',
  'whose',
  'plus',
  'also',
  'yet',
  'however',
  'honestly',
  'frankly',
  'unfortunately',
  'sadly',
  'basically',
  'simply',
  'put',
  'meanwhile',
  'then',
  'now',
  'and',
  'if',
  'unless',
  'whether',
  'once',
  'why',
  'how',
  'what',
  'even',
  'just',
  'still',
  'often',
  'typically',
  'usually',
  'generally',
]);
/** Words that may stand in a subject noun phrase before the name ("Most Initech users", "the old Initech app"). */
const NP_PRE = new Set([
  'the',
  'a',
  'an',
  'this',
  'these',
  'those',
  'every',
  'all',
  'most',
  'many',
  'some',
  'any',
  'both',
  'each',
  'other',
  'current',
  'existing',
  'old',
  'new',
  'typical',
  'average',
  'former',
  'longtime',
  'long-time',
]);
const PRONOUN_HINT = /\b(?:they|their|theirs|it|its)\b/i;
/** Verbs of hearing and knowing whose complement clause may drop "that". */
const REPORT_VERBS = new Set([
  'hear',
  'heard',
  'think',
  'believe',
  'know',
  'knows',
  'understand',
  'suspect',
  'feel',
  'guess',
  'bet',
  'noticed',
  'found',
  'find',
  'see',
  'saw',
  'says',
  'say',
  'said',
  'reckon',
  'figure',
  'tell',
  'tells',
  'told',
  'report',
  'complain',
  'complained',
  'complains',
  'mention',
  'mentioned',
]);
/** Verbs by which a competitor reports on itself: what follows is its own statement. */
const SELF_REPORT = new Set([
  'reported',
  'reports',
  'announced',
  'announces',
  'disclosed',
  'discloses',
  'confirmed',
  'confirms',
  'published',
  'publishes',
  'stated',
  'states',
  'posted',
  'posts',
  'acknowledged',
  'acknowledges',
]);
const NP_STOP =
  /^(?:of|in|on|at|for|with|from|to|by|and|or|but|that|which|who|than|as|into|over|under|the|a|an|this|these|those|when|if|so|because|since|while|every|each|all|some|any|many|most|more|less|very|too|also|just|only|still|even|now|then|there|here|again|per|across|after|before|during|through|within|without|about|around|until|via|[a-z]+ly)$/;
/** A time anchor of a single event: a day, a date, a clock time. */
const SPECIFIC_TIME =
  /\b(?:yesterday|today|tonight|overnight|earlier today|this (?:morning|afternoon|evening)|last night|(?:on |last |this )?(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\d{1,2}(?::\d{2})?\s*(?:am|pm)\b|\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2})/i;
/** What one incident can be: a failure or a slowdown (not a judgement of the company or its design). */
const EVENT_CLASSES = new Set<string>(['failure', 'slowness', 'general']);
/** Verbs whose object is followed by a judgement of it ("find Initech clunky", "consider it outdated"). */
const JUDGING_VERBS = new Set([
  'find',
  'finds',
  'found',
  'consider',
  'considers',
  'considered',
  'call',
  'calls',
  'called',
  'rate',
  'rates',
  'rated',
  'deem',
  'deems',
]);
const CONDITIONAL = new Set(['if', 'unless', 'whether']);
const RELATIVE = new Set(['that', 'which', 'who', 'whose']);
/** Verbs after which "that" opens a complement clause, not a relative one. */
const COMPLEMENT_VERBS =
  /\b(?:found|find|finds|think|thinks|believe|believes|know|knows|see|sees|saw|hear|heard|noticed|notice|learned|learnt|realized|realised|say|says|said|feel|feels|mean|means|is|are|was|were)\s*$/;
const THIRD_PRONOUNS = new Set([
  'they',
  'their',
  'theirs',
  "they're",
  "they've",
  "they'll",
  'it',
  'its',
  "it's",
]);
const FIRST_PERSON = new Set([
  'we',
  'our',
  'ours',
  'us',
  'i',
  'my',
  'mine',
  'me',
  "we're",
  "we've",
  "we'll",
  "i'm",
  "i've",
  "i'll",
  "we'd",
  "i'd",
]);
const SECOND_PERSON = new Set(['you', 'your', "you're", "you've", "you'll", "you'd", 'yours']);
const STOP_AFTER_SUBJECT =
  /^(?:is|are|was|were|be|been|has|have|had|can|can't|cannot|could|couldn't|will|won't|would|wouldn't|does|doesn't|do|don't|did|didn't|should|may|might|must|isn't|aren't|wasn't|weren't|hasn't|haven't|keeps?|seems?|tends?|gets?|requires?|needs?|lacks?|offers?|charges?|takes?|makes?|only|still|just|also|really|often|always|never|typically|usually|constantly)$/;
/** Nouns that name our own integration with a competitor's product ("the Salesforce sync", "Initech export"). */
const INTEGRATION_HEADS = new Set([
  'integration',
  'integrations',
  'sync',
  'connector',
  'connectors',
  'plugin',
  'plug-in',
  'app',
  'export',
  'exports',
  'import',
  'imports',
  'api',
  'connection',
  'field',
  'fields',
  'mapping',
  'data',
  'account',
  'accounts',
  'instance',
  'org',
  'login',
  'credentials',
  'webhook',
  'webhooks',
  'migration',
  'partner',
]);
/** Verbs that take the badness away from their object ("reduce errors", "no more delays"). */
const DIMINISHERS = new Set([
  'reduce',
  'reduces',
  'reduced',
  'reducing',
  'cut',
  'cuts',
  'cutting',
  'eliminate',
  'eliminates',
  'eliminated',
  'avoid',
  'avoids',
  'avoided',
  'avoiding',
  'prevent',
  'prevents',
  'prevented',
  'fix',
  'fixes',
  'fixed',
  'fixing',
  'solve',
  'solves',
  'solved',
  'resolve',
  'resolves',
  'resolved',
  'remove',
  'removes',
  'removed',
  'minimize',
  'minimise',
  'minimizes',
  'minimises',
  'end',
  'ends',
  'ended',
  'less',
  'fewer',
  'free',
  'rid',
  'without',
  'no',
  'lower',
  'lowers',
  'handle',
  'handles',
  'replace',
  'replaces',
  'speed',
  'speeds',
  'beat',
  'beats',
  'overcome',
  'overcomes',
  'ease',
  'eases',
  'fight',
  'fights',
  'fighting',
  'combat',
  'combats',
  'tackle',
  'tackles',
  'address',
  'addresses',
  'detect',
  'detects',
  'catch',
  'catches',
  'stop',
  'stops',
  'block',
  'blocks',
  'protect',
  'protects',
  'guard',
  'mitigate',
  'mitigates',
  'recover',
  'rescue',
  'rescued',
  'against',
]);
/** Instructions open with a verb: a list item that tells the reader what to do is not about a competitor. */
const IMPERATIVE = new Set([
  'export',
  'send',
  'expect',
  'check',
  'click',
  'open',
  'go',
  'add',
  'set',
  'make',
  'use',
  'contact',
  'call',
  'email',
  'reply',
  'review',
  'sign',
  'schedule',
  'book',
  'download',
  'upload',
  'install',
  'enable',
  'disable',
  'remove',
  'update',
  'import',
  'create',
  'choose',
  'select',
  'pick',
  'share',
  'ask',
  'keep',
  'note',
  'plan',
  'start',
  'stop',
  'try',
  'run',
  'test',
  'confirm',
  'verify',
  'log',
  'visit',
  'read',
  'see',
  'let',
  'tell',
  'give',
  'get',
  'find',
  'follow',
  'cancel',
  'move',
  'copy',
  'save',
  'back',
  'turn',
  'switch',
  'prepare',
  'gather',
  'collect',
  'list',
  'map',
  'train',
  'invite',
  'assign',
  'migrate',
  'wait',
  'allow',
  'avoid',
]);
const NEGATORS =
  /^(?:not|no|never|without|cannot|nothing|none|neither|nor|hardly|barely|rarely|seldom|[a-z]+n't)$/;
const ABILITY_NEGATION =
  /^(?:can't|cannot|couldn't|can|won't|doesn't|don't|didn't|isn't|aren't|unable|incapable|not|never|rarely|seldom|barely|hardly|fails?|failed|struggles?|struggled)$/;
/** Things a product is better without: "no per-seat fees", "no long contracts" praise it. */
const COSTS =
  /^(?:fees?|surcharges?|commissions?|markups?|penalt(?:y|ies)|charges?|costs?|contracts?|lock-in|ads|limits?|caps?|minimums?|commitments?)$/;
const AUXILIARY = /^(?:do|does|did|will|would|can|could|is|are|was|were|has|have|had|should|may|might)$/;

/** A capability verb in any regular form ("supports", "handled", "matching"). */
function isCapability(word: string): boolean {
  if (CAPABILITY_VERBS.has(word)) return true;
  const m = /^(.+?)(?:es|s|ed|ing)$/.exec(word);
  return m !== null && (CAPABILITY_VERBS.has(m[1]!) || CAPABILITY_VERBS.has(`${m[1]!}e`));
}
const ABSENCE = /^(?:no|lacks?|lacking|missing|without)$/;

// A source makes a claim a reported fact ("according to their status page", "you mentioned").
const SOURCED =
  /\b(?:according to|as (?:reported|published|stated|documented|listed|announced) (?:by|in|on)|per (?:their|its|the) (?:own )?(?:website|site|docs|documentation|status page|pricing page|release notes|changelog|announcement|press release|filing|report|terms)|(?:their|its) (?:own )?(?:website|site|docs|documentation|status page|pricing page|release notes|changelog|press release|announcement|filing|terms)\s+(?:says?|states?|lists?|shows?|notes?|confirms?)|publicly (?:reported|announced|disclosed|stated|documented)|(?:public|official) (?:disclosure|statement|filing|announcement|report|post-mortem|postmortem|incident report)|press release|sec filing|published (?:report|benchmark|study|review|comparison)|source:|(?:you|your team) (?:mentioned|said|told|noted|shared|reported|described|explained|raised|flagged)|you've (?:mentioned|said|told|noted|shared|reported))\b/i;

// A comparison that favours us: comparative words, multiples and percentages of savings or speed.
const SUPERIORITY =
  /\b(?:better|faster|cheaper|easier|simpler|quicker|smarter|stronger|superior|lower|outperforms?|outperformed|beats?|more (?:reliable|secure|affordable|powerful|flexible|accurate|scalable|intuitive|efficient|complete|robust|stable|modern|advanced|capable|responsive|value)|less (?:expensive|downtime|hassle|effort|work|time|manual)|fewer (?:errors|bugs|outages|issues|steps|clicks)|\d+(?:\.\d+)?\s*[x×]\s*(?:faster|better|more|cheaper|quicker)|(?:twice|three times|four times|five times|ten times|\d+\s*times)\s+(?:as\s+)?(?:fast|quick|easy|cheap|many|much|reliable|accurate|faster|better|more|cheaper)|half\s+the\s+(?:price|cost|time|effort)|\d+(?:\.\d+)?\s*%\s*(?:cost\s+)?(?:savings?|cheaper|faster|less|lower|more|better|reduction|fewer))(?![\p{L}])/iu;
/** The frame that makes a competitor the standard of the comparisons after it: "switched from Initech". */
const SWITCHED_FROM = String.raw`\b(?:switch(?:ed|es|ing)?|mov(?:e|ed|es|ing)|migrat(?:e|ed|es|ing)|came|coming)\s+(?:over\s+|across\s+)?(?:away\s+)?from`;
const SWITCH_FROM = new RegExp(String.raw`${SWITCHED_FROM}\s+(?:the\s+)?$`, 'iu');
const COMPARATIVE_THAN =
  /\b(?!(?:rather|other|whether|ever|never|over|under|after|later|earlier|sooner|either|neither)\b)(?:more|less|fewer|[a-z]{3,}er)\s+(?:[\p{L}-]+\s+){0,2}than\s+(?:the\s+)?$/iu;
const STANDARD_BEFORE = new RegExp(
  String.raw`(?:${SWITCHED_FROM}|\bthan|\bas\s+[\p{L}-]+(?:\s+[\p{L}-]+)?\s+as|\bvs\.?|\bversus|\bcompared (?:to|with)|\bin comparison (?:to|with)|\brelative to|\bover|\bagainst)\s+(?:the\s+)?$`,
  'iu',
);

export interface ReadInput {
  /** The field's normalised text. */
  readonly text: string;
  /** Sentences in order (normalised offsets), already limited to what the rule reads. */
  readonly sentences: readonly Span[];
  /** Competitor mentions (normalised offsets), sorted. */
  readonly mentions: readonly Mention[];
  /** Negation and question reading of a sentence (offsets relative to it). */
  readonly analyse: (start: number, end: number) => SentenceAnalysis;
}

interface Clause {
  /** Offsets relative to the sentence. */
  readonly start: number;
  readonly end: number;
  /** The boundary that ends it: ':' for a lead-in. */
  readonly endsWith: string;
}

function splitClauses(s: string): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (const m of s.matchAll(CLAUSE_BREAK)) {
    if (m.index > start) out.push({ start, end: m.index, endsWith: m[0].trim() });
    start = m.index + m[0].length;
  }
  if (start < s.length) out.push({ start, end: s.length, endsWith: '' });
  return out;
}

const MARKDOWN = /^[\s*_#>`~]+|[\s*_`~]+$/g;

function isLineStart(text: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === '\n') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}

/** Whether a line is a heading or lead-in: ends with a colon or question mark, or is a markdown heading. */
function isLeadIn(line: string): { colon: boolean } | undefined {
  const bare = line.replace(MARKDOWN, '');
  if (/:$/.test(bare) || /^#{1,6}\s/.test(line.trimStart())) return { colon: true };
  if (/\?$/.test(bare) && bare.split(/\s+/).length <= 14) return { colon: false };
  return undefined;
}

function trimSpan(s: string, a: number, b: number): [number, number] {
  while (a < b && /[\s*_"'(,:;-]/.test(s[a]!)) a++;
  const conj = /^(?:and|but|so|or|plus|yet)\s+/i.exec(s.slice(a, b));
  if (conj) a += conj[0].length;
  while (b > a && /[\s*_"'.,;:!?)-]/.test(s[b - 1]!)) b--;
  return [a, b];
}

interface Found {
  readonly terms: string[];
  cls: CritiqueClass | undefined;
}

/**
 * Negative evaluation in tokens [from, to) of a clause: negative words not negated or reduced, negated
 * positive words, negated capabilities, absences ("no built-in payments", "lacks SSO").
 */
function evaluate(
  sentence: string,
  toks: readonly Token[],
  from: number,
  to: number,
  absenceOpens: boolean,
): Found {
  const found: Found = { terms: [], cls: undefined };
  const lex = lexicon();
  const clauseFrom = toks[from]?.start ?? 0;
  const clauseTo = to > from ? toks[to - 1]!.end : clauseFrom;
  const negatedAt = (i: number) => {
    // A negation between the topic and the word, at most four words before it.
    for (let k = Math.max(from, i - 4); k < i; k++) if (NEGATORS.test(toks[k]!.word)) return true;
    return false;
  };
  const reducedAt = (i: number) => {
    for (let k = Math.max(from, i - 3); k < i; k++) if (DIMINISHERS.has(toks[k]!.word)) return true;
    return false;
  };
  const add = (term: string, cls: CritiqueClass) => {
    found.terms.push(term);
    found.cls ??= cls;
  };
  // Multi-word phrases first; their words are not read again.
  const covered = new Set<number>();
  lex.phrases.lastIndex = 0;
  const clauseText = sentence.slice(clauseFrom, clauseTo);
  for (const m of clauseText.toLowerCase().matchAll(lex.phrases)) {
    const a = clauseFrom + m.index;
    const b = a + m[0].length;
    const i = toks.findIndex((t, k) => k >= from && k < to && t.start >= a);
    if (i === -1) continue;
    for (let k = i; k < to && toks[k]!.start < b; k++) covered.add(k);
    if (negatedAt(i) || reducedAt(i)) continue;
    const listed = lex.phraseClass.get(m[0].toLowerCase().replace(/\s+/g, ' '));
    add(sentence.slice(a, b), listed ?? (/^(?:tak|took|wait)/i.test(m[0]) ? 'slowness' : 'usability'));
  }
  for (let i = from; i < to; i++) {
    if (covered.has(i)) continue;
    const t = toks[i]!;
    const text = sentence.slice(t.start, t.end);
    // A capitalised word after another is part of a name ("Initech Cloud EMEA Limited").
    const prevTok = toks[i - 1];
    if (
      prevTok &&
      /^\p{Lu}/u.test(text) &&
      /^\p{Lu}/u.test(sentence.slice(prevTok.start, prevTok.end)) &&
      /^\s+$/.test(sentence.slice(prevTok.end, t.start))
    )
      continue;
    // "No built-in payments", "lacks SSO": an absence of something that is not itself bad.
    if (ABSENCE.test(t.word) && (i > from || absenceOpens)) {
      const next = toks[i + 1];
      const badAhead = toks
        .slice(i + 1, Math.min(to, i + 4))
        .some((x) => negativeTerm(x.word) || COSTS.test(x.word));
      if (
        next &&
        i + 1 < to &&
        !badAhead &&
        !negativeTerm(next.word) &&
        !/^(?:longer|more|one|need|idea|problem|issue|matter|doubt)$/.test(next.word)
      ) {
        if (i > from || absenceOpens) {
          add(sentence.slice(t.start, next.end), 'limitation');
          continue;
        }
      }
    }
    // "can't match", "doesn't support", "unable to keep up", "fails to deliver".
    if (ABILITY_NEGATION.test(t.word)) {
      let k = i + 1;
      while (
        k < to &&
        k <= i + 3 &&
        /^(?:to|be|able|of|really|even|always|properly|reliably|easily|quite|fully|not)$/.test(toks[k]!.word)
      )
        k++;
      const verb = toks[k];
      // "can" only with a "not" after it; a bare "not" only after an auxiliary ("does not support", "is not
      // able to") — "Initech, not us, handles billing" denies nothing about them.
      const negated =
        t.word === 'can'
          ? toks[i + 1]?.word === 'not'
          : t.word !== 'not' || toks[i + 1]?.word === 'able' || AUXILIARY.test(toks[i - 1]?.word ?? '');
      if (verb && k < to && negated && isCapability(verb.word)) {
        add(sentence.slice(t.start, verb.end), 'limitation');
        i = k;
        continue;
      }
    }
    const parts = t.word.includes('-') && !lex.negative.has(t.word) ? t.word.split('-') : [t.word];
    for (const w of parts) {
      const cls = negativeTerm(w);
      if (cls) {
        if (negatedAt(i) || reducedAt(i)) break;
        add(text, cls);
        break;
      }
      if (positiveTerm(w) && negatedAt(i)) {
        // "not reliable", "(not enough)": the negation and the word.
        let k = i - 1;
        while (k > from && !NEGATORS.test(toks[k]!.word)) k--;
        add(sentence.slice(toks[k]!.start, t.end), 'limitation');
        break;
      }
    }
  }
  // In reading order (phrases were read first).
  found.terms.sort((a, b) => sentence.indexOf(a, clauseFrom) - sentence.indexOf(b, clauseFrom));
  return found;
}

/** The possessed noun phrase after a possessive ("Initech's onboarding team is" -> "onboarding team"). */
function possessedTopic(sentence: string, toks: readonly Token[], i: number, to: number): string | undefined {
  const words: string[] = [];
  for (let k = i + 1; k < to && k <= i + 3; k++) {
    const t = toks[k]!;
    if (STOP_AFTER_SUBJECT.test(t.word) || negativeTerm(t.word) || /^\d/.test(t.word)) break;
    words.push(sentence.slice(t.start, t.end));
  }
  return words.length > 0 ? words.join(' ') : undefined;
}

/** A comparison with a competitor as its standard, in our favour ("40% lower costs than Initech"). */
function comparison(start: number, end: number, competitor: string, term: string, sentence: Span): Claim {
  return { start, end, competitor, role: 'comparison', terms: [term], cls: 'comparison', sentence };
}

/** Every negative claim about a competitor in the sentences given. */
export function readClaims(input: ReadInput): Claim[] {
  const { text, sentences, mentions } = input;
  const claims: Claim[] = [];
  let m0 = 0;
  /** The competitor that was the subject of the previous sentence (for "they", "their", "its"). */
  let previousTopic: string | undefined;
  /** An open heading or lead-in naming a competitor: its list items (or next sentence) inherit it. */
  let heading:
    | { name: string; colon: boolean; listSeen: boolean; nextOnly: boolean; standard?: boolean }
    | undefined;

  for (let si = 0; si < sentences.length; si++) {
    const [sS, sE] = sentences[si]!;
    const s = text.slice(sS, sE);
    while (m0 < mentions.length && mentions[m0]!.end <= sS) m0++;
    const here: Mention[] = [];
    for (let k = m0; k < mentions.length && mentions[k]!.start < sE; k++) here.push(mentions[k]!);
    const lineStart = isLineStart(text, sS);
    const listItem = lineStart && LIST_ITEM.test(s);
    const leadIn = lineStart ? isLeadIn(s) : undefined;

    // What a heading passes on to this line.
    let inherited: string | undefined;
    if (heading) {
      if (listItem) {
        inherited = heading.name;
        heading.listSeen = true;
        // Under "teams that switched from Initech saw:", an item in our favour ("40% lower costs") is a
        // comparison with Initech.
        const sup = heading.standard ? SUPERIORITY.exec(s) : null;
        if (sup) {
          const [ta, tb] = trimSpan(s, LIST_ITEM.exec(s)?.[0].length ?? 0, s.length);
          claims.push(comparison(sS + ta, sS + tb, heading.name, sup[0], [sS, sE]));
          continue;
        }
      } else if (!heading.listSeen && heading.nextOnly && heading.colon && !leadIn) {
        inherited = heading.name;
        heading = undefined;
      } else {
        heading = undefined;
      }
    }

    // Nothing here can be about a competitor: no name, no pronoun to resolve, no heading to inherit.
    if (
      here.length === 0 &&
      inherited === undefined &&
      (previousTopic === undefined || !PRONOUN_HINT.test(s))
    ) {
      previousTopic = undefined;
      if (leadIn) heading = undefined;
      continue;
    }
    // The reading of a sentence depends on its text, the names in it and what it inherits; a check after typing
    // re-reads only the sentence that changed.
    const key = `${s}\u0001${here.map((m) => `${m.start - sS}:${m.end - sS}:${m.name}`).join(',')}\u0001${inherited ?? ''}\u0001${previousTopic ?? ''}\u0001${lineStart ? 1 : 0}`;
    let reading = sentenceReadings.get(key);
    if (!reading) {
      reading = readSentence(s, sS, sE, here, inherited, previousTopic, lineStart, listItem, leadIn);
      sentenceReadings.set(key, reading);
    }
    const { sentenceTopic, leadTopic } = reading;
    for (const c of reading.claims) claims.push(shift(c, sS));
    previousTopic = sentenceTopic;
    if (leadIn) {
      const name =
        here[0]?.name ??
        sentenceTopic ??
        leadTopic ??
        (/\b(?:they|their|its|it)\b/i.test(s) ? previousTopic : undefined);
      // "Our Initech integration:" heads notes about our own work, not about them; but "we helped teams
      // switch from Initech:" makes Initech the standard of what follows.
      const first = here[0];
      const standard = first !== undefined && SWITCH_FROM.test(s.slice(0, first.start - sS));
      const ours = !standard && /^[^\p{L}]*(?:our|my|we)\b/iu.test(s);
      heading =
        name && !ours
          ? { name, colon: leadIn.colon, listSeen: false, nextOnly: true, ...(standard ? { standard } : {}) }
          : undefined;
      if (name) previousTopic = name;
    }
  }
  return claims;

  function readSentence(
    s: string,
    sS: number,
    sE: number,
    here: readonly Mention[],
    inherited: string | undefined,
    previousTopic: string | undefined,
    lineStart: boolean,
    listItem: boolean,
    leadIn: { colon: boolean } | undefined,
  ): SentenceReading {
    const sourced = SOURCED.test(s);
    let analysis: SentenceAnalysis | undefined;
    const read = () => {
      analysis ??= input.analyse(sS, sE);
      return analysis;
    };
    const toks = tokenize(s);
    const mentionAt = (tokIndex: number): Mention | undefined => {
      const t = toks[tokIndex]!;
      return here.find((m) => m.start - sS <= t.start && m.end - sS > t.start);
    };
    const clauses = splitClauses(s);
    let sentenceTopic: string | undefined;
    let leadTopic: string | undefined;
    /** A subject of an earlier clause that is the reader or a third party (not us, not a competitor). */
    let otherSubject: 'singular' | 'plural' | undefined;
    const local: Claim[] = [];
    const push = (c: Claim) => {
      if (!local.some((o) => o.start < c.end && c.start < o.end)) local.push(c);
    };

    for (const [ci, c] of clauses.entries()) {
      const from = toks.findIndex((t) => t.start >= c.start);
      if (from === -1) continue;
      let to = toks.findIndex((t) => t.start >= c.end);
      if (to === -1) to = toks.length;
      if (to <= from) continue;
      // Past the opening subordinators to the subject.
      let i = from;
      let opener: string | undefined;
      let conditional = false;
      let reported = false;
      while (i < to && SUBORDINATORS.has(toks[i]!.word) && !mentionAt(i)) {
        opener = toks[i]!.word;
        if (CONDITIONAL.has(opener)) conditional = true;
        i++;
      }
      while (i < to && (NP_PRE.has(toks[i]!.word) || /ly$/.test(toks[i]!.word)) && !mentionAt(i)) i++;
      if (i >= to) continue;
      // "I hear Initech is ...", "we've found Initech users ...": a report verb with its "that" left out.
      // "our clients who left Initech tell us it ...": the complement's subject after a report verb.
      for (let k = i; k < Math.min(to - 1, i + 8); k++) {
        if (!REPORT_VERBS.has(toks[k]!.word) || mentionAt(k)) continue;
        let j = k + 1;
        if (j < to && /^(?:us|me|that)$/.test(toks[j]!.word)) j++;
        if (j < to && toks[j]!.word === 'that') j++;
        if (j < to && (mentionAt(j) || THIRD_PRONOUNS.has(toks[j]!.word))) {
          i = j;
          // The claim is the whole report ("Teams tell us Initech is ..."), which a rewrite replaces.
          reported = true;
        }
        break;
      }
      // "With Initech, you ...": a competitor framed as the setting of the clause is its topic.
      let framed: Mention | undefined;
      if (i + 1 < to && /^(?:with|on|using)$/.test(toks[i]!.word) && mentionAt(i + 1)) {
        framed = mentionAt(i + 1);
      }
      // "In our experience, Initech's ...": a short fronted phrase before a comma; the subject follows it.
      if (!mentionAt(i) && !THIRD_PRONOUNS.has(toks[i]!.word)) {
        for (let k = i + 1; k < Math.min(to, i + 6); k++) {
          if (!/,\s*$/.test(s.slice(toks[k - 1]!.end, toks[k]!.start))) continue;
          if (mentionAt(k) || THIRD_PRONOUNS.has(toks[k]!.word)) i = k;
          break;
        }
      }
      const first = toks[i]!;
      const mention = mentionAt(i);
      const subjectIsOther =
        !mention && !framed && !FIRST_PERSON.has(first.word) && !THIRD_PRONOUNS.has(first.word);
      let topic: string | undefined;
      let role: ClaimRole | undefined;
      let evalFrom = i;
      let possessed: string | undefined;
      if (framed && !mention) {
        topic = framed.name;
        role = 'subject';
        let k = i + 1;
        while (k < to && toks[k]!.start < framed.end - sS) k++;
        evalFrom = k;
        sentenceTopic = topic;
      } else if (mention) {
        topic = mention.name;
        role =
          opener && RELATIVE.has(opener) && !COMPLEMENT_VERBS.test(s.slice(0, toks[from]!.start))
            ? 'relative'
            : 'subject';
        // Past the name's own words.
        let k = i;
        while (k < to && toks[k]!.start < mention.end - sS) k++;
        const last = toks[k - 1]!;
        if (last.possessive && k < to) {
          // "our Initech account's ...": ours, not theirs.
          const ours =
            i > from &&
            FIRST_PERSON.has(toks[i - 1]!.word) &&
            /^\s+$/.test(s.slice(toks[i - 1]!.end, first.start));
          if (ours) topic = undefined;
          possessed = possessedTopic(s, toks, k - 1, to);
        } else if (k < to && INTEGRATION_HEADS.has(toks[k]!.word)) {
          // "the Initech integration is limited": our side of working with them.
          topic = undefined;
        }
        evalFrom = k;
        for (let v = k; v < Math.min(to, k + 3); v++) if (SELF_REPORT.has(toks[v]!.word)) topic = undefined;
        sentenceTopic = topic ?? sentenceTopic;
      } else if (THIRD_PRONOUNS.has(first.word) || (first.possessive && first.word === 'it')) {
        // A name earlier in the sentence, when no other third party stood as subject before the pronoun
        // ("we left Initech because it ..." but not "your staff used Initech, and they ...").
        // "it" cannot point back to a plural subject ("clinics that left Initech tell us it ...").
        const blocked = otherSubject !== undefined && !(otherSubject === 'plural' && /^it/.test(first.word));
        const earlier = blocked ? undefined : here.filter((m) => m.end - sS <= first.start).at(-1)?.name;
        const antecedent = sentenceTopic ?? leadTopic ?? earlier ?? previousTopic;
        if (antecedent && !(first.word === 'it' && opener === undefined && ci === 0 && !previousTopic)) {
          topic = antecedent;
          role = 'pronoun';
          evalFrom = i + 1;
          if (first.word === 'their' || first.word === 'its') possessed = possessedTopic(s, toks, i, to);
        }
      } else if (!FIRST_PERSON.has(first.word) && !SECOND_PERSON.has(first.word)) {
        // A subject that is neither us nor the reader: in a list item under a heading, or after a lead-in
        // clause of this sentence, it is the competitor's.
        const inheritedHere = inherited ?? leadTopic;
        if (
          inheritedHere &&
          !here.some((m) => m.name !== inheritedHere) &&
          !(i === from && IMPERATIVE.has(first.word))
        ) {
          topic = inheritedHere;
          role = 'heading';
          evalFrom = from;
        }
      }
      if (subjectIsOther && otherSubject !== 'singular')
        otherSubject = !SECOND_PERSON.has(first.word) && /[^s]s$/.test(first.word) ? 'plural' : 'singular';
      if (c.endsWith === ':') {
        const named = here.find((m) => m.start - sS >= c.start && m.end - sS <= c.end);
        const lead = topic ?? named?.name ?? sentenceTopic;
        if (lead) leadTopic = lead;
      }
      if (!topic || !role) continue;
      if (conditional) continue;
      if (sourced) continue;
      // "As an Initech employee, I ...": a subject pronoun after the name means the name stood in a fronted
      // phrase; the predicate is someone else's.
      let evalTo = to;
      if (role === 'subject' && !framed) {
        for (let k = evalFrom; k < to; k++) {
          if (/^(?:i|we|you|i'm|we're|you're|i'd|we'd|i've|we've|i'll|we'll)$/.test(toks[k]!.word)) {
            evalTo = k;
            break;
          }
        }
      }
      const found = evaluate(s, toks, evalFrom, evalTo, role === 'heading' || evalFrom === from);
      // A short label before a colon evaluates what follows ("Expensive: Initech charges ...").
      let labelled = false;
      if (found.terms.length === 0 && ci > 0 && clauses[ci - 1]!.endsWith === ':') {
        const prev = clauses[ci - 1]!;
        const pf = toks.findIndex((t) => t.start >= prev.start);
        const pt = from;
        if (pf !== -1 && pt - pf <= 3) {
          const label = evaluate(s, toks, pf, pt, false);
          found.terms.push(...label.terms);
          found.cls ??= label.cls;
          labelled = label.terms.length > 0;
        }
      }
      if (found.terms.length === 0 || !found.cls) continue;
      // "Initech had an outage this morning": one dated incident is a report (often of a partner we integrate
      // with), not a judgement of the product.
      if (EVENT_CLASSES.has(found.cls) && SPECIFIC_TIME.test(s)) continue;
      // A question about them asks; it does not assert ("Is Initech too slow for you?").
      if ((role === 'subject' || role === 'pronoun') && !leadIn && read().isQuestion) continue;
      const startTok =
        role === 'relative' ? Math.max(from, i - 1) : role === 'heading' || reported ? from : i;
      let a = toks[startTok]!.start;
      // "Clients who left Initech tell us it ...": the report's subject stands in the clause before "who".
      if (reported && ci > 0 && opener && RELATIVE.has(toks[from]!.word)) a = clauses[ci - 1]!.start;
      let b = c.end;
      // A list item under a heading is one claim, whole.
      if (role === 'heading' && listItem) {
        a = LIST_ITEM.exec(s)?.[0].length ?? a;
        b = s.length;
      }
      // A label before the colon belongs to the claim it qualifies.
      if (labelled) a = Math.min(a, clauses[ci - 1]!.start);
      const [ta, tb] = trimSpan(s, a, b);
      if (tb <= ta) continue;
      push({
        start: sS + ta,
        end: sS + tb,
        competitor: topic,
        role,
        terms: found.terms,
        cls: found.cls,
        ...(possessed ? { topic: possessed } : {}),
        sentence: [sS, sE],
      });
    }

    // Noun phrases the competitor qualifies, wherever they stand: "botched Initech setups", "Initech's
    // overwhelmed team", "Initech disasters".
    if (!sourced) {
      for (const m of here) {
        const mi = toks.findIndex((t) => t.start >= m.start - sS);
        if (mi === -1) continue;
        let mj = mi;
        while (mj < toks.length && toks[mj]!.start < m.end - sS) mj++;
        const last = toks[mj - 1]!;
        const before = toks[mi - 1];
        const gapOk = (x: Token | undefined, y: Token) =>
          x !== undefined && /^[\s]+$/.test(s.slice(x.end, y.start));
        let term: Token | undefined;
        let startTok = mi;
        let endTok = mj - 1;
        // The rest of the noun phrase: up to two more nouns ("Initech's onboarding team").
        const npEnd = (k: number) => {
          let e = k;
          while (
            e + 1 < toks.length &&
            e < k + 2 &&
            gapOk(toks[e], toks[e + 1]!) &&
            !STOP_AFTER_SUBJECT.test(toks[e + 1]!.word) &&
            !NP_STOP.test(toks[e + 1]!.word) &&
            !negativeTerm(toks[e + 1]!.word)
          )
            e++;
          return e;
        };
        // "teams find Initech hard to learn": a verb of judging whose object the rest of the clause describes.
        if (before && JUDGING_VERBS.has(before.word) && !sourced) {
          const c = clauses.find((x) => x.start <= toks[mi]!.start && x.end >= toks[mi]!.end);
          const to = c ? toks.findIndex((t) => t.start >= c.end) : -1;
          const found = evaluate(s, toks, mj, to === -1 ? toks.length : to, false);
          if (found.terms.length > 0 && found.cls) {
            const [ta, tb] = trimSpan(s, c?.start ?? 0, c?.end ?? s.length);
            push({
              start: sS + ta,
              end: sS + tb,
              competitor: m.name,
              role: 'subject',
              terms: found.terms,
              cls: found.cls,
              sentence: [sS, sE],
            });
            continue;
          }
        }
        if (
          before &&
          gapOk(before, toks[mi]!) &&
          negativeTerm(before.word) &&
          !NEGATORS.test(toks[mi - 2]?.word ?? '')
        ) {
          const head = toks[mj];
          if (/[^s]s$/.test(before.word) && !sourced) {
            // "what slows Initech users down": a verb with the competitor as its object is a claim about it.
            const c = clauses.find((x) => x.start <= before.start && x.end >= before.end);
            const [ta, tb] = trimSpan(s, c?.start ?? 0, c?.end ?? s.length);
            push({
              start: sS + ta,
              end: sS + tb,
              competitor: m.name,
              role: 'subject',
              terms: [s.slice(before.start, before.end)],
              cls: negativeTerm(before.word) ?? 'general',
              sentence: [sS, sE],
            });
            continue;
          }
          if (!head || !INTEGRATION_HEADS.has(head.word)) {
            term = before;
            startTok = mi - 1;
            endTok = head && gapOk(last, head) ? npEnd(mj - 1) : mj - 1;
          }
        }
        if (!term && last.possessive) {
          for (let k = mj; k < toks.length && k <= mj + 2; k++) {
            const t = toks[k]!;
            if (STOP_AFTER_SUBJECT.test(t.word) || !gapOk(toks[k - 1], t)) break;
            if (negativeTerm(t.word)) {
              term = t;
              endTok = npEnd(k);
              break;
            }
          }
        }
        if (!term && !last.possessive) {
          const head = toks[mj];
          if (head && gapOk(last, head) && negativeTerm(head.word) && /s$/.test(head.word)) {
            term = head;
            endTok = mj;
          }
        }
        // "Initech's training (not enough)": a parenthesis right after the phrase judges it.
        if (!term && last.possessive) {
          const close = s.indexOf(')', last.end);
          const open = s.indexOf('(', last.end);
          if (
            open !== -1 &&
            close > open &&
            open - last.end <= 40 &&
            !/[.;:,]/.test(s.slice(last.end, open))
          ) {
            const pf = toks.findIndex((t) => t.start > open);
            const pt = toks.findIndex((t) => t.start > close);
            const found = evaluate(s, toks, pf, pt === -1 ? toks.length : pt, false);
            if (found.terms.length > 0 && found.cls) {
              push({
                start: sS + toks[mi]!.start,
                end: sS + close + 1,
                competitor: m.name,
                role: 'attribute',
                terms: found.terms,
                cls: found.cls,
                sentence: [sS, sE],
              });
            }
          }
        }
        if (!term) continue;
        if (EVENT_CLASSES.has(negativeTerm(term.word) ?? 'general') && SPECIFIC_TIME.test(s)) continue;
        const modifier = term !== toks[mj];
        push({
          start: sS + toks[startTok]!.start,
          end: sS + toks[endTok]!.end,
          competitor: m.name,
          role: 'attribute',
          terms: [s.slice(term.start, term.end)],
          cls: negativeTerm(term.word) ?? 'general',
          sentence: [sS, sE],
          ...(modifier ? { drop: [sS + term.start, sS + term.end] as const } : {}),
        });
      }
    }

    // Comparisons with a competitor as the standard: "unlike Initech, we ...", "faster than Initech".
    if (!sourced) {
      for (const m of here) {
        const rel = m.start - sS;
        const lead = s.slice(0, rel);
        const unlike = /\bunlike\s+(?:the\s+)?$/i.exec(lead);
        if (unlike) {
          const rest = s.slice(m.end - sS);
          if (/\b(?:we|we're|we've|our|i|i'm|i've|my|us)\b/i.test(rest)) {
            const [ta, tb] = trimSpan(s, unlike.index, s.length);
            push({
              start: sS + ta,
              end: sS + tb,
              competitor: m.name,
              role: 'unlike',
              terms: [s.slice(unlike.index, rel + (m.end - m.start))],
              cls: 'comparison',
              sentence: [sS, sE],
            });
          }
          continue;
        }
        if (!STANDARD_BEFORE.test(lead)) continue;
        // The comparison's own clause, or the sentence when a coordinated clause carries it ("lower than
        // Initech's rate, and my results are better").
        // Any comparative right before "than" counts too ("more integrations than Initech").
        const sup = SUPERIORITY.exec(s) ?? COMPARATIVE_THAN.exec(lead);
        if (!sup) continue;
        // The competitor as the subject of a comparison in its own favour is not a claim against it.
        const subjectClause = clauses.find((c) => c.start <= sup.index && c.end > sup.index);
        const subjectText = subjectClause ? s.slice(subjectClause.start, sup.index) : '';
        if (here.some((o) => o !== m && subjectText.includes(text.slice(o.start, o.end)))) continue;
        if (/^\W*(?:they|their|it|its)\b/i.test(subjectText)) continue;
        const a = Math.min(
          sup.index,
          lead.search(/\S/) >= 0 ? (clauses.find((c) => c.start <= rel && c.end >= rel)?.start ?? 0) : 0,
        );
        const lastSup = [...s.matchAll(new RegExp(SUPERIORITY.source, 'giu'))].at(-1) ?? sup;
        let b = clauses.find((c) => c.start <= lastSup.index && c.end > lastSup.index)?.end ?? s.length;
        const [ta, tb] = trimSpan(
          s,
          LIST_ITEM.exec(s) && lineStart ? Math.max(a, LIST_ITEM.exec(s)![0].length) : a,
          b,
        );
        b = tb;
        push(comparison(sS + ta, sS + b, m.name, sup[0], [sS, sE]));
      }
    }

    return {
      claims: local.map((c) => shift(c, -sS)),
      ...(sentenceTopic ? { sentenceTopic } : {}),
      ...(leadTopic ? { leadTopic } : {}),
    };
  }
}

interface SentenceReading {
  /** Claims with offsets relative to the sentence. */
  readonly claims: readonly Claim[];
  readonly sentenceTopic?: string;
  readonly leadTopic?: string;
}

const sentenceReadings = new Lru<SentenceReading>(2000, 500_000);

function shift(c: Claim, by: number): Claim {
  return {
    ...c,
    start: c.start + by,
    end: c.end + by,
    sentence: [c.sentence[0] + by, c.sentence[1] + by],
    ...(c.drop ? { drop: [c.drop[0] + by, c.drop[1] + by] as const } : {}),
  };
}
