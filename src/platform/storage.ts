// The only module (with client.ts) that touches the extension API for storage.
import browser from 'webextension-polyfill';
import { type Policy, parsePolicy } from '../engine/index.ts';

export const POLICY_KEY = 'policy';

/** The saved policy, or nothing when none is saved or the saved one no longer validates. */
export async function loadSavedPolicy(): Promise<Policy | undefined> {
  const stored = await browser.storage.local.get(POLICY_KEY);
  const raw = stored[POLICY_KEY];
  if (raw === undefined) return undefined;
  const parsed = parsePolicy(raw);
  return parsed.ok ? parsed.policy : undefined;
}
