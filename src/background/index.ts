// Service worker (Chrome) / background script (Firefox): the policy engine behind one message router.
import browser from 'webextension-polyfill';
import { appendAuditEntry, listAuditEntries } from '../platform/audit.ts';
import { appendFalsePositiveReport } from '../platform/reports.ts';
import { loadSavedPolicy } from '../platform/storage.ts';
import type { WorkerContext } from './context.ts';
import { handleMessage } from './router.ts';

const ctx: WorkerContext = {
  version: browser.runtime.getManifest().version,
  startedAt: Date.now(),
  now: () => Date.now(),
  counters: { checks: 0 },
  storeReport: appendFalsePositiveReport,
  audit: { append: (entry) => appendAuditEntry(entry), list: listAuditEntries },
  async loadPolicy() {
    const saved = await loadSavedPolicy();
    return saved ? { policy: saved, source: 'user' } : { policy: undefined, source: 'default' };
  },
};

// Registered synchronously at top level so a worker woken by a message finds its listener.
browser.runtime.onMessage.addListener((message: unknown) => handleMessage(message, ctx));
