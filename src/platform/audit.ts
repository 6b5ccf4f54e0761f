// The audit log in the extension's local storage. Writes are queued one after another: two decisions in
// the same moment must not overwrite each other.
import browser from 'webextension-polyfill';
import { appendBounded, MAX_AUDIT_ENTRIES, readEntries } from '../background/audit-log.ts';
import type { AuditEntry } from '../shared/messages.ts';

export const AUDIT_KEY = 'auditLog';

let queue: Promise<unknown> = Promise.resolve();

export async function listAuditEntries(): Promise<AuditEntry[]> {
  const stored = await browser.storage.local.get(AUDIT_KEY);
  return readEntries(stored[AUDIT_KEY]);
}

export function appendAuditEntry(entry: AuditEntry, max = MAX_AUDIT_ENTRIES): Promise<number> {
  const run = queue.then(async () => {
    const next = appendBounded(await listAuditEntries(), entry, max);
    await browser.storage.local.set({ [AUDIT_KEY]: next });
    return next.length;
  });
  queue = run.catch(() => undefined);
  return run;
}
