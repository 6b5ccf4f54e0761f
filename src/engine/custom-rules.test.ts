import { describe, expect, it } from 'vitest';
import { checkDraft, type Draft, listRules, type Policy, parsePolicy } from './index.ts';

const draft = (body: string): Draft => ({
  subject: 'Renewal',
  body,
  to: ['Dana Reyes <dana@contoso.example>'],
  cc: [],
  bcc: [],
});

const policy = (extra: Partial<Policy>): Policy => ({ version: 1, ...extra });

describe('custom rules from the policy', () => {
  it('flags a custom phrase with its category, severity, message and custom/ id', () => {
    const p = policy({
      customRules: [
        {
          id: 'project-x',
          category: 'pii',
          severity: 'block',
          message: 'Internal code name',
          phrases: ['Project Falcon'],
        },
      ],
    });
    const result = checkDraft(draft('Hi Dana,\nProject falcon ships soon.\nBest, Sam'), p);
    const found = result.findings.find((f) => f.ruleId === 'custom/project-x');
    expect(found).toMatchObject({ category: 'pii', severity: 'block', message: 'Internal code name' });
    expect(found?.excerpt).toBe('Project falcon');
    expect(result.scorecard.dataPrivacy).toBe('fail');
    expect(listRules(p).some((r) => r.id === 'custom/project-x')).toBe(true);
  });

  it('flags a custom pattern, case-insensitively', () => {
    const p = policy({
      customRules: [
        { id: 'ticket', category: 'tone', severity: 'warn', message: 'Ticket id', pattern: 'TCK-\\d{4}' },
      ],
    });
    const result = checkDraft(draft('Hi Dana,\nSee tck-1234 for details.\nBest, Sam'), p);
    expect(result.findings.some((f) => f.ruleId === 'custom/ticket' && f.excerpt === 'tck-1234')).toBe(true);
    expect(
      checkDraft(draft('Hi Dana,\nNothing here.\nBest, Sam'), p).findings.some(
        (f) => f.ruleId === 'custom/ticket',
      ),
    ).toBe(false);
  });

  it('refuses a custom rule with both or neither of phrases and pattern, or a broken pattern, by path', () => {
    const bad = parsePolicy({
      version: 1,
      customRules: [
        { id: 'a', category: 'tone', severity: 'warn', message: 'm' },
        { id: 'b', category: 'tone', severity: 'warn', message: 'm', pattern: '(' },
      ],
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.issues.some((i) => i.startsWith('customRules[0]'))).toBe(true);
      expect(bad.issues.some((i) => i.startsWith('customRules[1].pattern'))).toBe(true);
    }
  });
});

describe('shadow mode', () => {
  it('marks the findings of a shadowed rule, by category or for every rule', () => {
    const body = 'Hi Dana,\nWe guarantee 100% uptime.\nBest, Sam';
    const byCategory = checkDraft(draft(body), policy({ rules: { overcommitment: { shadow: true } } }));
    const over = byCategory.findings.filter((f) => f.category === 'overcommitment');
    expect(over.length).toBeGreaterThan(0);
    expect(over.every((f) => f.shadow === true)).toBe(true);
    const all = checkDraft(draft(body), policy({ rules: { '*': { shadow: true } } }));
    expect(all.findings.every((f) => f.shadow === true)).toBe(true);
    expect(checkDraft(draft(body)).findings.some((f) => f.shadow)).toBe(false);
  });
});
