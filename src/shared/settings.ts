// How the policy in force is put together and stored: pure, so the layering, the quota split and the
// managed-field locks are tested without a browser. src/platform/storage.ts does the reading and writing.
import { type PatternVerdict, patternVerdict } from './pattern-safety.ts';
import { type Policy, PolicySchema, parsePolicy, withDefaults } from '../engine/index.ts';
import { phraseEditIssues } from '../engine/phrase-edits.ts';
import { formatPath } from '../engine/policy.ts';
import type { AuditEntry, StoredFalsePositiveReport } from './messages.ts';

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

// ---- settings that cannot be read as they are ----

/** Where a value that could not be read is kept (storage.local), so nothing is destroyed silently. */
export const CORRUPT_BACKUP_KEY = 'corrupt-backup';
/** At most this many set-aside values are kept, the oldest going first. */
export const MAX_SET_ASIDE = 20;

export interface SetAside {
  area: 'local' | 'sync';
  key: string;
  value: unknown;
  reason: string;
  at: string;
}

export interface SettingsRepair {
  /** The user's layer after repair: what validates, migrated where it could be. */
  policy: Policy | undefined;
  /** Values to keep under CORRUPT_BACKUP_KEY and then remove from their area. */
  setAside: SetAside[];
  /** The whole user layer to write in the current format (a legacy value was migrated), else undefined. */
  rewrite: Policy | undefined;
  /** What to tell the person, or nothing when storage was fine. */
  notice: { id: 'settings-reset' | 'settings-migrated'; text: string } | undefined;
}

/** The version stored settings had before the policy file carried `version` (the legacy shape 0). */
const LEGACY_VERSIONS = new Set<unknown>([undefined, 0]);

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Reads the user's layer the way readUserLayer does, but says what to do about values that do not
 * validate instead of only leaving them out:
 *
 * - a per-key item (`policy.<key>` in storage.sync or storage.local) that fails its schema is set aside
 *   and its built-in value applies;
 * - the older whole policy under `policy` (storage.local) is read as it is when it validates (earlier
 *   versions and the test harness write it). When it does not, each top-level key that validates on its
 *   own is kept, and the layer is rewritten in the current per-key format:
 *     - version 1 with some bad keys: the bad keys are set aside;
 *     - no `version` or `version: 0` (the legacy shape from before policy files carried one): migrated to
 *       version 1 key by key;
 *     - any other version (a newer Preflight, after a downgrade) or not an object at all: set aside whole,
 *       the built-in policy applies.
 * Whatever is set aside is kept, with its area, key and reason, so it can be recovered by hand.
 */
export function repairUserLayer(
  legacy: unknown,
  syncItems: Record<string, unknown>,
  localItems: Record<string, unknown>,
  now: string,
): SettingsRepair {
  const setAside: SetAside[] = [];
  const out: Record<string, unknown> = { version: 1 };
  let any = false;
  let rewrite = false;
  let migratedFrom: string | undefined;
  const lost: string[] = [];

  if (legacy !== undefined) {
    const whole = parsePolicy(legacy);
    if (whole.ok) {
      Object.assign(out, whole.policy);
      any = true;
    } else if (legacy === null || typeof legacy !== 'object' || Array.isArray(legacy)) {
      setAside.push({
        area: 'local',
        key: POLICY_KEY_LEGACY,
        value: legacy,
        reason: `${describeValue(legacy)}, not a policy`,
        at: now,
      });
      lost.push('all of your settings');
    } else {
      const record = legacy as Record<string, unknown>;
      const version = record.version;
      if (version === 1 || LEGACY_VERSIONS.has(version)) {
        if (version !== 1)
          migratedFrom = version === undefined ? 'a version without a number' : `version ${String(version)}`;
        const bad: string[] = [];
        for (const [k, value] of Object.entries(record)) {
          if (k === 'version') continue;
          // An unknown key (not a setting at all) has no schema and is set aside with the rest.
          const schema = POLICY_KEYS.includes(k as PolicyKey)
            ? PolicySchema.shape[k as PolicyKey]
            : undefined;
          const parsed = schema?.safeParse(value);
          if (parsed?.success) {
            if (parsed.data !== undefined) {
              out[k] = parsed.data;
              any = true;
            }
          } else {
            const first = parsed?.error?.issues[0];
            bad.push(first ? `${formatPath([k, ...first.path])}: ${first.message}` : `${k}: not a setting`);
            lost.push(k);
          }
        }
        setAside.push({
          area: 'local',
          key: POLICY_KEY_LEGACY,
          value: legacy,
          reason: bad.length > 0 ? bad.join('; ') : `migrated from ${migratedFrom ?? 'the older format'}`,
          at: now,
        });
        rewrite = true;
      } else {
        setAside.push({
          area: 'local',
          key: POLICY_KEY_LEGACY,
          value: legacy,
          reason: `version ${JSON.stringify(version)} is not one this Preflight can read`,
          at: now,
        });
        lost.push('all of your settings');
      }
    }
  }

  for (const k of POLICY_KEYS) {
    const key = itemKey(k);
    const areas: ['local' | 'sync', Record<string, unknown>][] = [
      ['local', localItems],
      ['sync', syncItems],
    ];
    // null in storage.local: removed on this browser while sync could not be told (saveUserPolicy).
    let taken = localItems[key] === null;
    for (const [area, items] of areas) {
      if (!(key in items) || items[key] === undefined || items[key] === null) continue;
      const parsed = PolicySchema.shape[k].safeParse(items[key]);
      if (parsed.success) {
        // storage.local wins over storage.sync (a save that could not reach sync is kept locally).
        if (!taken) {
          out[k] = parsed.data;
          any = true;
          taken = true;
        }
      } else {
        const first = parsed.error.issues[0];
        setAside.push({
          area,
          key,
          value: items[key],
          reason: first ? `${formatPath([k, ...first.path])}: ${first.message}` : `${k}: not valid`,
          at: now,
        });
        lost.push(k);
      }
    }
  }

  const policy = any ? (out as Policy) : undefined;
  let notice: SettingsRepair['notice'];
  const unique = [...new Set(lost)];
  if (unique.length > 0) {
    notice = {
      id: 'settings-reset',
      text:
        `Some saved settings could not be read (${unique.join(', ')}), so the built-in values apply for ` +
        `them${any ? ' and the rest of your settings are kept' : ''}. The unreadable values are kept aside ` +
        `under "${CORRUPT_BACKUP_KEY}" in this browser's storage for Preflight; the options page offers them ` +
        'as a file.',
    };
  } else if (migratedFrom || rewrite) {
    notice = {
      id: 'settings-migrated',
      text:
        `Settings saved by an earlier version of Preflight (${migratedFrom ?? 'the older format'}) were ` +
        `updated to the current format. Nothing in them changed; the original is kept under ` +
        `"${CORRUPT_BACKUP_KEY}".`,
    };
  }
  return { policy, setAside, rewrite: rewrite ? (policy ?? { version: 1 }) : undefined, notice };
}

/** Appends set-aside values to what the backup held, newest last, at most MAX_SET_ASIDE of them. */
export function withSetAside(stored: unknown, added: readonly SetAside[]): SetAside[] {
  const previous = Array.isArray(stored)
    ? stored.filter((e): e is SetAside => !!e && typeof e === 'object' && 'key' in e && 'area' in e)
    : [];
  return [...previous, ...added].slice(-MAX_SET_ASIDE);
}

/**
 * The administrator's layer from storage.managed: each top-level key on its own, so one bad key does not
 * discard the rest (its problem is reported).
 */
export function readManagedLayer(raw: Record<string, unknown>): {
  policy: Partial<Policy>;
  keys: PolicyKey[];
  issues: string[];
} {
  const policy: Record<string, unknown> = {};
  const keys: PolicyKey[] = [];
  const issues: string[] = [];
  for (const k of POLICY_KEYS) {
    if (raw[k] === undefined) continue;
    const parsed = PolicySchema.shape[k].safeParse(raw[k]);
    if (parsed.success && parsed.data !== undefined) {
      policy[k] = parsed.data;
      keys.push(k);
      // Phrase edits naming a rule or phrase the pack does not have are kept (they change nothing) and reported.
      if (k === 'rules') issues.push(...phraseEditIssues(parsed.data));
      // A pattern the safety check refuses is left out of the policy in force: the administrator is told why.
      if (k === 'customRules') {
        (parsed.data as Policy['customRules'])?.forEach((rule, i) => {
          if (rule.pattern === undefined) return;
          const verdict = checkPattern(rule.pattern);
          if (!verdict.safe) issues.push(`customRules[${i}].pattern: ${verdict.reason}`);
        });
      }
    } else if (!parsed.success) {
      issues.push(...parsed.error.issues.map((i) => `${formatPath([k, ...i.path])}: ${i.message}`));
      if (k === 'gate') {
        // An administrator meant to set the send gate and it cannot be read: never quietly the default
        // ("ask"). Unknown gate settings mean closed, locked like any managed key.
        const hold = (raw[k] as { holdOnWarnings?: unknown } | null)?.holdOnWarnings;
        policy[k] = { failMode: 'closed', holdOnWarnings: hold === true };
        keys.push(k);
        issues.push('gate: unreadable, so the send gate runs closed (no sending without a check)');
      }
    }
  }
  return { policy: policy as Partial<Policy>, keys, issues };
}

export type PolicySource = 'default' | 'user' | 'managed';

export interface EffectivePolicy {
  policy: Policy;
  /** Paths an administrator set: a top-level key, or `rules.<category or id>` for one rule setting. */
  locked: string[];
  source: PolicySource;
}

/**
 * The policy in force: the built-in defaults, the user's settings over them, the administrator's over
 * both. Managed top-level keys replace the user's, except `rules`, which merges rule by rule so an
 * administrator can lock one rule and leave the rest to the owner.
 */
export function composeEffectivePolicy(
  user: Policy | undefined,
  managed: Partial<Policy> | undefined,
): EffectivePolicy {
  const locked: string[] = [];
  const merged: Policy = { version: 1, ...user };
  const managedKeys = managed ? POLICY_KEYS.filter((k) => managed[k] !== undefined) : [];
  for (const k of managedKeys) {
    if (k === 'rules') {
      merged.rules = { ...merged.rules, ...managed?.rules };
      for (const id of Object.keys(managed?.rules ?? {})) locked.push(`rules.${id}`);
    } else {
      (merged as Record<string, unknown>)[k] = managed?.[k];
      locked.push(k);
    }
  }
  const safe = withoutUnsafePatterns(merged);
  const source: PolicySource = managedKeys.length > 0 ? 'managed' : user ? 'user' : 'default';
  return { policy: withDefaults(safe), locked, source };
}

/** Whether a path is locked by the administrator (a key, or a rule under a locked `rules` entry). */
export function isLocked(locked: readonly string[], path: string): boolean {
  return locked.some((l) => path === l || path.startsWith(`${l}.`));
}

// ---- custom patterns ----

export type { PatternVerdict };

/**
 * A pattern is accepted only if it cannot backtrack catastrophically on some input: the one deterministic
 * check (pattern-safety.ts), decided once per pattern and looked up afterwards.
 */
export function checkPattern(pattern: string): PatternVerdict {
  return patternVerdict(pattern);
}

function withoutUnsafePatterns(policy: Policy): Policy {
  if (!policy.customRules?.some((r) => r.pattern !== undefined)) return policy;
  return {
    ...policy,
    customRules: policy.customRules.filter((r) => r.pattern === undefined || checkPattern(r.pattern).safe),
  };
}

export type PolicyValidation = { ok: true; policy: Policy } | { ok: false; issues: string[] };

/** What saving accepts: the policy schema, then every custom pattern's safety, each problem by path. */
export function validateUserPolicy(input: unknown): PolicyValidation {
  const parsed = parsePolicy(input);
  if (!parsed.ok) return parsed;
  const issues: string[] = [];
  parsed.policy.customRules?.forEach((rule, i) => {
    if (rule.pattern === undefined) return;
    const verdict = checkPattern(rule.pattern);
    if (!verdict.safe) issues.push(`customRules[${i}].pattern: ${verdict.reason}`);
  });
  return issues.length > 0 ? { ok: false, issues } : parsed;
}

/** Drops the keys an administrator locked: what a user may save is everything else. */
export function stripLocked(policy: Policy, locked: readonly string[]): Policy {
  const out: Record<string, unknown> = { ...policy };
  for (const path of locked) {
    if (path.startsWith('rules.')) {
      const id = path.slice('rules.'.length);
      if (policy.rules && id in policy.rules) {
        const { [id]: _dropped, ...rest } = (out.rules ?? {}) as Record<string, unknown>;
        out.rules = rest;
      }
    } else delete out[path];
  }
  return out as Policy;
}

// ---- per-rule statistics ----

export interface RuleCounters {
  /** Findings in the final check at send time. */
  findings: number;
  dismissals: number;
}

export interface RuleStats extends RuleCounters {
  held: number;
  overrides: number;
  falsePositives: number;
}

/** Local counters plus what the audit log and the false-positive reports say about each rule. */
export function ruleStats(
  counters: Record<string, RuleCounters>,
  audit: readonly AuditEntry[],
  reports: readonly StoredFalsePositiveReport[],
): Record<string, RuleStats> {
  const out: Record<string, RuleStats> = {};
  const get = (id: string): RuleStats => {
    out[id] ??= { findings: 0, dismissals: 0, held: 0, overrides: 0, falsePositives: 0 };
    return out[id];
  };
  for (const [id, c] of Object.entries(counters)) {
    const s = get(id);
    s.findings += c.findings;
    s.dismissals += c.dismissals;
  }
  for (const entry of audit) {
    if (entry.decision === 'sent-unchecked') continue;
    for (const id of entry.ruleIds) {
      const s = get(id);
      s.held += 1;
      if (entry.decision === 'sent-anyway') s.overrides += 1;
    }
  }
  for (const r of reports) get(r.ruleId).falsePositives += 1;
  return out;
}
