import type { Request, ResponseFor } from '../../shared/messages.ts';
import type { WorkerContext } from '../context.ts';

export async function reportFalsePositive(
  request: Extract<Request, { kind: 'report-false-positive' }>,
  ctx: WorkerContext,
): Promise<ResponseFor<'report-false-positive'>> {
  const { ruleId, category, excerptLength, site } = request.report;
  const stored = await ctx.storeReport({
    ruleId,
    category,
    excerptLength,
    site,
    at: new Date(ctx.now()).toISOString(),
  });
  return { kind: 'reported', stored };
}
