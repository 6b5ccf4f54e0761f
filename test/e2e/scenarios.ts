// The scenarios every supported browser must pass, written once against driver.ts: Preflight attaches to
// the Gmail and Outlook composes, underlines under the text, opens a finding's card, holds a blocking
// email (cancel keeps it, "send anyway" sends it once), lets a clean email leave once, and its popup,
// options page and in-page dialog pass axe-core. scenarios-chromium.test.ts and scenarios-firefox.test.ts
// run them, one browser launch per file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserName, Driver, DriverPage, MailSite } from './driver.ts';
import { launchDriver } from './driver.ts';
import { REPO_ROOT } from './harness.ts';

const AXE_SOURCE = readFileSync(join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const SLOW = { timeout: 15_000, interval: 100 };
const ADDRESS = 'dana@contoso-health.example';
const VIOLATING = 'Hi Dana,\nWe guarantee 100% uptime for [Customer Name].';
const BLOCKING = 'Hi [Customer Name], zephyrquartz notes attached.';
const CLEAN = 'Hi Dana, thanks for the call today about the rollout plan.';

/** Where each site's compose parts are (mail-dom.md section 4; the same as the harness's locators). */
const SITE = {
  gmail: {
    compose: '.dw .AD div.M9',
    body: '.Ap [g_editable="true"]',
    send: '.IZ .Up div > div[role="button"]:not(.Uo):not([aria-haspopup="true"])',
    to: '.anm[name="to"] input[role="combobox"]',
    chips: '.anm[name="to"] [role="option"][data-hovercard-id]',
  },
  outlook: {
    compose: '[id^="docking_InitVisiblePart"]',
    body: '[contenteditable="true"][aria-multiline="true"]',
    send: '[data-testid="ComposeSendButton"] button:not([aria-haspopup])',
    to: null,
    chips: null,
  },
} as const;

// ---------------------------------------------------------------------------------------------------------
// Reading the page: one self-contained function (it is serialized into the page), piercing open shadow
// roots the way Playwright's locators do, so Preflight's overlay and dialog are reachable.

/** `scope`: look only inside the shadow tree of the (light DOM) element it selects. */
type Query = { selector: string; scope?: string } & (
  | { op: 'count' | 'rect' | 'text' | 'focused' | 'disabled' }
  | { op: 'attr'; name: string }
  | { op: 'fill'; value: string }
  | { op: 'textRect'; needle: string }
);

function inPage(q: Query): unknown {
  const found: Element[] = [];
  const walk = (root: Document | ShadowRoot): void => {
    for (const el of root.querySelectorAll(q.selector)) found.push(el);
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
  };
  const scoped = q.scope ? document.querySelector(q.scope)?.shadowRoot : document;
  if (scoped) walk(scoped);
  if (q.op === 'count') return found.length;
  const el = found[0] as HTMLElement | undefined;
  if (!el) return null;
  const box = (r: DOMRect) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom });
  switch (q.op) {
    case 'rect':
      el.scrollIntoView({ block: 'nearest' });
      return box(el.getBoundingClientRect());
    case 'attr':
      return el.getAttribute(q.name);
    case 'text':
      // biome-ignore lint/performance/useDomNodeTextContent: the fixture sends what innerText shows.
      return el.innerText;
    case 'focused': {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return Boolean(active && (el === active || el.contains(active)));
    }
    case 'disabled':
      return (el as HTMLButtonElement).disabled;
    case 'fill': {
      const field = el as HTMLTextAreaElement;
      field.focus();
      field.value = q.value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      return true;
    }
    case 'textRect': {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node.nodeValue ?? '').indexOf(q.needle);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + q.needle.length);
        return box(range.getBoundingClientRect());
      }
      return null;
    }
  }
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const count = (page: DriverPage, selector: string, scope?: string) =>
  page.evaluate(inPage, { op: 'count', selector, scope }) as Promise<number>;
const attr = (page: DriverPage, selector: string, name: string, scope?: string) =>
  page.evaluate(inPage, { op: 'attr', selector, name, scope }) as Promise<string | null>;
const text = (page: DriverPage, selector: string, scope?: string) =>
  page.evaluate(inPage, { op: 'text', selector, scope }) as Promise<string | null>;
const rect = (page: DriverPage, selector: string, scope?: string) =>
  page.evaluate(inPage, { op: 'rect', selector, scope }) as Promise<Box | null>;
const textRect = (page: DriverPage, selector: string, needle: string) =>
  page.evaluate(inPage, { op: 'textRect', selector, needle }) as Promise<Box | null>;

async function clickOn(page: DriverPage, selector: string, at?: { x: number; y: number }): Promise<void> {
  const r = await rect(page, selector);
  if (!r) throw new Error(`nothing at ${selector}`);
  await page.click(at ? r.left + at.x : (r.left + r.right) / 2, at ? r.top + at.y : (r.top + r.bottom) / 2);
}

/** Types like a person: "\n" is Enter. */
async function typeLines(page: DriverPage, value: string): Promise<void> {
  const lines = value.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) await page.press('Enter');
    if (lines[i]) await page.type(lines[i] as string);
  }
}

const sentCount = (page: DriverPage) =>
  page.evaluate(() => Number(document.documentElement.getAttribute('data-fixture-sent-count') ?? '0'), null);
const sentBodies = (page: DriverPage) =>
  page.evaluate(() => {
    const raw = document.documentElement.getAttribute('data-fixture-sent-log');
    return raw ? (JSON.parse(raw) as { body: string }[]).map((s) => s.body) : [];
  }, null);

/**
 * A compose ready to write in, the caret at the start of its body, with a recipient on Gmail. Returns the
 * body's selector and the selector of the shadow host Preflight mounted for this compose.
 */
async function startCompose(page: DriverPage, site: MailSite): Promise<{ body: string; overlay: string }> {
  const s = SITE[site];
  if (s.to && s.chips) {
    await clickOn(page, `${s.compose} ${s.to}`, { x: 6, y: 6 });
    await page.type(ADDRESS);
    await page.press('Enter');
    await expect.poll(() => count(page, `${s.compose} ${s.chips}`), SLOW).toBe(1);
  }
  const body = `${s.compose} ${s.body}`;
  await clickOn(page, body, { x: 6, y: 6 });
  await page.press('Control+Home');
  const id = await page.evaluate((compose) => {
    const el = document.querySelector(compose);
    return (el?.querySelector('input[name="composeid"]') as HTMLInputElement | null)?.value || el?.id || '';
  }, s.compose);
  expect(id).not.toBe('');
  return { body, overlay: `[data-preflight-root][data-compose-id="${id}"]` };
}

// ---------------------------------------------------------------------------------------------------------
// axe-core

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: unknown[]; html: string }[];
}

/**
 * Serious and critical axe-core violations in the page, or only in the shadow tree of the Preflight host
 * holding `within` (the mail fixture is not ours to judge).
 */
async function graveViolations(page: DriverPage, within?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis, null))) await page.evaluateSource(AXE_SOURCE);
  const checked = (await page.evaluate(async (selector) => {
    let context: Element | Document = document;
    if (selector) {
      const hosts = [...document.querySelectorAll('[data-preflight-root]')];
      const host = hosts.find((h) => h.shadowRoot?.querySelector(selector));
      if (!host) return null;
      context = host;
    }
    const api = (globalThis as unknown as { axe: { run(c: unknown, o: unknown): Promise<unknown> } }).axe;
    const result = (await api.run(context, { resultTypes: ['violations'] })) as {
      violations: AxeViolation[];
      passes: unknown[];
    };
    return {
      passed: result.passes.length,
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 160) })),
      })),
    };
  }, within ?? null)) as { passed: number; violations: AxeViolation[] } | null;
  if (!checked) throw new Error(`no Preflight host holds ${within}`);
  // Proof that axe looked at something: a context it cannot see passes nothing.
  expect(checked.passed).toBeGreaterThan(5);
  const { violations } = checked;
  const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of violations.filter((m) => !grave.includes(m)))
    console.log(`axe, below serious: ${v.impact} ${v.id}: ${JSON.stringify(v.nodes.slice(0, 4))}`);
  for (const v of grave) console.error(`axe: ${v.impact} ${v.id}: ${JSON.stringify(v.nodes.slice(0, 4))}`);
  return grave.map((v) => `${v.id} (${v.nodes.length})`);
}

// ---------------------------------------------------------------------------------------------------------
// The scenarios

const DIALOG = '[data-preflight-dialog]';
const action = (name: string) => `[data-preflight-action="${name}"]`;

export function browserScenarios(name: BrowserName, skipReason: string | null = null): void {
  const suite = skipReason ? describe.skip : describe;
  suite(`in ${name}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let driver: Driver;
    beforeAll(async () => {
      driver = await launchDriver(name);
    });
    afterAll(async () => {
      await driver?.close();
    });

    for (const site of ['gmail', 'outlook'] as const) {
      it(`${site}: attaches, underlines each finding under its text, and opens its card`, async () => {
        const page = await driver.openMail(site);
        const { body, overlay } = await startCompose(page, site);
        await typeLines(page, VIOLATING);
        const chip = '[data-preflight-chip]';
        await expect.poll(() => attr(page, chip, 'data-state', overlay), SLOW).toBe('result');
        await expect.poll(async () => Number(await attr(page, chip, 'data-blocking', overlay)), SLOW).toBe(2);
        expect(await count(page, '[data-preflight-finding="overcommitment/guarantee"]', overlay)).toBe(1);
        const mark = '[data-preflight-finding="placeholder/template-field"]';
        await expect.poll(() => count(page, mark, overlay), SLOW).toBe(1);
        const word = await textRect(page, body, '[Customer Name]');
        const line = await rect(page, mark, overlay);
        if (!word || !line) throw new Error('the placeholder or its underline is not drawn');
        expect(Math.abs(line.left - word.left)).toBeLessThan(3);
        expect(Math.abs(line.right - word.right)).toBeLessThan(3);
        expect(Math.abs(line.bottom - word.bottom)).toBeLessThan(6);
        expect(line.bottom - line.top).toBeLessThan(8);

        const claim = await textRect(page, body, 'guarantee');
        if (!claim) throw new Error('the claim is not in the editor');
        await page.move((claim.left + claim.right) / 2, (claim.top + claim.bottom) / 2);
        await expect.poll(() => count(page, '[data-preflight-card]', overlay), SLOW).toBe(1);
        expect(await text(page, '[data-preflight-card]', overlay)).toContain('Honest');
        expect(await sentCount(page)).toBe(0);
        await page.close();
      });

      it(`${site}: holds a blocking email, keeps it on cancel, sends it once anyway; its dialog passes axe`, async () => {
        const page = await driver.openMail(site);
        const { body } = await startCompose(page, site);
        const send = `${SITE[site].compose} ${SITE[site].send}`;
        await typeLines(page, BLOCKING);
        const typed = await text(page, body);
        await clickOn(page, send);
        await expect.poll(() => attr(page, DIALOG, 'data-preflight-dialog'), SLOW).toBe('held');
        expect(await sentCount(page)).toBe(0);
        expect(await graveViolations(page, DIALOG)).toEqual([]);

        await clickOn(page, action('cancel'));
        await expect.poll(() => count(page, DIALOG), SLOW).toBe(0);
        expect(await text(page, body)).toBe(typed);
        expect(await page.evaluate(inPage, { op: 'focused', selector: body })).toBe(true);
        expect(await sentCount(page)).toBe(0);

        await clickOn(page, send);
        await expect.poll(() => attr(page, DIALOG, 'data-preflight-dialog'), SLOW).toBe('held');
        expect(await page.evaluate(inPage, { op: 'disabled', selector: action('send-anyway') })).toBe(true);
        await page.evaluate(inPage, {
          op: 'fill',
          selector: '[data-preflight-justification]',
          value: 'Customer asked for the raw template',
        });
        await expect
          .poll(() => page.evaluate(inPage, { op: 'disabled', selector: action('send-anyway') }), SLOW)
          .toBe(false);
        await clickOn(page, action('send-anyway'));
        await expect.poll(() => sentCount(page), SLOW).toBe(1);
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(await sentCount(page)).toBe(1);
        expect((await sentBodies(page))[0]).toContain('zephyrquartz');
        await page.close();
      });

      it(`${site}: a clean email leaves at once, exactly once`, async () => {
        const page = await driver.openMail(site);
        await startCompose(page, site);
        await typeLines(page, CLEAN);
        await clickOn(page, `${SITE[site].compose} ${SITE[site].send}`);
        await expect.poll(() => sentCount(page), SLOW).toBe(1);
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(await sentCount(page)).toBe(1);
        expect((await sentBodies(page))[0]).toContain('rollout plan');
        expect(await count(page, DIALOG)).toBe(0);
        await page.close();
      });
    }

    it('the options page draws and passes axe', async () => {
      const options = await driver.openExtensionPage('src/options/index.html');
      await expect.poll(() => attr(options, '[data-preflight-options]', 'data-ready'), SLOW).toBe('true');
      expect(await graveViolations(options)).toEqual([]);
      await options.close();
    });

    it('the popup lists the findings of the compose in the mail tab and passes axe', async () => {
      const mail = await driver.openMail('gmail');
      const { overlay } = await startCompose(mail, 'gmail');
      await typeLines(mail, VIOLATING);
      await expect
        .poll(() => attr(mail, '[data-preflight-chip]', 'data-state', overlay), SLOW)
        .toBe('result');
      // The popup page in a tab of its own, pointed at the mail tab as the toolbar button would be.
      const probe = await driver.openExtensionPage('src/popup/index.html');
      const tabId = await probe.evaluate(async () => {
        const api = (
          globalThis as unknown as { chrome: { tabs: { query(q: unknown): Promise<{ id: number }[]> } } }
        ).chrome;
        return (await api.tabs.query({ url: 'https://mail.google.com/*' }))[0]?.id ?? null;
      }, null);
      await probe.close();
      expect(tabId).toBeTypeOf('number');
      const popup = await driver.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
      await expect
        .poll(() => attr(popup, '[data-preflight-popup-state]', 'data-preflight-popup-state'), SLOW)
        .toBe('composes');
      await expect
        .poll(() => count(popup, '[data-preflight-popup-compose] li[data-rule]'), SLOW)
        .toBeGreaterThan(1);
      expect(await attr(popup, '[data-preflight-popup-compose] li[data-rule]', 'data-severity')).toBe(
        'block',
      );
      expect(await graveViolations(popup)).toEqual([]);
      await popup.close();
      await mail.close();
    });
  });
}
