// A small browser driver the cross-browser scenarios (scenarios.ts) are written against: Chromium through
// playwright-core and the harness, Firefox ESR through puppeteer-core over WebDriver BiDi. Both serve the
// same fixtures at the real mail hosts and load the built extension; everything else a scenario does is
// run in the page or done with the real mouse and keyboard.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import {
  FIXTURE_FILES,
  GMAIL_HOST,
  gmailCspHeader,
  launchBrowser,
  OUTLOOK_HOSTS,
  openGmail,
  openOutlook,
  REPO_ROOT,
  routeMailHosts,
} from './harness.ts';

export type BrowserName = 'chromium' | 'firefox';
export type MailSite = 'gmail' | 'outlook';

/** One tab, as the scenarios use it. */
export interface DriverPage {
  /** Runs a self-contained function in the page's own world and returns its (JSON) result. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Runs a script's source in the page (axe-core). */
  evaluateSource(source: string): Promise<void>;
  click(x: number, y: number): Promise<void>;
  move(x: number, y: number): Promise<void>;
  type(text: string): Promise<void>;
  /** One key or a chord: "Enter", "Control+Home". */
  press(key: string): Promise<void>;
  close(): Promise<void>;
}

export interface Driver {
  readonly name: BrowserName;
  /** The Gmail (strict CSP and Trusted Types) or Outlook fixture, ready. */
  openMail(site: MailSite): Promise<DriverPage>;
  /** A page of the extension in a tab of its own, e.g. "src/options/index.html". */
  openExtensionPage(path: string): Promise<DriverPage>;
  close(): Promise<void>;
}

export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/** Why the Firefox tests cannot run here, or null when they can. */
export function firefoxUnavailable(): string | null {
  return existsSync(FIREFOX_PATH)
    ? null
    : `Firefox ESR not found at ${FIREFOX_PATH} (apt-get install -y firefox-esr, or set FIREFOX_PATH)`;
}

async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 15_000,
) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const readyIn = (page: DriverPage, site: string) =>
  until(`the ${site} fixture`, () =>
    page.evaluate((s) => document.documentElement.getAttribute('data-fixture-ready') === s, site),
  );

// ---------------------------------------------------------------------------------------------------------
// Chromium

function playwrightPage(page: PlaywrightPage): DriverPage {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    evaluateSource: async (source) => {
      await page.evaluate(source);
    },
    click: (x, y) => page.mouse.click(x, y),
    move: (x, y) => page.mouse.move(x, y),
    type: (text) => page.keyboard.type(text),
    press: (key) => page.keyboard.press(key),
    close: () => page.close(),
  };
}

export async function launchChromiumDriver(): Promise<Driver> {
  const browser = await launchBrowser({ extensionDir: join(REPO_ROOT, 'dist/chrome') });
  await routeMailHosts(browser.context, { csp: 'gmail-strict' });
  return {
    name: 'chromium',
    async openMail(site) {
      const page = site === 'gmail' ? await openGmail(browser.context) : await openOutlook(browser.context);
      return playwrightPage(page);
    },
    async openExtensionPage(path) {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
      return playwrightPage(page);
    },
    close: () => browser.close(),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Firefox ESR

const GECKO_ID = 'preflight@preflight.local';

export async function launchFirefoxDriver(): Promise<Driver> {
  const reason = firefoxUnavailable();
  if (reason) throw new Error(reason);
  const { default: puppeteer } = await import('puppeteer-core');
  // The extension's internal host is random per profile unless a pref names it: fixing it lets the tests
  // open its pages by URL.
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // BiDi refuses to navigate a tab to a moz-extension:// page without this (test profiles only).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }) },
    defaultViewport: { width: 1600, height: 1000 },
  });
  try {
    const id = await browser.installExtension(join(REPO_ROOT, 'dist/firefox'));
    if (id !== GECKO_ID) throw new Error(`installed ${id}, expected ${GECKO_ID}`);
  } catch (error) {
    await browser.close().catch(() => {});
    throw error;
  }
  const fixtures = {
    gmail: readFileSync(FIXTURE_FILES.gmail, 'utf8'),
    outlook: readFileSync(FIXTURE_FILES.outlook, 'utf8'),
  };
  type PPage = Awaited<ReturnType<typeof browser.newPage>>;

  const wrap = (page: PPage): DriverPage => ({
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    evaluateSource: async (source) => {
      await page.evaluate(source);
    },
    click: (x, y) => page.mouse.click(x, y),
    move: (x, y) => page.mouse.move(x, y),
    type: (text) => page.keyboard.type(text),
    async press(chord) {
      const keys = chord.split('+') as Parameters<typeof page.keyboard.press>[0][];
      const key = keys.pop();
      if (!key) return;
      for (const k of keys) await page.keyboard.down(k);
      await page.keyboard.press(key);
      for (const k of keys.reverse()) await page.keyboard.up(k);
    },
    close: () => page.close(),
  });

  return {
    name: 'firefox',
    async openMail(site) {
      const page = await browser.newPage();
      const nonce = randomUUID().replace(/-/g, '');
      await page.setRequestInterception(true);
      // The fixture's document at its real host; anything else on the web is refused, as in Chromium. A
      // request whose page closed meanwhile cannot be answered: that is not a failure of the test.
      page.on('request', (request) => {
        let url: URL;
        try {
          url = new URL(request.url());
        } catch {
          void request.abort().catch(() => {});
          return;
        }
        if (url.protocol !== 'https:' && url.protocol !== 'http:') {
          void request.continue().catch(() => {});
          return;
        }
        const isGmail = url.hostname === GMAIL_HOST;
        const isOutlook = (OUTLOOK_HOSTS as readonly string[]).includes(url.hostname);
        if (url.protocol !== 'https:' || (!isGmail && !isOutlook)) {
          void request.abort('blockedbyclient').catch(() => {});
          return;
        }
        if (!request.isNavigationRequest()) {
          void request
            .respond({ status: 404, contentType: 'text/plain; charset=utf-8', body: 'not found' })
            .catch(() => {});
          return;
        }
        const headers: Record<string, string> = { 'cache-control': 'no-store' };
        if (isGmail) headers['content-security-policy'] = gmailCspHeader(nonce);
        void request
          .respond({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            headers,
            body: fixtures[isGmail ? 'gmail' : 'outlook'].split('__FIXTURE_NONCE__').join(nonce),
          })
          .catch(() => {});
      });
      const url =
        site === 'gmail'
          ? `https://${GMAIL_HOST}/mail/u/0/#inbox`
          : 'https://outlook.office.com/mail/inbox/id/AAQkAGI2TG93AAA%3D';
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      const driverPage = wrap(page);
      await readyIn(driverPage, site);
      return driverPage;
    },
    async openExtensionPage(path) {
      const page = await browser.newPage();
      const url = `moz-extension://${uuid}/${path}`;
      // Firefox loads the page but BiDi never reports the load of a privileged page to the navigation:
      // start it, then wait for the document itself.
      void page.goto(url, { timeout: 60_000 }).catch(() => {});
      const driverPage = wrap(page);
      await until(`${path} to load`, () =>
        page.evaluate(
          (u) => location.href.startsWith(u.split('?')[0] ?? u) && document.readyState === 'complete',
          url,
        ),
      );
      return driverPage;
    },
    close: () => browser.close(),
  };
}

export function launchDriver(name: BrowserName): Promise<Driver> {
  return name === 'firefox' ? launchFirefoxDriver() : launchChromiumDriver();
}
