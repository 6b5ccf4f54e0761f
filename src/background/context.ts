import type { Policy } from '../engine/index.ts';
import type { AuditEntry, StoredFalsePositiveReport } from '../shared/messages.ts';

/** What handlers may use: injected so they run under node tests with a fake store and clock. */
export interface WorkerContext {
  version: string;
  startedAt: number;
  now(): number;
  loadPolicy(): Promise<{ policy: Policy | undefined; source: 'default' | 'user' | 'managed' }>;
  counters: { checks: number };
  /** Keeps a false-positive report locally; resolves to how many are stored. */
  storeReport(report: StoredFalsePositiveReport): Promise<number>;
  /** The send gate's audit log (bounded); append resolves to how many entries are stored. */
  audit: { append(entry: AuditEntry): Promise<number>; list(): Promise<AuditEntry[]> };
}
