// Stored settings that cannot be read as they are: what is kept, what is migrated, what is set aside (never
// destroyed) and what the person is told. Pure: src/platform/storage.ts applies the verdict.
import { formatPath } from '../../engine/policy-path.ts';
import { parsePolicy } from '../../engine/policy.ts';
import { type Policy, PolicySchema } from '../../engine/schemas/policy.ts';
import { itemKey, POLICY_KEY_LEGACY, POLICY_KEYS, type PolicyKey } from './storage-plan.ts';

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
