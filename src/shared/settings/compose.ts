// The policy in force: the built-in defaults, the user's layer and the administrator's, composed; and what
// saving accepts. A custom pattern the safety check refuses never reaches the engine.
import { parsePolicy } from '../../engine/policy.ts';
import type { Policy } from '../../engine/schemas/policy.ts';
import { withDefaults } from '../../engine/schemas/policy-defaults.ts';
import { patternVerdict } from '../pattern-safety.ts';
import { POLICY_KEYS } from './storage-plan.ts';

export type PolicySource = 'default' | 'user' | 'managed';

export interface EffectivePolicy {
  policy: Policy;
  /** Paths an administrator set: a top-level key, or `rules.<category or id>` for one rule setting. */
  locked: string[];
  source: PolicySource;
}

/**
 * The policy in force: the built-in defaults, the user's settings over them, the administrator's over
 * both. Managed top-level keys replace the user's, except `rules`, which merges rule by rule so an
 * administrator can lock one rule and leave the rest to the owner.
 */
export function composeEffectivePolicy(
  user: Policy | undefined,
  managed: Partial<Policy> | undefined,
): EffectivePolicy {
  const locked: string[] = [];
  const merged: Policy = { version: 1, ...user };
  const managedKeys = managed ? POLICY_KEYS.filter((k) => managed[k] !== undefined) : [];
  for (const k of managedKeys) {
    if (k === 'rules') {
      merged.rules = { ...merged.rules, ...managed?.rules };
      for (const id of Object.keys(managed?.rules ?? {})) locked.push(`rules.${id}`);
    } else {
      (merged as Record<string, unknown>)[k] = managed?.[k];
      locked.push(k);
    }
  }
  const safe = withoutUnsafePatterns(merged);
  const source: PolicySource = managedKeys.length > 0 ? 'managed' : user ? 'user' : 'default';
  return { policy: withDefaults(safe), locked, source };
}

/**
 * A custom pattern is in force only if it cannot backtrack catastrophically (pattern-safety.ts, decided once
 * per pattern): an administrator's unsafe pattern is reported by readManagedLayer and left out here.
 */
function withoutUnsafePatterns(policy: Policy): Policy {
  if (!policy.customRules?.some((r) => r.pattern !== undefined)) return policy;
  return {
    ...policy,
    customRules: policy.customRules.filter((r) => r.pattern === undefined || patternVerdict(r.pattern).safe),
  };
}

export type PolicyValidation = { ok: true; policy: Policy } | { ok: false; issues: string[] };

/** What saving accepts: the policy schema, then every custom pattern's safety, each problem by path. */
export function validateUserPolicy(input: unknown): PolicyValidation {
  const parsed = parsePolicy(input);
  if (!parsed.ok) return parsed;
  const issues: string[] = [];
  parsed.policy.customRules?.forEach((rule, i) => {
    if (rule.pattern === undefined) return;
    const verdict = patternVerdict(rule.pattern);
    if (!verdict.safe) issues.push(`customRules[${i}].pattern: ${verdict.reason}`);
  });
  return issues.length > 0 ? { ok: false, issues } : parsed;
}
