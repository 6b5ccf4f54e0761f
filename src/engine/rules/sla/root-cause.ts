// A reply about a severity 1–2 incident (*Incident replies* in rules/README.md) that neither explains the
// cause nor commits to a root cause analysis, RCA, post-incident review, postmortem or incident report.
import { defineRule, type RawFinding } from '../../rule.ts';
import { incidentReply } from './incident-scope.ts';
import { anchor } from './response-window.ts';

const ROOT_CAUSE =
  /\b(?:root[ -]caus\w*|rca|post[ -]?mortems?|post-incident|incident (?:report|review|analysis|write-?up)|caused by|the cause (?:was|is|of)|what happened|why it happened|underlying cause|triggered by|traced (?:it|this|the \w+) (?:back )?to)\b/i;

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
        {
          subject: 'Re: checkout',
          text: 'Hi Jordan,\nSorry, checkout was down for all users this morning. It works again.',
          why: 'severity 1 read from "down for all users"',
        },
        {
          text: 'Hi Jordan,\nYour payroll exports were down for all users overnight. They run again.',
          why: 'a new email about the incident of this customer (second person)',
        },
      ],
      pass: [
        {
          subject: 'Re: outage',
          text: 'Hi Jordan,\nService is restored. We will share a root cause analysis by Friday.',
          thread: { severity: 1 },
        },
        { subject: 'Re: question', text: 'Hi Jordan,\nHere is the answer.', thread: { severity: 3 } },
        {
          subject: 'Re: Sev 1 outage',
          text: 'Hi Jordan,\nService is restored. Our post-incident review will follow on Thursday.',
          why: 'severity from the subject; commits to a post-incident review',
        },
        {
          text: 'The search API was down this afternoon between 14:05 and 14:40 CET. Some customers saw timeouts. Thanks to everyone for their patience.',
          why: "a status notice to all customers, not a reply about this customer's incident",
        },
        {
          text: 'Hi Jordan,\nOutages hurt: if your checkout is down for an hour, you lose a day of orders. Our failover keeps it running.',
          why: 'marketing copy, no incident',
        },
        {
          text: 'Dear Customer,\nYou may have noticed an outage of the reporting API between 09:00 and 09:40 UTC on Tuesday.',
          why: 'a form letter to every customer, and a notice of what may have been seen',
        },
      ],
    },
  },
  (ctx): RawFinding[] => {
    const incident = incidentReply(ctx);
    if (!incident) return [];
    const { severity } = incident;
    if (ROOT_CAUSE.test(ctx.ownBody) || ROOT_CAUSE.test(ctx.draft.subject)) return [];
    const { field, start, end } = anchor(ctx);
    if (end <= start) return [];
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
