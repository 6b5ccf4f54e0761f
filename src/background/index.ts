// Service worker (Chrome) / background script (Firefox): the policy engine behind one message router.
import browser from 'webextension-polyfill';
// The engine (through context.ts) first: it is most of the bundle, and with it ahead of the storage code the
// bundle is laid out, and compresses, as it did when the settings code pulled the engine in.
import { createPolicyCache, type WorkerContext } from './context.ts';
import { appendAuditEntry, listAuditEntries } from '../platform/audit.ts';
import { appendFalsePositiveReport } from '../platform/reports.ts';
import {
  bumpRuleCounters,
  listFalsePositiveReports,
  loadManagedPolicy,
  loadRuleCounters,
  loadPatternVerdicts,
  loadUserPolicy,
  onPolicyStorageChanged,
  resetUserPolicy,
  savePatternVerdicts,
  saveUserPolicy,
} from '../platform/storage.ts';
import { seedVerdicts, takeNewVerdicts } from '../shared/pattern-safety.ts';
import { broadcastPolicyChanged } from '../platform/tabs.ts';
import { handleMessage } from './router.ts';

// Custom patterns' safety verdicts are read once per worker life, before any policy is composed: a pattern
// decided when it was saved is looked up, never judged again on a wake-up.
const verdictsReady = loadPatternVerdicts().then(seedVerdicts, () => 0);

const policy = createPolicyCache(async () => {
  await verdictsReady;
  const [user, managed] = await Promise.all([loadUserPolicy(), loadManagedPolicy()]);
  return { user, managed };
});

/** Stores the verdicts decided since the last time (a saved, imported or managed pattern seen first). */
const storeNewVerdicts = () => {
  const table = takeNewVerdicts();
  if (table) void savePatternVerdicts(table).catch(() => undefined);
};

const ctx: WorkerContext = {
  version: browser.runtime.getManifest().version,
  startedAt: Date.now(),
  now: () => Date.now(),
  counters: { checks: 0 },
  storeReport: appendFalsePositiveReport,
  audit: { append: (entry) => appendAuditEntry(entry), list: listAuditEntries },
  loadPolicy: async () => {
    const loaded = await policy.get();
    storeNewVerdicts();
    return loaded;
  },
  policyStore: {
    async save(next) {
      await saveUserPolicy(next);
      // The patterns just saved were judged by the save's validation: their verdicts are kept with them.
      storeNewVerdicts();
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
