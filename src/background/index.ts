// Service worker (Chrome) / background script (Firefox): the policy engine behind one message router.
import browser from 'webextension-polyfill';
import { appendAuditEntry, listAuditEntries } from '../platform/audit.ts';
import { appendFalsePositiveReport } from '../platform/reports.ts';
import {
  bumpRuleCounters,
  listFalsePositiveReports,
  loadManagedPolicy,
  loadRuleCounters,
  loadUserPolicy,
  onPolicyStorageChanged,
  resetUserPolicy,
  saveUserPolicy,
} from '../platform/storage.ts';
import { broadcastPolicyChanged } from '../platform/tabs.ts';
import { createPolicyCache, type WorkerContext } from './context.ts';
import { handleMessage } from './router.ts';

const policy = createPolicyCache(async () => {
  const [user, managed] = await Promise.all([loadUserPolicy(), loadManagedPolicy()]);
  return { user, managed };
});

const ctx: WorkerContext = {
  version: browser.runtime.getManifest().version,
  startedAt: Date.now(),
  now: () => Date.now(),
  counters: { checks: 0 },
  storeReport: appendFalsePositiveReport,
  audit: { append: (entry) => appendAuditEntry(entry), list: listAuditEntries },
  loadPolicy: () => policy.get(),
  policyStore: {
    async save(next) {
      await saveUserPolicy(next);
      policy.invalidate();
    },
    async reset() {
      await resetUserPolicy();
      policy.invalidate();
    },
  },
  stats: { counters: loadRuleCounters, bump: bumpRuleCounters, reports: listFalsePositiveReports },
};

// Registered synchronously at top level so a worker woken by a message finds its listener.
browser.runtime.onMessage.addListener((message: unknown) => handleMessage(message, ctx));
// A change from the options page, another synced browser or the administrator reaches open composes.
onPolicyStorageChanged(() => {
  policy.invalidate();
  void broadcastPolicyChanged();
});
