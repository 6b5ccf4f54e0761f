import { checkDraft } from '../../engine/index.ts';
import type { Request, ResponseFor } from '../../shared/messages.ts';
import type { WorkerContext } from '../context.ts';

export async function check(
  request: Extract<Request, { kind: 'check' }>,
  ctx: WorkerContext,
): Promise<ResponseFor<'check'>> {
  const { policy } = await ctx.loadPolicy();
  const started = ctx.now();
  const draft = request.draft.now
    ? request.draft
    : { ...request.draft, now: new Date(started).toISOString() };
  const result = checkDraft(draft, policy);
  ctx.counters.checks += 1;
  return { kind: 'check-result', result, elapsedMs: ctx.now() - started };
}
