import { listRules } from '../../engine/index.ts';
import type { Request, ResponseFor } from '../../shared/messages.ts';
import { SettingsNotSavedError } from '../../shared/notices.ts';
import { ruleStats } from '../../shared/rule-stats.ts';
import { validateUserPolicy } from '../../shared/settings/compose.ts';
import { stripLocked } from '../../shared/settings/managed-locks.ts';
import type { WorkerContext } from '../context.ts';

export async function policyGet(
  _request: Extract<Request, { kind: 'policy-get' }>,
  ctx: WorkerContext,
): Promise<ResponseFor<'policy-get'>> {
  const loaded = await ctx.loadPolicy();
  const effective = listRules(loaded.policy);
  return {
    kind: 'policy',
    effective: loaded.policy ?? { version: 1 },
    user: loaded.user ?? null,
    locked: loaded.locked ?? [],
    source: loaded.source,
    rules: effective.map((r) => ({ ...r })),
    issues: loaded.issues ?? [],
  };
}

/** Validates the whole policy first: an invalid one is refused with every problem and replaces nothing. */
export async function policySave(
  request: Extract<Request, { kind: 'policy-save' }>,
  ctx: WorkerContext,
): Promise<ResponseFor<'policy-save'>> {
  if (!ctx.policyStore) throw new Error('saving is not available here');
  const valid = validateUserPolicy(request.policy);
  if (!valid.ok) return { kind: 'policy-save-result', saved: false, issues: valid.issues };
  const { locked = [] } = await ctx.loadPolicy();
  // What the administrator set is not the user's to save: it stays managed.
  try {
    await ctx.policyStore.save(stripLocked(valid.policy, locked));
  } catch (error) {
    // Storage refused (full): nothing changed, and the page keeps what the person entered.
    if (error instanceof SettingsNotSavedError) {
      return { kind: 'policy-save-result', saved: false, issues: [error.message] };
    }
    throw error;
  }
  return { kind: 'policy-save-result', saved: true, issues: [] };
}

export async function policyReset(
  _request: Extract<Request, { kind: 'policy-reset' }>,
  ctx: WorkerContext,
): Promise<ResponseFor<'policy-reset'>> {
  if (!ctx.policyStore) throw new Error('saving is not available here');
  await ctx.policyStore.reset();
  return { kind: 'policy-save-result', saved: true, issues: [] };
}

export async function getRuleStats(
  _request: Extract<Request, { kind: 'rule-stats' }>,
  ctx: WorkerContext,
): Promise<ResponseFor<'rule-stats'>> {
  const [counters, audit, reports] = await Promise.all([
    ctx.stats?.counters() ?? {},
    ctx.audit.list(),
    ctx.stats?.reports() ?? [],
  ]);
  return { kind: 'rule-stats', stats: ruleStats(counters, audit, reports) };
}

export async function reportsList(
  _request: Extract<Request, { kind: 'reports-list' }>,
  ctx: WorkerContext,
): Promise<ResponseFor<'reports-list'>> {
  return { kind: 'reports', reports: (await ctx.stats?.reports()) ?? [] };
}

export async function ruleEvent(
  request: Extract<Request, { kind: 'rule-event' }>,
  ctx: WorkerContext,
): Promise<ResponseFor<'rule-event'>> {
  await ctx.stats?.bump({ [request.ruleId]: { dismissals: 1 } });
  return { kind: 'counted' };
}
