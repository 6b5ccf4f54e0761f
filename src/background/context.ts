import type { Policy } from '../engine/index.ts';

/** What handlers may use: injected so they run under node tests with a fake store and clock. */
export interface WorkerContext {
  version: string;
  startedAt: number;
  now(): number;
  loadPolicy(): Promise<{ policy: Policy | undefined; source: 'default' | 'user' | 'managed' }>;
  counters: { checks: number };
}
