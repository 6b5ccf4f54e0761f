// The built-in policy under a user's or administrator's: a module of its own so that what only composes a
// policy (the worker, the options page) carries it, and what only reads the schema does not.
import { DEFAULT_POLICY, type Policy } from './policy.ts';

/** Layers a policy over the built-in defaults: objects merge key by key, lists replace. */
export function withDefaults(policy: Policy | undefined): Policy {
  if (!policy) return DEFAULT_POLICY;
  return {
    ...DEFAULT_POLICY,
    ...policy,
    humanReview: { ...DEFAULT_POLICY.humanReview, ...policy.humanReview } as Policy['humanReview'],
    sla: policy.sla ?? DEFAULT_POLICY.sla,
    gate: { ...DEFAULT_POLICY.gate, ...policy.gate },
    rules: { ...DEFAULT_POLICY.rules, ...policy.rules },
  };
}
