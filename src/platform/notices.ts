// The storage notices (src/shared/notices.ts) in storage.local. The worker adds them; the options page and
// the popup read them straight from storage (they are the person's own pages) and dismiss them.
import browser from 'webextension-polyfill';
import {
  type NoticeId,
  readNotices,
  type StorageNotice,
  withNotice,
  withoutNotice,
} from '../shared/notices.ts';

export const NOTICES_KEY = 'storageNotices';

let queue: Promise<unknown> = Promise.resolve();

/** Runs one read-modify-write of the list after the previous one, so two notices at once both stay. */
function update(change: (list: StorageNotice[]) => StorageNotice[]): Promise<void> {
  const run = queue.then(async () => {
    const stored = await browser.storage.local.get(NOTICES_KEY);
    const before = readNotices(stored[NOTICES_KEY]);
    const after = change(before);
    if (after.length === before.length && after.every((n, i) => n === before[i])) return;
    if (after.length === 0) await browser.storage.local.remove(NOTICES_KEY);
    else await browser.storage.local.set({ [NOTICES_KEY]: after });
  });
  queue = run.catch(() => undefined);
  return run;
}

export async function listNotices(): Promise<StorageNotice[]> {
  const stored = await browser.storage.local.get(NOTICES_KEY);
  return readNotices(stored[NOTICES_KEY]);
}

/** Records a notice (best effort: a notice that cannot be written must not fail what it is about). */
export async function addNotice(notice: Omit<StorageNotice, 'at'> & { at?: string }): Promise<boolean> {
  const full: StorageNotice = { ...notice, at: notice.at ?? new Date().toISOString() };
  try {
    await update((list) => withNotice(list, full));
    return true;
  } catch {
    return false;
  }
}

export async function dismissNotice(id: NoticeId): Promise<void> {
  await update((list) => withoutNotice(list, id));
}

/** Calls back with the new list whenever it changes (from the worker or another page). */
export function onNoticesChanged(callback: (notices: StorageNotice[]) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && NOTICES_KEY in changes) callback(readNotices(changes[NOTICES_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
