// Public surface of the pure engine. Runs in the worker, the CLI and node tests: no browser API, no clock.
import type { Draft } from './schemas/draft.ts';
import type { CheckResult } from './schemas/finding.ts';
import type { Policy } from './schemas/policy.ts';

export * from './policy.ts';
export * from './schemas/draft.ts';
export * from './schemas/finding.ts';
export * from './schemas/policy.ts';

/**
 * Checks one draft against a policy (layered over the defaults).
 * TEMPORARY: the engine implementation replaces this body.
 */
export function checkDraft(_draft: Draft, _policy?: Policy): CheckResult {
  throw new Error('engine not implemented yet');
}

/** TEMPORARY until the rule registry lands. */
export function listRules(): { id: string }[] {
  return [];
}
