// What the overlay shows of a check result: the findings left after this compose window's dismissals.
import type { Finding } from '../../engine/schemas/finding.ts';

/** A dismissal is remembered per compose window for one rule on one piece of text. */
export function dismissalKey(finding: Pick<Finding, 'ruleId' | 'excerpt'>): string {
  return `${finding.ruleId}\u0000${finding.excerpt}`;
}

/** Blocking findings are never dismissed from the compose: only the send gate can let them through. */
export function canDismiss(finding: Pick<Finding, 'severity'>): boolean {
  return finding.severity !== 'block';
}

export function visibleFindings(findings: readonly Finding[], dismissed: ReadonlySet<string>): Finding[] {
  return findings.filter((f) => !(canDismiss(f) && dismissed.has(dismissalKey(f))));
}

export function countFindings(findings: readonly Finding[]): { blocking: number; warnings: number } {
  let blocking = 0;
  let warnings = 0;
  for (const f of findings) {
    // Observe-only (shadow) rules are underlined but never hold a send, so they are not counted as blocking.
    if (f.shadow) continue;
    if (f.severity === 'block') blocking++;
    else if (f.severity === 'warn') warnings++;
  }
  return { blocking, warnings };
}

const SEVERITY_ORDER = { block: 0, warn: 1, info: 2 } as const;
const FIELD_ORDER = { recipients: 0, subject: 1, body: 2, attachments: 3 } as const;

/** Panel order: most severe first, then as they appear in the email. */
export function panelOrder(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      FIELD_ORDER[a.field] - FIELD_ORDER[b.field] ||
      a.start - b.start,
  );
}
