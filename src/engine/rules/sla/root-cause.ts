import { defineRule, type RawFinding } from '../../rule.ts';
import { anchor } from './response-window.ts';

const ROOT_CAUSE =
  /\b(?:root[ -]cause|rca|post[ -]?mortem|post-incident|incident report|incident review|caused by|the cause (?:was|is)|what happened|why it happened|underlying cause)\b/i;

export const rule = defineRule(
  {
    id: 'sla/root-cause',
    category: 'sla',
    severity: 'warn',
    clause: 'support-root-cause',
    description:
      'A reply on a severity 1–2 incident that neither explains nor commits to a root cause analysis.',
    source: 'customer-policy.md, Support Interactions (Root cause analysis for severity 1-2 incidents)',
    examples: {
      flag: [
        {
          subject: 'Re: outage',
          text: 'Hi Jordan,\nService is restored. Thanks for your patience.',
          thread: { severity: 1 },
        },
        { subject: 'Re: login errors', text: 'Hi Jordan,\nLogins work again.', thread: { severity: 2 } },
      ],
      pass: [
        {
          subject: 'Re: outage',
          text: 'Hi Jordan,\nService is restored. We will share a root cause analysis by Friday.',
          thread: { severity: 1 },
        },
        { subject: 'Re: question', text: 'Hi Jordan,\nHere is the answer.', thread: { severity: 3 } },
      ],
    },
  },
  (ctx): RawFinding[] => {
    const severity = ctx.draft.thread?.severity;
    if ((severity !== 1 && severity !== 2) || ctx.internalOnly) return [];
    const body = ctx.field('body');
    const own = body
      .rangesFor(['body'])
      .map(([s, e]) => body.text.slice(s, e))
      .join('\n');
    if (ROOT_CAUSE.test(own) || ROOT_CAUSE.test(ctx.draft.subject)) return [];
    const { field, start, end } = anchor(ctx);
    return [
      ctx.report(
        field,
        start,
        end,
        `A severity ${severity} incident reply should explain the root cause or commit to a root cause analysis.`,
      ),
    ];
  },
);
