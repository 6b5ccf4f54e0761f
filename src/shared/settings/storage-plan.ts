// Where the user's settings live in browser storage: one item per top-level policy key, in storage.sync while
// it fits the quotas, else in storage.local; and how those items read back. Pure: src/platform/storage.ts
// does the reading and writing.
import { formatPath } from '../../engine/policy-path.ts';
import { type Policy, PolicySchema } from '../../engine/schemas/policy.ts';
import { parsePolicy } from '../../engine/policy.ts';

export type PolicyKey = Exclude<keyof Policy, 'version'>;
export const POLICY_KEYS = Object.keys(PolicySchema.shape).filter((k) => k !== 'version') as PolicyKey[];

/** Each top-level policy key is one storage item, so one change rewrites only its own item. */
export const ITEM_PREFIX = 'policy.';
export const itemKey = (key: PolicyKey) => `${ITEM_PREFIX}${key}`;

/** The older whole policy in storage.local (the first versions wrote it; the test harness still does). */
export const POLICY_KEY_LEGACY = 'policy';

/** The account directory can hold thousands of entries: it always lives in storage.local. */
export const LOCAL_ONLY_KEYS: readonly PolicyKey[] = ['accounts'];

/** storage.sync's quotas (Chrome and Firefox): 8 KB an item, 100 KB in all; kept with some margin. */
export const SYNC_QUOTA_PER_ITEM = 8192;
export const SYNC_QUOTA_TOTAL = 102_400;
const SYNC_MARGIN = 512;

/** Bytes storage.sync counts for one item: its key plus its JSON. */
export function itemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

export interface StoragePlan {
  sync: Record<string, unknown>;
  local: Record<string, unknown>;
  /** Items to remove from each area (they moved, or the policy no longer has them). */
  removeSync: string[];
  removeLocal: string[];
}

/**
 * Splits a user policy into storage items: each key goes to storage.sync while it fits the quotas, else to
 * storage.local. Smallest first, so as many settings as possible follow the person between browsers.
 */
export function planStorage(policy: Policy): StoragePlan {
  const plan: StoragePlan = { sync: {}, local: {}, removeSync: [], removeLocal: [] };
  let total = 0;
  const present = POLICY_KEYS.filter((k) => policy[k] !== undefined)
    .map((k) => ({ k, bytes: itemBytes(itemKey(k), policy[k]) }))
    .sort((a, b) => a.bytes - b.bytes);
  for (const { k, bytes } of present) {
    const key = itemKey(k);
    const fits =
      !LOCAL_ONLY_KEYS.includes(k) &&
      bytes <= SYNC_QUOTA_PER_ITEM - SYNC_MARGIN &&
      total + bytes <= SYNC_QUOTA_TOTAL - SYNC_MARGIN * 4;
    if (fits) {
      plan.sync[key] = policy[k];
      plan.removeLocal.push(key);
      total += bytes;
    } else {
      plan.local[key] = policy[k];
      plan.removeSync.push(key);
    }
  }
  for (const k of POLICY_KEYS) {
    if (policy[k] !== undefined) continue;
    plan.removeSync.push(itemKey(k));
    plan.removeLocal.push(itemKey(k));
  }
  return plan;
}

/**
 * The user's layer from what storage holds: an older whole policy under `policy` (storage.local), then the
 * per-key items of storage.sync and storage.local over it. Invalid keys are left out, each with its reason.
 */
export function readUserLayer(
  legacy: unknown,
  syncItems: Record<string, unknown>,
  localItems: Record<string, unknown>,
): { policy: Policy | undefined; issues: string[] } {
  const issues: string[] = [];
  const out: Record<string, unknown> = { version: 1 };
  let any = false;
  if (legacy !== undefined) {
    const parsed = parsePolicy(legacy);
    if (parsed.ok) {
      Object.assign(out, parsed.policy);
      any = true;
    } else issues.push(...parsed.issues);
  }
  for (const k of POLICY_KEYS) {
    const key = itemKey(k);
    const raw = key in localItems ? localItems[key] : syncItems[key];
    // undefined: not set; null: removed on this browser while sync could not be told.
    if (raw === undefined || raw === null) continue;
    const parsed = PolicySchema.shape[k].safeParse(raw);
    if (parsed.success) {
      out[k] = parsed.data;
      any = true;
    } else {
      issues.push(...parsed.error.issues.map((i) => `${formatPath([k, ...i.path])}: ${i.message}`));
    }
  }
  return { policy: any ? (out as Policy) : undefined, issues };
}
