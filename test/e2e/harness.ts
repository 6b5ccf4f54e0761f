// End-to-end harness: drives the system Chromium with playwright-core, serves the mail fixtures on the real
// mail hostnames (no network), and types and clicks the way a person does.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
  type Route,
  type Worker,
} from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(HERE, '..', '..');
export const FIXTURES_DIR = join(REPO_ROOT, 'test', 'fixtures');
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'screenshots');

export const FIXTURE_FILES = {
  gmail: join(FIXTURES_DIR, 'gmail-compose-2026-11.html'),
  outlook: join(FIXTURES_DIR, 'outlook-compose-2026-11.html'),
  plain: join(FIXTURES_DIR, 'plain-page-2026-11.html'),
} as const;

export const GMAIL_HOST = 'mail.google.com';
export const OUTLOOK_HOSTS = [
  'outlook.office.com',
  'outlook.office365.com',
  'outlook.live.com',
  'outlook.cloud.microsoft',
] as const;
export type OutlookHost = (typeof OUTLOOK_HOSTS)[number];
export const PLAIN_HOST = 'example.com';

const NONCE_PLACEHOLDER = '__FIXTURE_NONCE__';

/** Chromium flags that keep the browser quiet and offline (toolchain.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/**
 * Waits until the extension's first worker has finished installing and is active. A worker stopped while
 * it installs becomes redundant and the extension has no worker until it is reloaded, which Chromium never
 * does on its own (it does not stop an installing worker for idleness); tests must not do it either.
 */
export async function waitUntilActivated(worker: Worker, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const state = await worker
      .evaluate(
        () => (self as unknown as { registration: ServiceWorkerRegistration }).registration.active?.state,
      )
      .catch(() => undefined);
    if (state === 'activated') return;
    if (Date.now() > end) throw new Error(`the extension's worker is not active (${String(state)})`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// ---------------------------------------------------------------------------------------------------------
// Browser

export interface LaunchOptions {
  /** Absolute or repo-relative path of an unpacked extension (for example dist/chrome). */
  extensionDir?: string;
  headless?: boolean;
  /** How long to wait for the extension's service worker. */
  workerTimeoutMs?: number;
  viewport?: { width: number; height: number };
}

/** What launchBrowser returns (also exported as Browser). */
export interface LaunchedBrowser {
  context: BrowserContext;
  profileDir: string;
  extensionId?: string;
  worker?: Worker;
  close(): Promise<void>;
}

export type Browser = LaunchedBrowser;

export async function launchBrowser(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const { headless = true, workerTimeoutMs = 15_000, viewport = { width: 1600, height: 1000 } } = options;
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath} (apt-get install -y chromium, or set CHROMIUM_PATH)`,
    );
  }
  const profileDir = await mkdtemp(join(tmpdir(), 'preflight-e2e-'));
  const args = [...CHROMIUM_ARGS];
  let extensionDir: string | undefined;
  if (options.extensionDir) {
    extensionDir = resolve(REPO_ROOT, options.extensionDir);
    if (!existsSync(join(extensionDir, 'manifest.json'))) {
      throw new Error(`No manifest.json in ${extensionDir}: build the extension first`);
    }
    args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  }
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless,
    args,
    viewport,
    // Playwright adds --disable-extensions by default; extensions need it gone.
    ignoreDefaultArgs: extensionDir ? ['--disable-extensions'] : [],
  });
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await context.close().catch(() => {});
    await rm(profileDir, { recursive: true, force: true }).catch(() => {});
  };
  if (!extensionDir) return { context, profileDir, close };
  try {
    const worker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: workerTimeoutMs }));
    const extensionId = new URL(worker.url()).host;
    await waitUntilActivated(worker, workerTimeoutMs);
    return { context, profileDir, extensionId, worker, close };
  } catch (error) {
    await close();
    throw new Error(`The extension's service worker did not start: ${String(error)}`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Routing real hostnames to fixtures

export type CspMode = 'gmail-strict' | 'none';

export interface RouteOptions {
  csp?: CspMode;
  /** Which fixture documents get the strict header: Gmail only (default) or every fixture. */
  cspHosts?: 'gmail' | 'all';
}

export interface RoutedRequest {
  url: string;
  method: string;
  resourceType: string;
  action: 'fixture' | 'not-found' | 'aborted' | 'passed';
}

export interface MailRoutes {
  /** Nonce carried by the fixture's inline script and style (new per routeMailHosts call). */
  nonce: string;
  /** The Content-Security-Policy header value sent, or null when none is sent. */
  cspHeader: string | null;
  /** Every request the router saw, in order. */
  requests: RoutedRequest[];
  /** URLs of requests that were aborted (anything not on a fixture host). */
  blocked: string[];
  /** Removes the routes. */
  unroute(): Promise<void>;
}

export function gmailCspHeader(nonce: string): string {
  return (
    `script-src 'nonce-${nonce}' 'unsafe-inline' 'strict-dynamic'; object-src 'none'; base-uri 'self'; ` +
    "require-trusted-types-for 'script'"
  );
}

const fixtureCache = new Map<string, string>();
async function fixtureText(file: string): Promise<string> {
  let text = fixtureCache.get(file);
  if (text === undefined) {
    text = await readFile(file, 'utf8');
    fixtureCache.set(file, text);
  }
  return text;
}

function fixtureFor(host: string): { file: string; site: 'gmail' | 'outlook' | 'plain' } | null {
  if (host === GMAIL_HOST) return { file: FIXTURE_FILES.gmail, site: 'gmail' };
  if ((OUTLOOK_HOSTS as readonly string[]).includes(host))
    return { file: FIXTURE_FILES.outlook, site: 'outlook' };
  if (host === PLAIN_HOST) return { file: FIXTURE_FILES.plain, site: 'plain' };
  return null;
}

/**
 * Serves the Gmail fixture on mail.google.com, the Outlook fixture on the four Outlook hosts and the plain
 * page on example.com. Every other http(s) request is aborted and listed in `blocked`.
 */
export async function routeMailHosts(
  context: BrowserContext,
  options: RouteOptions = {},
): Promise<MailRoutes> {
  const { csp = 'none', cspHosts = 'gmail' } = options;
  const nonce = randomBytes(16).toString('base64');
  const cspHeader = csp === 'gmail-strict' ? gmailCspHeader(nonce) : null;
  const requests: RoutedRequest[] = [];
  const blocked: string[] = [];

  const handler = async (route: Route): Promise<void> => {
    const request = route.request();
    const url = request.url();
    const record = (action: RoutedRequest['action']): void => {
      requests.push({ url, method: request.method(), resourceType: request.resourceType(), action });
    };
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      record('aborted');
      blocked.push(url);
      await route.abort('blockedbyclient');
      return;
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      record('passed');
      await route.fallback();
      return;
    }
    const fixture = parsed.protocol === 'https:' ? fixtureFor(parsed.hostname) : null;
    if (!fixture) {
      record('aborted');
      blocked.push(url);
      await route.abort('blockedbyclient');
      return;
    }
    const type = request.resourceType();
    if (type !== 'document') {
      // Favicons and the like: same origin, nothing to serve.
      record('not-found');
      await route.fulfill({ status: 404, contentType: 'text/plain; charset=utf-8', body: 'not found' });
      return;
    }
    const html = (await fixtureText(fixture.file)).split(NONCE_PLACEHOLDER).join(nonce);
    const headers: Record<string, string> = { 'cache-control': 'no-store' };
    if (cspHeader && (cspHosts === 'all' || fixture.site === 'gmail'))
      headers['content-security-policy'] = cspHeader;
    record('fixture');
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers, body: html });
  };

  await context.route('**/*', handler);
  return {
    nonce,
    cspHeader,
    requests,
    blocked,
    unroute: () => context.unroute('**/*', handler),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Opening the fixtures

export interface OpenOptions {
  /** Path and query after the host; defaults to the site's usual start URL. */
  path?: string;
  timeoutMs?: number;
}

async function openFixture(
  context: BrowserContext,
  url: string,
  site: string,
  timeoutMs: number,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
  await page.waitForFunction(
    (expected) => document.documentElement.getAttribute('data-fixture-ready') === expected,
    site,
    { timeout: timeoutMs },
  );
  return page;
}

export function openGmail(context: BrowserContext, options: OpenOptions = {}): Promise<Page> {
  const path = options.path ?? '/mail/u/0/#inbox';
  return openFixture(context, `https://${GMAIL_HOST}${path}`, 'gmail', options.timeoutMs ?? 15_000);
}

export interface OpenOutlookOptions extends OpenOptions {
  /** 'reply' (default): a conversation with a reply draft below it; 'new': a blank new message. */
  compose?: 'reply' | 'new';
}

export function openOutlook(
  context: BrowserContext,
  host: OutlookHost | string = 'outlook.office.com',
  options: OpenOutlookOptions = {},
): Promise<Page> {
  if (!(OUTLOOK_HOSTS as readonly string[]).includes(host)) {
    return Promise.reject(new Error(`Not an Outlook host served by the fixtures: ${host}`));
  }
  let path = options.path ?? '/mail/inbox/id/AAQkAGI2TG93AAA%3D';
  if (options.compose === 'new') path += `${path.includes('?') ? '&' : '?'}compose=new`;
  return openFixture(context, `https://${host}${path}`, 'outlook', options.timeoutMs ?? 15_000);
}

export function openPlainPage(context: BrowserContext, options: OpenOptions = {}): Promise<Page> {
  const path = options.path ?? '/contact';
  return openFixture(context, `https://${PLAIN_HOST}${path}`, 'plain', options.timeoutMs ?? 15_000);
}

// ---------------------------------------------------------------------------------------------------------
// Locators (selectors follow mail-dom.md section 4)

export const GMAIL = {
  compose: 'div.M9',
  newMessageCompose: '.dw .AD div.M9',
  inlineReply: '.ip.adB div.M9',
  composeButton: 'div.T-I.T-I-KE[role="button"]',
  body: '.Ap [g_editable="true"]',
  subject: 'input[name="subjectbox"]',
  send: '.IZ .Up div > div[role="button"]:not(.Uo):not([aria-haspopup="true"])',
  moreSendOptions: '.IZ .hG[aria-haspopup="true"]',
  scheduleMenuItem: '[role="menuitem"][selector="scheduledSend"]',
  discard: '.gU .oh',
  snackbar: 'div.b8.UC[role="alert"]',
  recipientsSummary: '.aoD.hl',
  field: (field: RecipientField) => `.anm[name="${field}"]`,
  chips: (field: RecipientField) => `.anm[name="${field}"] [role="option"][data-hovercard-id]`,
  combobox: (field: RecipientField) => `.anm[name="${field}"] input[role="combobox"]`,
} as const;

export const OUTLOOK = {
  compose: '[id^="docking_InitVisiblePart"]',
  body: '[contenteditable="true"][aria-multiline="true"]',
  subject: 'input[aria-label="Subject"]',
  send: '[data-testid="ComposeSendButton"] button:not([aria-haspopup])',
  sendMenu: '[data-testid="ComposeSendButton"] button[aria-haspopup]',
  discard: 'button#discardCompose',
  newMail: 'button[aria-label="New mail"]',
  readingPaneBody: '#ConversationReadingPaneContainer [role="document"][aria-label="Message body"]',
  well: (field: RecipientField) =>
    `.recipient-row [contenteditable="true"][aria-label="${wellLabel(field)}"]`,
  chips: (field: RecipientField) =>
    `.recipient-row [contenteditable="true"][aria-label="${wellLabel(field)}"] > [contenteditable="false"]`,
} as const;

export type RecipientField = 'to' | 'cc' | 'bcc';
export type Site = 'gmail' | 'outlook';

function wellLabel(field: RecipientField): string {
  return field === 'to' ? 'To' : field === 'cc' ? 'Cc' : 'Bcc';
}

/** Every Gmail compose root (new-message moles and inline replies), in document order. */
export function gmailComposes(page: Page): Locator {
  return page.locator(GMAIL.compose);
}

export function gmailNewMessages(page: Page): Locator {
  return page.locator(GMAIL.newMessageCompose);
}

export function gmailInlineReply(page: Page): Locator {
  return page.locator(GMAIL.inlineReply);
}

export function outlookCompose(page: Page): Locator {
  return page.locator(OUTLOOK.compose);
}

/** Clicks Gmail's "Compose" button and returns the new message's compose root. */
export async function openGmailCompose(page: Page): Promise<Locator> {
  const before = await gmailNewMessages(page).count();
  await page.locator(GMAIL.composeButton).click();
  const composes = gmailNewMessages(page);
  await composes.nth(before).waitFor({ state: 'attached' });
  return composes.nth(before);
}

async function siteOf(compose: Locator): Promise<Site> {
  const isGmail = await compose.evaluate((el) => el.matches('div.M9'));
  return isGmail ? 'gmail' : 'outlook';
}

export function bodyOf(compose: Locator, site: Site): Locator {
  return compose.locator(site === 'gmail' ? GMAIL.body : OUTLOOK.body).first();
}

export function subjectOf(compose: Locator, site: Site): Locator {
  return compose.locator(site === 'gmail' ? GMAIL.subject : OUTLOOK.subject).first();
}

export function sendButtonOf(compose: Locator, site: Site): Locator {
  return compose.locator(site === 'gmail' ? GMAIL.send : OUTLOOK.send).first();
}

// ---------------------------------------------------------------------------------------------------------
// Typing and clicking like a person

export interface TypeOptions {
  /**
   * Where the caret goes before typing. 'keep' (default): if the element already has focus, type where
   * the caret is; otherwise click it and start at the beginning of an editor or the end of an input.
   */
  caret?: 'keep' | 'start' | 'end';
  /** Delay between keystrokes in ms. */
  delay?: number;
}

/** Types with real key events; "\n" is pressed as Enter. */
export async function typeInto(
  page: Page,
  locator: Locator,
  text: string,
  options: TypeOptions = {},
): Promise<void> {
  const caret = options.caret ?? 'keep';
  const info = await locator.evaluate((el) => ({
    focused: el === document.activeElement || el.contains(document.activeElement),
    editable: (el as HTMLElement).isContentEditable && !(el instanceof HTMLInputElement),
  }));
  if (!info.focused) {
    // Top-left corner: the first line of an editor, or anywhere in an input.
    await locator.click({ position: { x: 6, y: 6 } });
  }
  const home = info.editable ? 'Control+Home' : 'Home';
  const end = info.editable ? 'Control+End' : 'End';
  if (caret === 'start' || (caret === 'keep' && !info.focused && info.editable))
    await page.keyboard.press(home);
  else if (caret === 'end' || (caret === 'keep' && !info.focused)) await page.keyboard.press(end);
  const delay = options.delay ?? 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) await page.keyboard.press('Enter', { delay });
    const line = lines[i];
    if (line) await page.keyboard.type(line, { delay });
  }
}

/** Types an address into a recipient field and presses Enter, as a person does; waits for the chip. */
export async function addRecipient(
  page: Page,
  compose: Locator,
  field: RecipientField,
  address: string,
): Promise<void> {
  const site = await siteOf(compose);
  if (site === 'gmail') {
    const input = compose.locator(GMAIL.combobox(field));
    if (!(await input.isVisible())) {
      const summary = compose.locator(GMAIL.recipientsSummary);
      if (await summary.isVisible()) await summary.click();
      if (field !== 'to' && !(await input.isVisible())) {
        await compose.locator(field === 'cc' ? '.aB.pE' : '.aB.pB').click();
      }
    }
    const chips = compose.locator(GMAIL.chips(field));
    const before = await chips.count();
    await typeInto(page, input, address, { caret: 'end' });
    await page.keyboard.press('Enter');
    await chips.nth(before).waitFor({ state: 'attached', timeout: 5_000 });
    return;
  }
  const well = compose.locator(OUTLOOK.well(field));
  if ((await well.count()) === 0) {
    await compose.locator(`button[aria-label="Add ${wellLabel(field)} recipients"]`).click();
  }
  const chips = compose.locator(OUTLOOK.chips(field));
  const before = await chips.count();
  const focused = await well.evaluate((el) => el === document.activeElement);
  if (!focused) await well.click();
  await page.keyboard.press('End');
  await page.keyboard.type(address);
  await page.keyboard.press('Enter');
  await chips.nth(before).waitFor({ state: 'attached', timeout: 5_000 });
}

/** Clicks the compose's Send button with the mouse. */
export async function clickSend(page: Page, compose: Locator): Promise<void> {
  const site = await siteOf(compose);
  const button = sendButtonOf(compose, site);
  await button.scrollIntoViewIfNeeded();
  await button.click();
  await page.waitForTimeout(0);
}

/** Focuses Send (as Tab would) and presses Enter or Space on it. */
export async function pressOnSend(
  page: Page,
  compose: Locator,
  key: 'Enter' | 'Space' = 'Enter',
): Promise<void> {
  const site = await siteOf(compose);
  await sendButtonOf(compose, site).focus();
  await page.keyboard.press(key);
}

export type SendShortcut = 'ctrl-enter' | 'meta-enter' | 'alt-s';

/** Presses a send shortcut in whatever has focus (focus the body first). */
export async function pressSendShortcut(page: Page, shortcut: SendShortcut): Promise<void> {
  const keys: Record<SendShortcut, string> = {
    'ctrl-enter': 'Control+Enter',
    'meta-enter': 'Meta+Enter',
    'alt-s': 'Alt+KeyS',
  };
  await page.keyboard.press(keys[shortcut]);
}

/** Opens "More send options" (mousedown + mouseup, as Gmail needs) and schedules the send. */
export async function scheduleSend(page: Page, compose: Locator, option = 'Tomorrow morning'): Promise<void> {
  const site = await siteOf(compose);
  if (site === 'gmail') {
    await compose.locator(GMAIL.moreSendOptions).click();
    await page.locator(GMAIL.scheduleMenuItem).click();
    await page.locator('[role="dialog"] [role="menuitem"]', { hasText: option }).click();
    return;
  }
  await compose.locator(OUTLOOK.sendMenu).click();
  await page.locator('[role="menu"] [role="menuitem"]', { hasText: 'Schedule send' }).click();
}

// ---------------------------------------------------------------------------------------------------------
// What the fixture recorded

export interface SentRecord {
  site: 'gmail' | 'outlook' | 'plain';
  host: string;
  composeId: string;
  /** Gmail: an inline reply; Outlook: a reply under the conversation. */
  inline: boolean;
  kind: 'send' | 'schedule';
  via: 'click' | 'keyboard' | 'button-key' | 'schedule-menu';
  key: string | null;
  /** Whether the event that triggered the send was a trusted (user) event. */
  trusted: boolean;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  at: string;
  scheduledFor?: string;
}

/** The sends the fixture recorded, read from the mirror on <html> (readable from any world). */
export async function sentLog(page: Page): Promise<SentRecord[]> {
  const raw = await page.evaluate(() => document.documentElement.getAttribute('data-fixture-sent-log'));
  return raw ? (JSON.parse(raw) as SentRecord[]) : [];
}

/** Waits until at least `count` sends are recorded and returns the log. */
export async function waitForSends(page: Page, count = 1, timeoutMs = 5_000): Promise<SentRecord[]> {
  await page.waitForFunction(
    (n) => Number(document.documentElement.getAttribute('data-fixture-sent-count') ?? '0') >= n,
    count,
    { timeout: timeoutMs },
  );
  return sentLog(page);
}

/** Alerts the fixture showed instead of sending (for example "no recipient"). */
export async function fixtureAlerts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const fixture = (window as unknown as { __fixture?: { alerts?: string[] } }).__fixture;
    return fixture?.alerts ? [...fixture.alerts] : [];
  });
}

/** Writes a PNG under test-results/screenshots/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const safe = name.replace(/[^a-zA-Z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'page';
  const file = join(SCREENSHOT_DIR, safe.endsWith('.png') ? safe : `${safe}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

// ---------------------------------------------------------------------------------------------------------
// Other Gmail surfaces, draft facts (attachments, thread time) and the saved policy

export const GMAIL_VARIANT_FILES = {
  popout: join(FIXTURES_DIR, 'gmail-popout-2026-11.html'),
  fullscreen: join(FIXTURES_DIR, 'gmail-fullscreen-2026-11.html'),
} as const;
export type GmailVariant = keyof typeof GMAIL_VARIANT_FILES;

/**
 * Opens a Gmail surface that lives in its own document (a popped-out compose, a full-screen compose) on
 * mail.google.com, with the strict CSP. A page-level route wins over routeMailHosts' context route.
 */
export async function openGmailVariant(
  context: BrowserContext,
  variant: GmailVariant,
  options: OpenOptions = {},
): Promise<Page> {
  const page = await context.newPage();
  const nonce = randomBytes(16).toString('base64');
  await page.route(`https://${GMAIL_HOST}/**`, async (route) => {
    if (route.request().resourceType() !== 'document') {
      await route.fulfill({ status: 404, contentType: 'text/plain; charset=utf-8', body: 'not found' });
      return;
    }
    const html = (await fixtureText(GMAIL_VARIANT_FILES[variant])).split(NONCE_PLACEHOLDER).join(nonce);
    await route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers: { 'cache-control': 'no-store', 'content-security-policy': gmailCspHeader(nonce) },
      body: html,
    });
  });
  const path =
    options.path ?? (variant === 'popout' ? '/mail/u/0/?view=cm&fs=1&tf=1' : '/mail/u/0/#inbox?compose=new');
  const timeout = options.timeoutMs ?? 15_000;
  await page.goto(`https://${GMAIL_HOST}${path}`, { waitUntil: 'domcontentloaded', timeout });
  await page.waitForFunction(
    () => document.documentElement.getAttribute('data-fixture-ready') === 'gmail',
    null,
    {
      timeout,
    },
  );
  return page;
}

/** Attaches a file (by name only) to a compose, as the fixture's own attachment chip or card. */
export async function attachFile(page: Page, compose: Locator, name: string): Promise<void> {
  const site = await siteOf(compose);
  const id =
    site === 'gmail'
      ? await compose.locator('input[name="composeid"]').inputValue()
      : await compose.evaluate((el) => el.id);
  const ok = await page.evaluate(
    ([s, composeId, file]) => {
      const fixture = (window as unknown as { __fixture?: { attach?: (...args: string[]) => boolean } })
        .__fixture;
      if (!fixture?.attach) return false;
      return s === 'gmail'
        ? fixture.attach(composeId as string, file as string)
        : fixture.attach(file as string);
    },
    [site, id, name] as const,
  );
  if (!ok) throw new Error(`The fixture could not attach ${name}`);
}

/** Formats a local time the way Gmail titles a message date: "Mon, Nov 23, 2026, 9:14 AM". */
export function gmailDateTitle(date: Date): string {
  const day = date.toLocaleDateString('en-US', { weekday: 'short' });
  const month = date.toLocaleDateString('en-US', { month: 'short' });
  const h = date.getHours() % 12 || 12;
  const m = String(date.getMinutes()).padStart(2, '0');
  return `${day}, ${month} ${date.getDate()}, ${date.getFullYear()}, ${h}:${m} ${date.getHours() < 12 ? 'AM' : 'PM'}`;
}

/**
 * Sets the time of the thread's last (customer) message, in the page's own clock and zone, and optionally
 * a severity label on the thread ("Sev 2"), as Gmail shows them in the read view.
 */
export async function setGmailThread(
  page: Page,
  options: { hoursAgo: number; severityLabel?: string },
): Promise<void> {
  await page.evaluate(
    ({ hoursAgo, severityLabel }) => {
      const date = new Date(Date.now() - hoursAgo * 3_600_000);
      const day = date.toLocaleDateString('en-US', { weekday: 'short' });
      const month = date.toLocaleDateString('en-US', { month: 'short' });
      const h = date.getHours() % 12 || 12;
      const m = String(date.getMinutes()).padStart(2, '0');
      const title = `${day}, ${month} ${date.getDate()}, ${date.getFullYear()}, ${h}:${m} ${date.getHours() < 12 ? 'AM' : 'PM'}`;
      const messages = document.querySelectorAll('[data-thread-perm-id] .adn');
      const stamp = messages[messages.length - 1]?.querySelector('span.g3');
      if (stamp) {
        stamp.setAttribute('title', title);
        stamp.setAttribute('aria-label', title);
        stamp.textContent = `${month} ${date.getDate()}, ${h}:${m} (${Math.round(hoursAgo)} hours ago)`;
      }
      const thread = document.querySelector('[data-thread-perm-id]');
      if (severityLabel && thread && !thread.querySelector('.ar.as')) {
        const row = document.createElement('div');
        row.className = 'ar as';
        const label = document.createElement('div');
        label.className = 'at';
        label.setAttribute('title', severityLabel);
        label.textContent = severityLabel;
        row.append(label);
        thread.querySelector('h2.hP')?.after(row);
      }
    },
    { hoursAgo: options.hoursAgo, severityLabel: options.severityLabel ?? '' },
  );
}

/** Saves a policy in the extension's storage through its worker (the worker reads it on each check). */
export async function savePolicy(browser: LaunchedBrowser, policy: unknown): Promise<void> {
  if (!browser.worker) throw new Error('no extension worker');
  await browser.worker.evaluate(async (value) => {
    const api = (
      globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }
    ).chrome;
    await api.storage.local.set({ policy: value });
  }, policy);
}

/** Removes the saved policy: the built-in one applies again. */
export async function clearPolicy(browser: LaunchedBrowser): Promise<void> {
  if (!browser.worker) throw new Error('no extension worker');
  await browser.worker.evaluate(async () => {
    const api = (
      globalThis as unknown as { chrome: { storage: { local: { remove(k: string): Promise<void> } } } }
    ).chrome;
    await api.storage.local.remove('policy');
  });
}

// ---------------------------------------------------------------------------------------------------------
// Where text is drawn

export interface Rect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * The screen box (viewport coordinates) of the first occurrence of `needle` inside the editor — exact code
 * units, invisible ones included — measured with a Range in the page.
 */
export async function textRect(editor: Locator, needle: string): Promise<Rect> {
  const rect = await editor.evaluate((el, text) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.nodeValue ?? '').indexOf(text);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const r = range.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }
    return null;
  }, needle);
  if (!rect) throw new Error(`${JSON.stringify(needle)} is not in the editor`);
  return rect;
}

// ---------------------------------------------------------------------------------------------------------
// Recording every request and console line of a session (privacy tests; stopping the worker: worker-control.ts)

/** Who made a request or wrote a console line. */
export type TrafficOrigin = 'worker' | 'extension-page' | 'page';

export interface TrafficRequest {
  /** Order of arrival across every source, to split a session into phases. */
  seq: number;
  /**
   * playwright: the context's `request` event (pages, extension pages and the service worker, which
   * Playwright attaches to from its first instruction); cdp: the DevTools protocol on that target directly
   * (pages, and the worker through a non-flattened session); csp-blocked: a load the Content Security Policy
   * refused before it reached the network, which only the target's log reports.
   */
  source: 'playwright' | 'cdp' | 'csp-blocked';
  url: string;
  resourceType: string;
  origin: TrafficOrigin;
  /** The URL of the frame or worker that made it. */
  from: string;
  /** Script URLs on the initiator's stack (where the DevTools protocol gives one). */
  initiatorUrls: string[];
}

export interface TrafficConsoleLine {
  seq: number;
  origin: TrafficOrigin;
  from: string;
  text: string;
}

export interface TrafficRecorder {
  requests: TrafficRequest[];
  console: TrafficConsoleLine[];
  /** The sequence number the next record gets: records at or after it belong to a later phase. */
  mark(): number;
  /** How many times a service worker of the extension was attached to directly (once per start). */
  workerAttachments(): number;
  stop(): Promise<void>;
}

type CdpEvent = Record<string, unknown>;
type CdpStack = { callFrames?: { url?: string }[]; parent?: CdpStack };

function stackUrls(stack: CdpStack | undefined): string[] {
  const urls: string[] = [];
  for (let s = stack; s; s = s.parent) for (const f of s.callFrames ?? []) if (f.url) urls.push(f.url);
  return urls;
}

function cdpArgsText(args: unknown): string {
  return JSON.stringify(args ?? []);
}

/** The URL a "violates the Content Security Policy" log line names, if it names one. */
function blockedUrl(text: string): string | null {
  const m =
    /(?:Connecting to|load|Refused to load(?: the [a-z ]+)?) '?([a-z-]+:[^\s'"]+)'?/i.exec(text) ??
    /\b((?:https?|wss?|ftp):\/\/[^\s'"]+)/i.exec(text);
  return m ? (m[1] ?? null) : null;
}

/**
 * Records every request and console line in the browser from now on, from three vantage points: the
 * context's own events (pages, extension pages, the service worker), a DevTools session on every page
 * (requests with their initiator's stack, the log, console arguments), and a DevTools session on each
 * service worker target of the extension, attached through a page's session (the worker's fetches, its
 * log — where Content Security Policy refusals appear — and its console arguments).
 */
export async function recordTraffic(browser: LaunchedBrowser): Promise<TrafficRecorder> {
  if (!browser.extensionId) throw new Error('no extension loaded');
  const { context } = browser;
  const prefix = `chrome-extension://${browser.extensionId}/`;
  const requests: TrafficRequest[] = [];
  const lines: TrafficConsoleLine[] = [];
  let seq = 0;
  const originOf = (url: string, worker: boolean): TrafficOrigin =>
    worker ? 'worker' : url.startsWith(prefix) ? 'extension-page' : 'page';
  const addRequest = (r: Omit<TrafficRequest, 'seq'>) => requests.push({ seq: seq++, ...r });
  const addLine = (l: Omit<TrafficConsoleLine, 'seq'>) => lines.push({ seq: seq++, ...l });

  const onRequest = (request: import('playwright-core').Request): void => {
    const worker = request.serviceWorker();
    let from = worker?.url() ?? '';
    if (!worker) {
      try {
        from = request.frame().url();
      } catch {
        from = '';
      }
    }
    addRequest({
      source: 'playwright',
      url: request.url(),
      resourceType: request.resourceType(),
      origin: originOf(from, Boolean(worker)),
      from,
      initiatorUrls: [],
    });
  };
  const onConsole = (message: import('playwright-core').ConsoleMessage): void => {
    const worker = message.worker();
    const from = worker?.url() ?? message.page()?.url() ?? '';
    const location = message.location();
    addLine({
      origin: originOf(from, Boolean(worker) && from.startsWith(prefix)),
      from,
      text: `${message.type()}: ${message.text()} @ ${location.url}`,
    });
  };
  const onWebError = (error: import('playwright-core').WebError): void => {
    const from = error.page()?.url() ?? '';
    addLine({
      origin: originOf(from, false),
      from,
      text: `pageerror: ${error.error().stack ?? error.error()}`,
    });
  };

  const sessions: import('playwright-core').CDPSession[] = [];
  const logEntry = (entry: CdpEvent, from: string, worker: boolean): void => {
    const text = String(entry.text ?? '');
    const origin = originOf(from, worker);
    addLine({
      origin,
      from,
      text: `log ${String(entry.level)} ${String(entry.source)}: ${text} ${entry.url ?? ''}`,
    });
    if (/Content Security Policy/i.test(text)) {
      addRequest({
        source: 'csp-blocked',
        url: blockedUrl(text) ?? text,
        resourceType: 'blocked',
        origin,
        from,
        initiatorUrls: stackUrls(entry.stackTrace as CdpStack | undefined),
      });
    }
  };
  const cdpRequest = (event: CdpEvent, from: string, worker: boolean): void => {
    const request = event.request as { url: string };
    const initiator = event.initiator as { url?: string; stack?: CdpStack } | undefined;
    addRequest({
      source: 'cdp',
      url: request.url,
      resourceType: String(event.type ?? ''),
      origin: originOf(from, worker),
      from,
      initiatorUrls: [...(initiator?.url ? [initiator.url] : []), ...stackUrls(initiator?.stack)],
    });
  };

  const watchPage = async (page: Page): Promise<void> => {
    try {
      const cdp = await context.newCDPSession(page);
      sessions.push(cdp);
      cdp.on('Network.requestWillBeSent', (event) => cdpRequest(event as CdpEvent, page.url(), false));
      cdp.on('Log.entryAdded', (event) => logEntry(event.entry as unknown as CdpEvent, page.url(), false));
      cdp.on('Runtime.consoleAPICalled', (event) => {
        const from = page.url();
        addLine({ origin: originOf(from, false), from, text: `cdp console: ${cdpArgsText(event.args)}` });
      });
      await cdp.send('Network.enable');
      await cdp.send('Log.enable');
      await cdp.send('Runtime.enable');
    } catch {
      // A page that closed while being watched: its context events are still recorded.
    }
  };

  // The worker: a page of the extension holds a session that discovers its service worker targets and
  // attaches to each (non-flattened: Playwright's client has no child sessions), enabling the network,
  // the log and the runtime there.
  const holder = await context.newPage();
  await holder.goto(`${prefix}manifest.json`);
  const hub = await context.newCDPSession(holder);
  sessions.push(hub);
  const attached = new Map<string, { sessionId: string; url: string }>();
  const bySession = new Map<string, string>();
  let attachments = 0;
  let nextId = 1;
  const toWorker = (sessionId: string, method: string, params: Record<string, unknown> = {}) =>
    hub
      .send(
        'Target.sendMessageToTarget' as 'Target.sendMessageToTarget',
        {
          sessionId,
          message: JSON.stringify({ id: nextId++, method, params }),
        } as never,
      )
      .catch(() => undefined);
  const attach = async (info: { targetId: string; type: string; url: string }): Promise<void> => {
    if (info.type !== 'service_worker' || !info.url.startsWith(prefix) || attached.has(info.targetId)) return;
    attached.set(info.targetId, { sessionId: '', url: info.url });
    try {
      const { sessionId } = (await hub.send('Target.attachToTarget', {
        targetId: info.targetId,
        flatten: false,
      } as never)) as { sessionId: string };
      attached.set(info.targetId, { sessionId, url: info.url });
      bySession.set(sessionId, info.url);
      attachments++;
      await toWorker(sessionId, 'Network.enable');
      await toWorker(sessionId, 'Log.enable');
      await toWorker(sessionId, 'Runtime.enable');
    } catch {
      attached.delete(info.targetId);
    }
  };
  hub.on('Target.receivedMessageFromTarget' as 'Target.receivedMessageFromTarget', (event) => {
    const { sessionId, message } = event as unknown as { sessionId: string; message: string };
    const from = bySession.get(sessionId) ?? 'worker';
    const parsed = JSON.parse(message) as { method?: string; params?: CdpEvent };
    if (!parsed.method || !parsed.params) return;
    if (parsed.method === 'Network.requestWillBeSent') cdpRequest(parsed.params, from, true);
    else if (parsed.method === 'Log.entryAdded') logEntry(parsed.params.entry as CdpEvent, from, true);
    else if (parsed.method === 'Runtime.consoleAPICalled')
      addLine({ origin: 'worker', from, text: `cdp console: ${cdpArgsText(parsed.params.args)}` });
  });
  // A stopped worker's target goes away; when it starts again it is attached to again.
  const forget = (targetId: string) => attached.delete(targetId);
  hub.on('Target.targetDestroyed', (event) => forget(event.targetId));
  hub.on('Target.detachedFromTarget', (event) => {
    for (const [id, a] of attached) if (a.sessionId === event.sessionId) forget(id);
  });
  hub.on('Target.targetCreated', (event) => void attach(event.targetInfo));
  hub.on('Target.targetInfoChanged', (event) => void attach(event.targetInfo));
  await hub.send('Target.setDiscoverTargets', { discover: true });
  const { targetInfos } = await hub.send('Target.getTargets');
  for (const info of targetInfos) await attach(info);

  context.on('request', onRequest);
  context.on('console', onConsole);
  context.on('weberror', onWebError);
  const onPage = (page: Page) => void watchPage(page);
  context.on('page', onPage);
  for (const page of context.pages()) if (page !== holder) await watchPage(page);

  return {
    requests,
    console: lines,
    mark: () => seq,
    workerAttachments: () => attachments,
    async stop() {
      context.off('request', onRequest);
      context.off('console', onConsole);
      context.off('weberror', onWebError);
      context.off('page', onPage);
      for (const s of sessions) await s.detach().catch(() => undefined);
      await holder.close().catch(() => undefined);
    },
  };
}
