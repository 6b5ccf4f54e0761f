import type { Request, ResponseFor } from '../../shared/messages.ts';
import type { WorkerContext } from '../context.ts';

export async function ping(
  _request: Extract<Request, { kind: 'ping' }>,
  ctx: WorkerContext,
): Promise<ResponseFor<'ping'>> {
  return { kind: 'pong', version: ctx.version };
}
