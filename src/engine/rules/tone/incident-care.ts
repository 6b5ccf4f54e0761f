// A reply about a severity 1–2 incident (*Incident replies* in rules/README.md) with no acknowledgement of
// the impact ("sorry", "I understand", "impact", "disruption"…) or no next step ("next update at", "we will",
// "by 17:00"…); the message names what is missing. The phrase rule `tone/dismissive-language` still flags
// blaming wording in any email.
import { defineRule, type RawFinding } from '../../rule.ts';
import { incidentReply } from '../sla/incident-scope.ts';
import { anchor } from '../sla/response-window.ts';

const ACKNOWLEDGEMENT =
  /\b(?:I understand|we understand|I know how|we know how|sorry|apologi[sz]e|apologies|impact|impacted|impacting|disruption|disrupted|frustrat\w*|inconvenience|appreciate your patience|thanks? (?:you )?for your patience|this has affected|how (?:serious|disruptive))\b/i;
const NEXT_STEP =
  /\b(?:next update|next step|next steps|will update|update you|keep you (?:posted|updated|informed)|we will|we'll|I will|I'll|we are (?:now )?(?:working|monitoring|investigating)|we're (?:now )?(?:working|monitoring|investigating)|follow up|follow-up|workaround|by \d|by (?:noon|midnight|end of|eod|cob|tomorrow|today|tonight|monday|tuesday|wednesday|thursday|friday)|within \d+|at \d{1,2}(?::\d{2})?\s*(?:am|pm|utc|gmt|cet|et|pt)\b|every \d+ (?:minutes|hours)|status page)/i;

export const rule = defineRule(
  {
    id: 'tone/incident-care',
    category: 'tone',
    severity: 'warn',
    clause: 'support-communication',
    description:
      'A severity 1–2 support reply with no acknowledgement of the impact or no next step (what happens, by when).',
    source: 'customer-policy.md, Support Interactions (clear, empathetic, and solution-oriented)',
    examples: {
      flag: [
        {
          subject: 'Re: outage',
          text: 'Hi Jordan,\nThe service is running again.',
          thread: { severity: 1 },
          why: 'neither acknowledgement nor next step',
        },
        {
          subject: 'Re: Sev 2 - exports failing',
          text: 'Hi Jordan,\nSorry for the disruption this caused your team. The exports are running again.',
          why: 'severity from the subject; acknowledges but gives no next step',
        },
        {
          subject: 'Re: login errors',
          text: 'Hi Jordan,\nThe logins work again. Our next update will follow at 15:00 UTC.',
          thread: { severity: 2 },
          why: 'a next step but no acknowledgement',
        },
        {
          text: 'Hi Jordan,\nYour booking portal was down for most of the morning. It is back now.',
          why: 'a new email, but the incident is addressed to this customer',
        },
      ],
      pass: [
        {
          subject: 'Re: outage',
          text: 'Hi Jordan,\nI am sorry for the impact on your clinics. Service is restored, and we will send the next update at 15:00 UTC.',
          thread: { severity: 1 },
        },
        {
          subject: 'Re: question',
          text: 'Hi Jordan,\nThe export runs nightly.',
          thread: { severity: 3 },
          why: 'severity 3',
        },
        {
          subject: 'Re: Proposal for zero downtime migration',
          text: 'Hi Jordan,\nThe plan avoids any outage during the move.',
          why: 'no incident',
        },
        {
          text: 'Between 09:10 and 09:50 UTC the reporting service was down for all users. A failed certificate rotation stopped the load balancer. Our customers were not charged for the failed jobs.',
          why: 'a general notice about the customers in the third person, not a reply to one of them',
        },
        {
          text: 'Hi Jordan,\nWhen your storefront is down, an outage costs you sales every minute. Our edge cache keeps pages up while the origin recovers.',
          why: 'marketing copy about outages in general',
        },
        {
          text: 'The scheduler was down from 02:00 to 02:45 UTC while a database failover completed. We apologise for any inconvenience this outage caused you.',
          why: "notice wording: the incident is nobody's in particular",
        },
      ],
    },
  },
  (ctx): RawFinding[] => {
    const incident = incidentReply(ctx);
    if (!incident) return [];
    const { severity } = incident;
    const text = `${ctx.field('subject').text}\n${ctx.ownBody}`;
    const missing: string[] = [];
    if (!ACKNOWLEDGEMENT.test(text)) missing.push('no acknowledgement of the impact');
    if (!NEXT_STEP.test(ctx.ownBody)) missing.push('no next step (what happens next and when)');
    if (missing.length === 0) return [];
    const { field, start, end } = anchor(ctx);
    if (end <= start) return [];
    return [
      ctx.report(
        field,
        start,
        end,
        `This severity ${severity} reply has ${missing.join(' and ')}. Acknowledge what it cost the customer and say when they will hear from you next.`,
      ),
    ];
  },
);
