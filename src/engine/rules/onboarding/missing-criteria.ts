import { defineRule, type RawFinding } from '../../rule.ts';

const PLAN = /\b(?:onboarding|implementation) plan\b/i;
const CHECKS: { name: string; re: RegExp }[] = [
  {
    name: 'success criteria',
    re: /\b(?:success criteria|success metrics?|criteria|kpis?|measur\w*|targets?|objectives?|definition of done|we will know)\b/i,
  },
  {
    name: 'technical prerequisites',
    re: /\b(?:prerequisites?|pre-requisites?|requirements?|you(?:'ll| will) need|we(?:'ll| will) need|before we start|access to|admin (?:rights|access)|sso|api (?:key|access)|data export|sample file|firewall|allowlist|credentials)\b/i,
  },
  {
    name: 'go-live criteria',
    re: /\b(?:go-live criteria|go live (?:when|once|after)|go-live (?:when|once|after|checklist|sign-off)|sign[- ]off|acceptance|cut-?over (?:when|once|criteria)|ready (?:to go live )?(?:when|once))\b/i,
  },
];

export const rule = defineRule(
  {
    id: 'onboarding/missing-criteria',
    category: 'onboarding',
    severity: 'warn',
    clause: 'onboarding-success-criteria',
    description:
      'An onboarding plan without success criteria, technical prerequisites or measurable go-live criteria.',
    source: 'customer-policy.md, Onboarding (success criteria, prerequisites, go-live criteria)',
    examples: {
      flag: [
        'Here is your onboarding plan: first we set things up, then training, then you go live.',
        {
          subject: 'Your onboarding plan',
          text: 'Week 1: setup. Week 2: training. Success criteria: 90% of agents active. Prerequisites: SSO access.',
          why: 'no go-live criteria',
        },
      ],
      pass: [
        'Here is your onboarding plan. Prerequisites: SSO and a data export sample. Success criteria: 90% of crews importing daily. We go live once two weeks of imports reconcile.',
        'Thanks for the call today, the notes are below.',
      ],
    },
  },
  (ctx): RawFinding[] => {
    if (ctx.internalOnly) return [];
    const body = ctx.field('body');
    const own = body
      .rangesFor(['body'])
      .map(([s, e]) => body.text.slice(s, e))
      .join('\n');
    const subject = ctx.field('subject');
    const inSubject = PLAN.exec(subject.text);
    const inBody = PLAN.exec(own);
    if (!inSubject && !inBody) return [];
    const missing = CHECKS.filter((c) => !c.re.test(own)).map((c) => c.name);
    if (missing.length === 0) return [];
    const message = `This onboarding plan has no ${missing.join(', ').replace(/, ([^,]*)$/, ' or $1')}.`;
    if (inSubject)
      return [ctx.report(subject, inSubject.index, inSubject.index + inSubject[0].length, message)];
    // Offsets of `own` differ from the body's: find the phrase in the body's in-scope ranges.
    for (const [s, e] of body.rangesFor(['body'])) {
      const m = PLAN.exec(body.text.slice(s, e));
      if (m) return [ctx.report(body, s + m.index, s + m.index + m[0].length, message)];
    }
    return [];
  },
);
