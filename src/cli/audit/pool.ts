// Where messages are checked: in this thread (--jobs 1, and under tests), or spread over worker threads
// (index.ts makes those; see worker-pool.ts). Both answer one message at a time with its summary.
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
