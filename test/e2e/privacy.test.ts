// Privacy, end to end, in real Chromium with the built extension: one full session — options page, the
// "try it" box, Gmail and Outlook composes, finding cards, a dismissal, a false-positive report, the popup,
// held sends sent anyway with a reason, the worker stopped and woken again, the exports — while every
// request and console line of every page, extension page and service worker is recorded. The extension must
// make no request at all, and a canary typed into the drafts must end up nowhere but the mail page itself.
// Controls (a deliberate fetch from the worker, the content script and an extension page; the canary found
// where it should be) prove that each check can fail.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
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
  type MailRoutes,
  openGmail,
  openOutlook,
  outlookCompose,
  recordTraffic,
  routeMailHosts,
  type Site,
  subjectOf,
  type TrafficRecorder,
  type TrafficRequest,
  typeInto,
  waitForSends,
} from './harness.ts';
import { stopWorker } from './worker-control.ts';

const root = new URL('../..', import.meta.url).pathname;
const DIST = join(root, 'dist/chrome');
const SLOW = { timeout: 20_000 };

// The canary: random, so nothing in the product or the fixtures can contain it by chance. It is searched
// for by its hex part, case-insensitively, which covers every form it is typed in.
const HEX = randomBytes(8).toString('hex');
const CANARY = `CANARY-${HEX}`;
const ADDRESS = `canary-${HEX}@contoso-health.example`;
const SUBJECT = `Renewal plan ${CANARY}`;
// Blocking findings (a guarantee, an absolute claim, a template field holding the canary: its excerpt and
// message carry it) and a warning (dismissive wording) that can be dismissed.
const BODY = `Hi Dana,\nWe guarantee 100% uptime for the ${CANARY} rollout, as I already said.\nPlease confirm [${CANARY} Name] before Friday.\nBest, Sam`;
// What the person writes when sending anyway: stored by design (the reason is the record), and the
// control that the storage dumps and exports are read.
const REASON = `Customer approved wording JUSTIFY-${randomBytes(6).toString('hex')}`;
const ORG_NAME = `Northwind Labs ${randomBytes(4).toString('hex')}`;

const has = (text: string) => text.toLowerCase().includes(HEX);

let browser: Browser;
let routes: MailRoutes;
let recorder: TrafficRecorder;
let prefix: string;
/** Where the session ends and the controls begin in the recorder's sequence. */
let sessionEnd = -1;
/** Documents the test itself navigated to (the only requests a mail page may make). */
const navigated = new Set<string>();
const downloads: Record<string, string> = {};
const found: Record<string, string> = {};
let dumps: Record<string, unknown> = {};

type Chrome = {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    tabs: { query(q: unknown): Promise<{ id: number }[]> };
    storage: Record<'local' | 'sync' | 'session', { get(keys: null): Promise<Record<string, unknown>> }>;
  };
};

beforeAll(async () => {
  browser = await launchBrowser({ extensionDir: DIST });
  prefix = `chrome-extension://${browser.extensionId}/`;
  routes = await routeMailHosts(browser.context, { csp: 'gmail-strict' });
  recorder = await recordTraffic(browser);
});
afterAll(async () => {
  await recorder?.stop();
  await browser?.close();
});

const withoutHash = (url: string) => url.replace(/#.*$/, '');

async function extensionPage(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${prefix}${path}`);
  return page;
}

async function ask(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate((m) => (globalThis as unknown as Chrome).chrome.runtime.sendMessage(m), message);
}

async function composeId(compose: Locator, site: Site): Promise<string> {
  return site === 'gmail'
    ? compose.locator('input[name="composeid"]').inputValue()
    : compose.evaluate((el) => el.id);
}

async function overlayOf(page: Page, compose: Locator, site: Site): Promise<Locator> {
  return page.locator(`[data-preflight-root][data-compose-id="${await composeId(compose, site)}"]`);
}

async function blockingCount(overlay: Locator): Promise<number> {
  const chip = overlay.locator('[data-preflight-chip]');
  await expect.poll(() => chip.getAttribute('data-state'), SLOW).toBe('result');
  return Number(await chip.getAttribute('data-blocking'));
}

async function writeDraft(page: Page, compose: Locator, site: Site): Promise<Locator> {
  await addRecipient(page, compose, 'to', ADDRESS);
  await typeInto(page, subjectOf(compose, site), SUBJECT);
  await typeInto(page, bodyOf(compose, site), BODY, { caret: 'start' });
  const overlay = await overlayOf(page, compose, site);
  try {
    // The guarantee of 100% uptime (one claim) and the placeholder.
    await expect.poll(() => blockingCount(overlay), SLOW).toBeGreaterThanOrEqual(2);
  } catch (error) {
    // Say what the compose held and what the chip showed, so a failure can be told from a typing mishap.
    const chip = overlay.locator('[data-preflight-chip]');
    const state = await chip.evaluate((el) =>
      ['data-state', 'data-blocking', 'data-warnings'].map((a) => `${a}=${el.getAttribute(a)}`).join(' '),
    );
    const body = await bodyOf(compose, site).evaluate((el) => el.textContent ?? '');
    throw new Error(`${site}: chip ${state}; body as typed: ${JSON.stringify(body)}`, { cause: error });
  }
  return overlay;
}

async function download(page: Page, selector: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  const path = await file.path();
  return readFile(path, 'utf8');
}

async function sendAnywayWithReason(page: Page, compose: Locator, before: number) {
  await clickSend(page, compose);
  const dialog = page.locator('[data-preflight-dialog]');
  await expect.poll(() => dialog.getAttribute('data-preflight-dialog'), SLOW).toBe('held');
  // The held dialog shows the flagged text in the page: the canary is there, as it should be.
  found['held dialog'] = (await dialog.textContent()) ?? '';
  await page.locator('[data-preflight-justification]').fill(REASON);
  await page.locator('[data-preflight-action="send-anyway"]').click();
  const log = await waitForSends(page, before + 1, 10_000);
  expect(log[log.length - 1]?.subject).toContain(CANARY);
}

/** Every request in the given part of the recording that the extension made, as a readable line each. */
function extensionRequests(requests: readonly TrafficRequest[]): string[] {
  const out: string[] = [];
  for (const r of requests) {
    const line = `${r.source} ${r.origin} ${r.resourceType} ${r.url} (from ${r.from}; stack ${r.initiatorUrls.join(' < ') || '-'})`;
    // The extension's own files (its pages, scripts, export blobs) and inline data never leave the browser.
    const ownFile =
      r.url.startsWith(prefix) || r.url.startsWith(`blob:${prefix}`) || r.url.startsWith('data:');
    if (r.source === 'csp-blocked') {
      // Nothing in this session should even try a load that a Content Security Policy refuses.
      out.push(line);
    } else if (ownFile) {
      // Not a network request.
    } else if (r.origin === 'worker' || r.origin === 'extension-page') {
      out.push(line);
    } else if (r.initiatorUrls.some((u) => u.startsWith(prefix))) {
      out.push(line);
    } else {
      // A mail page: the fixtures load nothing but themselves (their images are data: URLs), so any other
      // request in their frames comes from the content script, even one without an initiator's stack
      // (an image's src, a beacon).
      const ours = /^document$/i.test(r.resourceType) && navigated.has(withoutHash(r.url));
      // The browser's own favicon request for a page it shows (no script on its stack).
      const favicon =
        /^other$/i.test(r.resourceType) &&
        r.initiatorUrls.length === 0 &&
        URL.canParse(r.from) &&
        r.url === `${new URL(r.from).origin}/favicon.ico`;
      if (!ours && !favicon) out.push(line);
    }
  }
  return out;
}

describe('a full session', () => {
  it('runs: options, try it, Gmail and Outlook drafts, cards, popup, held sends, a worker restart, exports', {
    timeout: 240_000,
  }, async () => {
    // Options: a setting changed and saved.
    const options = await extensionPage('src/options/index.html');
    await options.locator('[data-preflight-options][data-ready="true"]').waitFor(SLOW);
    await ask(options, { kind: 'policy-reset' });
    await options.reload();
    await options.locator('[data-preflight-options][data-ready="true"]').waitFor(SLOW);
    await options.locator('[data-preflight-field="org-name"]').fill(ORG_NAME);
    await options.locator('[data-preflight-facts-save]').click();
    await expect
      .poll(
        async () => JSON.stringify(((await ask(options, { kind: 'policy-get' })) as { user: unknown }).user),
        SLOW,
      )
      .toContain(ORG_NAME);
    // The try-it box checks the canary text.
    await options.locator('[data-preflight-try-body]').fill(BODY);
    const tryResult = options.locator('[data-preflight-try-result="ready"]');
    await tryResult.waitFor(SLOW);
    await expect.poll(() => tryResult.locator('li[data-rule]').count(), SLOW).toBeGreaterThan(2);
    found['try-it result'] = (await tryResult.textContent()) ?? '';

    // Gmail: the draft, a card opened from the panel, a warning dismissed, a false positive reported on the
    // finding whose excerpt is the canary.
    const gmail = await openGmail(browser.context);
    navigated.add(withoutHash(gmail.url()));
    const gCompose = gmailNewMessages(gmail).first();
    const gOverlay = await writeDraft(gmail, gCompose, 'gmail');
    found['Gmail compose body'] = await bodyOf(gCompose, 'gmail').evaluate((el) => el.textContent ?? '');
    found['Gmail subject'] = await subjectOf(gCompose, 'gmail').inputValue();
    const chip = gOverlay.locator('[data-preflight-chip]');
    const warnings = Number(await chip.getAttribute('data-warnings'));
    expect(warnings).toBeGreaterThan(0);
    await chip.click();
    const panel = gOverlay.locator('[data-preflight-panel]');
    await panel.waitFor(SLOW);
    found['Gmail findings panel'] = (await panel.textContent()) ?? '';
    await panel.locator('li[data-rule="placeholder/template-field"] [data-preflight-action="go-to"]').click();
    const card = gOverlay.locator('[data-preflight-card]');
    await expect.poll(() => card.getAttribute('data-rule'), SLOW).toBe('placeholder/template-field');
    found['finding card'] = (await card.textContent()) ?? '';
    await card.locator('[data-preflight-action="report-false-positive"]').click();
    await expect.poll(() => card.textContent(), SLOW).toContain('Reported');
    await card.locator('button.close').click();
    await expect.poll(() => card.count(), SLOW).toBe(0);
    await chip.click();
    await panel.locator('li.sev-warn [data-preflight-action="go-to"]').first().click();
    await expect.poll(() => card.count(), SLOW).toBe(1);
    await card.locator('[data-preflight-action="dismiss"]').click();
    await expect.poll(async () => Number(await chip.getAttribute('data-warnings')), SLOW).toBe(warnings - 1);

    // The popup for the Gmail tab lists this compose (its subject holds the canary).
    const popup = await extensionPage('src/popup/index.html');
    const tabs = await popup.evaluate(() =>
      (globalThis as unknown as Chrome).chrome.tabs.query({ url: 'https://mail.google.com/*' }),
    );
    expect(tabs[0]?.id).toBeTypeOf('number');
    await popup.goto(`${prefix}src/popup/index.html?tab=${tabs[0]?.id}`);
    const state = popup.locator('[data-preflight-popup-state]');
    await expect.poll(() => state.getAttribute('data-preflight-popup-state'), SLOW).toBe('composes');
    await expect
      .poll(() => popup.locator('[data-preflight-popup-compose] li[data-rule]').count(), SLOW)
      .toBeGreaterThan(1);
    found.popup = (await popup.locator('body').textContent()) ?? '';
    await popup.close();

    // Send from Gmail: held, sent anyway with a reason (an audit entry).
    await sendAnywayWithReason(gmail, gCompose, 0);

    // Outlook: the same draft, held and cancelled (another audit entry).
    const outlook = await openOutlook(browser.context, 'outlook.office.com', { compose: 'new' });
    navigated.add(withoutHash(outlook.url()));
    const oCompose = outlookCompose(outlook).first();
    const oOverlay = await writeDraft(outlook, oCompose, 'outlook');
    found['Outlook compose body'] = await bodyOf(oCompose, 'outlook').evaluate((el) => el.textContent ?? '');
    await clickSend(outlook, oCompose);
    const oDialog = outlook.locator('[data-preflight-dialog]');
    await expect.poll(() => oDialog.getAttribute('data-preflight-dialog'), SLOW).toBe('held');
    await outlook.locator('[data-preflight-action="cancel"]').click();
    await expect.poll(() => oDialog.count(), SLOW).toBe(0);

    // The worker is stopped; the next edit wakes it, the draft is checked again and sent anyway.
    const before = await blockingCount(oOverlay);
    await stopWorker(browser);
    await typeInto(outlook, bodyOf(oCompose, 'outlook'), `\nWe also guarantee delivery for ${CANARY}.`, {
      caret: 'end',
    });
    await expect.poll(() => blockingCount(oOverlay), SLOW).toBe(before + 1);
    await sendAnywayWithReason(outlook, oCompose, 0);
    // The worker was attached to directly (its session lives on across the restart: the control below, made
    // after it, is seen there).
    expect(recorder.workerAttachments()).toBeGreaterThanOrEqual(1);

    // Back on the options page: the audit log (three entries), the policy and the reports, exported.
    await options.reload();
    await options.locator('[data-preflight-options][data-ready="true"]').waitFor(SLOW);
    await expect
      .poll(() => options.locator('[data-preflight-audit]').getAttribute('data-count'), SLOW)
      .toBe('3');
    downloads['audit CSV'] = await download(options, '[data-preflight-audit-export="csv"]');
    downloads['audit JSON'] = await download(options, '[data-preflight-audit-export="json"]');
    downloads['policy JSON'] = await download(options, '[data-preflight-policy-export]');
    downloads['reports JSON'] = await download(options, '[data-preflight-reports-export="json"]');
    found['options page'] = (await options.locator('body').textContent()) ?? '';

    // What the extension keeps, read from one of its pages.
    dumps = await options.evaluate(async () => {
      const c = (globalThis as unknown as Chrome).chrome;
      const webStorage = (s: Storage) => Object.fromEntries(Object.entries(s));
      return {
        'storage.local': await c.storage.local.get(null),
        'storage.sync': await c.storage.sync.get(null),
        'storage.session': await c.storage.session.get(null),
        localStorage: webStorage(localStorage),
        sessionStorage: webStorage(sessionStorage),
        indexedDB: (await indexedDB.databases()).map((d) => d.name),
        caches: await caches.keys(),
      };
    });
    dumps['audit-list'] = await ask(options, { kind: 'audit-list' });
    dumps['reports-list'] = await ask(options, { kind: 'reports-list' });
    dumps['rule-stats'] = await ask(options, { kind: 'rule-stats' });
    for (const [name, page] of [
      ['Gmail', gmail],
      ['Outlook', outlook],
    ] as const) {
      dumps[`${name} page storage`] = await page.evaluate(async () => ({
        localStorage: Object.entries(localStorage),
        sessionStorage: Object.entries(sessionStorage),
        indexedDB: (await indexedDB.databases()).map((d) => d.name),
      }));
    }
    dumps.cookies = await browser.context.cookies();
    sessionEnd = recorder.mark();
  });

  it('made no request: not from the worker, not from its pages, not from the content script', () => {
    expect(sessionEnd).toBeGreaterThan(0);
    const session = recorder.requests.filter((r) => r.seq < sessionEnd);
    // The recording is not empty: the pages' own loads are in it, from each vantage point.
    expect(
      session.some((r) => r.source === 'playwright' && r.url.startsWith('https://mail.google.com/')),
    ).toBe(true);
    expect(session.some((r) => r.source === 'cdp' && r.origin === 'extension-page')).toBe(true);
    expect(extensionRequests(session)).toEqual([]);
    // Nothing reached the router for a host that is not a fixture.
    expect(routes.blocked).toEqual([]);
  });

  it('would have seen one: a fetch from the worker, the content script and an extension page is caught', async () => {
    expect(sessionEnd).toBeGreaterThan(0);
    const worker = browser.context.serviceWorkers().find((w) => w.url().startsWith(prefix));
    if (!worker) throw new Error('no running extension worker');
    const workerUrl = `https://worker-control-${HEX}.invalid/ping`;
    const pageUrl = `https://page-control-${HEX}.invalid/ping`;
    const csFetch = `https://mail.google.com/cs-fetch-${HEX}`;
    const csImage = `https://mail.google.com/cs-image-${HEX}.png`;
    const csBeacon = `https://mail.google.com/cs-beacon-${HEX}`;
    const csXhr = `https://mail.google.com/cs-xhr-${HEX}`;
    // From the worker (its policy refuses the connection: the attempt is what is recorded).
    await worker.evaluate((url) => fetch(url).catch(() => undefined), workerUrl);
    // From an extension page.
    const page = await extensionPage('manifest.json');
    await page.evaluate((url) => fetch(url).catch(() => undefined), pageUrl);
    // From the content script's own world in the Gmail page: a fetch, an image, a beacon and an XHR.
    const gmail = browser.context.pages().find((p) => p.url().startsWith('https://mail.google.com/'));
    if (!gmail) throw new Error('no Gmail page');
    const cdp = await browser.context.newCDPSession(gmail);
    const worlds: { id: number; name: string; origin: string }[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => worlds.push(e.context));
    await cdp.send('Runtime.enable');
    await expect.poll(() => worlds.some((w) => w.origin === prefix.slice(0, -1)), SLOW).toBe(true);
    const world = worlds.find((w) => w.origin === prefix.slice(0, -1));
    await cdp.send('Runtime.evaluate', {
      contextId: world?.id,
      awaitPromise: true,
      expression: `(async () => {
        await fetch(${JSON.stringify(csFetch)}).catch(() => undefined);
        new Image().src = ${JSON.stringify(csImage)};
        navigator.sendBeacon(${JSON.stringify(csBeacon)}, 'x');
        const xhr = new XMLHttpRequest();
        xhr.open('GET', ${JSON.stringify(csXhr)});
        xhr.send();
        await new Promise((r) => setTimeout(r, 300));
      })()`,
    });
    await cdp.detach();
    const caught = () => extensionRequests(recorder.requests.filter((r) => r.seq >= sessionEnd)).join('\n');
    for (const url of [workerUrl, pageUrl, csFetch, csImage, csBeacon, csXhr])
      await expect.poll(caught, { ...SLOW, message: url }).toContain(url);
    // The worker's attempt was seen on the worker's own session, and attributed to it: that session
    // outlived the worker's restart in the middle of the session.
    expect(
      recorder.requests.some(
        (r) =>
          r.seq >= sessionEnd &&
          r.source === 'csp-blocked' &&
          r.origin === 'worker' &&
          r.url.includes(workerUrl),
      ),
    ).toBe(true);
    await page.close();
  });
});

describe('the canary', () => {
  it('is where it belongs: in the mail pages, the popup, the cards and the try-it box (so the search works)', () => {
    expect(sessionEnd).toBeGreaterThan(0);
    for (const [where, text] of Object.entries(found)) {
      if (where === 'options page') continue;
      expect(has(text), where).toBe(true);
    }
  });

  it('is in no console line of any page, extension page or the worker', () => {
    expect(sessionEnd).toBeGreaterThan(0);
    const lines = recorder.console.filter((l) => l.seq < sessionEnd);
    // Console lines were recorded (at least the pages' own), and the worker's console is recorded too: the
    // control fetch above left its refusal in the worker's log.
    expect(
      recorder.console.some((l) => l.origin === 'worker' && l.text.includes(`worker-control-${HEX}`)),
    ).toBe(true);
    expect(lines.filter((l) => has(l.text)).map((l) => `${l.origin} ${l.from}: ${l.text}`)).toEqual([]);
  });

  it('is not in storage.local, storage.sync, storage.session, web storage, IndexedDB or caches', () => {
    expect(sessionEnd).toBeGreaterThan(0);
    const local = JSON.stringify(dumps['storage.local']);
    // Control: the dumps hold what the session saved (the reason, the organisation's name).
    expect(local).toContain(REASON);
    expect(JSON.stringify(dumps['storage.sync']) + local).toContain(ORG_NAME);
    for (const [name, value] of Object.entries(dumps)) expect(has(JSON.stringify(value)), name).toBe(false);
    // What is kept is only what the README lists: settings items, the audit log, the reports, the counters.
    const keys = (area: string) => Object.keys(dumps[area] as object).sort();
    expect(keys('storage.local').filter((k) => !k.startsWith('policy.'))).toEqual([
      'auditLog',
      'falsePositiveReports',
      'ruleCounters',
    ]);
    expect(keys('storage.sync').filter((k) => !k.startsWith('policy.'))).toEqual([]);
    expect(keys('storage.sync')).toContain('policy.organization');
    // The extension's origin keeps nothing in web storage, IndexedDB or the cache.
    expect(dumps.localStorage).toEqual({});
    expect(dumps.sessionStorage).toEqual({});
    expect(dumps.indexedDB).toEqual([]);
    expect(dumps.caches).toEqual([]);
    expect(dumps['storage.session']).toEqual({});
    // The mail pages' own storage got nothing from the content script.
    for (const name of ['Gmail page storage', 'Outlook page storage'])
      expect(dumps[name], name).toEqual({ localStorage: [], sessionStorage: [], indexedDB: [] });
  });

  it('is not in the audit log, the false-positive reports or the exported files', () => {
    expect(sessionEnd).toBeGreaterThan(0);
    const audit = dumps['audit-list'] as { entries: { decision: string; recipientDomains: string[] }[] };
    expect(audit.entries.map((e) => e.decision)).toEqual(['sent-anyway', 'cancelled', 'sent-anyway']);
    expect(audit.entries[0]?.recipientDomains).toEqual(['contoso-health.example']);
    const reports = dumps['reports-list'] as { reports: { ruleId: string; excerptLength: number }[] };
    expect(reports.reports).toEqual([
      expect.objectContaining({ ruleId: 'placeholder/template-field', excerptLength: CANARY.length + 7 }),
    ]);
    expect(has(JSON.stringify(audit))).toBe(false);
    expect(has(JSON.stringify(reports))).toBe(false);
    expect(Object.keys(downloads).sort()).toEqual(['audit CSV', 'audit JSON', 'policy JSON', 'reports JSON']);
    for (const [name, text] of Object.entries(downloads)) expect(has(text), name).toBe(false);
    // Control: the exports are the real files (the reason is in both audit exports, the name in the policy).
    expect(downloads['audit CSV']).toContain(REASON);
    expect(downloads['audit JSON']).toContain(REASON);
    expect(downloads['policy JSON']).toContain(ORG_NAME);
    expect(JSON.parse(downloads['reports JSON'] ?? '')).toEqual({ version: 1, reports: reports.reports });
    expect(has(found['options page'] ?? '')).toBe(false);
  });

  it("is not in the extension's storage files on disk", () => {
    expect(sessionEnd).toBeGreaterThan(0);
    const dirs = ['Local Extension Settings', 'Sync Extension Settings'].map((d) =>
      join(browser.profileDir, 'Default', d, browser.extensionId ?? ''),
    );
    const files = dirs.flatMap((dir) => {
      try {
        return readdirSync(dir)
          .map((f) => join(dir, f))
          .filter((f) => statSync(f).isFile());
      } catch {
        return [];
      }
    });
    const bytes = files.map((f) => readFileSync(f).toString('latin1')).join('\n');
    // Control: the files hold the session's writes.
    expect(bytes).toContain(REASON);
    expect(bytes.toLowerCase().includes(HEX)).toBe(false);
  });
});
