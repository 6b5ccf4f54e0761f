// With `thread.lastCustomerMessageAt`, `draft.now` and the severity (thread, else text), a reply after
// `sla.responseHours` says how late it is: "3 h 20 min past the 4-hour window for severity 2".
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
        {
          subject: 'Re: P1 - checkout down for all users',
          text: 'Hi Jordan,\nWe are on it.',
          thread: { lastCustomerMessageAt: '2026-03-02T08:00:00Z' },
          now: '2026-03-02T10:30:00Z',
          why: 'severity 1 from the subject: 1 h 30 min late',
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
          why: 'severity unknown (thread or text): no window to compare with',
        },
      ],
    },
  },
  (ctx): RawFinding[] => {
    const thread = ctx.draft.thread;
    const severity = ctx.severity;
    if (!thread?.lastCustomerMessageAt || !severity || !ctx.now || ctx.internalOnly) return [];
    const since = Date.parse(thread.lastCustomerMessageAt);
    if (Number.isNaN(since)) return [];
    const hours = (ctx.now.getTime() - since) / 3_600_000;
    const window = ctx.policy.sla?.responseHours[String(severity) as '1' | '2' | '3' | '4'];
    if (window === undefined || hours <= window) return [];
    const { field, start, end } = anchor(ctx);
    if (end <= start) return [];
    const from = ctx.severitySource === 'text' ? ' (severity read from the text)' : '';
    return [
      ctx.report(
        field,
        start,
        end,
        `This reply is ${formatLate(hours - window)} past the ${formatHours(window)} window for severity ${severity}${from}.`,
      ),
    ];
  },
);

/** "4-hour", "1-hour", "1.5-hour". */
export function formatHours(h: number): string {
  return `${Math.round(h * 100) / 100}-hour`;
}

/** "3 h 20 min", "45 min", "2 days 3 h". */
export function formatLate(hours: number): string {
  const minutes = Math.max(1, Math.round(hours * 60));
  const days = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(`${days} ${days === 1 ? 'day' : 'days'}`);
  if (h > 0) parts.push(`${h} h`);
  if (m > 0 && days === 0) parts.push(`${m} min`);
  return parts.join(' ') || '1 min';
}
