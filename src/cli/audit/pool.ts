// Where messages are checked: in this thread (--jobs 1, and under tests), or in this thread and worker threads
// together (index.ts makes those; see worker-pool.ts). Each answers one message at a time with its summary.
import { type AuditSettings, auditMessage, type CheckFn, type MessageSummary } from './message.ts';

export interface AuditPool {
  /** Number of threads that check. */
  readonly size: number;
  run(bytes: Uint8Array): Promise<MessageSummary>;
  close(): Promise<void>;
}

/** A pool's every thread has stopped: it can take no more messages. */
export class LaneGone extends Error {}

export type AuditPoolFactory = (jobs: number, settings: AuditSettings) => AuditPool;

export function inThreadPool(settings: AuditSettings, check: CheckFn): AuditPool {
  return {
    size: 1,
    run: (bytes) => auditMessage(bytes, settings, check),
    close: async () => {},
  };
}

/** Lets the event loop run: a worker's reply is an event, not a microtask. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Lanes that share the work: each message goes to the lane with the least work per capacity. The main
 * thread is one lane (it also reads the mbox, so it takes a smaller share), the worker threads the other:
 * `--jobs N` is N engines in all, not N workers beside an idle main thread that holds one too.
 *
 * The first lane checks in this thread, so before each of its messages the event loop gets a turn. Without
 * it, messages read from one chunk of an mbox are checked back to back in microtasks, the workers' replies
 * wait behind them, and the workers sit idle about half the time (measured) with nothing new to check.
 */
export function sharedPool(
  lanes: { pool: AuditPool; capacity: number }[],
  /** Messages at least this large go to the first lane (this thread, whose memory is not capped). */
  largeBytes = Number.POSITIVE_INFINITY,
): AuditPool {
  const load = lanes.map(() => 0);
  const dead = lanes.map(() => false);
  const pool: AuditPool = {
    size: lanes.reduce((n, lane) => n + lane.pool.size, 0),
    run(bytes) {
      let best = 0;
      if (bytes.length < largeBytes)
        for (let i = 1; i < lanes.length; i++)
          if (
            !dead[i] &&
            (load[i] ?? 0) / (lanes[i]?.capacity ?? 1) < (load[best] ?? 0) / (lanes[best]?.capacity ?? 1)
          )
            best = i;
      const lane = lanes[best];
      if (!lane) return Promise.reject(new Error('no lane to check in'));
      load[best] = (load[best] ?? 0) + 1;
      const started =
        best === 0 && lanes.length > 1 ? nextTurn().then(() => lane.pool.run(bytes)) : lane.pool.run(bytes);
      return started
        .catch((error: unknown) => {
          // A lane with no thread left (every worker stopped) takes no more work; this one is retried on
          // the first lane, unless it was the one that failed.
          if (best === 0 || !(error instanceof LaneGone)) throw error;
          dead[best] = true;
          return pool.run(bytes);
        })
        .finally(() => {
          load[best] = (load[best] ?? 1) - 1;
        });
    },
    async close() {
      await Promise.all(lanes.map((lane) => lane.pool.close()));
    },
  };
  return pool;
}
