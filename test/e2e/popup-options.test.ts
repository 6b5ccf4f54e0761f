// The options page and the popup in real Chromium: settings reach an open compose without a reload, bad
// input is refused with its paths, and the popup shows the compose's findings and scorecard.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  gmailComposes,
  launchBrowser,
  openGmail,
  openPlainPage,
  routeMailHosts,
  screenshot,
  typeInto,
} from './harness.ts';

const root = new URL('../..', import.meta.url).pathname;
const DIST = join(root, 'dist/chrome');

let browser: Browser;
type Chrome = {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    tabs: { query(q: unknown): Promise<{ id: number; url?: string }[]> };
  };
};

beforeAll(async () => {
  browser = await launchBrowser({ extensionDir: DIST });
  await routeMailHosts(browser.context, { csp: 'gmail-strict' });
});
afterAll(async () => {
  await browser?.close();
});

async function openOptions(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
  await page.locator('[data-preflight-options][data-ready="true"]').waitFor({ timeout: 10_000 });
  return page;
}

async function resetPolicy(page: Page) {
  await page.evaluate(() =>
    (globalThis as unknown as Chrome).chrome.runtime.sendMessage({ kind: 'policy-reset' }),
  );
}

async function userPolicy(page: Page): Promise<unknown> {
  const answer = (await page.evaluate(() =>
    (globalThis as unknown as Chrome).chrome.runtime.sendMessage({ kind: 'policy-get' }),
  )) as { user: unknown };
  return answer.user;
}

const chip = (page: Page) => page.locator('[data-preflight-root] [data-preflight-chip]').first();
const count = async (page: Page, attr: 'data-blocking' | 'data-warnings') =>
  Number(await chip(page).getAttribute(attr));

async function composeWith(text: string): Promise<Page> {
  const page = await openGmail(browser.context);
  const compose = gmailComposes(page).first();
  await typeInto(page, compose.locator('[g_editable="true"]'), text);
  await expect.poll(() => chip(page).getAttribute('data-state'), { timeout: 10_000 }).toBe('result');
  return page;
}

describe('options page', () => {
  it('changes a rule severity and an open Gmail compose checks again without a reload', async () => {
    const options = await openOptions();
    await resetPolicy(options);
    const gmail = await composeWith('Hi Dana,\nPlease review the plan for [Customer Name] today.\nBest, Sam');
    await expect.poll(() => count(gmail, 'data-blocking'), { timeout: 10_000 }).toBeGreaterThan(0);
    const blocking = await count(gmail, 'data-blocking');
    const warnings = await count(gmail, 'data-warnings');
    await options.reload();
    await options.locator('[data-preflight-options][data-ready="true"]').waitFor();
    await options.locator('[data-preflight-rule-severity="placeholder/template-field"]').selectOption('warn');
    await expect
      .poll(() =>
        options.locator('[data-rule-row="placeholder/template-field"]').getAttribute('data-severity'),
      )
      .toBe('warn');
    await expect.poll(() => count(gmail, 'data-blocking'), { timeout: 10_000 }).toBe(blocking - 1);
    expect(await count(gmail, 'data-warnings')).toBe(warnings + 1);
    // Off: its underline goes too.
    await options.locator('[data-preflight-rule-toggle="placeholder/template-field"]').uncheck();
    await expect
      .poll(() => gmail.locator('[data-preflight-finding="placeholder/template-field"]').count(), {
        timeout: 10_000,
      })
      .toBe(0);
    await options.locator('#rules').scrollIntoViewIfNeeded();
    await screenshot(options, 'options-rules');
    await resetPolicy(options);
    await gmail.close();
    await options.close();
  });

  it('refuses an invalid policy file with every problem by path and keeps the saved policy', async () => {
    const options = await openOptions();
    await resetPolicy(options);
    await options.evaluate(() =>
      (globalThis as unknown as Chrome).chrome.runtime.sendMessage({
        kind: 'policy-save',
        policy: { version: 1, humanReview: { marker: 'Needs review' } },
      }),
    );
    const before = await userPolicy(options);
    const bad = {
      version: 1,
      accounts: [{ id: 'a', name: 'Acme', domains: ['not a domain'] }],
      sla: { responseHours: { '1': -1, '2': 4, '3': 24, '4': 72 } },
    };
    await options.locator('[data-preflight-policy-file]').setInputFiles({
      name: 'bad-policy.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    const issues = options.locator('[data-preflight-issues="policy-import"]');
    await expect.poll(() => issues.textContent()).toContain('accounts[0].domains[0]');
    expect(await issues.textContent()).toContain('sla.responseHours.1');
    expect(await userPolicy(options)).toEqual(before);
    await resetPolicy(options);
    await options.close();
  });

  it('imports 2,000 accounts from a CSV with a bad row, listing its error, and the directory is enforced', async () => {
    const options = await openOptions();
    await resetPolicy(options);
    const rows = ['id,name,aliases,domains,contacts'];
    for (let i = 0; i < 2000; i++) {
      const n = String(i).padStart(4, '0');
      rows.push(`acct-${n},Account ${n} Holdings,Acme${n},acct${n}.example,`);
    }
    rows.push('bad-1,Broken Row,,not a domain,');
    await options.locator('[data-preflight-csv-file]').setInputFiles({
      name: 'accounts.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(rows.join('\n')),
    });
    const preview = options.locator('[data-preflight-csv-preview]');
    await expect.poll(() => preview.getAttribute('data-good'), { timeout: 10_000 }).toBe('2000');
    expect(await options.locator('[data-preflight-csv-errors]').textContent()).toContain(
      'row 2002: domains[0]: not a domain',
    );
    await options.locator('[data-preflight-csv-import]').click();
    await expect
      .poll(() => options.locator('[data-preflight-accounts]').getAttribute('data-count'), {
        timeout: 15_000,
      })
      .toBe('2000');
    // Only one page of rows is drawn.
    expect(await options.locator('[data-preflight-accounts] tbody tr').count()).toBe(50);
    await options.locator('[data-preflight-accounts-search]').fill('acct1234');
    await expect.poll(() => options.locator('[data-preflight-accounts] tbody tr').count()).toBe(1);

    const gmail = await openGmail(browser.context);
    const compose = gmailComposes(gmail).first();
    await typeInto(
      gmail,
      compose.locator('[g_editable="true"]'),
      'Hi Dana,\nAccount 0042 Holdings saw the same results last quarter.\nBest, Sam',
    );
    await expect
      .poll(() => gmail.locator('[data-preflight-finding^="cross-account/"]').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await resetPolicy(options);
    await gmail.close();
    await options.close();
  });

  it('adds a custom phrase rule that flags text in a compose', async () => {
    const options = await openOptions();
    await resetPolicy(options);
    await options.locator('[data-preflight-custom="id"]').fill('code-names');
    await options.locator('[data-preflight-custom="severity"]').selectOption('block');
    await options.locator('[data-preflight-custom="message"]').fill('Internal code name: do not share');
    await options.locator('[data-preflight-custom="phrases"]').fill('Project Falcon');
    await options.locator('[data-preflight-custom="add"]').click();
    await options.locator('[data-custom-rule="code-names"]').waitFor({ timeout: 10_000 });
    const gmail = await composeWith('Hi Dana,\nProject Falcon ships next quarter as planned.\nBest, Sam');
    await expect
      .poll(() => gmail.locator('[data-preflight-finding="custom/code-names"]').count(), { timeout: 10_000 })
      .toBe(1);
    await resetPolicy(options);
    await gmail.close();
    await options.close();
  });

  it('refuses a pattern that can backtrack catastrophically, with the reason', async () => {
    const options = await openOptions();
    await options.locator('[data-preflight-custom="mode-pattern"]').check();
    await options.locator('[data-preflight-custom="pattern"]').fill('(\\w+\\s?)*$');
    const verdict = options.locator('[data-preflight-pattern-verdict]');
    await expect.poll(() => verdict.getAttribute('data-preflight-pattern-verdict')).toBe('unsafe');
    expect(await verdict.textContent()).toMatch(/catastrophic backtracking/);
    await options.locator('[data-preflight-custom="id"]').fill('greedy');
    await options.locator('[data-preflight-custom="message"]').fill('m');
    expect(await options.locator('[data-preflight-custom="add"]').isDisabled()).toBe(true);
    await options.locator('[data-preflight-custom="pattern"]').fill('TCK-\\d{4}');
    await expect.poll(() => verdict.getAttribute('data-preflight-pattern-verdict')).toBe('safe');
    expect(await options.locator('[data-preflight-custom="add"]').isDisabled()).toBe(false);
    await options.close();
  });

  it('shows findings and the scorecard for pasted text in the try-it box', async () => {
    const options = await openOptions();
    await options
      .locator('[data-preflight-try-body]')
      .fill('Dear valued customer,\nWe guarantee 100% uptime.\nThanks');
    const result = options.locator('[data-preflight-try-result="ready"]');
    await result.waitFor({ timeout: 10_000 });
    await expect.poll(() => result.locator('li[data-rule^="overcommitment/"]').count()).toBeGreaterThan(0);
    expect(await result.locator('[data-row="accuracy"]').getAttribute('data-score')).toBe('fail');
    await options.close();
  });
});

describe('popup', () => {
  async function openPopupFor(tabUrlPattern: string): Promise<Page> {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
    const tabs = await popup.evaluate(
      (url) => (globalThis as unknown as Chrome).chrome.tabs.query({ url }),
      tabUrlPattern,
    );
    const id = tabs[0]?.id;
    expect(id).toBeTypeOf('number');
    await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html?tab=${id}`);
    await popup.setViewportSize({ width: 420, height: 760 });
    return popup;
  }

  it('lists the findings of the compose in the mail tab, blocking first, and its scorecard', async () => {
    const gmail = await composeWith('Hi Dana,\nWe guarantee 100% uptime for [Customer Name].\nBest, Sam');
    const popup = await openPopupFor('https://mail.google.com/*');
    const state = popup.locator('[data-preflight-popup-state]');
    await expect
      .poll(() => state.getAttribute('data-preflight-popup-state'), { timeout: 10_000 })
      .toBe('composes');
    const findings = popup.locator('[data-preflight-popup-compose] li[data-rule]');
    await expect.poll(() => findings.count()).toBeGreaterThan(1);
    expect(await findings.first().getAttribute('data-severity')).toBe('block');
    const card = popup
      .locator('[data-preflight-popup-compose]')
      .first()
      .locator('[data-preflight-scorecard] tr');
    expect(await card.count()).toBe(5);
    expect(await popup.locator('[data-row="accuracy"]').first().getAttribute('data-score')).toBe('fail');
    await screenshot(popup, 'popup-findings');
    // "Go to" opens that finding's card in the compose.
    await findings.first().locator('[data-preflight-popup-action="go-to"]').click();
    await expect
      .poll(() => gmail.locator('[data-preflight-root] [data-preflight-card]').count(), { timeout: 5_000 })
      .toBe(1);
    await popup.close();
    await gmail.close();
  });

  it('says plainly when the tab is not a mail page', async () => {
    const plain = await openPlainPage(browser.context);
    await plain.bringToFront();
    // No ?tab=: opened in a tab of its own, the popup page looks at the tab used just before it.
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
    await expect
      .poll(() => popup.locator('[data-preflight-popup-state]').getAttribute('data-preflight-popup-state'), {
        timeout: 10_000,
      })
      .toBe('not-mail');
    await popup.close();
    await plain.close();
  });
});
