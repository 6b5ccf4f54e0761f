import type { Category, Finding, Scorecard } from './schemas/finding.ts';

/**
 * The policy's Evaluation Criteria as five rows, and which categories feed each. tone and onboarding have
 * no row of their own: tone is part of how clearly and accurately a reply communicates (Accuracy is the
 * closest row about what the email claims and how), onboarding plans are part of tailoring
 * (Personalization). Documented in rules/README.md.
 */
export const SCORECARD_ROWS: Record<keyof Scorecard, { label: string; categories: readonly Category[] }> = {
  personalization: {
    label: 'Personalization',
    categories: ['placeholder', 'generic-template', 'onboarding'],
  },
  accuracy: {
    label: 'Accuracy',
    categories: ['overcommitment', 'timeline', 'competitor-fud', 'pricing', 'evidence', 'tone'],
  },
  slaCompliance: { label: 'SLA compliance', categories: ['sla'] },
  dataPrivacy: { label: 'Data privacy', categories: ['cross-account', 'pii'] },
  humanReview: { label: 'Human review', categories: ['human-review'] },
};

/** A row fails when one of its categories has a finding that blocks or warns (info never fails). */
export function scorecard(findings: readonly Finding[]): Scorecard {
  const failing = new Set<Category>();
  for (const f of findings) if (f.severity === 'block' || f.severity === 'warn') failing.add(f.category);
  const row = (key: keyof Scorecard) =>
    SCORECARD_ROWS[key].categories.some((c) => failing.has(c)) ? ('fail' as const) : ('pass' as const);
  return {
    personalization: row('personalization'),
    accuracy: row('accuracy'),
    slaCompliance: row('slaCompliance'),
    dataPrivacy: row('dataPrivacy'),
    humanReview: row('humanReview'),
  };
}
