import type { CheckContext } from '../../context.ts';
import { defineRule, type RawFinding } from '../../rule.ts';
import type { FieldText } from '../../text/field.ts';

/** Where a draft-level finding sits: the subject, or the first line of the body. */
export function anchor(ctx: CheckContext): { field: FieldText; start: number; end: number } {
  const subject = ctx.field('subject');
  if (subject.text.trim()) return { field: subject, start: 0, end: subject.text.length };
  const body = ctx.field('body');
  const first = body.sentences[0];
  return { field: body, start: first?.[0] ?? 0, end: first?.[1] ?? 0 };
}

export const rule = defineRule(
  {
    id: 'sla/response-window',
    category: 'sla',
    severity: 'warn',
    clause: 'support-sla',
    description:
      "A reply sent after the SLA window for the thread's severity (from draft.now and the customer's last message).",
    source: 'customer-policy.md, Support Interactions (Response within SLA timeframe)',
    examples: {
      flag: [
        {
          subject: 'Re: export failing',
          text: 'Hi Jordan,\nWe found the cause and fixed it.',
          thread: { lastCustomerMessageAt: '2026-03-02T08:00:00Z', severity: 2 },
          now: '2026-03-02T15:00:00Z',
        },
        {
          subject: 'Re: question',
          text: 'Hi Jordan,\nHere is the answer.',
          thread: { lastCustomerMessageAt: '2026-03-02T08:00:00Z', severity: 4 },
          now: '2026-03-06T08:00:00Z',
        },
      ],
      pass: [
        {
          subject: 'Re: export failing',
          text: 'Hi Jordan,\nWe found the cause and fixed it.',
          thread: { lastCustomerMessageAt: '2026-03-02T08:00:00Z', severity: 2 },
          now: '2026-03-02T10:00:00Z',
        },
        {
          subject: 'Re: export failing',
          text: 'Hi Jordan,\nWe found the cause and fixed it.',
          thread: { lastCustomerMessageAt: '2026-03-02T08:00:00Z' },
          now: '2026-03-09T10:00:00Z',
          why: 'severity unknown: no window to compare with',
        },
      ],
    },
  },
  (ctx): RawFinding[] => {
    const thread = ctx.draft.thread;
    if (!thread?.lastCustomerMessageAt || !thread.severity || !ctx.now || ctx.internalOnly) return [];
    const since = Date.parse(thread.lastCustomerMessageAt);
    if (Number.isNaN(since)) return [];
    const hours = (ctx.now.getTime() - since) / 3_600_000;
    const window = ctx.policy.sla?.responseHours[String(thread.severity) as '1' | '2' | '3' | '4'];
    if (window === undefined || hours <= window) return [];
    const { field, start, end } = anchor(ctx);
    const late = hours < 48 ? `${Math.round(hours * 10) / 10} h` : `${Math.round(hours / 24)} days`;
    return [
      ctx.report(
        field,
        start,
        end,
        `This reply goes out ${late} after the customer's message; the severity ${thread.severity} response window is ${window} h.`,
      ),
    ];
  },
);
