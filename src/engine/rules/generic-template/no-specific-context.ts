import type { CheckContext } from '../../context.ts';
import { defineRule, type RawFinding } from '../../rule.ts';
import { fold, personTokens } from './names.ts';

const MIN_WORDS = 40;
const GENERIC_GREETING =
  /^\s*(?:(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening))(?:\s+(?:there|all|everyone|team|folks|valued \w+|customer|client|friend|sir|madam|sir\/madam|sir or madam))?|to whom it may concern)\s*[,!:.]?\s*$/i;

/** What would show the email was written for this customer: their names, their company, their domain. */
function specificTerms(ctx: CheckContext): string[] {
  const terms = new Set<string>();
  for (const r of ctx.recipients) {
    if (r.owner.kind === 'internal') continue;
    for (const t of personTokens(r)) if (t.length >= 3) terms.add(fold(t));
  }
  for (const id of ctx.recipientAccounts) {
    const account = ctx.compiled.accounts.get(id);
    if (!account) continue;
    for (const n of [account.name, ...(account.aliases ?? []), ...(account.contacts ?? [])]) {
      const clean = fold(n.replace(/<[^>]*>/g, '')).trim();
      if (clean) terms.add(clean);
      const first = clean.split(/[^\p{L}\p{N}]+/u)[0];
      if (first && first.length >= 3) terms.add(first);
    }
    for (const d of account.domains ?? []) terms.add(d.split('.')[0]!.toLowerCase());
  }
  return [...terms];
}

export const rule = defineRule(
  {
    id: 'generic-template/no-specific-context',
    category: 'generic-template',
    severity: 'warn',
    clause: 'eval-personalization',
    description:
      'A new email that mentions nothing specific to the customer (no name, company or domain of theirs) — judged only when the recipient or their account is known.',
    source: 'customer-policy.md, Evaluation Criteria (Personalization: Generic template sent)',
    examples: {
      flag: [
        {
          to: ['Dana Whitfield <dana.whitfield@northwind.example>'],
          text: 'Hello,\n\nWe are excited to share the latest release of our platform. It brings faster dashboards, a refreshed reporting module, improved exports and a number of quality-of-life improvements that many of our customers have asked for. Our team is always here to help you get the most out of the product, so reach out any time with questions.\n\nBest regards,\nSam',
        },
        {
          to: ['it-ops@northwind.example'],
          policy: { accounts: [{ id: 'nw', name: 'Northwind Traders', domains: ['northwind.example'] }] },
          text: 'Hello,\n\nWe are excited to share the latest release of our platform. It brings faster dashboards, a refreshed reporting module, improved exports and a number of quality-of-life improvements that many of our customers have asked for. Our team is always here to help you get the most out of the product, so reach out any time with questions.\n\nBest regards,\nSam',
          why: 'the account is known from the domain',
        },
      ],
      pass: [
        {
          to: ['Dana Whitfield <dana.whitfield@northwind.example>'],
          text: 'Hi Dana,\n\nWe are excited to share the latest release of our platform. It brings faster dashboards, a refreshed reporting module, improved exports and a number of quality-of-life improvements that many of our customers have asked for. Our team is always here to help you get the most out of the product, so reach out any time with questions.\n\nBest regards,\nSam',
        },
        {
          to: ['it-ops@unknown.example'],
          text: 'Hello,\n\nWe are excited to share the latest release of our platform. It brings faster dashboards, a refreshed reporting module, improved exports and a number of quality-of-life improvements that many of our customers have asked for. Our team is always here to help you get the most out of the product, so reach out any time with questions.\n\nBest regards,\nSam',
          why: 'no recipient name and no account known: say nothing rather than guess',
        },
        {
          to: ['customer@unknown.example'],
          text: 'Hello,\n\nWe are excited to share the latest release of our platform. It brings faster dashboards, a refreshed reporting module, improved exports and a number of quality-of-life improvements that many of our customers have asked for. Our team is always here to help you get the most out of the product, so reach out any time with questions.\n\nBest regards,\nSam',
          why: '"customer@" names no one: nothing to look for',
        },
        {
          to: ['Dana Whitfield <dana.whitfield@northwind.example>'],
          text: 'Sounds good, see you Tuesday.',
          why: 'a short note',
        },
      ],
    },
  },
  (ctx): RawFinding[] => {
    if (ctx.internalOnly) return [];
    const body = ctx.field('body');
    // A reply carries its context in the thread.
    if (body.parts.some((p) => p.part === 'quoted')) return [];
    if (/^\s*(?:re|aw|sv|antw)\s*:/i.test(ctx.draft.subject)) return [];
    // Only a greeting with no name in it (or none at all) can be a mass mailing; a greeting that names someone,
    // even wrongly or as an unfilled field, is another rule's business.
    const greeting = body.parts.find((p) => p.part === 'greeting');
    if (greeting && !GENERIC_GREETING.test(body.text.slice(greeting.start, greeting.end))) return [];
    const terms = specificTerms(ctx);
    if (terms.length === 0) return [];
    const ranges = body.rangesFor(['body']);
    let words = 0;
    for (const [from, to] of ranges) {
      const re = /[\p{L}\p{N}']+/gu;
      re.lastIndex = from;
      while (words < MIN_WORDS) {
        const m = re.exec(body.lower);
        if (!m || m.index >= to) break;
        words++;
      }
    }
    if (words < MIN_WORDS) return [];
    // Terms are folded (case and accents); so is the text, once.
    const own = ranges.map(([s, e]) => body.lower.slice(s, e)).join('\n');
    const haystack = fold(`${ctx.field('subject').lower}\n${own}`);
    const mentions = (term: string) =>
      new RegExp(
        `(?<![\\p{L}\\p{N}])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
        'u',
      ).test(haystack);
    if (terms.some(mentions)) return [];
    const first = greeting
      ? [greeting.start, greeting.end]
      : body.sentences.find(([s]) => s >= (ranges[0]?.[0] ?? 0));
    if (!first) return [];
    return [
      ctx.report(
        body,
        first[0]!,
        first[1]!,
        'Nothing in this email is specific to the customer (no name, company or context of theirs). Tailor it before sending.',
      ),
    ];
  },
);
