// Accessibility of the popup and the options page in real Chromium: axe-core finds no serious or critical
// violation in any state of either page, and every control is reachable by Tab with a visible focus ring.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  gmailComposes,
  launchBrowser,
  openGmail,
  openPlainPage,
  REPO_ROOT,
  routeMailHosts,
  screenshot,
  typeInto,
} from './harness.ts';

const AXE_SOURCE = readFileSync(join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const DIST = join(REPO_ROOT, 'dist/chrome');

let browser: Browser;
type Chrome = {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    tabs: { query(q: unknown): Promise<{ id: number }[]> };
  };
};

beforeAll(async () => {
  browser = await launchBrowser({ extensionDir: DIST });
  await routeMailHosts(browser.context, { csp: 'gmail-strict' });
});
afterAll(async () => {
  await browser?.close();
});
// A page left open by a failed test would be the first mail tab the next popup looks at.
afterEach(async () => {
  for (const page of browser?.context.pages() ?? []) await page.close().catch(() => {});
});

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; html: string; failureSummary?: string }[];
}

/**
 * Runs axe-core on the page. Extension pages forbid inline and injected scripts (strict CSP); evaluating
 * through the DevTools protocol, as page.evaluate does, is not subject to it.
 */
async function axe(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in globalThis);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<unknown> } })
      .axe;
    const result = (await api.run(document, { resultTypes: ['violations'] })) as {
      violations: AxeViolation[];
    };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  });
}

function describeViolations(where: string, violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map(
          (n) =>
            `    at ${JSON.stringify(n.target)}\n      ${n.html.slice(0, 200)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
        )
        .join('\n');
      const more = v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : '';
      return `[${where}] ${v.impact}: ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join('\n');
}

/** Fails on serious or critical violations, listing each readably; lesser ones are printed only. */
async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await axe(page);
  const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = violations.filter((v) => !grave.includes(v));
  if (minor.length > 0) console.log(`axe, below serious:\n${describeViolations(where, minor)}`);
  if (grave.length > 0) console.error(`axe:\n${describeViolations(where, grave)}`);
  expect(grave.map((v) => `${where}: ${v.id} (${v.nodes.length})`)).toEqual([]);
}

async function openOptions(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
  await page.locator('[data-preflight-options][data-ready="true"]').waitFor({ timeout: 10_000 });
  return page;
}

const send = (page: Page, message: unknown) =>
  page.evaluate((m) => (globalThis as unknown as Chrome).chrome.runtime.sendMessage(m), message);

async function openPopup(tabUrlPattern?: string): Promise<Page> {
  const popup = await browser.context.newPage();
  const base = `chrome-extension://${browser.extensionId}/src/popup/index.html`;
  await popup.goto(base);
  if (tabUrlPattern) {
    const tabs = await popup.evaluate(
      (url) => (globalThis as unknown as Chrome).chrome.tabs.query({ url }),
      tabUrlPattern,
    );
    expect(tabs[0]?.id).toBeTypeOf('number');
    await popup.goto(`${base}?tab=${tabs[0]?.id}`);
  }
  await popup.setViewportSize({ width: 420, height: 760 });
  return popup;
}

const popupState = (popup: Page) =>
  popup.locator('[data-preflight-popup-state]').getAttribute('data-preflight-popup-state');

/** Fills every part of the options page that only draws with data: accounts, audit, reports, try-it… */
async function fillOptions(options: Page): Promise<void> {
  await send(options, { kind: 'policy-reset' });
  await send(options, {
    kind: 'policy-save',
    policy: {
      version: 1,
      organization: { name: 'Northwind Labs', internalDomains: ['northwind-labs.example'] },
      accounts: [
        { id: 'contoso', name: 'Contoso Ltd', aliases: ['Contoso'], domains: ['contoso.example'] },
        {
          id: 'fabrikam',
          name: 'Fabrikam',
          domains: ['fabrikam.example'],
          contacts: ['Ana Ruiz <ana@fabrikam.example>'],
        },
      ],
      competitors: [{ name: 'Globex', aliases: ['Globex Corp'] }],
      customRules: [
        { id: 'code-names', category: 'pii', severity: 'block', message: 'Code name', phrases: ['Falcon'] },
      ],
      rules: { 'overcommitment/guarantee': { phrases: { add: ['ironclad promise'], remove: ['guaranty'] } } },
    },
  });
  await send(options, {
    kind: 'audit-append',
    entry: {
      site: 'gmail',
      via: 'click',
      decision: 'sent-anyway',
      ruleIds: ['overcommitment/guarantee'],
      justification: 'Approved by the account director for this renewal.',
      recipientDomains: ['contoso.example'],
      bodySha256: 'a'.repeat(64),
    },
  });
  await send(options, {
    kind: 'report-false-positive',
    report: { ruleId: 'tone/dismissive-language', category: 'tone', excerptLength: 12, site: 'gmail' },
  });
  await options.reload();
  await options.locator('[data-preflight-options][data-ready="true"]').waitFor({ timeout: 10_000 });
  await options.locator('[data-preflight-accounts]').waitFor();
  // Open the phrase editors, show a pattern verdict and a CSV preview with an error, and try-it results.
  for (const summary of await options.locator('[data-preflight-phrases] summary').all())
    await summary.click();
  await options.locator('[data-preflight-custom="mode-pattern"]').check();
  await options.locator('[data-preflight-custom="pattern"]').fill('(a+)+$');
  await options.locator('[data-preflight-pattern-verdict="unsafe"]').waitFor();
  await options.locator('[data-preflight-csv-file]').setInputFiles({
    name: 'accounts.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('id,name,domains\ninitech,Initech,initech.example\nbad,Broken,not a domain\n'),
  });
  await options.locator('[data-preflight-csv-errors]').waitFor();
  await options
    .locator('[data-preflight-try-body]')
    .fill('Dear valued customer,\nWe guarantee 100% uptime. Contoso saw the same.\nThanks');
  await options
    .locator('[data-preflight-try-result="ready"] li[data-rule]')
    .first()
    .waitFor({ timeout: 10_000 });
}

describe('axe-core finds no serious or critical violations', () => {
  it('in the options page, every section filled', async () => {
    const options = await openOptions();
    await fillOptions(options);
    expect(await options.locator('[data-preflight-audit] tbody tr').count()).toBeGreaterThan(0);
    expect(await options.locator('[data-preflight-accounts] tbody tr').count()).toBe(2);
    await expectAccessible(options, 'options');
    // The pages follow the system's colour scheme: the dark one must read as well.
    await options.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(options, 'options, dark');
    await options.locator('#rules').scrollIntoViewIfNeeded();
    await screenshot(options, 'options-dark');
    await options.emulateMedia({ colorScheme: 'light' });
    // A failed import lists its problems; check the page with them shown too.
    await options.locator('[data-preflight-policy-file]').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({ version: 1, accounts: [{ id: 'a', name: 'A', domains: ['nope'] }] }),
      ),
    });
    await options.locator('[data-preflight-issues="policy-import"]').waitFor();
    await expectAccessible(options, 'options, failed import');
    await send(options, { kind: 'policy-reset' });
    await options.close();
  });

  it('in the popup: findings shown, no compose open, not a mail page', async () => {
    const gmail = await openGmail(browser.context);
    const compose = gmailComposes(gmail).first();
    await typeInto(
      gmail,
      compose.locator('[g_editable="true"]'),
      'Hi Dana,\nWe guarantee 100% uptime for [Customer Name].\nBest, Sam',
    );
    await gmail
      .locator('[data-preflight-root] [data-preflight-chip][data-state="result"]')
      .first()
      .waitFor({ timeout: 10_000 });

    const withFindings = await openPopup('https://mail.google.com/*');
    await expect.poll(() => popupState(withFindings), { timeout: 10_000 }).toBe('composes');
    await withFindings.locator('[data-preflight-popup-compose] li[data-rule]').first().waitFor();
    await withFindings.locator('[data-preflight-status="ready"]').waitFor();
    await expectAccessible(withFindings, 'popup, findings');
    await withFindings.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(withFindings, 'popup, findings, dark');
    await screenshot(withFindings, 'popup-dark');
    await withFindings.close();

    // The compose discarded: the mail page has none open.
    // The fixture has a new message and an inline reply: discard both.
    for (let i = 0; i < 5 && (await gmailComposes(gmail).count()) > 0; i++) {
      await gmailComposes(gmail).first().locator('.gU .oh').click();
    }
    await expect.poll(() => gmailComposes(gmail).count()).toBe(0);
    const noCompose = await openPopup('https://mail.google.com/*');
    await expect.poll(() => popupState(noCompose), { timeout: 10_000 }).toBe('no-compose');
    await noCompose.locator('[data-preflight-status="ready"]').waitFor();
    await expectAccessible(noCompose, 'popup, no compose');
    await noCompose.close();
    await gmail.close();

    const plain = await openPlainPage(browser.context);
    await plain.bringToFront();
    // No ?tab=: opened in a tab of its own, the popup page looks at the tab used just before it.
    const notMail = await openPopup();
    await expect.poll(() => popupState(notMail), { timeout: 10_000 }).toBe('not-mail');
    await notMail.locator('[data-preflight-status="ready"]').waitFor();
    await expectAccessible(notMail, 'popup, not a mail page');
    await notMail.close();
    await plain.close();
  });
});

interface Reached {
  total: number;
  missing: string[];
  noRing: string[];
}

/**
 * Presses Tab until focus comes back round, and checks that every enabled, visible control was focused
 * and drew a focus indicator (its outline or box-shadow differs from its unfocused style).
 */
async function tabThrough(page: Page, maxPresses = 1500): Promise<Reached> {
  await page.evaluate(() => {
    const sel =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    let n = 0;
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      const disabled = (el as HTMLInputElement).disabled || el.closest('fieldset:disabled') !== null;
      const hidden = el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden';
      const closedDetails = el.closest('details:not([open])') && el.tagName !== 'SUMMARY';
      if (disabled || hidden || closedDetails) continue;
      el.dataset.kb = String(n++);
      const s = getComputedStyle(el);
      el.dataset.kbRest = `${s.outlineStyle}|${s.outlineWidth}|${s.boxShadow}`;
    }
    (document.activeElement as HTMLElement | null)?.blur();
  });
  const seen = new Map<string, boolean>();
  let first: string | undefined;
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body || el.dataset.kb === undefined) return null;
      const s = getComputedStyle(el);
      const ring =
        (s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) > 0) ||
        `${s.outlineStyle}|${s.outlineWidth}|${s.boxShadow}` !== el.dataset.kbRest;
      return { kb: el.dataset.kb, ring };
    });
    if (!at) continue;
    if (at.kb === first) break;
    first ??= at.kb;
    seen.set(at.kb, at.ring);
  }
  return page.evaluate(
    (entries) => {
      const reached = new Map(entries);
      const missing: string[] = [];
      const noRing: string[] = [];
      const describe = (el: HTMLElement) =>
        `${el.outerHTML.slice(0, 140)}${el.getAttribute('aria-label') ? ` (${el.getAttribute('aria-label')})` : ''}`;
      const all = [...document.querySelectorAll<HTMLElement>('[data-kb]')];
      for (const el of all) {
        const kb = el.dataset.kb as string;
        if (!reached.has(kb)) {
          // Radio buttons are one Tab stop a group: the group counts when one of them was reached.
          const radio = el as HTMLInputElement;
          const group =
            radio.type === 'radio' && radio.name
              ? all.filter((o) => (o as HTMLInputElement).name === radio.name)
              : [];
          if (!group.some((o) => reached.has(o.dataset.kb as string))) missing.push(describe(el));
        } else if (!reached.get(kb)) noRing.push(describe(el));
      }
      return { total: all.length, missing, noRing };
    },
    [...seen.entries()],
  );
}

describe('keyboard only', () => {
  it('reaches every control of the options page with Tab, each with a visible focus ring', async () => {
    const options = await openOptions();
    await fillOptions(options);
    const result = await tabThrough(options);
    expect(result.total).toBeGreaterThan(100);
    expect(result.missing, 'not reachable by Tab').toEqual([]);
    expect(result.noRing, 'no visible focus indicator').toEqual([]);
    await send(options, { kind: 'policy-reset' });
    await options.close();
  });

  it('reaches every control of the popup with Tab, each with a visible focus ring', async () => {
    const gmail = await openGmail(browser.context);
    await typeInto(
      gmail,
      gmailComposes(gmail).first().locator('[g_editable="true"]'),
      'Hi Dana,\nWe guarantee 100% uptime for [Customer Name].\nBest, Sam',
    );
    const popup = await openPopup('https://mail.google.com/*');
    await expect.poll(() => popupState(popup), { timeout: 10_000 }).toBe('composes');
    await popup.locator('[data-preflight-popup-action="go-to"]').first().waitFor();
    const result = await tabThrough(popup);
    expect(result.total).toBeGreaterThan(1);
    expect(result.missing, 'not reachable by Tab').toEqual([]);
    expect(result.noRing, 'no visible focus indicator').toEqual([]);
    // Enter on a focused "Go to" works like a click: the compose's card opens.
    await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await popup.keyboard.press('Tab');
    const focused = await popup.evaluate(() =>
      document.activeElement?.getAttribute('data-preflight-popup-action'),
    );
    expect(focused).toBe('go-to');
    await popup.keyboard.press('Enter');
    await expect
      .poll(() => gmail.locator('[data-preflight-root] [data-preflight-card]').count(), { timeout: 5_000 })
      .toBe(1);
    await popup.close();
    await gmail.close();
  });
});
