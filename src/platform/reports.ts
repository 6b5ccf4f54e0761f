// False-positive reports, kept in the extension's local storage for a later export. They hold rule id,
// category, excerpt length, site and time: never the email's text.
import browser from 'webextension-polyfill';
import type { StoredFalsePositiveReport } from '../shared/messages.ts';

export const FALSE_POSITIVE_KEY = 'falsePositiveReports';
/** The oldest reports go first past this many. */
export const MAX_REPORTS = 500;

export async function appendFalsePositiveReport(report: StoredFalsePositiveReport): Promise<number> {
  const stored = await browser.storage.local.get(FALSE_POSITIVE_KEY);
  const list = Array.isArray(stored[FALSE_POSITIVE_KEY]) ? (stored[FALSE_POSITIVE_KEY] as unknown[]) : [];
  const next = [...list, report].slice(-MAX_REPORTS);
  await browser.storage.local.set({ [FALSE_POSITIVE_KEY]: next });
  return next.length;
}
