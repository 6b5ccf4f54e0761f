// What the gate does with a complete check: pure, so the rules of "who may send" are tested without a page.
import type { CheckResult, Finding } from '../../engine/schemas/finding.ts';
import type { AuditEntryInput, GateSettings } from '../../shared/messages.ts';

export type Decision =
  | { kind: 'release' }
  | { kind: 'hold'; blocking: Finding[]; canOverride: boolean }
  /** A rule failed: the check is incomplete, which is never a pass. */
  | { kind: 'incomplete'; ruleIds: string[] };

export function decide(result: CheckResult, gate: GateSettings): Decision {
  const blocking = result.findings.filter(
    (f) => !f.shadow && (f.severity === 'block' || (gate.holdOnWarnings && f.severity === 'warn')),
  );
  if (blocking.length > 0) {
    // A finding without the flag is treated as the engine's default for it: overridable.
    return { kind: 'hold', blocking, canOverride: blocking.every((f) => f.overridable !== false) };
  }
  if (result.incomplete && result.incomplete.length > 0) {
    return { kind: 'incomplete', ruleIds: result.incomplete.map((r) => r.ruleId) };
  }
  return { kind: 'release' };
}

export const MIN_JUSTIFICATION = 10;

export function justificationOk(text: string): boolean {
  return text.trim().length >= MIN_JUSTIFICATION;
}

/** The domains of the recipients, never the addresses: "Dana <dana@contoso.example>" -> contoso.example. */
export function recipientDomains(lists: readonly (readonly string[])[]): string[] {
  const out = new Set<string>();
  for (const list of lists) {
    for (const entry of list) {
      const address = /<([^>]+)>/.exec(entry)?.[1] ?? entry;
      const at = address.lastIndexOf('@');
      if (at < 0) continue;
      const domain = address
        .slice(at + 1)
        .trim()
        .toLowerCase()
        .replace(/[>\s].*$/, '');
      if (domain && !domain.includes('@')) out.add(domain);
    }
  }
  return [...out].sort();
}

export async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export type AuditFacts = Pick<AuditEntryInput, 'site' | 'via' | 'decision'> & {
  ruleIds: readonly string[];
  justification?: string;
  checkerFailure?: string;
  draft: { body: string; to: readonly string[]; cc: readonly string[]; bcc: readonly string[] };
  decidedAt: string;
};

export async function auditEntry(facts: AuditFacts): Promise<AuditEntryInput> {
  return {
    site: facts.site,
    via: facts.via,
    decision: facts.decision,
    ruleIds: [...new Set(facts.ruleIds)],
    ...(facts.justification ? { justification: facts.justification.trim().slice(0, 2000) } : {}),
    recipientDomains: recipientDomains([facts.draft.to, facts.draft.cc, facts.draft.bcc]),
    bodySha256: await sha256Hex(facts.draft.body),
    ...(facts.checkerFailure ? { checkerFailure: facts.checkerFailure.slice(0, 200) } : {}),
    decidedAt: facts.decidedAt,
  };
}
