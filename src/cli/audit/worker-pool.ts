// Worker threads that check messages (--jobs N). Each worker loads the engine once, gets the settings once,
// then one message at a time: its bytes are moved to the worker (transferred, not copied) and only the small
// summary comes back. The worker's script is dist/cli/audit-worker.mjs, built next to the command line.
import { Worker } from 'node:worker_threads';
import type { AuditSettings, MessageSummary } from './message.ts';
import { type AuditPool, LaneGone } from './pool.ts';

/** Messages this large or larger are checked in the main thread, whose heap is not capped. */
export const LARGE_MESSAGE_BYTES = 4 * 1024 * 1024;

export type WorkerRequest = { id: number; bytes: Uint8Array };
export type WorkerReply = { id: number; summary: MessageSummary } | { id: number; error: string };

export function workerPool(script: URL, jobs: number, settings: AuditSettings): AuditPool {
  const pending = new Map<number, { resolve: (s: MessageSummary) => void; reject: (e: Error) => void }>();
  const load: number[] = [];
  const workers: Worker[] = [];
  let failure: Error | undefined;
  let closing = false;
  let nextId = 0;
  const owner = new Map<number, number>();
  for (let i = 0; i < jobs; i++) {
    const worker = new Worker(script, {
      workerData: settings,
      // A smaller young generation (about 25 MB less per worker at the same speed, measured) and a capped old
      // one, so V8 collects rather than grows on a long run. Large messages are checked in the main thread
      // (LARGE_MESSAGE_BYTES), so no message comes near the cap.
      resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 128 },
    });
    load.push(0);
    worker.on('message', (reply: WorkerReply) => {
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      owner.delete(reply.id);
      load[i] = (load[i] ?? 1) - 1;
      if (!waiting) return;
      if ('error' in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.summary);
    });
    // A worker that fails or stops answers what it still had as failed (each counted as unreadable, with
    // the reason); the others go on.
    const stop = (error: Error) => {
      failure ??= error;
      for (const [id, at] of owner)
        if (at === i) {
          pending.get(id)?.reject(error);
          pending.delete(id);
          owner.delete(id);
        }
      load[i] = Number.POSITIVE_INFINITY;
    };
    worker.on('error', stop);
    worker.on('exit', (code) => {
      if (!closing) stop(new Error(`a worker thread stopped (exit code ${code})`));
    });
    workers.push(worker);
  }
  return {
    size: jobs,
    run(bytes) {
      let best = 0;
      for (let i = 1; i < load.length; i++) if ((load[i] ?? 0) < (load[best] ?? 0)) best = i;
      if (!Number.isFinite(load[best] ?? 0))
        return Promise.reject(
          new LaneGone(`every worker thread stopped${failure ? ` (${failure.message})` : ''}`),
        );
      const id = nextId++;
      load[best] = (load[best] ?? 0) + 1;
      owner.set(id, best);
      return new Promise<MessageSummary>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        // A message cut from an mbox owns its buffer: move it rather than copy it.
        const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
        const transfer = own && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
        workers[best]?.postMessage({ id, bytes } satisfies WorkerRequest, transfer);
      });
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
