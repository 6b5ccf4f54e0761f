import type { NoticeId, StorageNotice } from '../shared/notices.ts';

const TITLES: Record<NoticeId, string> = {
  'settings-reset': 'Some settings could not be read',
  'settings-migrated': 'Settings updated',
  'sync-fallback': 'Saved on this browser only',
  'audit-pruned': 'Audit log shortened',
  'reports-pruned': 'Reports shortened',
};

/** Pure view of the storage notices; the page loads them and says what dismissing does. */
export function NoticesView({
  notices,
  onDismiss,
  onDownloadSetAside,
}: {
  notices: readonly StorageNotice[];
  onDismiss(id: NoticeId): void;
  /** Where given, a notice about values set aside offers them as a file (the options page). */
  onDownloadSetAside?(notice: StorageNotice & { backupKey: string }): void;
}) {
  if (notices.length === 0) return null;
  return (
    <div class="notices">
      {notices.map((n) => (
        <p key={n.id} class="notice" role="status" data-preflight-notice={n.id}>
          <strong>{TITLES[n.id]}.</strong> {n.text}{' '}
          <time dateTime={n.at}>({new Date(n.at).toLocaleString()})</time>{' '}
          {n.backupKey !== undefined && onDownloadSetAside && (
            <>
              <button
                type="button"
                data-preflight-notice-download={n.id}
                onClick={() => onDownloadSetAside({ ...n, backupKey: n.backupKey as string })}
              >
                Download the set-aside values
              </button>{' '}
            </>
          )}
          <button type="button" data-preflight-notice-dismiss={n.id} onClick={() => onDismiss(n.id)}>
            Dismiss
          </button>
        </p>
      ))}
    </div>
  );
}
