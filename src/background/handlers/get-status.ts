import { listRules } from '../../engine/index.ts';
import type { Request, ResponseFor } from '../../shared/messages.ts';
import type { WorkerContext } from '../context.ts';

export async function getStatus(
  _request: Extract<Request, { kind: 'get-status' }>,
  ctx: WorkerContext,
): Promise<ResponseFor<'get-status'>> {
  const { source } = await ctx.loadPolicy();
  return {
    kind: 'status',
    status: {
      version: ctx.version,
      policySource: source,
      ruleCount: listRules().length,
      checksSinceStart: ctx.counters.checks,
      uptimeMs: Math.max(0, ctx.now() - ctx.startedAt),
    },
  };
}
