import { describe, expect, it } from 'vitest';
import { ruleStats } from './rule-stats.ts';

describe('rule statistics', () => {
  it('counts holds and overrides from the audit log and reports per rule', () => {
    const stats = ruleStats(
      { 'tone/x': { findings: 3, dismissals: 1 } },
      [
        {
          site: 'gmail',
          via: 'click',
          decision: 'sent-anyway',
          ruleIds: ['tone/x'],
          recipientDomains: [],
          bodySha256: 'a'.repeat(64),
          at: 'now',
        },
      ],
      [{ ruleId: 'tone/x', category: 'tone', excerptLength: 3, site: 'gmail', at: 'now' }],
    );
    expect(stats['tone/x']).toEqual({ findings: 3, dismissals: 1, held: 1, overrides: 1, falsePositives: 1 });
  });
});

describe('rule statistics, edge cases', () => {
  it('a send without a check counts for no rule; a held send that was not overridden is held only', () => {
    const entry = (decision: 'sent-unchecked' | 'cancelled', ruleIds: string[]) => ({
      site: 'gmail' as const,
      via: 'click' as const,
      decision,
      ruleIds,
      recipientDomains: [],
      bodySha256: 'a'.repeat(64),
      at: 'now',
    });
    const stats = ruleStats({}, [entry('sent-unchecked', ['tone/x']), entry('cancelled', ['pii/y'])], []);
    expect(stats['tone/x']).toBeUndefined();
    expect(stats['pii/y']).toEqual({ findings: 0, dismissals: 0, held: 1, overrides: 0, falsePositives: 0 });
  });
});
