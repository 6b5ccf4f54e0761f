// The audit log in the extension's local storage. Writes are queued one after another: two decisions in
// the same moment must not overwrite each other.
import browser from 'webextension-polyfill';
import { appendBounded, MAX_AUDIT_ENTRIES, readEntries } from '../shared/audit-log.ts';
import type { AuditEntry } from '../shared/messages.ts';
import { isQuotaError } from '../shared/notices.ts';
import { addNotice } from './notices.ts';

export const AUDIT_KEY = 'auditLog';

let queue: Promise<unknown> = Promise.resolve();

export async function listAuditEntries(): Promise<AuditEntry[]> {
  const stored = await browser.storage.local.get(AUDIT_KEY);
  return readEntries(stored[AUDIT_KEY]);
}

/**
 * Writes the list, or, when storage.local is full, the newest part of it that fits: half of the older
 * entries go at each try, never the new one. Resolves to how many of the oldest were dropped; rejects when
 * not even the new entry fits (the tab then keeps the decision and says so).
 */
export async function writePruning<T>(
  key: string,
  list: readonly T[],
  set: (value: Record<string, unknown>) => Promise<void>,
): Promise<number> {
  let keep = list.length;
  for (;;) {
    try {
      await set({ [key]: list.slice(list.length - keep) });
      return list.length - keep;
    } catch (error) {
      if (!isQuotaError(error) || keep <= 1) throw error;
      keep = Math.max(1, Math.floor(keep / 2));
    }
  }
}

export function appendAuditEntry(entry: AuditEntry, max = MAX_AUDIT_ENTRIES): Promise<number> {
  const run = queue.then(async () => {
    const next = appendBounded(await listAuditEntries(), entry, max);
    const dropped = await writePruning(AUDIT_KEY, next, (v) => browser.storage.local.set(v));
    if (dropped > 0) {
      const oldestKept = next[dropped]?.at ?? entry.at;
      await addNotice({
        id: 'audit-pruned',
        text:
          `The browser's storage for Preflight was full, so the ${dropped} oldest audit log entries were ` +
          `removed to record the latest decision; the log now starts at ${oldestKept}. Export the audit ` +
          'log regularly to keep a complete record.',
      });
    }
    return next.length - dropped;
  });
  queue = run.catch(() => undefined);
  return run;
}
