// The only module (with client.ts, tabs.ts, audit.ts and reports.ts) that touches the extension API for
// storage. What goes where is decided in src/shared/settings.ts; this file reads and writes it.
import browser from 'webextension-polyfill';
import { type Policy, parsePolicy } from '../engine/index.ts';
import type { StoredFalsePositiveReport } from '../shared/messages.ts';
import {
  ITEM_PREFIX,
  itemKey,
  POLICY_KEYS,
  planStorage,
  type RuleCounters,
  readManagedLayer,
  readUserLayer,
} from '../shared/settings.ts';
import { FALSE_POSITIVE_KEY } from './reports.ts';

/** An older whole policy in storage.local (still read: tests and earlier versions write it). */
export const POLICY_KEY = 'policy';
export const RULE_COUNTERS_KEY = 'ruleCounters';

const ALL_ITEM_KEYS = POLICY_KEYS.map(itemKey);

/** The saved policy, or nothing when none is saved or the saved one no longer validates. */
export async function loadSavedPolicy(): Promise<Policy | undefined> {
  const stored = await browser.storage.local.get(POLICY_KEY);
  const raw = stored[POLICY_KEY];
  if (raw === undefined) return undefined;
  const parsed = parsePolicy(raw);
  return parsed.ok ? parsed.policy : undefined;
}

async function syncGet(keys: string[]): Promise<Record<string, unknown>> {
  try {
    return await browser.storage.sync.get(keys);
  } catch {
    // storage.sync can be unavailable (a temporary Firefox add-on without an id, sync disabled by policy).
    return {};
  }
}

/** The user's layer as storage holds it. */
export async function loadUserPolicy(): Promise<{ policy: Policy | undefined; issues: string[] }> {
  const [local, sync] = await Promise.all([
    browser.storage.local.get([POLICY_KEY, ...ALL_ITEM_KEYS]),
    syncGet(ALL_ITEM_KEYS),
  ]);
  return readUserLayer(local[POLICY_KEY], sync, local);
}

/** What the administrator set through the browser's enterprise policy (empty when nothing is set). */
export async function loadManagedPolicy(): Promise<ReturnType<typeof readManagedLayer>> {
  try {
    const raw = await browser.storage.managed.get();
    return readManagedLayer(raw ?? {});
  } catch {
    // Firefox throws when no policy is deployed for the add-on: that is "nothing managed".
    return { policy: {}, keys: [], issues: [] };
  }
}

/** Writes a validated user policy: each key to storage.sync when it fits, else storage.local. */
export async function saveUserPolicy(policy: Policy): Promise<void> {
  const plan = planStorage(policy);
  // Write first, then remove what moved: a failure half-way leaves the old value readable.
  await browser.storage.local.set(plan.local);
  try {
    if (Object.keys(plan.sync).length > 0) await browser.storage.sync.set(plan.sync);
    if (plan.removeSync.length > 0) await browser.storage.sync.remove(plan.removeSync);
  } catch {
    // Without sync everything is kept locally.
    await browser.storage.local.set(plan.sync);
    plan.removeLocal = plan.removeLocal.filter((k) => !(k in plan.sync));
  }
  await browser.storage.local.remove([...plan.removeLocal, POLICY_KEY]);
}

/** Forgets the user's policy: the built-in one (and any managed one) applies again. */
export async function resetUserPolicy(): Promise<void> {
  await browser.storage.local.remove([POLICY_KEY, ...ALL_ITEM_KEYS]);
  try {
    await browser.storage.sync.remove(ALL_ITEM_KEYS);
  } catch {
    // Nothing was synced.
  }
}

/** Calls back when anything the policy in force is made of changes (user, legacy or managed). */
export function onPolicyStorageChanged(callback: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed') return callback();
    if (area !== 'local' && area !== 'sync') return;
    if (Object.keys(changes).some((k) => k === POLICY_KEY || k.startsWith(ITEM_PREFIX))) callback();
  });
}

// ---- local counters and reports for the options page's statistics ----

export async function loadRuleCounters(): Promise<Record<string, RuleCounters>> {
  const stored = await browser.storage.local.get(RULE_COUNTERS_KEY);
  const raw = stored[RULE_COUNTERS_KEY];
  return raw && typeof raw === 'object' ? (raw as Record<string, RuleCounters>) : {};
}

let counterQueue: Promise<unknown> = Promise.resolve();

/** Adds to the per-rule counters; writes are queued so two checks at once do not lose a count. */
export function bumpRuleCounters(increments: Record<string, Partial<RuleCounters>>): Promise<void> {
  const run = counterQueue.then(async () => {
    const counters = await loadRuleCounters();
    for (const [id, inc] of Object.entries(increments)) {
      const c = counters[id] ?? { findings: 0, dismissals: 0 };
      counters[id] = {
        findings: c.findings + (inc.findings ?? 0),
        dismissals: c.dismissals + (inc.dismissals ?? 0),
      };
    }
    await browser.storage.local.set({ [RULE_COUNTERS_KEY]: counters });
  });
  counterQueue = run.catch(() => undefined);
  return run;
}

export async function listFalsePositiveReports(): Promise<StoredFalsePositiveReport[]> {
  const stored = await browser.storage.local.get(FALSE_POSITIVE_KEY);
  const list = stored[FALSE_POSITIVE_KEY];
  return Array.isArray(list) ? (list as StoredFalsePositiveReport[]) : [];
}
