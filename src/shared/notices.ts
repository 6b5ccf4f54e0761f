// Notices about what happened to stored data without the person asking: settings that could not be read
// and were set aside or migrated, a save that could not reach browser sync, a log pruned because storage
// was full. The worker writes them; the options page and the popup show them until they are dismissed.
import * as z from '../engine/schemas/z.ts';

export const NOTICE_IDS = [
  /** Stored settings could not be read: set aside, the built-in values apply for them. */
  'settings-reset',
  /** Settings saved by an earlier version were rewritten in the current format. */
  'settings-migrated',
  /** A save could not reach storage.sync (quota, rate limit, sync off): kept on this browser only. */
  'sync-fallback',
  /** storage.local was full: the oldest audit entries were removed to keep the new one. */
  'audit-pruned',
  /** storage.local was full: the oldest false-positive reports were removed to keep the new one. */
  'reports-pruned',
] as const;
export type NoticeId = (typeof NOTICE_IDS)[number];

export const StorageNoticeSchema = z.object({
  id: z.enum(NOTICE_IDS),
  /** When it happened (ISO time). */
  at: z.string(),
  /** What happened and what applies now, in plain words. */
  text: z.string().max(2000),
  /** Where the value that could not be read was kept, when one was. */
  backupKey: z.string().optional(),
});
export type StorageNotice = z.infer<typeof StorageNoticeSchema>;

/** At most this many notices are kept (one per id, so the list is short anyway). */
export const MAX_NOTICES = NOTICE_IDS.length;

/** The well-formed notices from whatever storage held (a damaged list shows nothing, never throws). */
export function readNotices(raw: unknown): StorageNotice[] {
  if (!Array.isArray(raw)) return [];
  const out: StorageNotice[] = [];
  for (const item of raw) {
    const parsed = StorageNoticeSchema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

/** Adds a notice; a newer notice of the same kind replaces the older one. */
export function withNotice(list: readonly StorageNotice[], notice: StorageNotice): StorageNotice[] {
  return [...list.filter((n) => n.id !== notice.id), notice].slice(-MAX_NOTICES);
}

export function withoutNotice(list: readonly StorageNotice[], id: NoticeId): StorageNotice[] {
  return list.filter((n) => n.id !== id);
}

/** Whether an error from storage.set is a quota refusal (Chrome's and Firefox's wording). */
export function isQuotaError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /QUOTA_BYTES|MAX_WRITE_OPERATIONS|MAX_ITEMS|kQuotaBytes|kMaxWrite|quota/i.test(message);
}

/**
 * A storage error in a person's words (the browser's own wording in brackets, for support). Chrome says
 * `QUOTA_BYTES quota exceeded` in its documentation and `Resource::kQuotaBytes quota exceeded` in current
 * builds; Firefox says `QuotaExceededError`. `area` says whose quota it was.
 */
export function describeStorageError(error: unknown, area: 'local' | 'sync' = 'local'): string {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 200);
  if (/MAX_WRITE_OPERATIONS|kMaxWriteOperations/i.test(message)) {
    return `too many changes in a short time (${message})`;
  }
  if (/QUOTA_BYTES_PER_ITEM|kQuotaBytesPerItem/i.test(message)) {
    return `one setting is larger than browser sync allows (${message})`;
  }
  if (isQuotaError(message)) {
    return area === 'sync'
      ? `browser sync's storage is full (${message})`
      : `the browser's storage for Preflight is full (${message})`;
  }
  return message;
}

/** A save that changed nothing because storage refused it; the message is for the person. */
export class SettingsNotSavedError extends Error {
  override name = 'SettingsNotSavedError';
}
