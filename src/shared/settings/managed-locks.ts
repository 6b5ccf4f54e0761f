// The administrator's layer (storage.managed) and the locks it puts on the user's settings: what is read
// from it key by key, which paths it locks, and what a user may still save.
import { formatPath } from '../../engine/policy-path.ts';
import { phraseEditIssues } from '../../engine/phrase-edits.ts';
import { type Policy, PolicySchema } from '../../engine/schemas/policy.ts';
import { patternVerdict } from '../pattern-safety.ts';
import { POLICY_KEYS, type PolicyKey } from './storage-plan.ts';

/**
 * The administrator's layer from storage.managed: each top-level key on its own, so one bad key does not
 * discard the rest (its problem is reported).
 */
export function readManagedLayer(raw: Record<string, unknown>): {
  policy: Partial<Policy>;
  keys: PolicyKey[];
  issues: string[];
} {
  const policy: Record<string, unknown> = {};
  const keys: PolicyKey[] = [];
  const issues: string[] = [];
  for (const k of POLICY_KEYS) {
    if (raw[k] === undefined) continue;
    const parsed = PolicySchema.shape[k].safeParse(raw[k]);
    if (parsed.success && parsed.data !== undefined) {
      policy[k] = parsed.data;
      keys.push(k);
      // Phrase edits naming a rule or phrase the pack does not have are kept (they change nothing) and reported.
      if (k === 'rules') issues.push(...phraseEditIssues(parsed.data));
      // A pattern the safety check refuses is left out of the policy in force: the administrator is told why.
      if (k === 'customRules') {
        (parsed.data as Policy['customRules'])?.forEach((rule, i) => {
          if (rule.pattern === undefined) return;
          const verdict = patternVerdict(rule.pattern);
          if (!verdict.safe) issues.push(`customRules[${i}].pattern: ${verdict.reason}`);
        });
      }
    } else if (!parsed.success) {
      issues.push(...parsed.error.issues.map((i) => `${formatPath([k, ...i.path])}: ${i.message}`));
      if (k === 'gate') {
        // An administrator meant to set the send gate and it cannot be read: never quietly the default
        // ("ask"). Unknown gate settings mean closed, locked like any managed key.
        const hold = (raw[k] as { holdOnWarnings?: unknown } | null)?.holdOnWarnings;
        policy[k] = { failMode: 'closed', holdOnWarnings: hold === true };
        keys.push(k);
        issues.push('gate: unreadable, so the send gate runs closed (no sending without a check)');
      }
    }
  }
  return { policy: policy as Partial<Policy>, keys, issues };
}

/** Whether a path is locked by the administrator (a key, or a rule under a locked `rules` entry). */
export function isLocked(locked: readonly string[], path: string): boolean {
  return locked.some((l) => path === l || path.startsWith(`${l}.`));
}

/** Drops the keys an administrator locked: what a user may save is everything else. */
export function stripLocked(policy: Policy, locked: readonly string[]): Policy {
  const out: Record<string, unknown> = { ...policy };
  for (const path of locked) {
    if (path.startsWith('rules.')) {
      const id = path.slice('rules.'.length);
      if (policy.rules && id in policy.rules) {
        const { [id]: _dropped, ...rest } = (out.rules ?? {}) as Record<string, unknown>;
        out.rules = rest;
      }
    } else delete out[path];
  }
  return out as Policy;
}
