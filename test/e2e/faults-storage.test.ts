// Storage faults in real Chromium: settings that cannot be read (damaged, from another version) and a
// full storage never crash a check or lose a decision silently; each shows a notice on the options page
// and in the popup.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addRecipient,
  type Browser,
  bodyOf,
  clickSend,
  gmailNewMessages,
  launchBrowser,
  openGmail,
  routeMailHosts,
  sentLog,
  typeInto,
  waitForSends,
} from './harness.ts';
import { extensionPage, stopWorker } from './worker-control.ts';

const root = new URL('../..', import.meta.url).pathname;
const SLOW = { timeout: 20_000 };
/** chrome.storage.local's quota without the unlimitedStorage permission (Preflight does not ask for it). */
const LOCAL_QUOTA = 10 * 1024 * 1024;

let browser: Browser;
let ext: Page;

type StorageArea = {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  clear(): Promise<void>;
  getBytesInUse(keys?: string | string[] | null): Promise<number>;
};
type ChromeGlobals = {
  chrome: {
    storage: { local: StorageArea; sync: StorageArea };
    runtime: { sendMessage(m: unknown): Promise<unknown> };
  };
};

beforeAll(async () => {
  browser = await launchBrowser({ extensionDir: join(root, 'dist/chrome') });
  await routeMailHosts(browser.context, { csp: 'gmail-strict' });
  ext = await extensionPage(browser);
});
afterAll(async () => {
  await browser?.close();
});

async function clearStorage(): Promise<void> {
  await ext.evaluate(async () => {
    const { storage } = (globalThis as unknown as ChromeGlobals).chrome;
    await storage.local.clear();
    await storage.sync.clear();
  });
}

async function openOptions(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
  await page.locator('[data-preflight-options][data-ready="true"]').waitFor({ timeout: 15_000 });
  return page;
}

/** The status chip Preflight drew for this compose window. */
async function chipOf(page: Page, compose: Locator): Promise<Locator> {
  const id = await compose.locator('input[name="composeid"]').inputValue();
  return page.locator(`[data-preflight-root][data-compose-id="${id}"] [data-preflight-chip]`);
}

describe('stored settings that cannot be read', () => {
  it('are set aside with a notice in the options page and the popup; composes are checked with the defaults', async () => {
    await clearStorage();
    // Damage of every kind, written from an extension page as a bad update or a disk error would leave it.
    await ext.evaluate(async () => {
      const { storage } = (globalThis as unknown as ChromeGlobals).chrome;
      await storage.sync.set({
        'policy.gate': 'closed!!',
        'policy.rules': { 'placeholder/template-field': 7 },
      });
      await storage.local.set({ policy: '{"version":1,"accounts":[{', 'policy.humanReview': [1, 2] });
    });
    // A fresh start of the worker reads them, as after a browser restart.
    await stopWorker(browser);

    const options = await openOptions();
    const notice = options.locator('[data-preflight-notice="settings-reset"]');
    await expect.poll(() => notice.count(), SLOW).toBe(1);
    expect(await notice.getAttribute('role')).toBe('status');
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('could not be read');
    expect(text).toContain('corrupt-backup');
    expect(
      await options.locator('[data-preflight-policy-source]').getAttribute('data-preflight-policy-source'),
    ).toBe('default');

    // Nothing was destroyed: every damaged value is kept aside, and gone from where it was read.
    const stored = await ext.evaluate(async () => {
      const { storage } = (globalThis as unknown as ChromeGlobals).chrome;
      return { local: await storage.local.get(null), sync: await storage.sync.get(null) };
    });
    const backup = stored.local['corrupt-backup'] as { key: string; area: string; value: unknown }[];
    expect(backup.map((b) => `${b.area}:${b.key}`).sort()).toEqual([
      'local:policy',
      'local:policy.humanReview',
      'sync:policy.gate',
      'sync:policy.rules',
    ]);
    expect(backup.find((b) => b.key === 'policy')?.value).toBe('{"version":1,"accounts":[{');
    expect(Object.keys(stored.sync)).toEqual([]);
    expect(stored.local.policy).toBeUndefined();

    // The options page hands the set-aside values over as a file, each with where it was and why.
    const [file] = await Promise.all([
      options.waitForEvent('download'),
      options.locator('[data-preflight-notice-download="settings-reset"]').click(),
    ]);
    expect(file.suggestedFilename()).toBe('preflight-set-aside-settings.json');
    const downloaded = JSON.parse(await readFile((await file.path()) as string, 'utf8')) as {
      setAside: { area: string; key: string; value: unknown; reason: string }[];
    };
    expect(downloaded.setAside.map((b) => `${b.area}:${b.key}`).sort()).toEqual([
      'local:policy',
      'local:policy.humanReview',
      'sync:policy.gate',
      'sync:policy.rules',
    ]);
    expect(downloaded.setAside.find((b) => b.key === 'policy.gate')).toMatchObject({
      value: 'closed!!',
      reason: expect.stringContaining('gate'),
    });

    // A compose is still checked, with the built-in policy: the template field blocks.
    const gmail = await openGmail(browser.context);
    const compose = gmailNewMessages(gmail).first();
    await typeInto(gmail, bodyOf(compose, 'gmail'), 'Hi [Customer Name],\nThe rollout starts Monday.');
    const chip = await chipOf(gmail, compose);
    await expect.poll(() => chip.getAttribute('data-state'), SLOW).toBe('result');
    await expect.poll(async () => Number(await chip.getAttribute('data-blocking')), SLOW).toBe(1);

    // The popup says it too, and dismissing it (there or on the options page) removes it everywhere.
    const tabId = await ext.evaluate(async () => {
      const c = (
        globalThis as unknown as { chrome: { tabs: { query(q: unknown): Promise<{ id: number }[]> } } }
      ).chrome;
      return (await c.tabs.query({ url: 'https://mail.google.com/*' }))[0]?.id;
    });
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html?tab=${tabId}`);
    const popupNotice = popup.locator('[data-preflight-notice="settings-reset"]');
    await expect.poll(() => popupNotice.count(), SLOW).toBe(1);
    await popup.locator('[data-preflight-notice-dismiss="settings-reset"]').click();
    await expect.poll(() => popupNotice.count(), SLOW).toBe(0);
    await expect.poll(() => notice.count(), SLOW).toBe(0);
    await popup.close();
    await gmail.close();
    await options.close();
  });

  it('migrates settings saved in the legacy shape (no version) and says so', async () => {
    await clearStorage();
    await ext.evaluate(async () => {
      const { storage } = (globalThis as unknown as ChromeGlobals).chrome;
      await storage.local.set({ policy: { humanReview: { marker: 'Awaiting sign-off' } } });
    });
    await stopWorker(browser);
    const options = await openOptions();
    const notice = options.locator('[data-preflight-notice="settings-migrated"]');
    await expect.poll(() => notice.count(), SLOW).toBe(1);
    const policy = (await ext.evaluate(() =>
      (globalThis as unknown as ChromeGlobals).chrome.runtime.sendMessage({ kind: 'policy-get' }),
    )) as { user: unknown; source: string };
    expect(policy.source).toBe('user');
    expect(policy.user).toEqual({ version: 1, humanReview: { marker: 'Awaiting sign-off' } });
    const stored = await ext.evaluate(() =>
      (globalThis as unknown as ChromeGlobals).chrome.storage.sync.get('policy.humanReview'),
    );
    expect(stored['policy.humanReview']).toEqual({ marker: 'Awaiting sign-off' });
    await options.close();
  });
});

describe('storage full', () => {
  it('storage.local full: a send the person chose still goes out, the audit log makes room and says so', async () => {
    await clearStorage();
    const entry = (i: number) => ({
      site: 'gmail',
      via: 'click',
      decision: 'cancelled',
      ruleIds: ['placeholder/template-field'],
      recipientDomains: ['contoso-health.example'],
      bodySha256: 'b'.repeat(64),
      justification: `older decision ${i}`,
    });
    for (let i = 0; i < 6; i++) {
      await ext.evaluate(
        (e) =>
          (globalThis as unknown as ChromeGlobals).chrome.runtime.sendMessage({
            kind: 'audit-append',
            entry: e,
          }),
        entry(i),
      );
    }
    // Fill storage.local up to a few bytes below its quota.
    const left = await ext.evaluate(async (quota) => {
      const { local } = (globalThis as unknown as ChromeGlobals).chrome.storage;
      const used = await local.getBytesInUse(null);
      await local.set({ filler: 'x'.repeat(quota - used - 'filler'.length - 2 - 20) });
      try {
        await local.set({ probe: 'y'.repeat(40) });
        return 'not full';
      } catch (error) {
        return (error as Error).message;
      }
    }, LOCAL_QUOTA);
    // Chromium's wording: `Resource::kQuotaBytes quota exceeded` (its documentation says QUOTA_BYTES).
    expect(left).toMatch(/quota exceeded/i);

    const gmail = await openGmail(browser.context);
    const compose = gmailNewMessages(gmail).first();
    await addRecipient(gmail, compose, 'to', 'dana@contoso-health.example');
    await typeInto(gmail, bodyOf(compose, 'gmail'), 'Hi [Customer Name], the plan is attached.');
    await clickSend(gmail, compose);
    const dialog = gmail.locator('[data-preflight-dialog]');
    await expect.poll(() => dialog.getAttribute('data-preflight-dialog'), SLOW).toBe('held');
    await gmail.locator('[data-preflight-justification]').fill('Template agreed with the customer');
    await gmail.locator('[data-preflight-action="send-anyway"]').click();
    await waitForSends(gmail, 1, 15_000);
    expect(await sentLog(gmail)).toHaveLength(1);

    await expect
      .poll(async () => {
        const answer = (await ext.evaluate(() =>
          (globalThis as unknown as ChromeGlobals).chrome.runtime.sendMessage({ kind: 'audit-list' }),
        )) as { entries: { decision: string; justification?: string }[] };
        return answer.entries.at(-1)?.justification;
      }, SLOW)
      .toBe('Template agreed with the customer');
    const log = (await ext.evaluate(() =>
      (globalThis as unknown as ChromeGlobals).chrome.runtime.sendMessage({ kind: 'audit-list' }),
    )) as { entries: { decision: string; justification?: string }[] };
    // Six older entries and the new one did not fit: some of the oldest made room, the newest stayed.
    expect(log.entries.length).toBeLessThan(7);
    expect(log.entries.at(-1)?.decision).toBe('sent-anyway');

    const options = await openOptions();
    const notice = options.locator('[data-preflight-notice="audit-pruned"]');
    await expect.poll(() => notice.count(), SLOW).toBe(1);
    expect(await notice.textContent()).toMatch(/oldest audit log entries were removed/);
    // No "could not write this decision" toast in the tab: it was written.
    expect(await gmail.locator('[data-preflight-root]').filter({ hasText: 'could not write' }).count()).toBe(
      0,
    );
    await options.close();
    await gmail.close();
    await clearStorage();
  });

  it('storage.local full: saving from the options page changes nothing, says why, and keeps what was typed', async () => {
    await clearStorage();
    const saved = (await ext.evaluate(
      (policy) =>
        (globalThis as unknown as ChromeGlobals).chrome.runtime.sendMessage({ kind: 'policy-save', policy }),
      { version: 1, accounts: [{ id: 'acme', name: 'Acme Robotics', domains: ['acme.example'] }] },
    )) as { saved: boolean };
    expect(saved.saved).toBe(true);
    await ext.evaluate(async (quota) => {
      const { local } = (globalThis as unknown as ChromeGlobals).chrome.storage;
      const used = await local.getBytesInUse(null);
      await local.set({ filler: 'x'.repeat(quota - used - 'filler'.length - 2 - 20) });
    }, LOCAL_QUOTA);

    const options = await openOptions();
    const field = (name: string) => options.locator(`[data-preflight-account-field="${name}"]`);
    await field('id').fill('globex');
    await field('name').fill('Globex Corporation');
    await field('domains').fill('globex.example');
    await options.locator('[data-preflight-account-save]').click();
    const issues = options.locator('[data-preflight-issues="accounts"]');
    await expect.poll(() => issues.count(), SLOW).toBe(1);
    expect(await issues.textContent()).toMatch(
      /Nothing was saved: the browser's storage for Preflight is full/,
    );
    expect(await issues.getAttribute('role')).toBe('alert');
    // What the person typed is still there, and the settings in force are the old ones.
    expect(await field('name').inputValue()).toBe('Globex Corporation');
    expect(await field('domains').inputValue()).toBe('globex.example');
    const policy = (await ext.evaluate(() =>
      (globalThis as unknown as ChromeGlobals).chrome.runtime.sendMessage({ kind: 'policy-get' }),
    )) as { user: { accounts?: { id: string }[] } };
    expect(policy.user.accounts?.map((a) => a.id)).toEqual(['acme']);

    // With room again, the same form saves.
    await ext.evaluate(() => (globalThis as unknown as ChromeGlobals).chrome.storage.local.remove('filler'));
    await options.locator('[data-preflight-account-save]').click();
    await expect
      .poll(() => options.locator('[data-preflight-accounts-status]').textContent(), SLOW)
      .toBe('Saved Globex Corporation.');
    expect(await issues.count()).toBe(0);
    await options.close();
    await clearStorage();
  });

  it('storage.sync full: a save from the options page is kept on this browser, in force, with a notice', async () => {
    await clearStorage();
    // Fill storage.sync (100 KB, 8 KB an item) nearly to the top, as other settings of this profile could.
    await ext.evaluate(async () => {
      const { sync } = (globalThis as unknown as ChromeGlobals).chrome.storage;
      const items: Record<string, string> = {};
      for (let i = 0; i < 12; i++) items[`other-${i}`] = 'z'.repeat(8_000);
      await sync.set(items);
      const used = await sync.getBytesInUse(null);
      await sync.set({ last: 'z'.repeat(Math.max(0, 102_400 - used - 'last'.length - 2 - 10)) });
    });
    const options = await openOptions();
    await options.locator('[data-preflight-rule-severity="placeholder/template-field"]').selectOption('warn');
    const notice = options.locator('[data-preflight-notice="sync-fallback"]');
    await expect.poll(() => notice.count(), SLOW).toBe(1);
    expect(await notice.textContent()).toMatch(
      /saved on this browser only: browser sync refused them \(browser sync's storage is full .*quota exceeded/i,
    );
    const policy = (await ext.evaluate(() =>
      (globalThis as unknown as ChromeGlobals).chrome.runtime.sendMessage({ kind: 'policy-get' }),
    )) as { user: { rules?: Record<string, { severity?: string }> } };
    expect(policy.user.rules?.['placeholder/template-field']?.severity).toBe('warn');
    const local = await ext.evaluate(() =>
      (globalThis as unknown as ChromeGlobals).chrome.storage.local.get('policy.rules'),
    );
    expect(local['policy.rules']).toBeDefined();
    await options.close();
    await clearStorage();
  });

  it('storage.sync past its write rate: the save is kept on this browser, in force, with a notice', async () => {
    await clearStorage();
    // storage.sync allows 120 writes a minute; spend them as a burst of other changes would.
    const refused = await ext.evaluate(async () => {
      const { sync } = (globalThis as unknown as ChromeGlobals).chrome.storage;
      for (let i = 0; i < 200; i++) {
        try {
          await sync.set({ burst: i });
        } catch (error) {
          return (error as Error).message;
        }
      }
      return 'never refused';
    });
    expect(refused).toMatch(/MaxWriteOperationsPerMinute|MAX_WRITE_OPERATIONS_PER_MINUTE/i);
    const options = await openOptions();
    await options.locator('[data-preflight-rule-severity="placeholder/template-field"]').selectOption('warn');
    const notice = options.locator('[data-preflight-notice="sync-fallback"]');
    await expect.poll(() => notice.count(), SLOW).toBe(1);
    expect(await notice.textContent()).toMatch(/too many changes in a short time/);
    const policy = (await ext.evaluate(() =>
      (globalThis as unknown as ChromeGlobals).chrome.runtime.sendMessage({ kind: 'policy-get' }),
    )) as { user: { rules?: Record<string, { severity?: string }> } };
    expect(policy.user.rules?.['placeholder/template-field']?.severity).toBe('warn');
    await options.close();
    await clearStorage();
  });
});
