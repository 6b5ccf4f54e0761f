/**
 * Money in an email and what it is doing there: a price offered to the reader ("Investment: $15K", "the new
 * total is $4,250", "starting at $125/month", "@ $255"), or a figure of another kind (savings, a market
 * statistic, a computed result, what a third party charges, the customer's own bill). Cheap regexes over
 * one sentence; the word classes are data in commerce-lexicon.ts.
 */
import { alternation, NOT_A_PRICE, PRICE_NOUNS, STATISTIC_MODIFIERS } from './commerce-lexicon.ts';
import { Lru } from './lru.ts';

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)`;
const SCALE = String.raw`(?:\s?(?:k|mm|m|bn|million|billion|thousand)\b)?`;
/** An unfilled amount: "$[amount]", "€[X]", "${price}", "$XX,XXX". */
const SLOT = String.raw`(?:\[[^\]\n]{1,40}\]|\{\{?[^}\n]{1,40}\}?\}|X{1,3}(?:,X{3})*\b)`;
const CODE = `(?:USD|EUR|GBP|CAD|AUD|CHF)`;
/**
 * "$49", "$1,550.00", "$15K", "$10mm", "$29-129", "USD 49", "49 USD", "15$", "12 €", "40 dollars", "$[amount]".
 * Group 1 marks a currency-first amount, group 2 an amount-first one.
 */
/** A template field named for a sum of money, with no currency before it: "{{quoteTotal}}", "[total price]". */
const MONEY_FIELD = String.raw`(?:\{\{\s*[\w.]{0,24}?(?:amount|price|cost|fee|total)[\w.]{0,12}\s*\}\}|\[\s*[\w ]{0,24}?(?:amount|price|cost|fee|total)[\w ]{0,12}\])`;
const MONEY_SOURCE = String.raw`(?:(?:[$€£]|\b${CODE}\s?)\s?(?:${NUM}${SCALE}(?:\s?-\s?[$€£]?${NUM}${SCALE})?|${SLOT})|\b${NUM}${SCALE}\s?(?:[$€£]|\b(?:${CODE}|dollars|euros|pounds)\b)|${MONEY_FIELD})`;
const MONEY = new RegExp(MONEY_SOURCE, 'giu');
/** A placeholder that stands for an amount of money: "{amount}", "[credit amount]", "{{refund_total}}". */
export const AMOUNT_SLOT_SOURCE = String.raw`(?:[\[{]{1,2}\s*[\w /-]{0,20}?(?:amount|price|cost|fee|total|sum|value|credit)[\w /-]{0,20}[\]}]{1,2})`;

export const HAS_MONEY_CHEAP =
  /[$€£]|\b(?:usd|eur|gbp|cad|aud|chf|dollars|euros|pounds)\b|[{[]\s*[\w. ]{0,24}?(?:amount|price|cost|fee|total)/i;

const PRICE_NOUN = alternation(PRICE_NOUNS);
const NOT_PRICE = new RegExp(String.raw`\b(?:${alternation(NOT_A_PRICE)})\b`, 'i');
const STATISTIC = new RegExp(
  String.raw`\b(?:${alternation(STATISTIC_MODIFIERS)})\b[^.;:]{0,25}\b(?:price|prices|rate|rates|cost|costs)\b`,
  'i',
);

/** "Investment:", "- Setup fee:", "**Total first year:**", "Month 1:" — a label that ends right before the amount. */
const LABEL = /^[\s\-•*>#·✅✓☑+]*(?:\d+[.)]\s*)?\**\s*([^:=\n]{1,60}?)\s*\**\s*[:=]\s*\**\s*(?:\(?\s*)$/iu;
const PERIOD_LABEL =
  /^(?:(?:month|week|year|quarter|phase|stage|milestone)\s*\d+|monthly|annual|annually|yearly|per (?:month|year|seat|user)|one-time|upfront|up-front|setup|set-up|special|today|now|launch)\b/i;
const PRICE_WORD = new RegExp(String.raw`\b(?:${PRICE_NOUN})\b`, 'i');
/** A price noun, what it is for, and a verb or preposition linking it to the amount ("pricing for that is"). */
const NOUN_THEN_AMOUNT = new RegExp(
  String.raw`\b(${PRICE_NOUN})\b(?:\s+(?:for|on)\s+(?:that|this|it|these|those|each|one))?\s*(is|are|will be|would be|comes to|come to|works out to|of|at|:)\s*(?:just|only|about|around|approximately|roughly|a flat|a fixed)?\s*\**\s*$`,
  'i',
);
/**
 * The same with what the price is for spelled out ("our quote for the re-roofing work is"): only when we or
 * the reader are in the clause, since "the rate for the Chicago citygate is" reports a market.
 */
const NOUN_FOR_THING_THEN_AMOUNT = new RegExp(
  String.raw`\b(?:${PRICE_NOUN})\b\s+(?:for|on)\s+(?:the|your|this|that|these|those|our|each)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s*(?:is|are|will be|would be|comes to|come to|works out to|:)\s*(?:just|only|about|around|approximately|roughly)?\s*\**\s*$`,
  'i',
);
const ADDRESSED = /\b(?:we|our|my|i|you|your|us)\b/i;
const PREPOSITION_PRICE =
  /\b(?:start(?:ing|s)? (?:at|from)|totall?ing|amounting to|in the amount of|for a total of|from (?:just|only)|for (?:just|only|under|less than|as little as)|as low as|at just|at only|priced at|(?:for|at) a (?:flat|fixed|one-time|monthly|annual|yearly) (?:fee|price|rate|cost) of)\s*$/i;
const AMOUNT_THEN_NOUN =
  /^\s*\**\s*(?:\(?\s*one-time\s*\)?\s*)?(?:investment|retainer|deposit|(?:one-time |flat |setup |set-up |monthly |annual )?fee|per (?:month|year|seat|user|hour|head|site)|a (?:month|year|seat|user)|monthly|annually|yearly)\b/i;
// Units of time and of subscription: a commodity rate ("$4.65/MMBtu") is market pricing, not an offer.
const RATE_UNIT = String.raw`(?:(?:month|mo|year|yr|annum|week|wk|day|hour|hr|seat|user|licen[cs]e|person|head|site|location|member|employee|agent|device|store|room|session|visit|class|student|unit|item|page|report)s?\b|\[[^\]\n]{1,30}\])`;
const RATE_AFTER = new RegExp(String.raw`^\s*(?:\/\s*|per\s+|(?:a|an|each)\s+)${RATE_UNIT}`, 'i');
/** We offer to do something for an amount: "I can do the whole audit for $3,000". */
const WE_DO_FOR =
  /\b(?:i|we)(?:'d|'ll)?\s+(?:can|could|would|will|am able to|are able to|are happy to|am happy to|'d be happy to)?\s*(?:do|deliver|handle|build|run|provide|offer|include|cover|take on|complete|set up|install|migrate|manage|support|host|design|write|cater|ship|supply|throw in)\b[^.!?;]{0,50}\b(?:for|at)\s*(?:just|only|about|around|roughly)?\s*\**\s*$/i;
/** A price that moves: "the per-seat price drops to $41", "your rate comes down to $900". */
const PRICE_MOVES = new RegExp(
  String.raw`\b(?:${PRICE_NOUN})\b[^.!?;]{0,20}?\b(?:drops?|falls?|goes down|comes? down|is reduced|would be reduced|lowers?|decreases?)\s+to\s*\**\s*$`,
  'i',
);
const AT_SIGN = /@\s*(?:(?:the\s+)?(?:current\s+)?market\s*[+-]\s*)?$/i;
const CHANGE =
  /\b(?:reduc|lower|cut|drop|decreas|bring(?:ing)? down|increas|rais)\w*\b[^.!?]{0,80}\bfrom\s*$/i;
const COMPUTED = /(?:[=×]|(?<!\*)\*(?!\*))\s*$|\d\s*x\s*$/i;
const POSSESSIVE = /\b(?!(?:today|tomorrow|year|month|week)'s)[\p{L}]+'s\s*\**\s*$/iu;
/** The customer's own account, described rather than offered ("your subscription renews at ..."). */
const OWN_ACCOUNT =
  /\byour\s+(?:current\s+|existing\s+|monthly\s+|annual\s+)?(?:subscription|renewal|invoice|bill|balance|statement|card|order|contract|agreement)\b/i;
/** The customer's own spending ("you're paying", "you spend"). */
const CUSTOMER_SPEND =
  /\byou(?:'re| are)?\s+(?:currently\s+|probably\s+|already\s+)?(?:pay|paying|spend|spending|lose|losing|waste|wasting)\b/i;

const CLAUSE_BREAK = /;|\b(?:but|however|whereas|vs\.?|versus|than)\b/gi;

/** Whether the words before an amount describe the customer's own account or spending, not an offer. */
export function customersOwn(before: string): boolean {
  let clauseStart = 0;
  for (const m of before.matchAll(CLAUSE_BREAK)) clauseStart = m.index + m[0].length;
  const clause = before.slice(clauseStart);
  return OWN_ACCOUNT.test(clause) || CUSTOMER_SPEND.test(clause);
}

export type PriceRole = 'label' | 'price' | 'rate' | 'investment' | 'at' | 'change';

export interface MoneyMention {
  readonly start: number;
  readonly end: number;
  /** The amount in the currency's units; undefined for a placeholder or a range. */
  readonly amount: number | undefined;
  readonly currency: string | undefined;
}

/** A currency sign, code or word (lower case) -> its ISO code. */
export const CURRENCY: Readonly<Record<string, string>> = {
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  usd: 'USD',
  eur: 'EUR',
  gbp: 'GBP',
  cad: 'CAD',
  aud: 'AUD',
  chf: 'CHF',
  dollars: 'USD',
  euros: 'EUR',
  pounds: 'GBP',
};

/** The money amounts in `text` between `from` and `to`. */
export function moneyIn(text: string, from = 0, to = text.length): MoneyMention[] {
  const out: MoneyMention[] = [];
  const slice = text.slice(from, to);
  MONEY.lastIndex = 0;
  for (const m of slice.matchAll(MONEY)) {
    const raw = m[0];
    const symbol = /[$€£]|usd|eur|gbp|cad|aud|chf|dollars|euros|pounds/i.exec(raw)?.[0].toLowerCase();
    let amount: number | undefined;
    const single = /^[^\d.]*(\d[\d,]*(?:\.\d+)?|\.\d+)\s*(k|mm|m|bn|million|billion|thousand)?[^\d-]*$/i.exec(
      raw,
    );
    if (single) {
      const scale = (single[2] ?? '').toLowerCase();
      const mult =
        scale === 'k' || scale === 'thousand'
          ? 1e3
          : scale === 'm' || scale === 'mm' || scale === 'million'
            ? 1e6
            : scale === 'bn' || scale === 'billion'
              ? 1e9
              : 1;
      amount = Number(single[1]!.replace(/,/g, '')) * mult;
    }
    out.push({
      start: from + m.index,
      end: from + m.index + raw.length,
      amount,
      currency: symbol ? CURRENCY[symbol] : undefined,
    });
  }
  return out;
}

/**
 * What an amount does in its sentence: a price offered (by role), or undefined when it is no price or is
 * somebody else's (savings, statistics, a computed figure, a third party's rate, the customer's own bill or
 * spending). `sentence` is the sentence's text; `start` / `end` the amount's offsets in it.
 */
export function priceRole(
  sentence: string,
  start: number,
  end: number,
  /** The sentence is an item of a list under a price heading ("Here are the numbers:", "Fees:"). */
  listed = false,
): PriceRole | undefined {
  // The clause the amount sits in: from the last clause break before it.
  const before = sentence.slice(0, start);
  let clauseStart = 0;
  for (const m of before.matchAll(CLAUSE_BREAK)) clauseStart = m.index + m[0].length;
  const clause = before.slice(clauseStart);
  const after = sentence.slice(end, end + 60);
  if (COMPUTED.test(before)) return undefined;
  if (POSSESSIVE.test(before)) return undefined;
  if (STATISTIC.test(clause)) return undefined;
  if (OWN_ACCOUNT.test(clause) || CUSTOMER_SPEND.test(clause)) return undefined;
  // The other side of a comparison ("... vs $500/month") is somebody else's figure unless it names our fee.
  if (/\b(?:vs\.?|versus|than)\s*\**\s*$/i.test(before))
    return AMOUNT_THEN_NOUN.test(after) ? 'investment' : undefined;
  const label = LABEL.exec(before);
  if (label) {
    const words = label[1]!;
    if (NOT_PRICE.test(words)) return undefined;
    if (PRICE_WORD.test(words) || PERIOD_LABEL.test(words.replace(/^[\s*_]+/, ''))) return 'label';
  }
  if (NOT_PRICE.test(`${clause.slice(-50)} ${after.slice(0, 20)}`)) return undefined;
  const noun = NOUN_THEN_AMOUNT.exec(before);
  if (noun && !(/^(?:sub)?total$/i.test(noun[1]!) && /^of$/i.test(noun[2]!))) return 'price';
  if (NOUN_FOR_THING_THEN_AMOUNT.test(before) && ADDRESSED.test(clause)) return 'price';
  if (PREPOSITION_PRICE.test(before) || WE_DO_FOR.test(before)) return 'price';
  if (AT_SIGN.test(before)) return 'at';
  if (AMOUNT_THEN_NOUN.test(after)) return 'investment';
  if (RATE_AFTER.test(after)) return 'rate';
  if (CHANGE.test(before) || PRICE_MOVES.test(before)) return 'change';
  if (listed && LIST_ITEM.test(before)) return 'label';
  return undefined;
}

/** A list item up to its amount: "- Build: ", "2. Hosting - ", "• Design sprint — ". */
const LIST_ITEM = /^\s*(?:[-•*·+>✅✓☑]+\s*|\d+[.)]\s*)?\**[^:=\n]{1,60}?\**\s*[:=—–-]\s*\**\s*\(?\s*$/u;
const LIST_SHAPE = /^\s*(?:[-•*·+>✅✓☑]|\d+[.)])|^[^:\n]{1,60}:\s*\S/u;
const PRICE_HEADING = new RegExp(
  String.raw`\b(?:${PRICE_NOUN}|numbers|figures|breakdown|options|line items|propos\w*|offer\w*)\b[^\n]*:\s*\**\s*$`,
  'i',
);

/**
 * Whether the line starting at `lineStart` of `text` is an item of a list under a price heading: the nearest
 * line above it (in the same paragraph) that ends with a colon names prices ("Pricing:", "Here are the
 * numbers for phase two:").
 */
export function underPriceHeading(text: string, lineStart: number): boolean {
  const nl = text.indexOf('\n', lineStart);
  const first = text.slice(lineStart, nl < 0 ? undefined : nl);
  if (!LIST_SHAPE.test(first)) return false;
  let end = lineStart;
  for (let k = 0; k < 12; k++) {
    const prevEnd = text.lastIndexOf('\n', end - 1);
    if (prevEnd < 0) return false;
    const prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
    const line = text.slice(prevStart, prevEnd);
    if (!line.trim()) return false;
    if (/:\s*\**\s*$/.test(line)) return PRICE_HEADING.test(line) && !NOT_PRICE.test(line);
    end = prevStart;
  }
  return false;
}

/**
 * A bill, a receipt or a notice of an automatic renewal (invoice number, amount due, "will automatically
 * renew", "payment method:"): its amounts are billing, not offers.
 */
export const BILL =
  /\b(?:invoice\s*(?:number|no\.?|#|date|id)|(?:total\s+)?amount\s+due|balance\s+due|total\s+due|receipt\s*(?:number|no\.?|#)?|billing\s+(?:period|statement)|order\s*(?:#|no\.?|number)\s*:?\s*[\w-]*\d|(?:has|have) (?:been )?(?:shipped|dispatched|delivered)|payment (?:received|confirmation)|thank you for your (?:order|purchase|payment)|(?:will\s+)?(?:automatically|auto-?)\s*renews?|renewal\s+(?:date|details|reminder|notice)\s*:?|next\s+(?:billing|payment|charge)\s+date|payment\s+method\s*:)\b/i;

/** Putting a billing mistake right ("refunded the duplicate charge", "charged in error") concedes and offers nothing. */
export const CORRECTION =
  /\b(?:duplicate|double|doubled|erroneous(?:ly)?|incorrect(?:ly)?|wrong(?:ly)?|mistaken(?:ly)?|in error|overcharge[ds]?|overbill(?:ed|ing)?|twice|billing error|accidental(?:ly)?)\b/i;

/** "subject to approval", "pending sign-off from finance": a term offered only once approved. */
export const PENDING_APPROVAL =
  /\b(?:subject\s+to\s+(?:[\w-]+\s+){0,3}(?:approval|sign-?off|confirmation)|pending\s+(?:[\w-]+\s+){0,3}(?:approval|sign-?off)|once\s+(?:it\s+is\s+|it's\s+)?approved|if\s+approved)\b/i;

export interface PricedMention extends MoneyMention {
  /** The amount's role, or undefined when it is not a price offered. */
  readonly role: PriceRole | undefined;
}

const pricedMemo = new Lru<readonly PricedMention[]>(2000);

/**
 * Every amount of a sentence with its role (memoised by sentence text; callers never mutate the result).
 * `listed`: the sentence is an item of a list under a price heading (see underPriceHeading).
 */
export function pricesIn(sentence: string, listed = false): readonly PricedMention[] {
  const key = listed ? `\u0001${sentence}` : sentence;
  let r = pricedMemo.get(key);
  if (!r) {
    r = HAS_MONEY_CHEAP.test(sentence)
      ? moneyIn(sentence).map((m) => ({ ...m, role: priceRole(sentence, m.start, m.end, listed) }))
      : [];
    pricedMemo.set(key, r);
  }
  return r;
}
