import type { Policy } from '../engine/index.ts';
import type { AuditEntry, StoredFalsePositiveReport } from '../shared/messages.ts';
import type { RuleCounters } from '../shared/rule-stats.ts';
import { composeEffectivePolicy, type EffectivePolicy } from '../shared/settings/compose.ts';
import type { readManagedLayer } from '../shared/settings/managed-locks.ts';

/** The policy in force with where it came from; `user`, `locked` and `issues` feed the options page. */
export interface LoadedPolicy {
  policy: Policy | undefined;
  source: 'default' | 'user' | 'managed';
  /** Paths the administrator set (storage.managed): shown locked, never saved over. */
  locked?: string[];
  /** The user's own layer as saved. */
  user?: Policy | undefined;
  issues?: string[];
}

/** What handlers may use: injected so they run under node tests with a fake store and clock. */
export interface WorkerContext {
  version: string;
  startedAt: number;
  now(): number;
  loadPolicy(): Promise<LoadedPolicy>;
  counters: { checks: number };
  /** Keeps a false-positive report locally; resolves to how many are stored. */
  storeReport(report: StoredFalsePositiveReport): Promise<number>;
  /** The send gate's audit log (bounded); append resolves to how many entries are stored. */
  audit: { append(entry: AuditEntry): Promise<number>; list(): Promise<AuditEntry[]> };
  /** Saving the user's policy (already validated) and forgetting it. */
  policyStore?: { save(policy: Policy): Promise<unknown>; reset(): Promise<void> };
  /** Local per-rule counters and the stored false-positive reports. */
  stats?: {
    counters(): Promise<Record<string, RuleCounters>>;
    bump(increments: Record<string, Partial<RuleCounters>>): Promise<void>;
    reports(): Promise<StoredFalsePositiveReport[]>;
  };
}

export interface PolicyLayers {
  user: { policy: Policy | undefined; issues: string[] };
  managed: ReturnType<typeof readManagedLayer>;
}

/**
 * Policy loading, managed > user > default, computed once and kept until storage changes: every check
 * then runs on the same policy object, whose compiled matchers the engine caches.
 */
export function createPolicyCache(readLayers: () => Promise<PolicyLayers>) {
  let pending: Promise<LoadedPolicy> | undefined;
  let generation = 0;
  const load = async (): Promise<LoadedPolicy> => {
    const { user, managed } = await readLayers();
    const effective: EffectivePolicy = composeEffectivePolicy(
      user.policy,
      managed.keys.length > 0 ? managed.policy : undefined,
    );
    return {
      policy: effective.source === 'default' ? undefined : effective.policy,
      source: effective.source,
      locked: effective.locked,
      user: user.policy,
      issues: [...user.issues, ...managed.issues.map((i) => `managed ${i}`)],
    };
  };
  return {
    get(): Promise<LoadedPolicy> {
      if (!pending) {
        const mine = ++generation;
        const next = load();
        pending = next;
        // A failed read is not cached: the next request tries again.
        next.catch(() => {
          if (generation === mine) pending = undefined;
        });
      }
      return pending;
    },
    invalidate(): void {
      generation++;
      pending = undefined;
    },
  };
}
