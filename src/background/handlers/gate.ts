import { withDefaults } from '../../engine/index.ts';
import type { Policy } from '../../engine/schemas/policy.ts';
import type { GateSettings, Request, ResponseFor } from '../../shared/messages.ts';
import type { WorkerContext } from '../context.ts';
import { runCheck } from './check.ts';

export function gateSettings(policy: Policy | undefined): GateSettings {
  const gate = withDefaults(policy).gate;
  return { failMode: gate?.failMode ?? 'ask', holdOnWarnings: gate?.holdOnWarnings ?? false };
}

/** The send gate's final check: the same engine run as `check`, with the gate's settings beside it. */
export async function gateCheck(
  request: Extract<Request, { kind: 'gate-check' }>,
  ctx: WorkerContext,
): Promise<ResponseFor<'gate-check'>> {
  // The full reading, compromise included, even in a worker that has just started: never a provisional one.
  const { result, policy, elapsedMs } = await runCheck(request.draft, ctx, 'always');
  // The findings a send met, per rule: the options page shows each rule's noise from these.
  if (result.findings.length > 0 && ctx.stats) {
    const increments: Record<string, { findings: number }> = {};
    for (const f of result.findings)
      increments[f.ruleId] = { findings: (increments[f.ruleId]?.findings ?? 0) + 1 };
    void ctx.stats.bump(increments).catch(() => undefined);
  }
  return { kind: 'gate-result', result, gate: gateSettings(policy), elapsedMs };
}

export async function getGateSettings(
  _request: Extract<Request, { kind: 'gate-settings' }>,
  ctx: WorkerContext,
): Promise<ResponseFor<'gate-settings'>> {
  const { policy } = await ctx.loadPolicy();
  return { kind: 'gate-settings', gate: gateSettings(policy) };
}

/** The counter (in the local rule statistics) of composes the send gate could not guard, per site. */
export const UNGUARDED_COUNTER = 'preflight/send-not-guarded';

/** Counts a compose the gate could not guard: the site and why, never anything of the email. */
export async function gateUnguarded(
  request: Extract<Request, { kind: 'gate-unguarded' }>,
  ctx: WorkerContext,
): Promise<ResponseFor<'gate-unguarded'>> {
  await ctx.stats?.bump({ [`${UNGUARDED_COUNTER}:${request.site}:${request.reason}`]: { findings: 1 } });
  return { kind: 'counted' };
}
