// Terms outside the price list, each kind read from word classes (src/engine/text/commerce-lexicon.ts): free
// periods ("first three months free", "included for the first 30 days"), things given away ("a free audit",
// "complimentary seats", "free of charge", "on the house"), credits of any amount or none ("a $2,000 service
// credit", "{amount} goodwill credit", "partner credits", "two months of service credit"), money put into the
// account or sent to the reader ("added $40 to your account", "send you $20", "a $250 referral bonus"),
// waived fees and charges taken off ("take the workshop off the invoice"), refunded periods, price matches,
// special, custom or reduced prices ("introductory rate", "reduced fee structure", "limited-time offer").
// Negated, standard inclusions ("on every plan", "comes with") and anything "subject to approval" pass; the
// suggestion adds "(subject to approval)". **Free trials and free plans**: the policy's clause is "pricing
// aligned with approved pricing models", and the price list is where a model is approved. So a trial or free
// plan offered is a concession unless the list holds a plan at 0 (`{ "plan": "Free trial", "amount": 0,
// "per": "14 days" }` approves 14-day trials; a non-trial plan at 0 approves a free plan or tier), and the
// customer's running trial ("your free trial ends on …") is account status, not an offer. Warns with a
// pricing policy, `info` without one.
import type { CheckContext } from '../../context.ts';
import { defineRule, type RawFinding } from '../../rule.ts';
import {
  ACCOUNT_NOUNS,
  alternation,
  CREDIT_KINDS,
  DEAL_NOUNS,
  GIVEABLE_NOUNS,
  INCENTIVE_NOUNS,
  SPECIAL_MODIFIERS,
} from '../../text/commerce-lexicon.ts';
import { AMOUNT_SLOT_SOURCE, CORRECTION, PENDING_APPROVAL } from '../../text/money.ts';

const N = String.raw`(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
const PERIOD = `(?:days?|weeks?|months?|month's|quarters?|years?)`;
// A compact money token (the concession patterns need to know an amount is there, not its value): a smaller
// pattern keeps the regexes cheap to compile on a worker's first check.
const CASH = String.raw`(?:[$€£]\s?(?:\d(?:[\d,.]*\d)?(?:\s?(?:k|mm|m)\b)?|\[[^\]\n]{1,40}\]|\{\{?[^}\n]{1,40}\}?\})|\b\d[\d,.]*\s?(?:[$€£]|(?:usd|eur|gbp|dollars|euros|pounds)\b))`;
const AMOUNT = String.raw`\**(?:${CASH}|${AMOUNT_SLOT_SOURCE})\**`;
const GIVEABLE = alternation(GIVEABLE_NOUNS);
const CREDIT_KIND = alternation(CREDIT_KINDS);
const INCENTIVE = alternation(INCENTIVE_NOUNS);
const SPECIAL = alternation(SPECIAL_MODIFIERS);
const DEAL = alternation(DEAL_NOUNS);
// A word inside a noun phrase (not a preposition, article or conjunction): "custom enterprise package" but not
// "reduced by the amount".
const CONTENT_WORD = String.raw`(?!(?:by|of|the|a|an|to|in|on|at|for|with|from|and|or|as|than|that|this|which|is|are|was|were|be))[\w-]+`;
const ACCOUNT = alternation(ACCOUNT_NOUNS);
// "credit" in finance and banking: a credit card, a credit rating, credit risk — not a concession.
const NOT_A_CREDIT = String.raw`(?!\s+(?:cards?|unions?|scores?|ratings?|checks?|limits?|lines?|reports?|risk|history|facility|exposure|support|department|group|team|analyst|agreement|worksheet|ring|response|terms|quality|default|derivative|spread|event|insurance|memo)\b)`;

/** Held by every match that reads an amount: a currency sign or code, or an amount placeholder's bracket. */
const AMOUNT_HELD = ['$', '€', '£', '[', '{', 'usd', 'eur', 'gbp', 'dollars', 'euros', 'pounds'];
/** Held by every price or offer a match names. */
const PRICE_HELD = ['pric', 'quot', 'offer', 'rate', 'bid'];

/**
 * Concessions: terms a customer gets outside the price list, one group of patterns per kind, each read only
 * when its cheap cue is in the text. The kinds are read from word classes (commerce-lexicon.ts), not from
 * fixed phrases. Before any pattern runs, `held`: what a match of the group (its cue and its pattern) always
 * holds, in lower case (one of each list): a plain search of the lower-cased text finds it wherever a match
 * is, and rules out most paragraphs much faster than the cues' patterns.
 */
const GROUPS: readonly {
  readonly held: readonly (readonly string[])[];
  /** For ANY_HELD, when rarer than the first of `held`: a pattern over the lower-cased text, no flags. */
  readonly gate?: string;
  readonly cue: RegExp;
  readonly re: RegExp;
}[] = [
  {
    // Free periods: "free for the first two months", "the first month free", "included for the first 30 days".
    held: [
      ['free', 'included', 'complimentary', 'waived', 'covered', 'on us', 'at no', 'on the house'],
      ['first', 'next', 'initial'],
      ['day', 'week', 'month', 'quarter', 'year'],
    ],
    cue: /\b(?:first|next|initial)\b/i,
    re: new RegExp(
      [
        String.raw`\b(?:free|included|complimentary|waived|covered|on us)\b(?:\s+(?:of charge|at no (?:extra\s+)?(?:cost|charge)))?[^.!?\n]{0,25}?\bfor (?:the )?(?:first|next|initial) ${N}?\s?${PERIOD}`,
        String.raw`\b(?:the )?(?:first |next )?${N} ${PERIOD} (?:free|at no (?:extra )?(?:cost|charge)|on us|on the house|complimentary)\b`,
        String.raw`\b(?:first|next) (?:month|quarter|year) (?:free|at no (?:cost|charge)|on us)\b`,
      ].join('|'),
      'giu',
    ),
  },
  {
    // Something given away: "a free audit", "three free months", "complimentary seats".
    held: [['free', 'complimentary', 'gratis']],
    cue: /free|complimentary|gratis/i,
    re: new RegExp(
      String.raw`(?<![\w-])(?:free|complimentary|gratis)(?!\s+(?:up|of|from|to|for|and|or|with)\b)\s+(?:[\w'-]+\s+){0,2}?(?:${GIVEABLE})\b`,
      'giu',
    ),
  },
  {
    // Given away as an adverbial: "pilot it for free", "we're offering it free to a few teams". "For free"
    // names a price of nothing whatever verb it follows; a bare "free" does after a verb of giving and its
    // object ("offering it free"), not in "feel free" or "free up".
    held: [['free']],
    cue: /free/i,
    re: /\bfor\s+free\b|\b(?:offer(?:s|ing|ed)?|giv(?:e|es|ing|en)|gave|send(?:s|ing)?|sent|includ(?:e|es|ing|ed)|throw(?:s|ing)?\s+in|threw\s+in|yours)\s+(?:(?:it|this|that|them|these|those|one|you)\s+)?(?:to\s+(?:you|your\s+team)\s+)?free\b(?!\s+(?:of\s+(?!charge)|up\b|from\b|and\b|-))/giu,
  },
  {
    // Free of charge, at no cost, on the house.
    held: [['charge', 'at no', 'on the house', 'at our']],
    cue: /charge|at no|on the house|at our/i,
    re: /\b(?:free of charge|at no (?:extra |additional )?(?:cost|charge)(?! to (?:us|me)\b)|no (?:extra |additional )?charge(?! ever)|on the house|at our (?:cost|expense))\b/giu,
  },
  {
    // "… is on us" with the thing given as its subject, not inside a phrase ("dinner after the workshop").
    held: [['on us']],
    cue: /\bon us\b/i,
    re: new RegExp(
      String.raw`(?<!\b(?:after|before|during|at|for|from|with|of|in|on|about)\s+(?:the\s+|a\s+|an\s+|our\s+|your\s+|this\s+)?)\b(?:${GIVEABLE})\b(?:\s+[\w'-]+){0,3}?\s+(?:is|are|'s|be|'re)\s+on us\b`,
      'giu',
    ),
  },
  {
    // Something taken off the bill: "take the workshop off the invoice", "knock two months off your renewal".
    held: [['off']],
    gate: String.raw`off\s`,
    cue: /\boff\b/i,
    re: /\b(?:take|taking|took|taken|knock|knocking|knocked|shave|shaving|shaved|strike|striking|struck|drop|dropping|dropped|leave|leaving|left)\b[^.!?\n]{0,50}?\boff\s+(?:of\s+)?(?:the\s+|your\s+|this\s+|that\s+)?(?:next\s+|first\s+|final\s+|current\s+)?(?:invoice|bill|renewal|price|total|quote|contract|order|subscription|estimate|statement)\b/giu,
  },
  {
    // Matching another offer: "we can match their price", "match whatever they quoted you", "price match".
    held: [['match'], PRICE_HELD],
    cue: /match/i,
    re: /\b(?:match|matching|beat|beating|undercut|undercutting)\s+(?:[\w'-]+\s+){0,4}?(?:price|prices|pricing|quote|quoted|offer|offered|rate|rates|bid)\b|\bprice[ -]match\w*/giu,
  },
  {
    // A cost we absorb: "we'll cover the extra hours ourselves", "we can absorb the travel costs".
    held: [
      ['cover', 'absorb', 'eat', 'foot', 'pick up'],
      ['cost', 'fee', 'charge', 'bill', 'expense', 'hours', 'overage', 'difference'],
    ],
    // The verb stands between spaces ("we'll eat the cost"), not in "great".
    gate: String.raw`cover|absorb|\seat\s|foot|pick up`,
    cue: /\b(?:cover|covering|absorb|absorbing|eat|eating|foot|footing|pick up|picking up)\b/i,
    re: /\b(?:we|i)(?:'ll|'d| will| would| can| could| are happy to| 're happy to)?\s+(?:cover|absorb|eat|foot|pick up)\s+(?:the\s+|any\s+|all\s+|your\s+|those\s+|these\s+)?(?:[\w-]+\s+){0,3}?(?:costs?|fees?|charges?|bill|expenses?|hours|overage|difference)\b(?:[^.!?\n]{0,30}?\b(?:ourselves|on our (?:side|end|dime)|at our (?:cost|expense)))?/giu,
  },
  {
    // Price protection: "lock your price at this year's rate", "freeze your current pricing".
    held: [
      ['lock', 'freez', 'hold', 'keep', 'guarantee'],
      ['pric', 'rate'],
    ],
    // The price follows a space: "your current rate", not "separate".
    gate: String.raw`\s(?:pric|rate)`,
    cue: /\b(?:lock|freez|hold|keep|guarantee)/i,
    re: /\b(?:lock|locking|locked|freeze|freezing|frozen|hold|holding|keep|keeping|guarantee|guaranteeing)\s+(?:in\s+)?(?:your|the|current|this year's|today's|last year's|existing)\s+(?:current\s+)?(?:price|prices|pricing|rate|rates)\b/giu,
  },
  {
    // Waived fees.
    held: [['waiv']],
    cue: /waiv/i,
    re: /\b(?:waive|waived|waiving)\s+(?:the\s+|your\s+|all\s+|any\s+)?(?:[\w-]+\s+){0,2}?(?:fees?|charges?|costs?|deposit|minimum)\b/giu,
  },
  {
    // Credits: "a $2,000 service credit", "{amount} goodwill credit", "partner credits", "credit toward your
    // next order", "two months of service credit", "we'll credit your account".
    held: [['credit']],
    cue: /credit/i,
    re: new RegExp(
      [
        String.raw`${AMOUNT}\s+(?:(?:${CREDIT_KIND}|in)\s+){0,2}credits?\b${NOT_A_CREDIT}`,
        String.raw`\b(?:${CREDIT_KIND})\s+credits?\b${NOT_A_CREDIT}`,
        String.raw`\bcredits?\s+(?:toward|towards|against|off|on)\s+(?:your|the|any|future|a|an|next)\b`,
        String.raw`\b${N}\s+${PERIOD}\s+of\s+(?:[\w-]+\s+)?credits?\b`,
        String.raw`\bcredit(?:ed|ing)?\s+(?:you|your (?:account|next (?:invoice|bill)|invoice|bill))\b`,
        // A sum credited: "we will credit $12.50", "credited [amount] to your card".
        String.raw`\bcredit(?:s|ed|ing)?\s+(?:you\s+)?${AMOUNT}`,
      ].join('|'),
      'giu',
    ),
  },
  {
    // Money put into the customer's account ("I've added $40 to your account"), a period refunded ("we'll
    // refund your first two months").
    held: [[...AMOUNT_HELD, 'refund']],
    cue: /\b(?:add|appl|issu|put|load|deposit|refund|transfer)\w*\s[^.!?\n]*\byour\b/i,
    re: new RegExp(
      [
        String.raw`\b(?:add(?:ed|ing)?|appl(?:y|ied|ying)|issu(?:e|ed|ing)|put|load(?:ed)?|deposit(?:ed)?|refund(?:ed|ing)?|transferr?(?:ed)?)\s+(?:an?\s+|the\s+)?${AMOUNT}\s+(?:[\w-]+\s+){0,3}?(?:to|on|onto|into|in|back to)\s+your\s+(?:${ACCOUNT})\b`,
        String.raw`\brefund\s+(?:you\s+)?(?:your|the)\s+(?:first|last|next)?\s*(?:${N}\s+)?${PERIOD}`,
      ].join('|'),
      'giu',
    ),
  },
  {
    // Time given on a plan: "we'll extend your membership by two months", "extend your trial with 2 weeks".
    held: [['extend'], ['day', 'week', 'month', 'quarter', 'year']],
    cue: /extend/i,
    re: new RegExp(
      String.raw`\bextend(?:s|ed|ing)?\s+(?:your|the)\s+(?:[\w-]+\s+)?(?:subscriptions?|memberships?|plans?|trials?|licen[cs]es?|access|accounts?|service)\s+(?:by|with|for)\s+(?:an?\s+)?(?:(?:additional|extra|free|further)\s+)?(?:${N}\s+)?(?:(?:additional|extra|free|further)\s+)?${PERIOD}`,
      'giu',
    ),
  },
  {
    // Money given to the reader: "send you $20", "I'll give you [a thank-you]".
    held: [AMOUNT_HELD],
    cue: /\b(?:send|give|pay|offer|gift)\s+you\b/i,
    re: new RegExp(
      String.raw`\b(?:send|give|pay|offer|gift)\s+you\s+(?:an?\s+)?(?:${CASH}|\[[^\]\n]{1,80}\])`,
      'giu',
    ),
  },
  {
    // An incentive: "a $250 referral bonus", "$100 for you", "our referral reward".
    held: [[...AMOUNT_HELD, 'referral']],
    cue: new RegExp(String.raw`\b(?:${INCENTIVE})\b|\bfor you\b`, 'i'),
    re: new RegExp(
      [
        String.raw`${AMOUNT}\s+(?:[\w-]+\s+)?(?:${INCENTIVE})\b`,
        String.raw`(?:${CASH})\s+for you\b`,
        String.raw`\breferral\s+(?:bonus|reward|fee|credit|incentive|commission|payment|program|programme)\b`,
      ].join('|'),
      'giu',
    ),
  },
  {
    // A price, offer or term outside the list: "a special rate", "limited-time offer", "reduced fee structure".
    // Cued by the deal noun, which is much rarer than the modifiers ("best" closes half of all emails).
    held: [DEAL_NOUNS.map((n) => n.split(/[ -]/)[0]!)],
    // The deal noun after a space and as a whole word ("our special rate", not "feedback"), or "special".
    gate: String.raw`\s(?:${DEAL})(?![a-z0-9_])|special`,
    cue: new RegExp(String.raw`\b(?:${DEAL})\b`, 'i'),
    re: new RegExp(
      [
        String.raw`\b(?:${SPECIAL})\s+(?:${CONTENT_WORD}\s+){0,2}?(?:${DEAL})\b`,
        String.raw`\bspecial\s*\**\s*:\s*\**\s*(?:${CASH})`,
      ].join('|'),
      'giu',
    ),
  },
];

/** What any group's match holds, over the lower-cased text: one pass rules out most paragraphs. */
const ANY_HELD = new RegExp(
  GROUPS.map((g) => g.gate ?? g.held[0]!.map((w) => w.replace(/[$.*+?^{}()|[\]\\]/g, '\\$&')).join('|')).join(
    '|',
  ),
);

function concessions(text: string): { start: number; end: number; text: string }[] {
  const found: { start: number; end: number; text: string }[] = [];
  // Lower case as the patterns read it ("ſ" is "s" to a case-insensitive Unicode pattern; "K" lower-cases
  // to "k" already); a letter lower-cases in place, so a match's words are found as they stand.
  let lower = text.toLowerCase();
  if (lower.includes('\u017f')) lower = lower.replaceAll('\u017f', 's');
  // "İ" lower-cases to a letter and a dot: a word boundary there is read by the patterns themselves.
  if (!ANY_HELD.test(lower) && !/\u0130/.test(text)) return found;
  for (const { held, cue, re } of GROUPS) {
    if (!held.every((any) => any.some((w) => lower.includes(w))) || !cue.test(text)) continue;
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) found.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: typeof found = [];
  for (const f of found) if (!out.length || f.start >= out[out.length - 1]!.end) out.push(f);
  return out;
}
const NEGATED =
  /\b(?:no|not|never|without|cannot|can't|won't|don't|doesn't|isn't|aren't|unable to|nor)\b[^.;:!?]{0,40}$/i;
/** Terms for everyone, not a concession: "support is free of charge on every plan", "fees are waived for everyone". */
const STANDARD =
  /\bstandard\b|\b(?:every|all|each|any)\s+(?:[\w-]+\s+)?(?:plans?|tiers?|subscriptions?|orders?|purchases?|editions?|accounts?)\b|\bcomes? with\b|\bincluded (?:in|with) (?:every|all|each|the standard)\b|\b(?:everyone|everybody|every (?:customer|user|member)|all (?:of )?(?:our |the )?(?:customers|users|members|clients))\b/i;
/** A verb of giving with the reader as recipient: "offer you", "we're giving you", "sent you". */
const OFFERED_TO_READER = /\b(?:offer|giv|send|sent|gave|extend)(?:s|ed|ing|e|en)?\s+you\b/i;
/** A term the customer's agreement already sets ("service credits described in section 7 of your agreement"). */
const CONTRACTUAL =
  /\b(?:section|clause|schedule|exhibit|appendix)\s+\d|\b(?:described|defined|set out|outlined|specified|provided for)\s+(?:in|by|under)\b|\b(?:per|under|according to|as set out in)\s+(?:the|your|our)\s+(?:sla|agreement|contract|terms|msa|order form)\b/i;
/** A trial the customer already has ("your free trial ends on ...") is an account status, not an offer. */
const OWN_TRIAL =
  /\byour\s+(?:[\w-]+\s+){0,3}?trial\b|\btrial\s+(?:period\s+)?(?:ends|ended|expires|expired|is over|will end|converts|has ended)\b/i;

/** "A free plan", "the free tier": a zero-price plan, approved when the price list has one. */
const FREE_PLAN = /\b(?:free|complimentary)\s+(?:[\w-]+\s+)?(?:plan|tier|version|edition|account)\b/i;

/**
 * A free trial is approved when the price list has a trial at 0 of that length (or of any length); a free plan
 * or tier when the list has a plan at 0 that is not a trial.
 */
function zeroPriceApproved(ctx: CheckContext, match: string, sentence: string): boolean {
  const zero = (ctx.policy.pricing?.approvedPrices ?? []).filter((p) => p.amount === 0);
  if (!/\btrial\b/i.test(match)) return zero.some((p) => !/trial/i.test(p.plan));
  const trials = zero.filter((p) => /trial/i.test(p.plan));
  if (trials.length === 0) return false;
  const stated = /(\d+)[\s-]*(day|week|month)/i.exec(sentence);
  return trials.some((p) => {
    const approved = /(\d+)[\s-]*(day|week|month)/i.exec(`${p.plan} ${p.per ?? ''}`);
    if (!stated || !approved) return true;
    return stated[1] === approved[1] && stated[2]!.toLowerCase() === approved[2]!.toLowerCase();
  });
}

const POLICY = { pricing: { maxDiscountPercent: 15 } };

export const rule = defineRule(
  {
    id: 'pricing/concession',
    category: 'pricing',
    severity: 'warn',
    clause: 'pricing-approved',
    description:
      'Concessions outside the approved price list: free periods and free work or goods, credits of any amount, money or bonuses paid to the customer, waived fees, refunded periods, special, custom or reduced prices. A free trial counts unless the price list has a trial at 0 (a plan named "… trial", amount 0) or it is the customer\'s running trial. Informational without a pricing policy.',
    source: 'customer-policy.md, Proposals & Sales Materials (Pricing aligned with approved pricing models)',
    examples: {
      flag: [
        {
          text: 'Sorry for the trouble: we will extend your membership by two months.',
          why: 'time given on a plan',
        },
        { text: 'For the $30 plan we will credit $15 this week.', why: 'a sum credited' },
        {
          text: "We'd like to offer you a new (and signed-off!) $40 discount on any order.",
          why: 'offered to the reader; "any order" is where it may be used, and the aside does not end the sentence',
        },
        { text: 'We can make the first three months free if you sign this week.', policy: POLICY },
        {
          text: 'We are looking for two teams to try the new scheduler for free this quarter.',
          policy: POLICY,
          why: 'work or goods given for nothing',
        },
        {
          text: 'It normally sells as an add-on, but we are offering it free to early adopters.',
          policy: POLICY,
          why: '"free" after a verb of giving and its object',
        },
        { text: 'We will waive the onboarding fee for you.', policy: POLICY },
        { text: "I've added a $2,000 service credit to your account.", policy: POLICY },
        {
          text: 'Would your team like a free security assessment before the renewal?',
          policy: POLICY,
          why: 'free work offered, as a question',
        },
        {
          text: "I've put {credit_amount} on your account to say sorry for the delay.",
          policy: POLICY,
          why: 'money added to the account, amount still a placeholder',
        },
        {
          text: 'Anyone you introduce who signs earns you a $300 thank-you bonus.',
          policy: POLICY,
          why: 'money paid to the customer',
        },
        {
          text: 'As a founding customer you get our introductory rate on the analytics module.',
          policy: POLICY,
          why: 'a special price',
        },
        {
          text: 'We can give you two months of service credit for the outage.',
          policy: POLICY,
          why: 'a period of credit',
        },
        {
          text: 'Every new workspace starts with a 21-day free trial.',
          policy: POLICY,
          why: 'a trial offered with no trial in the price list',
        },
        {
          text: 'We can also apply some partner credits against the build.',
          policy: POLICY,
          why: 'credits of no stated amount',
        },
        {
          text: 'Since the kickoff moved, I can take the second design review off the invoice.',
          policy: POLICY,
          why: 'a charge taken off the bill',
        },
        {
          text: 'Send me their offer and we will match the price they gave you.',
          policy: POLICY,
          why: 'a price match',
        },
        {
          text: 'We will absorb the extra travel costs ourselves this time.',
          policy: POLICY,
          why: 'a cost we take on',
        },
        {
          text: 'If you renew early we can freeze your current pricing until 2029.',
          policy: POLICY,
          why: 'price protection',
        },
        { text: 'We can add 5 complimentary seats.', why: 'no pricing policy: informational' },
      ],
      pass: [
        { text: 'We extended the deadline for the survey by two weeks.', why: 'a deadline, not a plan' },
        { text: 'Your credit card was charged $40 on the 3rd.', why: 'a charge, not a credit' },
        {
          text: 'Shipping is free on any order over $50.',
          why: 'a published term for every order',
        },
        { text: 'Your free trial ends on March 3.', policy: POLICY, why: "the customer's running trial" },
        {
          text: 'Every new workspace starts with a 14-day free trial.',
          policy: {
            pricing: {
              maxDiscountPercent: 15,
              approvedPrices: [{ plan: 'Free trial', amount: 0, per: '14 days' }],
            },
          },
          why: 'the trial is in the approved price list',
        },
        { text: 'Feel free to share this with your team.', policy: POLICY },
        {
          text: 'Everyone can use the reporting API for free on every plan.',
          policy: POLICY,
          why: 'a standard inclusion',
        },
        {
          text: 'We cannot run the migration for free, but the workshop is already in your plan.',
          policy: POLICY,
          why: 'refused',
        },
        { text: 'The credit union team joined the call.', policy: POLICY },
        {
          text: 'Our credit team reviews every new account over $50,000.',
          policy: POLICY,
          why: 'credit in the financial sense',
        },
        {
          text: 'We can add a $500 goodwill credit, subject to approval by finance.',
          policy: POLICY,
          why: 'offered only once approved',
        },
        {
          text: 'We are not able to offer any special pricing this quarter.',
          policy: POLICY,
          why: 'negated',
        },
        {
          text: 'Free up some time on Friday and we can walk through it.',
          policy: POLICY,
          why: '"free up" is a verb',
        },
        {
          text: 'Our free tier covers two editors; larger teams pick a paid plan.',
          policy: {
            pricing: {
              maxDiscountPercent: 15,
              approvedPrices: [
                { plan: 'Free', amount: 0 },
                { plan: 'Team', amount: 25, per: 'seat/month' },
              ],
            },
          },
          why: 'a free plan that is in the approved price list',
        },
        {
          text: 'Downtime past the monthly commitment earns service credits as set out in clause 9 of the MSA.',
          policy: POLICY,
          why: 'a term the agreement already sets',
        },
        {
          text: 'I have refunded $35 to your card for the charge we took twice in April.',
          policy: POLICY,
          why: 'a billing mistake put right',
        },
        {
          text: 'From June, card surcharges are waived for all of our customers.',
          policy: POLICY,
          why: 'a published change for everyone',
        },
        {
          text: 'Reminder: dinner after the workshop is on us.',
          policy: POLICY,
          why: 'hospitality, not a commercial term',
        },
        {
          text: 'Phone support is included at no extra charge on every plan.',
          policy: POLICY,
          why: 'a standard inclusion',
        },
      ],
    },
  },
  (ctx): RawFinding[] => {
    if (ctx.internalOnly) return [];
    const hasPolicy = ctx.policy.pricing !== undefined;
    const out: RawFinding[] = [];
    for (const field of [ctx.field('subject'), ctx.field('body')]) {
      const ranges = field.rangesFor(['body', 'subject']);
      for (const m of concessions(field.text)) {
        let { start, end } = m;
        // Markdown emphasis around an amount is not part of the concession.
        while (field.text[start] === '*' && start < end) start++;
        while (field.text[end - 1] === '*' && end > start) end--;
        if (!ranges.some(([s, e]) => start >= s && end <= e)) continue;
        const [ss, se] = field.sentenceAt(start) ?? [start, end];
        const sentence = field.text.slice(ss, se);
        const lead = field.text.slice(ss, start);
        if (PENDING_APPROVAL.test(sentence) || NEGATED.test(lead) || CONTRACTUAL.test(sentence)) continue;
        if (
          /\b(?:refund|credit|add|appl|issu|put|load|deposit|transfer)/i.test(m.text) &&
          CORRECTION.test(sentence)
        )
          continue;
        // A term for everyone (a published change, a standard inclusion) is not a concession to this customer,
        // unless it is offered to the reader: in "we'd like to offer you a $50 discount on any order", "any
        // order" is where the reader may use it.
        if (STANDARD.test(sentence) && !OFFERED_TO_READER.test(sentence)) continue;
        if (/\btrial\b/i.test(m.text) && OWN_TRIAL.test(sentence)) continue;
        if ((/\btrial\b/i.test(m.text) || FREE_PLAN.test(m.text)) && zeroPriceApproved(ctx, m.text, sentence))
          continue;
        const [os, oe] = field.toOriginal(start, end);
        const excerpt = field.original.slice(os, oe);
        const finding = ctx.report(
          field,
          start,
          end,
          hasPolicy
            ? `"${excerpt}" is a concession outside the approved price list. Make it subject to approval, or offer only approved terms.`
            : `"${excerpt}" is a pricing concession; check it against your approved pricing.`,
          `${excerpt} (subject to approval)`,
        );
        out.push(hasPolicy ? finding : { ...finding, severity: 'info' });
      }
    }
    return out;
  },
  // Each match reads its own sentence at most.
  { local: true },
);
