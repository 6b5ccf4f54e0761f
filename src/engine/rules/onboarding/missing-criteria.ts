// An onboarding email that is a plan ("onboarding plan", "implementation plan"; "rollout plan" or "onboarding
// timeline" only with at least two steps such as "Week 1", "Phase 2" or bullets) and lacks success criteria,
// technical prerequisites or measurable go-live criteria; the message names each missing one.
import { defineRule, type RawFinding } from '../../rule.ts';

const PLAN =
  /\b(?:onboarding|implementation|rollout|roll-out|kick-?off|go-live|deployment) (?:plan|schedule|timeline|roadmap)\b|\bplan for (?:your )?(?:onboarding|implementation|rollout|go-live)\b/i;
// "onboarding plan" / "implementation plan" name a plan outright; the looser names ("rollout plan",
// "onboarding timeline") count only when the email lays out the steps (week 1, phase 2, bullet lines).
const STRONG_PLAN = /\b(?:onboarding|implementation) plan\b/i;
const STEP = /(?:^|\n)\s*(?:[-*•]|\d+[.)])\s+\S|\b(?:week|phase|step|day|stage|milestone|sprint)\s*\d/gi;
const CHECKS: { name: string; re: RegExp }[] = [
  {
    name: 'success criteria (what success looks like, agreed with the customer)',
    re: /\b(?:success criteria|success metrics?|success (?:looks like|means|is measured)|definition of success|kpis?|objectives?|measured by|(?:we|you)(?:'ll| will) know (?:it'?s|it is|this is|we'?re) working|target(?:s|ed)? (?:of|is|are) \d|\d+\s?% of (?:\w+ ){0,3}(?:active|using|trained|live|adopted|onboarded))\b/i,
  },
  {
    name: 'technical prerequisites',
    re: /\b(?:prerequisites?|pre-requisites?|technical requirements?|you(?:'ll| will) need|we(?:'ll| will) need|before we start|before (?:kick-?off|week 1)|access to|admin (?:rights|access)|sso|saml|scim|api (?:keys?|access)|data export|sample (?:file|data)|firewall|allowlist|whitelist|credentials|service account|network access)\b/i,
  },
  {
    name: 'measurable go-live criteria',
    re: /\b(?:go[- ]live criteria|go[- ]live (?:when|once|after|checklist|sign-off|readiness|gate)|(?:we|you)(?:'ll| will) go live (?:when|once|after|as soon as)|go live once|sign[- ]off (?:when|once|on)|acceptance (?:criteria|tests?|testing)|cut-?over (?:when|once|criteria)|ready to go live (?:when|once)|exit criteria|launch criteria)\b/i,
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
          subject: 'Implementation plan for Northwind',
          text: 'Hi Jordan,\nPrerequisites: SSO admin access. Success criteria: 80% of agents active in week 4.',
          why: 'no go-live criteria',
        },
        {
          text: 'Your rollout plan: week 1 kickoff, week 2 configuration, week 3 training. Go-live criteria: all imports reconcile for five days.',
          why: 'go-live criteria are not success criteria, and no prerequisites',
        },
        {
          subject: 'Your onboarding plan',
          text: 'Week 1: setup. Week 2: training. Success criteria: 90% of agents active. Prerequisites: SSO access.',
          why: 'no go-live criteria',
        },
      ],
      pass: [
        'Here is your onboarding plan. Prerequisites: SSO and a data export sample. Success criteria: 90% of crews importing daily. We go live once two weeks of imports reconcile.',
        'Thanks for the call today, the notes are below.',
        {
          text: 'Our implementation plan for your team includes SSO setup.',
          to: ['pat@ourco.example'],
          policy: { organization: { internalDomains: ['ourco.example'] } },
          why: 'internal',
        },
      ],
    },
  },
  (ctx): RawFinding[] => {
    if (ctx.internalOnly) return [];
    if (!ctx.isKind('onboarding')) return [];
    const body = ctx.field('body');
    const own = ctx.ownBody;
    const subject = ctx.field('subject');
    const inSubject = PLAN.exec(subject.text);
    const inBody = PLAN.exec(own);
    if (!inSubject && !inBody) return [];
    const strong = STRONG_PLAN.test(subject.text) || STRONG_PLAN.test(own);
    if (!strong && (own.match(STEP)?.length ?? 0) < 2) return [];
    const missing = CHECKS.filter((c) => !c.re.test(own)).map((c) => c.name);
    if (missing.length === 0) return [];
    const list =
      missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} or ${missing.at(-1)}`;
    const message = `This onboarding plan has no ${list}. Missing: ${missing.length} of 3.`;
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
