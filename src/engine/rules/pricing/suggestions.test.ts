import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../check.ts';
import { parsePolicy } from '../../policy.ts';
import type { Policy } from '../../schemas/policy.ts';

const parsed = parsePolicy({
  version: 1,
  pricing: {
    currency: 'USD',
    maxDiscountPercent: 10,
    approvedPrices: [
      { plan: 'Team', amount: 25, per: 'seat/month' },
      { plan: 'Scale', amount: 70, per: 'seat/month' },
    ],
  },
});
if (!parsed.ok) throw new Error('test policy');
const policy: Policy = parsed.policy;

const check = (body: string, subject = '') =>
  checkDraft({ subject, body, to: ['ana@customer.example'], cc: [], bcc: [] }, policy).findings.filter(
    (f) => f.category === 'pricing' || f.category === 'human-review',
  );

/** Applies every suggestion of the first finding of `ruleId`, then checks again. */
function fixed(body: string, ruleId: string, subject = ''): { body: string; subject: string } {
  const f = check(body, subject).find((x) => x.ruleId === ruleId);
  if (!f?.suggestion) throw new Error(`${ruleId}: no finding with a suggestion in ${body}`);
  const apply = (text: string) => text.slice(0, f.start) + f.suggestion + text.slice(f.end);
  return f.field === 'subject' ? { body, subject: apply(subject) } : { body: apply(body), subject };
}

describe('pricing and review suggestions make the email compliant', () => {
  it.each([
    ['pricing/concession', 'Hi Ana,\nWe can add two free months of the reporting module.'],
    ['pricing/concession', "Hi Ana,\nI've added a $150 goodwill credit to your account."],
    ['pricing/ad-hoc-price', 'Hi Ana,\nImplementation fee: $4,000'],
    ['pricing/unapproved-price', 'Hi Ana,\nThe Scale plan would be $60 per seat/month for you.'],
    ['pricing/discount-limit', 'Hi Ana,\nWe can take 30% off the first year.'],
    ['human-review/missing-marker', 'Hi Ana,\nAttached is our quote for the 50 extra seats.'],
  ])('%s: %s', (ruleId, body) => {
    expect(check(body).some((f) => f.ruleId === ruleId)).toBe(true);
    const after = fixed(body, ruleId);
    expect(check(after.body, after.subject).filter((f) => f.ruleId === ruleId)).toEqual([]);
  });

  it('marks the subject when there is one', () => {
    const after = fixed(
      'Hi Ana,\nHere is the revised estimate: the new total is $7,300.',
      'human-review/missing-marker',
      'Next steps',
    );
    expect(after.subject).toBe('Next steps [Pending human review]');
    expect(check(after.body, after.subject).filter((f) => f.category === 'human-review')).toEqual([]);
  });

  it('keeps approved plan prices clean', () => {
    expect(check('Hi Ana,\nThe Team plan is $25 per seat/month, and Scale is $70 per seat/month.')).toEqual(
      [],
    );
  });
});
