/**
 * A reader of promises by their modality rather than by keywords: where a sentence asserts, categorically, a
 * future or absolute outcome the sender cannot control. Each construct is one grammatical shape over a class
 * of words (certainty adverbs, adverse events, risk nouns, remedies), and each carries its own rewrite into a
 * hedged or bounded statement, so that a suggestion fixes the claim rather than swapping one word.
 *
 * Readers work on one sentence of normalised text; offsets are relative to it. Word lists only: this runs on
 * every candidate sentence of every check.
 */

export type ModalKind = 'certainty' | 'confidence' | 'impossibility' | 'universal' | 'always' | 'remedy';

export interface ModalClaim {
  readonly kind: ModalKind;
  readonly start: number;
  readonly end: number;
  /** The hedged or bounded wording for text.slice(start, end). */
  readonly rewrite: string;
}

/** Adverbs and phrases of certainty that turn a prediction into a promise. */
const CERTAINTY = String.raw`definitely|certainly|surely|absolutely|undoubtedly|unquestionably|positively|100\s?%|one hundred percent|without (?:a|any) doubt|for sure|for certain|beyond (?:a|any) doubt`;
/** Certainty phrases that close the clause: "… without fail", "… no matter what". */
const CERTAINTY_AFTER = 'without fail|for sure|for certain|no matter what';
/**
 * What the sender does and therefore controls (a reply, a call, passing a note on), or what the reader feels:
 * "I'll definitely pass it on" and "you'll definitely want to see this" promise no outcome.
 */
const OWN_ACTS = `send|call|follow|reach|check|look|get back|pass|share|let|keep|review|email|e-mail|schedule|book|be in touch|reply|respond|update|contact|forward|consider|try|join|attend|ask|mention|talk|discuss|come|loop|make time|do (?:our|my) best|be there|be happy|be glad|remember|note|flag|raise|escalate|investigate|dig|chat|meet|see you|speak|connect|introduce|include|add|put|bring|arrange|think|want|need|wish|like|enjoy|love|appreciate|hear|agree|find|be in|be at|be on`;
/** Adverse events a product cannot rule out: base form -> participle. */
const ADVERSE: readonly (readonly [string, string])[] = [
  ['hack', 'hacked'],
  ['breach', 'breached'],
  ['crack', 'cracked'],
  ['compromise', 'compromised'],
  ['steal', 'stolen'],
  ['leak', 'leaked'],
  ['lose', 'lost'],
  ['intercept', 'intercepted'],
  ['tamper with', 'tampered with'],
  ['corrupt', 'corrupted'],
  ['break into', 'broken into'],
  ['penetrate', 'penetrated'],
  ['bypass', 'bypassed'],
  ['exploit', 'exploited'],
  ['attack', 'attacked'],
  ['infect', 'infected'],
  ['crash', 'crashed'],
  ['take down', 'taken down'],
  ['interrupt', 'interrupted'],
  ['access without authori[sz]ation', 'accessed without authori[sz]ation'],
];
/** Nouns of risk and failure, the object of a universal claim ("eliminates every risk of error"). */
const RISK = `fraudulent\\s+[\\p{L}]+|spam|phishing(?:\\s+[\\p{L}]+)?|malware|virus(?:es)?|intrusions?|risks?|chances?|possibilit(?:y|ies)|threats?|errors?|mistakes?|bugs?|breach(?:es)?|attacks?|fraud|downtime|outages?|failures?|loss(?:es)?|vulnerabilit(?:y|ies)|defects?|delays?|disruptions?|incidents?|problems?|issues?|glitch(?:es)?|interruptions?`;
/** Remedies paid when an outcome is missed. */
const REMEDY = `refund|reimburse|repay|pay you back|give you (?:your|all your|every penny of your) money back|return (?:your|every penny of your) (?:money|fees?|payment)|money back`;

const base = (list: readonly (readonly [string, string])[]) => list.map(([b]) => b).join('|');
const part = (list: readonly (readonly [string, string])[]) => list.map(([, p]) => p).join('|');
const SUBJECT = String.raw`we|i|you|it|this|that|they|(?:your|the|our|this|these|those|every|each)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?`;
const FUTURE = `will|'ll|shall|are going to|is going to|am going to|'s going to|'re going to`;

const CERTAIN_FUTURE = new RegExp(
  String.raw`\b(?<subj>${SUBJECT})\s*(?:(?<adv1>${CERTAINTY})\s+)?(?<modal>${FUTURE}|(?:is|are|am|'s|'re)\s+(?<adv3>${CERTAINTY})\s+going\s+to)\s+(?:(?<adv2>${CERTAINTY})\s+)?(?:(?<neg>never|not)\s+)?(?<verb>[\p{L}]+(?:\s+(?:up|out|off|down|back|through|over|in))?)\b`,
  'giu',
);
const CERTAIN_AFTER = new RegExp(
  String.raw`\b(?<head>(?:${SUBJECT})\s*(?:${FUTURE})\s+(?:[\p{L}'-]+\s+){1,8}?)(?<tail>${CERTAINTY_AFTER})\b`,
  'giu',
);
/** Feelings and efforts: "you'll definitely love it", "it will surely take a few weeks" promise no outcome. */
const NOT_AN_OUTCOME =
  /^(?:want|need|wish|like|enjoy|love|appreciate|hear|agree|find|miss|remember|take|require|involve|cost|mean|depend)\b/i;
const PASSIVE_OWN_ACT =
  /^be\s+(?:shared|passed\s+on|passed\s+along|forwarded|considered|reviewed|noted|included|added|sent|logged|raised|escalated|discussed|looked\s+at|taken\s+into\s+account|followed\s+up|in\s+touch|there|in\s+attendance|missed)\b/iu;
const OWN_ACT = new RegExp(String.raw`^(?:${OWN_ACTS})\b`, 'iu');
const CONFIDENCE =
  /\b(?<who>i'm|i am|we're|we are|i feel|we feel)\s+(?:so|absolutely|completely|totally|entirely|fully|one hundred percent|100\s?%|(?:9[5-9]|100)(?:[.,]\d+)?\s?%)\s+(?:sure|certain|confident|positive)(?=\s+(?:that\s+)?(?:we|i|you|it|this|they|your\s+[\p{L}-]+|our\s+[\p{L}-]+)\s*(?:can|will|'ll|could|would|are going to|is going to)\b)/giu;
/**
 * A performative assurance on a future outcome: "I can assure you the changes will prevent outages", "we promise
 * that your data will be safe". The future verb is read after it (an own act or a feeling promises no outcome).
 */
const ASSURANCE =
  /\b(?<who>i|we)\s+(?:(?:can|do|must|want to|'d like to|would like to)\s+)?(?:assure\s+(?:you|everyone|all of you)|promise(?:\s+(?:you|everyone|all of you))?)\s*,?\s+(?:that\s+)?(?<claim>[^.!?;]{0,80}?\b(?:will|'ll|is going to|are going to)\s+(?:(?:also|now|never|not|no longer|always)\s+)?(?<verb>[\p{L}]+(?:\s+(?:in touch|back|up|out|on|in|at))?))/giu;
const IMPOSSIBLE_TO = new RegExp(
  String.raw`\b(?:impossible|no way)\s+(?:for\s+(?:[\p{L}'-]+\s+){1,3})?to\s+(?:${base(ADVERSE)})\b`,
  'giu',
);
const CANNOT_BE = new RegExp(
  String.raw`\b(?<neg>cannot|can't|can not|can never|could never|will never|won't ever|never)\s+(?:ever\s+)?be\s+(?<part>${part(ADVERSE)})\b`,
  'giu',
);
const ELIMINATES = new RegExp(
  String.raw`\b(?<verb>eliminat(?:e|es|ed|ing)|rules?\s+out|ruled\s+out|ruling\s+out|prevents?|prevented|preventing|removes?\s+all|blocks?|stops?|catch(?:es)?|detects?|filters?\s+out)\s+(?<q>any|all|every|each)\s+(?:single\s+)?(?<rest>(?:[\p{L}-]+\s+){0,2}?(?:${RISK}))\b`,
  'giu',
);
const NEVER_AGAIN = new RegExp(
  String.raw`\b(?<modal>will|'ll|shall)?\s*never\s+(?:ever\s+)?(?<verb>happen|occur|recur|repeat)s?\s+again\b|\b(?:no|zero)\s+(?:${RISK})\s+ever\b`,
  'giu',
);
const ALWAYS_UP =
  /\balways(?:\s+(?:up|online|running|reachable|accessible|operational)|-on)\b(?![\s-]+(?:the|a|an|to|for|at|hand|top|call|board|time|track|your|our|and\s+running\s+late))/giu;
const FEELING_AFTER =
  /^\s+(?:that\s+)?[\p{L}'-]+(?:\s+[\p{L}'-]+)?\s*(?:can|will|'ll|could|would)\s+(?:really\s+|truly\s+)?(?:enjoy|like|love|want|appreciate|find|agree|be glad|be happy|be pleased|be impressed)\b/iu;
// "always online during business hours": a schedule bounds the claim.
const BOUNDED_AFTER =
  /^[^.;!?]{0,40}\b(?:during|between|from|until|on\s+weekdays|business\s+hours|office\s+hours|working\s+hours|when|while|whenever)\b/iu;
/** What a customer's result is, in a money-back condition: "if you don't see / save / hit …", "if it doesn't work". */
const OUTCOME_VERBS = `see|get|save|achieve|find|make|earn|reach|hit|double|triple|grow|increase|improve|cut|reduce|recover|notice|love|like|work|pay off|pay for itself|deliver|perform|rank|convert|win|beat|gain|generate|be satisfied|be happy|be thrilled|be delighted|satisfied|happy|thrilled|delighted|convinced|blown away`;
const REMEDY_IF = new RegExp(
  String.raw`\bif\s+(?:you|your\s+[\p{L}-]+(?:\s+[\p{L}-]+)?|it|this|the\s+[\p{L}-]+)\s+(?:don't|do not|doesn't|does not|didn't|aren't|are not|isn't|is not|fail to|fails to|can't|cannot|never|won't)\s+(?:(?:at\s+least|even|immediately|fully|completely|100%|absolutely)\s+)?(?:${OUTCOME_VERBS})\b[^.;!?]{0,140}?,?\s*(?<remedy>(?:we'll|we will|we|you'll|you will|you get|you receive|you'll get|you will get)\s+(?:[\p{L}'-]+\s+){0,2}?(?:${REMEDY})\b[^.;!?]{0,60})`,
  'giu',
);
// The remedy of a risk-reversal offer: the money back, or the work unpaid ("… or you don't pay a thing",
// "… or you pay nothing", "… or it's free").
const OR_MONEY_BACK =
  /\b(?:or|else)\s+(?:(?:your\s+|a\s+)?(?:full\s+|100\s?%\s+)?(?:money[\s-]+back|refund(?:ed)?)|you\s+(?:don't|do\s+not|won't|will\s+not|never)\s+pay(?:\s+(?:a\s+(?:thing|cent|penny|dime)|anything|us|a\s+single\s+(?:cent|penny|dollar)))?|you\s+pay\s+(?:nothing|zero)|(?:it's|it\s+is|it\s+will\s+be|it'll\s+be)\s+(?:free|on\s+us)|we(?:'ll|\s+will)?\s+(?:pay\s+you|work\s+for\s+free|do\s+it\s+for\s+free))\b/giu;
// What an "or your money back" is attached to: a figure or an outcome ("find $1,000 … or money back").
const OUTCOME_BEFORE =
  /(?:[$€£%\d]|\b(?:results?|satisf\w+|happy|works?|value|savings?|double|triple|grow|increase|boost|save|cut|halve|find|see|get|reach|hit))[^.;!?]{0,60}$/iu;
const MONEY_BACK_IF =
  /\b(?:money[\s-]+back|(?:a\s+)?full\s+refund)\s+if\s+(?:you|it|this|we|the)\b[^.;!?]{0,80}/giu;

function keepCase(original: string, replacement: string): string {
  const first = original.charAt(0);
  return first && first === first.toUpperCase() && first !== first.toLowerCase()
    ? replacement.charAt(0).toUpperCase() + replacement.slice(1)
    : replacement;
}

const REDUCE: Record<string, string> = {
  eliminate: 'greatly reduce',
  eliminates: 'greatly reduces',
  eliminated: 'greatly reduced',
  eliminating: 'greatly reducing',
  prevent: 'help prevent',
  prevents: 'helps prevent',
  prevented: 'helped prevent',
  preventing: 'helping prevent',
};

function reduceVerb(verb: string): string {
  const v = verb.toLowerCase().replace(/\s+/g, ' ');
  if (REDUCE[v]) return REDUCE[v]!;
  if (v.startsWith('ruled') || v === 'ruled out') return 'greatly reduced';
  if (v.startsWith('ruling')) return 'greatly reducing';
  if (v.startsWith('rules')) return 'greatly reduces';
  if (v.startsWith('rule')) return 'greatly reduce';
  if (v.startsWith('removes')) return 'removes most';
  if (v.startsWith('remove')) return 'remove most';
  return `${v} most`;
}

function baseOf(participle: string): string {
  const p = participle.toLowerCase();
  for (const [b, pp] of ADVERSE) if (new RegExp(`^${pp}$`, 'i').test(p)) return b.replace(/\[sz\]/g, 's');
  return p;
}

/** Every categorical promise in a sentence, first to last, none overlapping. */
export function readModalClaims(sentence: string): ModalClaim[] {
  const out: ModalClaim[] = [];
  const push = (c: ModalClaim) => {
    if (out.some((o) => c.start < o.end && c.end > o.start)) return;
    out.push(c);
  };
  const cue = (re: RegExp) => re.test(sentence);
  const remedy = cue(/refund|reimburs|repay|money/iu);
  for (const m of remedy && cue(/\bif\b/iu) ? sentence.matchAll(REMEDY_IF) : []) {
    const remedy = m.groups?.remedy ?? '';
    const start = m.index + m[0].length - remedy.length;
    push({
      kind: 'remedy',
      start,
      end: m.index + m[0].length,
      rewrite: 'we will review the results with you under the terms of your order form',
    });
  }
  for (const m of cue(/\b(?:or|else)\b/iu) ? sentence.matchAll(OR_MONEY_BACK) : [])
    if (OUTCOME_BEFORE.test(sentence.slice(Math.max(0, m.index - 80), m.index)))
      push({
        kind: 'remedy',
        start: m.index,
        end: m.index + m[0].length,
        rewrite: 'with refund terms as set out in your order form',
      });
  for (const m of remedy ? sentence.matchAll(MONEY_BACK_IF) : [])
    push({
      kind: 'remedy',
      start: m.index,
      end: m.index + m[0].length,
      rewrite: 'terms as set out in your order form',
    });
  const certain =
    cue(
      /\b(?:definitely|certainly|surely|absolutely|undoubtedly|unquestionably|positively|100\s?%|one hundred percent|doubt|for sure|for certain|without fail|no matter what)\b/iu,
    ) && cue(/\b(?:will|shall|going)\b|'ll\b/iu);
  for (const m of certain ? sentence.matchAll(CERTAIN_FUTURE) : []) {
    const g = m.groups ?? {};
    if (!g.adv1 && !g.adv2 && !g.adv3) continue;
    const verb = g.verb ?? '';
    const rest = sentence.slice(m.index + m[0].length - verb.length);
    if (OWN_ACT.test(rest) && /^(?:we|i)$/i.test(g.subj ?? '')) continue;
    if (!g.neg && NOT_AN_OUTCOME.test(verb)) continue;
    // "Your feedback will definitely be shared with the team": our own act, in the passive.
    if (PASSIVE_OWN_ACT.test(rest)) continue;
    push({
      kind: 'certainty',
      start: m.index,
      end: m.index + m[0].length,
      rewrite: `${g.subj} should ${g.neg ? (g.neg.toLowerCase() === 'never' ? 'rarely ' : 'not ') : ''}${verb}`,
    });
  }
  for (const m of certain ? sentence.matchAll(CERTAIN_AFTER) : []) {
    const head = m.groups?.head ?? '';
    const verb = head.replace(new RegExp(String.raw`^(?:${SUBJECT})\s*(?:${FUTURE})\s+`, 'iu'), '');
    if (OWN_ACT.test(verb) && /^(?:we|i)\b/i.test(head)) continue;
    const rewritten = head.replace(new RegExp(String.raw`\s*(?:${FUTURE})\s+`, 'iu'), ' should ').trimEnd();
    push({ kind: 'certainty', start: m.index, end: m.index + m[0].length, rewrite: rewritten });
  }
  for (const m of cue(/\b(?:sure|certain|confident|positive)\b/iu) ? sentence.matchAll(CONFIDENCE) : []) {
    // Sure of a feeling ("I'm absolutely sure you'll enjoy it") is not sure of an outcome.
    if (FEELING_AFTER.test(sentence.slice(m.index + m[0].length))) continue;
    const who = (m.groups?.who ?? '').toLowerCase().startsWith('i') ? 'I believe' : 'we believe';
    push({ kind: 'confidence', start: m.index, end: m.index + m[0].length, rewrite: keepCase(m[0], who) });
  }
  for (const m of cue(/\b(?:assure|promise)\b/iu) ? sentence.matchAll(ASSURANCE) : []) {
    const verb = m.groups?.verb ?? '';
    const after = sentence.slice(m.index + m[0].length - verb.length);
    // "I promise you we will look into it", "I assure you you'll love it": our own act, or a feeling.
    if (OWN_ACT.test(after) || PASSIVE_OWN_ACT.test(after) || NOT_AN_OUTCOME.test(verb)) continue;
    const who = (m.groups?.who ?? '').toLowerCase() === 'i' ? 'I expect' : 'we expect';
    const lead = m[0].slice(0, m[0].length - (m.groups?.claim ?? '').length);
    push({
      kind: 'confidence',
      start: m.index,
      end: m.index + lead.trimEnd().length,
      rewrite: keepCase(lead.trimEnd(), who),
    });
  }
  for (const m of cue(/\b(?:impossible|no way)\b/iu) ? sentence.matchAll(IMPOSSIBLE_TO) : []) {
    const rest = m[0].replace(/^\S+(?:\s+way)?/iu, '');
    push({ kind: 'impossibility', start: m.index, end: m.index + m[0].length, rewrite: `very hard${rest}` });
  }
  for (const m of cue(/\b(?:never|cannot|can't|can not)\b/iu) ? sentence.matchAll(CANNOT_BE) : [])
    push({
      kind: 'impossibility',
      start: m.index,
      end: m.index + m[0].length,
      rewrite: `would be very hard to ${baseOf(m.groups?.part ?? '')}`,
    });
  for (const m of cue(/\b(?:eliminat|rul|prevent|remove|block|stop|catch|detect|filter)/iu)
    ? sentence.matchAll(ELIMINATES)
    : []) {
    const g = m.groups ?? {};
    const q = (g.q ?? '').toLowerCase();
    const rest = g.rest ?? '';
    const most = / most$/.test(reduceVerb(g.verb ?? ''));
    const det = q === 'all' || most ? '' : 'the ';
    push({
      kind: 'universal',
      start: m.index,
      end: m.index + m[0].length,
      rewrite: keepCase(
        m[0],
        `${reduceVerb(g.verb ?? '')} ${det}${most && !/s$/iu.test(rest) ? `${rest}s` : rest}`,
      ),
    });
  }
  for (const m of cue(/\b(?:again|ever)\b/iu) ? sentence.matchAll(NEVER_AGAIN) : []) {
    const g = m.groups ?? {};
    const rewrite = g.verb
      ? `${g.modal ? 'should be' : 'is'} much less likely to ${g.verb.toLowerCase()} again`
      : keepCase(m[0], `few ${m[0].replace(/^\S+\s+/u, '').replace(/\s+ever$/iu, '')}`);
    push({ kind: 'universal', start: m.index, end: m.index + m[0].length, rewrite });
  }
  for (const m of cue(/\balways\b/iu) ? sentence.matchAll(ALWAYS_UP) : [])
    if (!BOUNDED_AFTER.test(sentence.slice(m.index + m[0].length)))
      push({
        kind: 'always',
        start: m.index,
        end: m.index + m[0].length,
        rewrite: keepCase(m[0], 'highly available'),
      });
  return out.sort((a, b) => a.start - b.start);
}

/** A cheap test before reading: does the sentence hold any word a modal claim needs? */
export const MODAL_CUE =
  /\b(?:assure|promise|definitely|certainly|surely|absolutely|undoubtedly|unquestionably|positively|doubt|without fail|for sure|for certain|no matter what|sure|certain|confident|positive|impossible|no way|cannot|can't|can not|never|eliminat\w*|rule[sd]? out|ruling out|prevent\w*|removes? all|blocks?|stops?|catch(?:es)?|detects?|filters? out|always|refund\w*|reimburse|repay|money[\s-]+back|(?:or|else)\s+(?:you|it|we)|100\s?%|one hundred percent|guaranteed|ever)\b/i;
