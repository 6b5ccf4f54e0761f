import { type CheckResult, checkDraft, type Draft, type Policy } from '../../engine/index.ts';
import type { Request, ResponseFor } from '../../shared/messages.ts';
import type { WorkerContext } from '../context.ts';

/** One engine run for the worker: the policy in force, the send time when the page gave none, the counter. */
export async function runCheck(
  draft: Draft,
  ctx: WorkerContext,
): Promise<{ result: CheckResult; policy: Policy | undefined; elapsedMs: number }> {
  const { policy } = await ctx.loadPolicy();
  const started = ctx.now();
  const dated = draft.now ? draft : { ...draft, now: new Date(started).toISOString() };
  const result = checkDraft(dated, policy);
  ctx.counters.checks += 1;
  return { result, policy, elapsedMs: ctx.now() - started };
}

export async function check(
  request: Extract<Request, { kind: 'check' }>,
  ctx: WorkerContext,
): Promise<ResponseFor<'check'>> {
  const { result, elapsedMs } = await runCheck(request.draft, ctx);
  return { kind: 'check-result', result, elapsedMs };
}
