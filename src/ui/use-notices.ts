import { useEffect, useState } from 'preact/hooks';
import { dismissNotice, listNotices, onNoticesChanged } from '../platform/notices.ts';
import type { NoticeId, StorageNotice } from '../shared/notices.ts';

/** The storage notices, kept current while the page is open (the worker may add one at any time). */
export function useNotices(): { notices: StorageNotice[]; dismiss(id: NoticeId): void } {
  const [notices, setNotices] = useState<StorageNotice[]>([]);
  useEffect(() => {
    let live = true;
    const stop = onNoticesChanged((next) => live && setNotices(next));
    void listNotices()
      .then((list) => live && setNotices(list))
      .catch(() => undefined);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return { notices, dismiss: (id) => void dismissNotice(id).catch(() => undefined) };
}
