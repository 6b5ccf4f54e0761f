/**
 * Whether the sender's own text sends a proposal: recognised from what the email does — hands over an offer
 * document ("attached is our quote", "here's the revised estimate", "I'm attaching: … pilot proposal"),
 * revises one ("I've updated the scope", "the new total is $8,300"), or hands over prices ("Here you go!" with
 * a quoted price) — not from the word "proposal" alone. A follow-up about a proposal already sent, the
 * customer's own proposal, a proposal offered later ("let me know if you need a quote") and a draft
 * circulated for comments before it goes to a third party are not proposals sent now.
 */
import type { CheckContext } from '../../context.ts';
import type { FieldText } from '../../text/field.ts';
import { BILL, HAS_MONEY_CHEAP, pricesIn, underPriceHeading } from '../../text/money.ts';
import { readSentence } from '../../text/reading.ts';

export interface ProposalSpot {
  readonly start: number;
  readonly end: number;
}

/** Documents that are offers in themselves. */
const DOC = `(?:(?:pricing |price |cost |rate )?proposals?|quotes?|quotations?|estimates?|sow|statement of work|order forms?|price list|pricing sheet|bids?|tenders?|term sheet|(?:cost|pricing|price|investment|fee) breakdown)`;
/** Nouns that are offers only when the email quotes prices ("here's the package", "the revised numbers"). */
const COMMERCIAL = String.raw`(?:trade|deal|terms|offer|package|numbers|figures|breakdown|pricing|options|contract|pilot|agreement|propos\w*)`;
/** Handing something over now. */
const TRANSFER = `(?:attached(?: (?:is|are|please find|you'll find|you will find))?|attaching|enclosed(?: (?:is|are))?|enclosing|here is|here's|here are|here would be|below is|below are|please find|you'll find|sending you|i'm sending|i am sending|we're sending|we are sending|sharing|forward(?:ing)?(?: you)? the following|(?:pleased|happy|delighted) to (?:submit|send|share|present|provide)|submit(?:ting)?|i(?:'ve| have) put together|we(?:'ve| have) put together|i(?:'ve| have) prepared|we(?:'ve| have) prepared|i(?:'ve| have) attached|we(?:'ve| have) attached)`;

/**
 * The offer document is the head of its phrase, not a modifier ("proposal template", "quote request").
 */
const HEAD = String.raw`(?![ -](?:templates?|timelines?|requests?|process|deadlines?|format|guidelines?|meetings?|stage|phase|writing|software|tools?|section|questions?|vote|status|number|portal|system)\b)`;
const TRANSFER_THEN_DOC = new RegExp(String.raw`\b${TRANSFER}\b[^.!?\n,;]{0,80}?\b(${DOC})\b${HEAD}`, 'iu');
const TRANSFER_THEN_COMMERCIAL = new RegExp(
  String.raw`\b${TRANSFER}\b[^.!?\n]{0,40}?\b(${COMMERCIAL})\b`,
  'i',
);
const MODIFIED_DOC = new RegExp(
  String.raw`\b(?:attached|enclosed|updated|revised|new|final|formal|detailed|custom)\s+(?:[\w-]+\s+){0,2}?(${DOC})\b${HEAD}`,
  'iu',
);
const DOC_IS_HANDED = new RegExp(
  String.raw`\b(${DOC}|${COMMERCIAL}|plan|documentation)\b[^.!?\n]{0,40}?\b(?:is|are)\s+(?:now\s+)?(?:attached|enclosed|below|ready for (?:your )?(?:review|approval|signature|sign-off))\b`,
  'i',
);
const TRANSFER_LIST = new RegExp(String.raw`\b${TRANSFER}\b[^.!?\n]{0,40}:\s*$`, 'i');
const HANDED_OVER = /\b(?:here you go|here it is|here they are|here you are)\b/i;
const REVISED =
  /\b(?:i|we)(?:'ve| have)?\s+(?:just\s+|now\s+|also\s+)?(?:updated|revised|adjusted|modified|reworked|amended|re-?priced|re-?quoted|recalculated|lowered|reduced)\s+(?:the\s+|our\s+|your\s+|this\s+|that\s+)?(?:[\w-]+\s+){0,2}?(?:scope|estimate|quote|quotation|pricing|proposal|contract|numbers|figures|total|price|prices|bid|sow|order|terms)\b/i;
const OUR_OFFER = /\b(?:our|my)\s+(?:[\w-]+\s+)?(?:quote|quotation|estimate|bid|proposal|offer)\b/i;
const PRICE_WORDS = /\b(?:investment|pricing|price|prices|cost|costs|fee|fees|quote|budget)\b/i;

/** Offered later or on condition, not sent now. */
const NOT_NOW =
  /\b(?:if you(?:'d| would| ever| still| do)? (?:need|want|like|wish|prefer|require)|if (?:needed|required|necessary|helpful|useful|it helps)|can (?:send|provide|prepare|put together|get)|could (?:send|provide|prepare)|happy to (?:send|prepare|provide|put)|(?:will|'ll|shall) (?:send|prepare|provide|put|get|share|forward)|going to (?:send|prepare)|would you like|do you want|once (?:you|we)|as soon as)\b/i;
/** About a proposal already sent. */
const FOLLOW_UP = new RegExp(
  String.raw`\b(?:i|we)\s+(?:sent|shared|submitted|emailed)\b|\bsent (?:over|you|it)\b|\bfollow(?:ing)?[ -]up on (?:the |our |my |this |that )?(?:[\w-]+\s+){0,2}?${DOC}|\bsince (?:i|we) sent\b|\bhad a chance to (?:review|look)\b|\bprevious(?:ly)?\b`,
  'i',
);
/** The customer's (or a third party's) proposal. */
const THEIRS = new RegExp(
  String.raw`\b(?:your|their|his|her)\s+(?:[\w-]+\s+){0,2}?${DOC}\b|\b${DOC}\s+(?:that\s+)?(?:you|they)(?:'ve| have)?\s+(?:sent|shared|provided|submitted|attached|forwarded|put together|prepared|drafted|wrote|did|made)|\b${DOC}\s+from\s+(?:you|your|them)\b|\bthanks?(?: you)? (?:so much |again )?for (?:the|your|sending|sharing)\b[^.!?\n]{0,30}\b${DOC}|\b${DOC}\s+(?:that\s+|which\s+)?(?!we\b|i\b)(?:[\w'-]+\s+){1,3}(?:sent|provided|gave|shared|prepared|quoted|submitted|drew up)\b|\b${DOC}\b[^.!?\n]{0,20}?\b(?:is|was|comes)\s+from\s+(?!us\b|me\b)`,
  'i',
);
/** "Please find attached your quote", "here is your estimate": the reader's copy, handed over by us. */
const WE_HAND_YOURS =
  /\b(?:find\s+(?:attached|enclosed|below)|(?:attached|enclosed|below)\s+(?:is|are)|here\s+(?:is|are)|here's|sending\s+you|(?:we|i)(?:'ve|\s+have)\s+(?:prepared|attached|put together))\s+your\b/gi;
const POSSESSIVE_NAME = /\b\p{Lu}[\p{L}&.-]*'s\s+/gu;
const NOT_A_NAME = /^(?:here|it|that|there|what|let|he|she|who|where|today|tomorrow)'s/i;
const DOC_AHEAD = new RegExp(String.raw`^(?:[\w-]+\s+){0,2}?${DOC}\b`, 'i');

/** "Acme's proposal": a document a named party owns. */
function namedOwner(text: string): boolean {
  for (const m of text.matchAll(POSSESSIVE_NAME)) {
    if (NOT_A_NAME.test(m[0])) continue;
    if (DOC_AHEAD.test(text.slice(m.index + m[0].length))) return true;
  }
  return false;
}
/** A draft circulated for comments before it goes out (internal review is the review step itself). */
const REVIEW_REQUEST =
  /\bfor your (?:review|comments?|input|feedback)(?: and (?:comments?|input|feedback|approval|sign-off))?\b|\bplease (?:review|check|look over|proofread|sanity-check)\b|\b(?:any|your) (?:comments|suggestions|edits|changes|thoughts)\b/i;
/** The draft goes to a named party ("a rate proposal to Northwind") … */
const TO_NAMED_PARTY = /\b(?:proposal|quote|offer|bid|estimate)\s+to\s+\p{Lu}[\p{L}&.-]+/u;
/** … or is sent later ("before I send it out", "I plan to mail it Friday"). */
const SENT_LATER =
  /\b(?:plan to|will|going to|before (?:i|we|it))\s+(?:send|mail|submit|forward|put (?:this|it) in the mail|goes? out)\b/i;
const ORDER_FORM = /order forms?/i;
const WHOLE_DOC = new RegExp(`^${DOC}$`, 'i');
const ANY_DOC = new RegExp(String.raw`\b${DOC}\b`, 'i');
const DOC_CUE =
  /propos|quot|estimat|\bsow\b|statement of work|order form|price list|pricing sheet|\bbids?\b|tender|term sheet|breakdown/i;
const COMMERCIAL_CUE =
  /attach|enclos|here|below|find|send|shar|forward|submit|pleased|happy|delighted|put together|prepared|updated|revised|adjusted|modified|reworked|amended|priced|quoted|recalculated|lowered|reduced/i;
const HANDED_CUE = /\b(?:is|are)\s+(?:now\s+)?(?:attached|enclosed|below|ready for)\b/i;
const SIGNING = /\b(?:sign|signed|signature|countersign|docusign|execute|execution)\b/i;

/**
 * "The estimate of affected records", "a time estimate": an estimate that is not of price or work is no quote.
 */
function estimateOfSomethingElse(text: string, m: RegExpExecArray): boolean {
  const doc = m[1] ?? '';
  if (!/^estimates?$/i.test(doc)) return false;
  const end = m.index + m[0].length;
  const before = text.slice(Math.max(0, end - doc.length - 25), end - doc.length);
  if (
    /\b(?:time|resolution|delivery|arrival|completion|duration|impact|traffic|usage|volume|headcount)\s*$/i.test(
      before,
    )
  )
    return true;
  const of = /^\s+(?:of|for)\s+((?:[\w-]+\s*){1,4})/i.exec(text.slice(end));
  return (
    of !== null &&
    !/\b(?:cost|costs|price|pricing|fees?|work|project|works|job|build|installation|services?|scope|budget|labou?r|materials?|hours)\b/i.test(
      of[1]!,
    )
  );
}

/** Whether any amount in the sender's text is a price offered (not a bill, saving or statistic). */
function quotesPrices(text: string): { priced: boolean; total: boolean } {
  const res = { priced: false, total: false };
  if (!HAS_MONEY_CHEAP.test(text) || BILL.test(text)) return res;
  let lineStart = 0;
  for (const whole of text.split('\n')) {
    const start = lineStart;
    lineStart += whole.length + 1;
    if (!HAS_MONEY_CHEAP.test(whole)) continue;
    const listed = underPriceHeading(text, start);
    for (const line of whole.split(/(?<=[.!?])\s+/)) {
      if (!HAS_MONEY_CHEAP.test(line) || readSentence(line).isQuestion) continue;
      for (const m of pricesIn(line, listed)) {
        if (!m.role) continue;
        res.priced = true;
        if (/\btotal\b[^$€£\n]{0,30}$/i.test(line.slice(0, m.start))) res.total = true;
      }
    }
  }
  return res;
}

/** The first place the sender's text sends a proposal, in the body's normalised offsets. */
export function proposalInBody(ctx: CheckContext, body: FieldText): ProposalSpot | undefined {
  // Every reading below needs an amount, an offer document's name or something "is attached" in one of the
  // sentences, each of which lies in one paragraph: an email with none of them is ruled out from its
  // paragraphs' memoised signals, without reading the body again after each typed word.
  if (!ctx.ownPieces.some((p) => p.offerCue)) return undefined;
  const own = ctx.ownBody;
  if (REVIEW_REQUEST.test(own) && (TO_NAMED_PARTY.test(own) || SENT_LATER.test(own))) return undefined;
  let read: { priced: boolean; total: boolean } | undefined;
  const prices = () => {
    read ??= quotesPrices(own);
    return read;
  };
  const docCue = DOC_CUE.test(own);
  const handedCue = HANDED_CUE.test(own);
  const money = HAS_MONEY_CHEAP.test(own);
  if (!docCue && !handedCue && !money) return undefined;
  const ranges = body.rangesFor(['body']);
  const sentences = body.sentences.filter(([s, e]) => ranges.some(([a, b]) => s >= a && e <= b));
  for (let i = 0; i < sentences.length; i++) {
    const [s, e] = sentences[i]!;
    const text = body.text.slice(s, e);
    const at = (m: RegExpExecArray | null) =>
      m ? { start: s + m.index, end: s + m.index + m[0].length } : undefined;
    const sendsNow = () =>
      !(
        NOT_NOW.test(text) ||
        FOLLOW_UP.test(text) ||
        // The reader's copy handed over by us is ours when it carries a price we offer.
        THEIRS.test(prices().priced ? text.replace(WE_HAND_YOURS, ' ') : text) ||
        namedOwner(text)
      );
    if (docCue && DOC_CUE.test(text)) {
      const doc = TRANSFER_THEN_DOC.exec(text) ?? MODIFIED_DOC.exec(text);
      if (
        doc &&
        !estimateOfSomethingElse(text, doc) &&
        (!ORDER_FORM.test(doc[0]) || SIGNING.test(own) || prices().priced) &&
        sendsNow()
      )
        return at(doc);
    }
    if (handedCue && HANDED_CUE.test(text)) {
      const handed = DOC_IS_HANDED.exec(text);
      if (handed && (WHOLE_DOC.test(handed[1]!) || PRICE_WORDS.test(own) || prices().priced) && sendsNow())
        return at(handed);
    }
    // "Our quote for the work is $14,500": our offer document stated with its price.
    if (money && OUR_OFFER.test(text) && pricesIn(text).some((m) => m.role) && sendsNow()) {
      const m = OUR_OFFER.exec(text);
      if (m) return at(m);
    }
    if (money && COMMERCIAL_CUE.test(text) && prices().priced) {
      const commercial = TRANSFER_THEN_COMMERCIAL.exec(text) ?? HANDED_OVER.exec(text) ?? REVISED.exec(text);
      if (commercial && sendsNow()) return at(commercial);
    }
    // "As discussed, I'm attaching:" followed by a list that names the proposal.
    if (docCue && /:\s*$/.test(text) && TRANSFER_LIST.test(text)) {
      for (let j = i + 1; j < sentences.length && j <= i + 8; j++) {
        const [ls, le] = sentences[j]!;
        if (/\n[ \t]*\n/.test(body.text.slice(sentences[j - 1]![1], ls))) break;
        const item = ANY_DOC.exec(body.text.slice(ls, le));
        if (item) return { start: ls + item.index, end: ls + item.index + item[0].length };
      }
    }
  }
  // A priced total sent to the customer ("Revised contract total: $19,400", "the new total is $8,300").
  if (money && /\btotal\b/i.test(own) && prices().total) {
    for (const [s, e] of sentences) {
      const text = body.text.slice(s, e);
      const m = /\btotal\b/i.exec(text);
      if (m && HAS_MONEY_CHEAP.test(text) && !readSentence(text).isQuestion)
        return { start: s + m.index, end: s + m.index + m[0].length };
    }
  }
  return undefined;
}
