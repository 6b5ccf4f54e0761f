// Per-rule statistics for the options page: local counters plus what the audit log and the false-positive
// reports say about each rule.
import type { AuditEntry, StoredFalsePositiveReport } from './messages.ts';

export interface RuleCounters {
  /** Findings in the final check at send time. */
  findings: number;
  dismissals: number;
}

export interface RuleStats extends RuleCounters {
  held: number;
  overrides: number;
  falsePositives: number;
}

/** Local counters plus what the audit log and the false-positive reports say about each rule. */
export function ruleStats(
  counters: Record<string, RuleCounters>,
  audit: readonly AuditEntry[],
  reports: readonly StoredFalsePositiveReport[],
): Record<string, RuleStats> {
  const out: Record<string, RuleStats> = {};
  const get = (id: string): RuleStats => {
    out[id] ??= { findings: 0, dismissals: 0, held: 0, overrides: 0, falsePositives: 0 };
    return out[id];
  };
  for (const [id, c] of Object.entries(counters)) {
    const s = get(id);
    s.findings += c.findings;
    s.dismissals += c.dismissals;
  }
  for (const entry of audit) {
    if (entry.decision === 'sent-unchecked') continue;
    for (const id of entry.ruleIds) {
      const s = get(id);
      s.held += 1;
      if (entry.decision === 'sent-anyway') s.overrides += 1;
    }
  }
  for (const r of reports) get(r.ruleId).falsePositives += 1;
  return out;
}
