// False-positive reports, kept in the extension's local storage for a later export. They hold rule id,
// category, excerpt length, site and time: never the email's text.
import browser from 'webextension-polyfill';
import type { StoredFalsePositiveReport } from '../shared/messages.ts';
import { writePruning } from './audit.ts';
import { addNotice } from './notices.ts';

export const FALSE_POSITIVE_KEY = 'falsePositiveReports';
/** The oldest reports go first past this many. */
export const MAX_REPORTS = 500;

let queue: Promise<unknown> = Promise.resolve();

/** Queued like the audit log; when storage.local is full the oldest reports make room, with a notice. */
export function appendFalsePositiveReport(report: StoredFalsePositiveReport): Promise<number> {
  const run = queue.then(async () => {
    const stored = await browser.storage.local.get(FALSE_POSITIVE_KEY);
    const list = Array.isArray(stored[FALSE_POSITIVE_KEY]) ? (stored[FALSE_POSITIVE_KEY] as unknown[]) : [];
    const next = [...list, report].slice(-MAX_REPORTS);
    const dropped = await writePruning(FALSE_POSITIVE_KEY, next, (v) => browser.storage.local.set(v));
    if (dropped > 0) {
      await addNotice({
        id: 'reports-pruned',
        text:
          `The browser's storage for Preflight was full, so the ${dropped} oldest false-positive reports ` +
          'were removed to keep the newest one.',
      });
    }
    return next.length - dropped;
  });
  queue = run.catch(() => undefined);
  return run;
}
