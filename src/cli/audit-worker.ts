// A worker thread of `preflight audit` (bundled as dist/cli/audit-worker.mjs): checks the messages the main
// thread sends it with the same engine and reading as `preflight check`, and answers with their summaries.
import { parentPort, workerData } from 'node:worker_threads';
import { checkDraft } from '../engine/index.ts';
import { type AuditSettings, auditMessage } from './audit/message.ts';
import type { WorkerReply, WorkerRequest } from './audit/worker-pool.ts';

const settings = workerData as AuditSettings;
const port = parentPort;
if (!port) throw new Error('audit-worker runs only as a worker thread of preflight audit');

port.on('message', (request: WorkerRequest) => {
  auditMessage(request.bytes, settings, checkDraft).then(
    (summary) => port.postMessage({ id: request.id, summary } satisfies WorkerReply),
    (error: unknown) =>
      port.postMessage({
        id: request.id,
        error: (error as Error)?.message ?? String(error),
      } satisfies WorkerReply),
  );
});
