// Scale in real Chromium: a policy of 10,000 accounts imported through the options page, and a 1 MB email
// in the Gmail compose. Both are checked completely, the page stays responsive, and Send is decided.
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
import { extensionPage } from './worker-control.ts';

const root = new URL('../..', import.meta.url).pathname;
const SLOW = { timeout: 60_000 };

let browser: Browser;
let ext: Page;

type ChromeGlobals = {
  chrome: {
    storage: {
      local: { get(k: string): Promise<Record<string, unknown>>; clear(): Promise<void> };
      sync: { get(k: string | null): Promise<Record<string, unknown>>; clear(): Promise<void> };
    };
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

async function chipOf(page: Page, compose: Locator): Promise<Locator> {
  const id = await compose.locator('input[name="composeid"]').inputValue();
  return page.locator(`[data-preflight-root][data-compose-id="${id}"] [data-preflight-chip]`);
}

// Made-up two-word company names, 100 x 100 of them: all different, none an English word.
const FIRST = ['Bri', 'Cal', 'Dor', 'Fen', 'Gal', 'Har', 'Jas', 'Kel', 'Lom', 'Mar'].flatMap((a) =>
  ['tonel', 'vexa', 'drano', 'lindor', 'morav', 'quisto', 'rizel', 'wicka', 'stovar', 'feldo'].map(
    (b) => a + b,
  ),
);
const SECOND = ['Axi', 'Bel', 'Cor', 'Dyn', 'Eri', 'Fal', 'Gry', 'Hol', 'Ith', 'Jov'].flatMap((a) =>
  ['onar', 'arix', 'umel', 'eltos', 'osen', 'enia', 'iakex', 'exor', 'akum', 'ilva'].map((b) => a + b),
);

function account(i: number) {
  const first = FIRST[i % 100] as string;
  const second = SECOND[Math.floor(i / 100)] as string;
  const slug = `${first}-${second}`.toLowerCase();
  return {
    id: `acct-${String(i + 1).padStart(5, '0')}`,
    name: `${first} ${second}`,
    domains: [`${slug}.example`],
    contacts: [`ops@${slug}.example`],
  };
}

describe('a policy with 10,000 accounts', () => {
  it('imports through the options page, lands in storage.local, and flags a mention of account #9,876', async () => {
    await ext.evaluate(async () => {
      const { storage } = (globalThis as unknown as ChromeGlobals).chrome;
      await storage.local.clear();
      await storage.sync.clear();
    });
    const accounts = Array.from({ length: 10_000 }, (_, i) => account(i));
    expect(new Set(accounts.map((a) => a.name)).size).toBe(10_000);
    const file = JSON.stringify({ version: 1, accounts });

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    await options.locator('[data-preflight-options][data-ready="true"]').waitFor({ timeout: 15_000 });
    await options.locator('[data-preflight-policy-file]').setInputFiles({
      name: 'ten-thousand-accounts.json',
      mimeType: 'application/json',
      buffer: Buffer.from(file),
    });
    const status = options.locator('[data-preflight-policy-status]');
    await expect.poll(() => status.textContent(), SLOW).toContain('Imported ten-thousand-accounts.json');
    expect(await status.textContent()).toContain('10,000 accounts');

    // The account table renders one page of them, and search finds one among the 10,000.
    const table = options.locator('[data-preflight-accounts]');
    await expect.poll(() => table.getAttribute('data-count'), SLOW).toBe('10000');
    expect(await table.locator('tbody tr').count()).toBe(50);
    const target = accounts[9_875] as (typeof accounts)[number];
    await options.locator('[data-preflight-accounts-search]').fill(target.name);
    await expect.poll(() => table.getAttribute('data-count'), SLOW).toBe('1');
    expect(await table.locator(`tbody tr[data-account="${target.id}"]`).count()).toBe(1);

    // Too large for storage.sync (8 KB an item): the directory is in storage.local, as designed.
    const stored = await ext.evaluate(async () => {
      const { storage } = (globalThis as unknown as ChromeGlobals).chrome;
      const local = await storage.local.get('policy.accounts');
      const sync = await storage.sync.get(null);
      return { local: (local['policy.accounts'] as unknown[] | undefined)?.length, sync: Object.keys(sync) };
    });
    expect(stored.local).toBe(10_000);
    expect(stored.sync).not.toContain('policy.accounts');

    // Written to account #1, naming account #9,876: flagged as a cross-account leak.
    const first = accounts[0] as (typeof accounts)[number];
    const gmail = await openGmail(browser.context);
    const compose = gmailNewMessages(gmail).first();
    await addRecipient(gmail, compose, 'to', `ops@${first.domains[0]}`);
    await typeInto(
      gmail,
      bodyOf(compose, 'gmail'),
      `Hi team,\nThe rollout went well at ${target.name} last week, and yours starts Monday.`,
      { caret: 'start' },
    );
    const chip = await chipOf(gmail, compose);
    await expect.poll(() => chip.getAttribute('data-state'), SLOW).toBe('result');
    const finding = gmail.locator('[data-preflight-finding^="cross-account/"]');
    await expect.poll(() => finding.count(), SLOW).toBeGreaterThan(0);
    expect(await finding.first().getAttribute('data-severity')).toBe('block');
    await gmail.close();
    await options.close();
    await ext.evaluate(() =>
      (globalThis as unknown as ChromeGlobals).chrome.runtime.sendMessage({ kind: 'policy-reset' }),
    );
  });
});

describe('a compose with a 1 MB body', () => {
  it('is checked completely while the page keeps running, and Send is decided', async () => {
    const page = await openGmail(browser.context);
    const compose = gmailNewMessages(page).first();
    await addRecipient(page, compose, 'to', 'dana@contoso-health.example');
    const chip = await chipOf(page, compose);
    await expect.poll(() => chip.getAttribute('data-state'), SLOW).toBe('result');
    // A heartbeat in the page's own world: it only advances when the page's thread is free.
    await page.evaluate(() => {
      const w = window as unknown as { __beats: number };
      w.__beats = 0;
      setInterval(() => {
        w.__beats += 1;
      }, 10);
    });
    const beats = () => page.evaluate(() => (window as unknown as { __beats: number }).__beats);

    const paragraph = 'Thanks for the call about the rollout plan and the timeline for next quarter. ';
    const body = `Hi [Customer Name],\n${paragraph.repeat(Math.ceil(1_048_576 / paragraph.length))}`;
    expect(body.length).toBeGreaterThan(1_048_576);
    await bodyOf(compose, 'gmail').evaluate((el, text) => {
      (el as HTMLElement).focus();
      document.execCommand('selectAll');
      document.execCommand('insertText', false, text);
    }, body);

    // While the check is pending, the page's heartbeat keeps advancing: the check does not freeze the tab.
    await expect
      .poll(() => chip.getAttribute('data-state'), { timeout: 10_000, interval: 20 })
      .toBe('checking');
    // Sampled closely until the check leaves 'checking', so a fast machine still gets several samples.
    const samples: { state: string | null; beats: number }[] = [];
    const until = Date.now() + SLOW.timeout;
    for (;;) {
      const state = await chip.getAttribute('data-state');
      samples.push({ state, beats: await beats() });
      if (state !== 'checking' || Date.now() > until) break;
      await page.waitForTimeout(25);
    }
    const pending = samples.filter((s) => s.state === 'checking');
    expect(pending.length).toBeGreaterThanOrEqual(2);
    expect((pending.at(-1) as { beats: number }).beats).toBeGreaterThan(
      (pending[0] as { beats: number }).beats,
    );

    // The check finishes, with the template field found at the top of the 1 MB.
    await expect.poll(() => chip.getAttribute('data-state'), SLOW).toBe('result');
    expect(Number(await chip.getAttribute('data-blocking'))).toBeGreaterThanOrEqual(1);

    // Send: held with that finding (or, on a machine too slow to check it, the could-not-check dialog);
    // never sent unchecked, never hanging.
    await clickSend(page, compose);
    const dialog = page.locator('[data-preflight-dialog]');
    await expect
      .poll(() => dialog.getAttribute('data-preflight-dialog', { timeout: 500 }).catch(() => null), SLOW)
      .toMatch(/^(held|unavailable)$/);
    expect(await sentLog(page)).toHaveLength(0);
    if ((await dialog.getAttribute('data-preflight-dialog')) === 'held') {
      expect(await dialog.locator('[data-preflight-held-finding^="placeholder/"]').count()).toBe(1);
      await page.locator('[data-preflight-justification]').fill('A long status report, on purpose');
      await page.locator('[data-preflight-action="send-anyway"]').click();
    } else {
      await page.locator('[data-preflight-action="send-unchecked"]').click();
    }
    const log = await waitForSends(page, 1, 30_000);
    expect(log[0]?.body.length).toBeGreaterThan(1_000_000);
    await page.close();
  });
});
