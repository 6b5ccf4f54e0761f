// npm run demo: Preflight in a real browser, in one command, with nothing leaving the machine.
//
// Builds the extension when dist/chrome is missing or older than its sources, starts Chromium (or Chrome or
// Edge) with it, serves the Gmail and Outlook compose pages of the end-to-end tests at their real hostnames
// (every other request is aborted), saves the sample policy (policies/sample.json: synthetic accounts,
// competitors and prices) and types a customer email that breaks several rules, key by key.
//
// With a display (and no --headless) the browser is then left to the person: edit, fix and send, and close
// the window to end. Without one, or with --headless, the same story is walked through and screenshots are
// written to demo/. --update-docs also copies them to docs/screenshots/ (the README's pictures).
import { spawnSync } from 'node:child_process';
import { accessSync, constants, copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(root, 'dist', 'chrome');
const OUT_DIR = join(root, 'demo');
const DOCS_DIR = join(root, 'docs', 'screenshots');
const HARNESS = join(root, 'test', 'e2e', 'harness.ts');
const POLICY_FILE = join(root, 'policies', 'sample.json');

const USAGE = `Usage: npm run demo [-- --headless] [-- --update-docs]

  (no flag)      with a display: opens the browser on Gmail and Outlook and leaves it to you
  --headless     walks the story without a window and writes screenshots to demo/
  --update-docs  also copies the screenshots to docs/screenshots/ (the README's pictures)
  --help         this text`;

// ---------------------------------------------------------------------------------------------------------
// The story

const RECIPIENT = 'dana.reyes@northwind.example';
const SUBJECT = 'Rollout plan for Northwind Traders';
const BODY = [
  'Hi Dana,',
  'Thanks for the call today. We guarantee 100% uptime, and you will be live by March 3.',
  'Unlike Initech, whose platform loses data, we run on our own servers.',
  'I can offer 30% off the Enterprise plan for [Customer Name].',
  'Best,',
].join('\n');
/** The word whose card the demo opens: its fix is a one-click rewrite. */
const CARD_WORD = 'guarantee';

const SHOTS = {
  gmail: 'gmail-inline-warnings.png',
  outlook: 'outlook-inline-warnings.png',
  card: 'finding-card.png',
  dialog: 'send-dialog.png',
  popup: 'popup.png',
  options: 'options.png',
};

const VIEWPORT = { width: 1280, height: 800 };
const STEP_TIMEOUT_MS = 30_000;
const WAIT_MS = 15_000;

// ---------------------------------------------------------------------------------------------------------
// Small helpers

class DemoError extends Error {}

function fail(message) {
  throw new DemoError(message);
}

let currentStep = 'starting';
const startedAt = Date.now();

function log(message) {
  console.log(`demo: ${message}`);
}

/** Runs one step of the demo with its own time limit, and names it when it fails. */
async function step(label, fn, timeoutMs = STEP_TIMEOUT_MS) {
  currentStep = label;
  const t0 = Date.now();
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new DemoError(`"${label}" did not finish within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
  });
  try {
    const value = await Promise.race([fn(), timeout]);
    log(`${label} (${Date.now() - t0} ms)`);
    return value;
  } finally {
    clearTimeout(timer);
  }
}

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Build when needed

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

function buildIsStale() {
  const manifest = join(DIST, 'manifest.json');
  if (!existsSync(manifest)) return 'dist/chrome is missing';
  const built = statSync(manifest).mtimeMs;
  const sources = ['src', 'rules', 'icons', 'manifest.config.ts', 'vite.config.ts', 'package.json'];
  for (const source of sources) {
    if (newestMtime(join(root, source)) > built) return `${source} changed since the last build`;
  }
  return null;
}

function buildIfNeeded() {
  const reason = buildIsStale();
  if (!reason) {
    log('the extension is built (dist/chrome is up to date)');
    return;
  }
  log(`building the extension: ${reason}`);
  const t0 = Date.now();
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--quiet'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    fail(
      result.error
        ? `the build did not finish: ${result.error.message}`
        : 'the build failed (see above); run "npm run build" to see why',
    );
  }
  log(`built dist/chrome (${Date.now() - t0} ms)`);
}

// ---------------------------------------------------------------------------------------------------------
// Finding a browser

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, name);
    if (isExecutable(file)) return file;
    if (process.platform === 'win32' && isExecutable(`${file}.exe`)) return `${file}.exe`;
  }
  return null;
}

function candidates() {
  const list = [];
  if (process.env.CHROMIUM_PATH) list.push({ path: process.env.CHROMIUM_PATH, kind: 'chromium' });
  const linux = [
    ['/usr/bin/chromium', 'chromium'],
    ['/usr/bin/chromium-browser', 'chromium'],
    ['/snap/bin/chromium', 'chromium'],
  ];
  for (const [path, kind] of linux) list.push({ path, kind });
  for (const name of ['chromium', 'chromium-browser']) list.push({ path: onPath(name), kind: 'chromium' });
  const mac = '/Applications';
  list.push({ path: `${mac}/Chromium.app/Contents/MacOS/Chromium`, kind: 'chromium' });
  for (const name of ['google-chrome', 'google-chrome-stable', 'chrome'])
    list.push({ path: onPath(name), kind: 'chrome' });
  list.push(
    { path: '/opt/google/chrome/chrome', kind: 'chrome' },
    { path: `${mac}/Google Chrome.app/Contents/MacOS/Google Chrome`, kind: 'chrome' },
  );
  for (const name of ['microsoft-edge', 'microsoft-edge-stable', 'msedge'])
    list.push({ path: onPath(name), kind: 'edge' });
  list.push(
    { path: '/opt/microsoft/msedge/msedge', kind: 'edge' },
    { path: `${mac}/Microsoft Edge.app/Contents/MacOS/Microsoft Edge`, kind: 'edge' },
  );
  if (process.platform === 'win32') {
    for (const base of [
      process.env.PROGRAMFILES,
      process.env['PROGRAMFILES(X86)'],
      process.env.LOCALAPPDATA,
    ]) {
      if (!base) continue;
      list.push(
        { path: join(base, 'Chromium', 'Application', 'chrome.exe'), kind: 'chromium' },
        { path: join(base, 'Google', 'Chrome', 'Application', 'chrome.exe'), kind: 'chrome' },
        { path: join(base, 'Microsoft', 'Edge', 'Application', 'msedge.exe'), kind: 'edge' },
      );
    }
  }
  return list.filter((c) => c.path);
}

function findBrowser() {
  if (process.env.CHROMIUM_PATH && !isExecutable(process.env.CHROMIUM_PATH))
    fail(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which is not a program`);
  const found = candidates().find((c) => isExecutable(c.path));
  if (found) return found;
  const install =
    process.platform === 'darwin'
      ? 'brew install --cask chromium'
      : process.platform === 'win32'
        ? 'install Google Chrome or Microsoft Edge'
        : 'sudo apt-get install chromium (Debian/Ubuntu) or sudo dnf install chromium (Fedora)';
  fail(
    'no Chromium, Google Chrome or Microsoft Edge found. Install Chromium (' +
      install +
      '), or set CHROMIUM_PATH to a Chromium-based browser.',
  );
}

// ---------------------------------------------------------------------------------------------------------
// The end-to-end harness, bundled for Node at run time (it is TypeScript)

async function loadHarness() {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [HARNESS],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    write: false,
    logLevel: 'silent',
    // Its paths (fixtures, repository root) stay relative to where it lives.
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(HARNESS).href) },
  });
  // Inside node_modules so that its own imports (playwright-core) resolve.
  const dir = join(root, 'node_modules', '.cache', 'preflight-demo');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `harness-${process.pid}.mjs`);
  await writeFile(file, result.outputFiles[0].text);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    await rm(file, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------
// The browser

async function launch(harness, browser, headless) {
  const { chromium } = await import('playwright-core');
  const profileDir = await mkdtemp(join(tmpdir(), 'preflight-demo-'));
  const args = [
    ...harness.CHROMIUM_ARGS,
    `--disable-extensions-except=${DIST}`,
    `--load-extension=${DIST}`,
    '--no-default-browser-check',
  ];
  // Branded Chrome and Edge only load an unpacked extension from the command line with this switched off.
  if (browser.kind !== 'chromium') args.push('--disable-features=DisableLoadExtensionCommandLineSwitch');
  if (!headless) args.push(`--window-size=${VIEWPORT.width},${VIEWPORT.height + 120}`);
  let context;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: browser.path,
      headless,
      args,
      viewport: headless ? VIEWPORT : null,
      ignoreDefaultArgs: ['--disable-extensions'],
      timeout: 30_000,
    });
  } catch (error) {
    await rm(profileDir, { recursive: true, force: true }).catch(() => {});
    fail(`${browser.path} did not start: ${String(error?.message ?? error).split('\n')[0]}`);
  }
  const close = async () => {
    await context.close().catch(() => {});
    await rm(profileDir, { recursive: true, force: true }).catch(() => {});
  };
  let worker;
  try {
    worker =
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  } catch {
    await close();
    fail(
      browser.kind === 'chromium'
        ? `the extension in dist/chrome did not start in ${browser.path}; run "npm run build" and try again`
        : `${browser.path} did not load the unpacked extension (recent Chrome and Edge releases refuse to from ` +
            'the command line). Install Chromium, or set CHROMIUM_PATH to it.',
    );
  }
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId, close };
}

// ---------------------------------------------------------------------------------------------------------
// Pages

/** The shadow host Preflight mounted for this compose window (locators pierce open shadow roots). */
async function overlayOf(page, compose, site) {
  const id =
    site === 'gmail'
      ? await compose.locator('input[name="composeid"]').inputValue()
      : await compose.evaluate((el) => el.id);
  return page.locator(`[data-preflight-root][data-compose-id="${id}"]`);
}

/**
 * Waits until the compose window's chip shows a finished check with blocking findings, and until the
 * counts hold still for a second (the checks started by the last keys have landed).
 */
async function waitForFindings(page, overlay) {
  const chip = overlay.locator('[data-preflight-chip]');
  const underlines = overlay.locator('[data-preflight-finding]');
  await chip.waitFor({ state: 'attached', timeout: WAIT_MS });
  const read = async () => ({
    state: await chip.getAttribute('data-state'),
    blocking: Number(await chip.getAttribute('data-blocking')),
    warnings: Number(await chip.getAttribute('data-warnings')),
    underlines: await underlines.count(),
  });
  const deadline = Date.now() + WAIT_MS;
  let last = '';
  let stableSince = Date.now();
  for (;;) {
    const now = await read();
    const key = JSON.stringify(now);
    if (key !== last) {
      last = key;
      stableSince = Date.now();
    } else if (now.state === 'result' && now.blocking > 0 && Date.now() - stableSince >= 1_000) {
      return now;
    }
    if (Date.now() > deadline) fail(`the check did not settle with findings (chip: ${key})`);
    await page.waitForTimeout(150);
  }
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const counted = (c) =>
  `${plural(c.blocking, 'blocking issue')}, ${plural(c.warnings, 'warning')}, ${plural(c.underlines, 'underline')}`;

async function writeStory(harness, page, compose, site) {
  await harness.addRecipient(page, compose, 'to', RECIPIENT);
  await harness.typeInto(page, harness.subjectOf(compose, site), SUBJECT, { caret: 'end' });
  await harness.typeInto(page, harness.bodyOf(compose, site), BODY);
}

async function openGmailStory(harness, context) {
  const page = await harness.openGmail(context);
  const compose = harness.gmailNewMessages(page).first();
  await compose.waitFor({ timeout: WAIT_MS });
  await page.locator('html[data-preflight-active="gmail"]').waitFor({ timeout: WAIT_MS });
  await writeStory(harness, page, compose, 'gmail');
  return { page, compose };
}

async function openOutlookStory(harness, context) {
  const page = await harness.openOutlook(context, 'outlook.office.com', { compose: 'new' });
  const compose = harness.outlookCompose(page);
  await compose.waitFor({ timeout: WAIT_MS });
  await page.locator('html[data-preflight-active="outlook"]').waitFor({ timeout: WAIT_MS });
  await writeStory(harness, page, compose, 'outlook');
  return { page, compose };
}

/** The middle of the first occurrence of `text` in the editor, in page coordinates. */
async function pointAt(editor, text) {
  const point = await editor.evaluate((el, needle) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.nodeValue ?? '').indexOf(needle);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const r = range.getBoundingClientRect();
      return { x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 };
    }
    return null;
  }, text);
  if (!point) fail(`"${text}" is not in the editor`);
  return point;
}

async function shoot(page, name, options = {}) {
  const file = join(OUT_DIR, name);
  await page.screenshot({ path: file, ...options });
  return file;
}

async function gmailTabId(worker) {
  return worker.evaluate(async () => {
    const tabs = await globalThis.chrome.tabs.query({ url: 'https://mail.google.com/*' });
    return tabs[0]?.id ?? null;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Main

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const unknown = args.filter((a) => !['--headless', '--update-docs'].includes(a));
if (unknown.length > 0) {
  console.error(`demo: unknown option ${unknown.join(' ')}\n\n${USAGE}`);
  process.exit(2);
}
const hasDisplay =
  Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.platform !== 'linux';
const headless = args.includes('--headless') || !hasDisplay;
const updateDocs = args.includes('--update-docs');

let session = null;
let finishing = false;

/** Exits once what was printed has reached a pipe (process.exit alone can cut it short). */
function exit(code) {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

async function shutDown(code, message) {
  if (finishing) return;
  finishing = true;
  if (message) console.error(`demo: ${message}`);
  await session?.close();
  exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => void shutDown(headless ? 130 : 0, headless ? 'interrupted' : undefined));
}

async function main() {
  log(
    headless
      ? `headless${hasDisplay ? '' : ' (no display found)'}: walking the story and writing screenshots`
      : 'with a window',
  );
  await step('build', async () => buildIfNeeded(), 240_000);
  currentStep = 'find a browser';
  const browser = findBrowser();
  log(`browser: ${browser.path}`);
  const harness = await step('load the end-to-end harness', () => loadHarness());
  process.env.CHROMIUM_PATH = browser.path;

  session = await step(
    'start the browser with the extension',
    () => launch(harness, browser, headless),
    60_000,
  );
  const { context, worker, extensionId } = session;
  const routes = await step('route the mail hostnames to local pages (everything else is aborted)', () =>
    harness.routeMailHosts(context, { csp: 'gmail-strict' }),
  );
  const policy = JSON.parse(await readFile(POLICY_FILE, 'utf8'));
  await step('save the sample policy (synthetic accounts, competitors and prices)', () =>
    harness.savePolicy({ worker }, policy),
  );

  const blank = context.pages();
  const gmail = await step(`Gmail: write to ${RECIPIENT}, typed key by key`, () =>
    openGmailStory(harness, context),
  );
  for (const page of blank) await page.close().catch(() => {});
  const gmailOverlay = await overlayOf(gmail.page, gmail.compose, 'gmail');
  const gmailCounts = await step('Gmail: wait for the underlines and the chip', () =>
    waitForFindings(gmail.page, gmailOverlay),
  );
  log(`  Gmail: ${counted(gmailCounts)}`);
  const outlook = await step('Outlook on the web: the same email in a new message', () =>
    openOutlookStory(harness, context),
  );
  const outlookOverlay = await overlayOf(outlook.page, outlook.compose, 'outlook');
  const outlookCounts = await step('Outlook: wait for the underlines and the chip', () =>
    waitForFindings(outlook.page, outlookOverlay),
  );
  log(`  Outlook: ${counted(outlookCounts)}`);

  if (!headless) {
    await gmail.page.bringToFront();
    currentStep = 'waiting for the browser to be closed';
    console.log(`
Preflight is running in the browser window, on Gmail and on Outlook on the web (second tab).
These are local copies of the compose pages at their real addresses; nothing reaches the network.

  - hover an underline to see the rule, the policy clause and a fix; Apply rewrites it (Ctrl+Z undoes it)
  - click Send: the email is held until it is fixed, or sent anyway with a written reason
  - the toolbar button (puzzle piece, then Preflight) shows the findings for the tab

Close the browser window to end the demo.`);
    await new Promise((resolve) => context.on('close', resolve));
    await session.close();
    log('browser closed, done');
    return;
  }

  mkdirSync(OUT_DIR, { recursive: true });
  const written = [];
  await step('screenshot: inline warnings on Gmail', async () => {
    await gmail.page.bringToFront();
    await gmail.page.mouse.move(5, 5);
    written.push(await shoot(gmail.page, SHOTS.gmail));
  });
  await step('screenshot: inline warnings on Outlook', async () => {
    await outlook.page.bringToFront();
    await outlook.page.mouse.move(5, 5);
    written.push(await shoot(outlook.page, SHOTS.outlook));
  });
  await step(`screenshot: the card for "${CARD_WORD}" with its fix`, async () => {
    await gmail.page.bringToFront();
    const editor = harness.bodyOf(gmail.compose, 'gmail');
    const point = await pointAt(editor, CARD_WORD);
    await gmail.page.mouse.move(point.x, point.y, { steps: 4 });
    const card = gmailOverlay.locator('[data-preflight-card]');
    await card.waitFor({ timeout: WAIT_MS });
    await card.locator('[data-preflight-action="apply"]').waitFor({ timeout: WAIT_MS });
    written.push(await shoot(gmail.page, SHOTS.card));
    // The fix goes in through the editor, like typing (Ctrl+Z takes it back).
    await card.locator('[data-preflight-action="apply"]').click();
    await gmail.page.mouse.move(5, 5);
    await gmail.page.waitForFunction(
      ({ el, word }) => !el.textContent.includes(word),
      { el: await editor.elementHandle(), word: CARD_WORD },
      { timeout: WAIT_MS },
    );
    await waitForFindings(gmail.page, gmailOverlay);
  });
  await step('screenshot: the send dialog after clicking Send', async () => {
    await harness.clickSend(gmail.page, gmail.compose);
    const dialog = gmail.page.locator('[data-preflight-dialog]');
    await dialog.waitFor({ timeout: WAIT_MS });
    await gmail.page.locator('[data-preflight-action="cancel"]').waitFor({ timeout: WAIT_MS });
    await gmail.page.waitForTimeout(300);
    written.push(await shoot(gmail.page, SHOTS.dialog));
    await gmail.page.locator('[data-preflight-action="cancel"]').click();
    await dialog.waitFor({ state: 'detached', timeout: WAIT_MS });
    const sent = await harness.sentLog(gmail.page);
    if (sent.length > 0) fail('the violating email was sent: the send gate did not hold it');
  });
  await step('screenshot: the popup for the Gmail tab', async () => {
    const tab = await gmailTabId(worker);
    const page = await context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    const query = tab === null ? '' : `?tab=${tab}`;
    await page.goto(`chrome-extension://${extensionId}/src/popup/index.html${query}`);
    await page.locator('[data-preflight-popup]').waitFor({ timeout: WAIT_MS });
    const settled = page
      .locator(
        '[data-preflight-popup-state]:not([data-preflight-popup-state="loading"]), ' +
          '[data-preflight-status]:not([data-preflight-status="loading"])',
      )
      .first();
    await settled.waitFor({ timeout: WAIT_MS });
    const state = await settled.getAttribute('data-preflight-popup-state');
    if (state && state !== 'composes') log(`  the popup shows "${state}", not the tab's emails`);
    await page.waitForTimeout(500);
    // As big as what it shows, like the real popup.
    const size = await page.evaluate(() => {
      const main = document.querySelector('[data-preflight-popup]').getBoundingClientRect();
      const width = Math.max(document.documentElement.scrollWidth, Math.ceil(main.right));
      return { width };
    });
    await page.setViewportSize({ width: Math.min(Math.max(size.width, 320), 800), height: 200 });
    const height = await page.evaluate(() =>
      Math.ceil(document.querySelector('[data-preflight-popup]').getBoundingClientRect().bottom + 12),
    );
    await page.setViewportSize({
      width: Math.min(Math.max(size.width, 320), 800),
      height: Math.min(Math.max(height, 120), 1600),
    });
    written.push(await shoot(page, SHOTS.popup));
    await page.close();
  });

  await step('screenshot: the options page, rules and a phrase list', async () => {
    const page = await context.newPage();
    await page.setViewportSize(VIEWPORT);
    await page.goto(`chrome-extension://${extensionId}/src/options/index.html`);
    await page.locator('[data-preflight-options][data-ready="true"]').waitFor({ timeout: WAIT_MS });
    // The overcommitment rules, and the guarantee rule's phrase list opened: built-in phrases can be
    // removed, new ones added.
    await page.getByLabel('Filter rules').fill('overcommitment');
    const phrases = page.locator('[data-preflight-phrases="overcommitment/guarantee"]');
    await phrases.locator('summary').click();
    await page.locator('#rules').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(300);
    written.push(await shoot(page, SHOTS.options));
    await page.close();
  });

  const blocked = routes.blocked.length;
  await session.close();
  session = null;

  if (updateDocs) {
    mkdirSync(DOCS_DIR, { recursive: true });
    for (const file of written) copyFileSync(file, join(DOCS_DIR, file.split(/[\\/]/).pop()));
    log(`copied ${written.length} screenshots to docs/screenshots/`);
  }
  console.log(`\nScreenshots (${written.length}) in ${OUT_DIR}:`);
  for (const file of written) console.log(`  ${file}`);
  console.log(`\nNothing reached the network: ${plural(blocked, 'request')} to other hosts aborted.`);
  log(`done in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
}

// A last guard: whatever happens, a headless run ends by itself.
const watchdog = headless
  ? setTimeout(() => void shutDown(1, `gave up after 5 minutes (at: ${currentStep})`), 300_000)
  : null;
watchdog?.unref();

try {
  await main();
  clearTimeout(watchdog);
  exit(0);
} catch (error) {
  const reason = error instanceof DemoError ? error.message : String(error?.stack ?? error);
  await shutDown(1, `failed at "${currentStep}": ${reason}`);
}
