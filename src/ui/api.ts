// The pages' calls to the worker, each resolving with data or a reason (never throwing, never hanging).
import type { Draft } from '../engine/schemas/draft.ts';
import { sendRequest } from '../platform/client.ts';
import type { ResponseFor, Result } from '../shared/messages.ts';

const unwrap = <T, U>(r: Result<T>, pick: (d: T) => U): Result<U> =>
  r.ok ? { ok: true, data: pick(r.data) } : r;

export type PolicyState = ResponseFor<'policy-get'>;
export type SaveResult = ResponseFor<'policy-save'>;

export const api = {
  getPolicy: async (): Promise<Result<PolicyState>> => sendRequest({ kind: 'policy-get' }),
  savePolicy: async (policy: unknown): Promise<Result<SaveResult>> =>
    sendRequest({ kind: 'policy-save', policy }, { timeoutMs: 15_000 }),
  resetPolicy: async (): Promise<Result<SaveResult>> => sendRequest({ kind: 'policy-reset' }),
  check: async (draft: Draft) => unwrap(await sendRequest({ kind: 'check', draft }), (d) => d.result),
  auditList: async () => unwrap(await sendRequest({ kind: 'audit-list' }), (d) => d.entries),
  auditExport: async (format: 'json' | 'csv') =>
    unwrap(await sendRequest({ kind: 'audit-export', format }), (d) => d.text),
  ruleStats: async () => unwrap(await sendRequest({ kind: 'rule-stats' }), (d) => d.stats),
  reports: async () => unwrap(await sendRequest({ kind: 'reports-list' }), (d) => d.reports),
};
export type Api = typeof api;

/** Offers text as a file download (no browser extension API: a link to a blob). */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
