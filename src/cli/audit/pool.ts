// Where messages are checked: in this thread (--jobs 1, and under tests), or in this thread and worker threads
// together (index.ts makes those; see worker-pool.ts). Each answers one message at a time with its summary.
import { type AuditSettings, auditMessage, type CheckFn, type MessageSummary } from './message.ts';

export interface AuditPool {
  /** Number of threads that check. */
  readonly size: number;
  run(bytes: Uint8Array): Promise<MessageSummary>;
  close(): Promise<void>;
}

export type AuditPoolFactory = (jobs: number, settings: AuditSettings) => AuditPool;

export function inThreadPool(settings: AuditSettings, check: CheckFn): AuditPool {
  return {
    size: 1,
    run: (bytes) => auditMessage(bytes, settings, check),
    close: async () => {},
  };
}

/**
 * Lanes that share the work: each message goes to the lane with the least work per capacity. The main
 * thread is one lane (it also reads the mbox, so it takes a smaller share), the worker threads the other:
 * `--jobs N` is N engines in all, not N workers beside an idle main thread that holds one too.
 */
export function sharedPool(lanes: { pool: AuditPool; capacity: number }[]): AuditPool {
  const load = lanes.map(() => 0);
  return {
    size: lanes.reduce((n, lane) => n + lane.pool.size, 0),
    run(bytes) {
      let best = 0;
      for (let i = 1; i < lanes.length; i++)
        if ((load[i] ?? 0) / (lanes[i]?.capacity ?? 1) < (load[best] ?? 0) / (lanes[best]?.capacity ?? 1))
          best = i;
      const lane = lanes[best];
      if (!lane) return Promise.reject(new Error('no lane to check in'));
      load[best] = (load[best] ?? 0) + 1;
      return lane.pool.run(bytes).finally(() => {
        load[best] = (load[best] ?? 1) - 1;
      });
    },
    async close() {
      await Promise.all(lanes.map((lane) => lane.pool.close()));
    },
  };
}
