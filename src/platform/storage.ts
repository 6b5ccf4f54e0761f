// The only module (with client.ts, tabs.ts, audit.ts and reports.ts) that touches the extension API for
// storage. What goes where is decided in src/shared/settings/ (storage-plan, repair, managed-locks); this
// file reads and writes it.
import browser from 'webextension-polyfill';
import { parsePolicy } from '../engine/policy.ts';
import type { Policy } from '../engine/schemas/policy.ts';
import { type StoredFalsePositiveReport, FalsePositiveReportSchema } from '../shared/messages.ts';
import { describeStorageError, SettingsNotSavedError } from '../shared/notices.ts';
import type { RuleCounters } from '../shared/rule-stats.ts';
import { readManagedLayer } from '../shared/settings/managed-locks.ts';
import {
  CORRUPT_BACKUP_KEY,
  repairUserLayer,
  type SetAside,
  type SettingsRepair,
  withSetAside,
} from '../shared/settings/repair.ts';
import { ITEM_PREFIX, itemKey, POLICY_KEYS, planStorage } from '../shared/settings/storage-plan.ts';
import { addNotice, dismissNotice } from './notices.ts';
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

let repairQueue: Promise<unknown> = Promise.resolve();

/**
 * The user's layer as storage holds it. A stored value that does not validate (damaged, from an older or a
 * newer version) never stops a check: it is set aside under CORRUPT_BACKUP_KEY, an older shape is migrated,
 * and a notice says what happened (src/shared/settings/repair.ts decides what).
 */
export function loadUserPolicy(): Promise<{ policy: Policy | undefined; issues: string[] }> {
  const run = repairQueue.then(async () => {
    const [local, sync] = await Promise.all([
      browser.storage.local.get([POLICY_KEY, ...ALL_ITEM_KEYS]),
      syncGet(ALL_ITEM_KEYS),
    ]);
    const repair = repairUserLayer(local[POLICY_KEY], sync, local, new Date().toISOString());
    if (repair.setAside.length === 0 && !repair.rewrite) return { policy: repair.policy, issues: [] };
    try {
      await applyRepair(repair);
      return { policy: repair.policy, issues: [] };
    } catch (error) {
      // Storage refused the repair: the values stay where they are (nothing is lost) and are left out of
      // the policy in force, as before; the options page lists why.
      return {
        policy: repair.policy,
        issues: [
          ...repair.setAside.map((a) => `${a.key}: ${a.reason}`),
          `could not set these aside: ${describeStorageError(error)}`,
        ],
      };
    }
  });
  repairQueue = run.catch(() => undefined);
  return run;
}

/** Keeps the unreadable values first, and only then removes them or rewrites the layer. */
async function applyRepair(repair: SettingsRepair): Promise<void> {
  if (repair.setAside.length > 0) {
    const stored = await browser.storage.local.get(CORRUPT_BACKUP_KEY);
    await browser.storage.local.set({
      [CORRUPT_BACKUP_KEY]: withSetAside(stored[CORRUPT_BACKUP_KEY], repair.setAside),
    });
  }
  if (repair.rewrite) {
    // Writes every key that validated in the current format and removes the rest (and the legacy value).
    await saveUserPolicy(repair.rewrite);
  } else {
    const local = repair.setAside.filter((a) => a.area === 'local').map((a) => a.key);
    const sync = repair.setAside.filter((a) => a.area === 'sync').map((a) => a.key);
    if (local.length > 0) await browser.storage.local.remove(local);
    if (sync.length > 0) await browser.storage.sync.remove(sync).catch(() => undefined);
  }
  if (repair.notice) await addNotice({ ...repair.notice, backupKey: CORRUPT_BACKUP_KEY });
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

/**
 * Writes a validated user policy: each key to storage.sync when it fits, else storage.local.
 *
 * When storage.sync refuses (its quotas: 8 KB an item, 100 KB in all, 120 writes a minute; or sync is off),
 * the settings are kept on this browser only, in storage.local, which wins over storage.sync on reading; a
 * notice says so, and the next save that reaches sync clears it. When storage.local refuses too (full), the
 * layer is put back as it was and SettingsNotSavedError says why: the previous settings stay in force and
 * the options page keeps what the person entered.
 *
 * Known limit: a key removed by a save that could not reach sync stays in sync until a later save does.
 */
export async function saveUserPolicy(policy: Policy): Promise<{ synced: boolean }> {
  const plan = planStorage(policy);
  const before = await browser.storage.local.get([POLICY_KEY, ...ALL_ITEM_KEYS]);
  const fail = async (error: unknown): Promise<never> => {
    await restoreLocal(before, [...Object.keys(plan.local), ...Object.keys(plan.sync)]);
    throw new SettingsNotSavedError(
      `Nothing was saved: ${describeStorageError(error)}. Your previous settings still apply.`,
    );
  };
  // Write first, then remove what moved: a failure half-way leaves the old value readable.
  try {
    await browser.storage.local.set(plan.local);
  } catch (error) {
    return fail(error);
  }
  let syncError: unknown;
  try {
    if (Object.keys(plan.sync).length > 0) await browser.storage.sync.set(plan.sync);
    if (plan.removeSync.length > 0) await browser.storage.sync.remove(plan.removeSync);
  } catch (error) {
    syncError = error ?? new Error('storage.sync refused the write');
  }
  if (syncError !== undefined) {
    // Sync could not be told to forget the keys this policy no longer has: a marker (null) in
    // storage.local keeps their old synced values from coming back, until a save reaches sync.
    const forgotten = plan.removeSync.filter((k) => !(k in plan.local));
    const markers = Object.fromEntries(forgotten.map((k) => [k, null]));
    try {
      await browser.storage.local.set({ ...markers, ...plan.sync });
    } catch (error) {
      return fail(error);
    }
    plan.removeLocal = plan.removeLocal.filter((k) => !(k in plan.sync) && !(k in markers));
  }
  await browser.storage.local.remove([...plan.removeLocal, POLICY_KEY]);
  if (syncError !== undefined) {
    await addNotice({
      id: 'sync-fallback',
      text:
        `Your settings were saved on this browser only: browser sync refused them ` +
        `(${describeStorageError(syncError, 'sync')}). They apply here now and sync again the next time you save.`,
    });
  } else {
    await dismissNotice('sync-fallback').catch(() => undefined);
  }
  return { synced: syncError === undefined };
}

/** Puts storage.local's policy items back as they were before a save that could not finish. */
async function restoreLocal(before: Record<string, unknown>, written: string[]): Promise<void> {
  try {
    const added = written.filter((k) => !(k in before));
    if (added.length > 0) await browser.storage.local.remove(added);
    if (Object.keys(before).length > 0) await browser.storage.local.set(before);
  } catch {
    // Nothing more can be done: what was there before was smaller, so this is rare.
  }
}

/** Forgets the user's policy: the built-in one (and any managed one) applies again. */
export async function resetUserPolicy(): Promise<void> {
  await browser.storage.local.remove([POLICY_KEY, ...ALL_ITEM_KEYS]);
  try {
    await browser.storage.sync.remove(ALL_ITEM_KEYS);
  } catch {
    // Sync is off or refuses for now: markers keep whatever it still holds from coming back here.
    const synced = Object.keys(await syncGet(ALL_ITEM_KEYS));
    if (synced.length > 0) await browser.storage.local.set(Object.fromEntries(synced.map((k) => [k, null])));
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

/** The counters as stored; a damaged entry is left out (it would make the statistics unreadable). */
export async function loadRuleCounters(): Promise<Record<string, RuleCounters>> {
  const stored = await browser.storage.local.get(RULE_COUNTERS_KEY);
  const raw = stored[RULE_COUNTERS_KEY];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const out: Record<string, RuleCounters> = {};
  const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);
  for (const [id, c] of Object.entries(raw as Record<string, unknown>)) {
    if (!c || typeof c !== 'object') continue;
    const { findings, dismissals } = c as Record<string, unknown>;
    out[id] = { findings: count(findings), dismissals: count(dismissals) };
  }
  return out;
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
  if (!Array.isArray(list)) return [];
  // Only well-formed reports: a damaged one is left out rather than breaking the statistics.
  return list.filter((r): r is StoredFalsePositiveReport => {
    if (!r || typeof r !== 'object') return false;
    const { at, ...report } = r as Record<string, unknown>;
    return typeof at === 'string' && FalsePositiveReportSchema.safeParse(report).success;
  });
}

/**
 * The values a notice says were set aside (storage.local under its `backupKey`), oldest first: what the
 * options page offers to download, so nothing the person had set is lost to them.
 */
export async function listSetAside(backupKey: string): Promise<SetAside[]> {
  const stored = await browser.storage.local.get(backupKey);
  return withSetAside(stored[backupKey], []);
}

// ---- custom patterns' safety verdicts, decided once ----

/** Where the verdicts on custom patterns are kept (pattern-safety.ts): never decided again on wake-up. */
export const PATTERN_VERDICTS_KEY = 'patternVerdicts';

export async function loadPatternVerdicts(): Promise<unknown> {
  try {
    return (await browser.storage.local.get(PATTERN_VERDICTS_KEY))[PATTERN_VERDICTS_KEY];
  } catch {
    return undefined;
  }
}

export async function savePatternVerdicts(table: unknown): Promise<void> {
  await browser.storage.local.set({ [PATTERN_VERDICTS_KEY]: table });
}
