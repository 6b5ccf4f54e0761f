import {
  type CheckResult,
  checkDraft,
  type Draft,
  fullReaderLoaded,
  loadFullReader,
  type Policy,
} from '../../engine/index.ts';
import type { Request, ResponseFor } from '../../shared/messages.ts';
import type { WorkerContext } from '../context.ts';

let readerScheduled = false;

/**
 * Starts compromise once the answer in hand has gone out: it takes hundreds of milliseconds, which a worker
 * woken by a message should not spend before its first answer.
 */
function startFullReaderSoon(): void {
  if (readerScheduled || fullReaderLoaded()) return;
  readerScheduled = true;
  setTimeout(() => {
    // A reader that cannot start is not retried here: the send gate's full check reports the rules it could
    // not run (`incomplete`), and the checks while typing stay provisional.
    try {
      loadFullReader();
    } catch {}
  }, 0);
}

/**
 * One engine run for the worker: the policy in force, the send time when the page gave none, the counter.
 * `reader`: `always` reads closely read sentences with compromise (starting it when needed; the send gate);
 * `if-loaded` answers at once with word lists while compromise has not started, and says so (`provisional`).
 */
export async function runCheck(
  draft: Draft,
  ctx: WorkerContext,
  reader: 'always' | 'if-loaded' = 'always',
): Promise<{ result: CheckResult; policy: Policy | undefined; elapsedMs: number; provisional: boolean }> {
  const { policy } = await ctx.loadPolicy();
  const started = ctx.now();
  const dated = draft.now ? draft : { ...draft, now: new Date(started).toISOString() };
  const provisional = reader === 'if-loaded' && !fullReaderLoaded();
  const result = checkDraft(dated, policy, { fullReader: reader });
  ctx.counters.checks += 1;
  if (provisional) startFullReaderSoon();
  return { result, policy, elapsedMs: ctx.now() - started, provisional };
}

/**
 * The check while typing. Right after the worker starts, it answers with word lists (`provisional`), and the
 * compose asks again at once: by then compromise is running and the answer is the full one.
 */
export async function check(
  request: Extract<Request, { kind: 'check' }>,
  ctx: WorkerContext,
): Promise<ResponseFor<'check'>> {
  const { result, elapsedMs, provisional } = await runCheck(request.draft, ctx, 'if-loaded');
  return provisional
    ? { kind: 'check-result', result, elapsedMs, provisional: true }
    : { kind: 'check-result', result, elapsedMs };
}
