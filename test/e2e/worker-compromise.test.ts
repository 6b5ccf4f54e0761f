// Chrome's worker imports compromise's build (vendor/compromise.js) with importScripts() the first time it
// reads a sentence closely, after it has started. Chrome allows that only for a script the worker imported
// while installing, which it does in its install event (scripts/defer-compromise.mjs). This proves the
// whole arrangement in real Chromium: after a stop and after the browser restarts with the same profile,
// a woken worker still reads sentences with compromise. A rule that cannot read is reported `incomplete`
// by the engine, and the control (the same package without the install-time import) shows that this is
// exactly what a broken arrangement looks like.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath, waitUntilActivated } from './harness.ts';

const root = new URL('../..', import.meta.url).pathname;
const DIST = join(root, 'dist/chrome');
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

async function launch(profileDir: string, extensionDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
    ignoreDefaultArgs: ['--disable-extensions'],
  });
}

/** The extension's id: from its worker on the first launch (an installed worker starts on demand later). */
async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  await waitUntilActivated(worker);
  return new URL(worker.url()).host;
}

async function stopWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.waitForTimeout(300);
  await cdp.detach();
}

type Gate = {
  kind: string;
  result?: { findings: { ruleId: string }[]; incomplete?: { ruleId: string }[] };
};

/** The send gate's check (always the full reader) of a dated promise, from an extension page. */
async function gateCheck(page: Page): Promise<Gate> {
  const draft = {
    subject: 'Rollout',
    body: 'Hi Dana,\nThe portal will be live by March 3, and the export will be fixed within 24 hours.',
    to: ['Dana Reyes <dana.reyes@northwind.example>'],
    cc: [],
    bcc: [],
  };
  type Runtime = { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
  return (await page.evaluate((m) => (globalThis as unknown as Runtime).chrome.runtime.sendMessage(m), {
    kind: 'gate-check',
    draft,
  })) as Gate;
}

function expectFullReading(answer: Gate): void {
  expect(answer.kind).toBe('gate-result');
  expect(answer.result?.incomplete ?? []).toEqual([]);
  expect(answer.result?.findings.map((f) => f.ruleId)).toContain('timeline/delivery-commitment');
}

describe("Chrome's worker and compromise", () => {
  it('reads closely after a stop and after the browser restarts with the same profile', {
    timeout: 120_000,
  }, async () => {
    const profile = tempDir('preflight-restart-');
    let context = await launch(profile, DIST);
    const id = await extensionIdOf(context);
    let page = await context.newPage();
    await page.goto(`chrome-extension://${id}/manifest.json`);
    expectFullReading(await gateCheck(page));
    await stopWorkers(page);
    expectFullReading(await gateCheck(page));
    await context.close();

    // Same profile: the extension is installed already, and its worker starts when the page messages it.
    context = await launch(profile, DIST);
    page = await context.newPage();
    await page.goto(`chrome-extension://${id}/manifest.json`);
    expectFullReading(await gateCheck(page));
    await stopWorkers(page);
    expectFullReading(await gateCheck(page));
    await context.close();
  });

  it('control: without the import while installing, a woken worker cannot read, and says so', {
    timeout: 120_000,
  }, async () => {
    const copy = join(tempDir('preflight-no-install-import-'), 'chrome');
    cpSync(DIST, copy, { recursive: true });
    const worker = join(copy, 'background.js');
    const source = readFileSync(worker, 'utf8');
    // The install listener stays (its statement is the body of an `if`), with nothing in it.
    const installImport =
      /(self\.addEventListener\("install", \(\) => \{)[^}]*importScripts\(SCRIPT\);(\s*\}\);)/;
    expect(source).toMatch(installImport);
    writeFileSync(worker, source.replace(installImport, '$1$2'));

    const context = await launch(tempDir('preflight-control-'), copy);
    try {
      const id = await extensionIdOf(context);
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/manifest.json`);
      // Still in its first run, the worker may import anything; once stopped and woken, only what it
      // imported while installing.
      await stopWorkers(page);
      const answer = await gateCheck(page);
      expect(answer.kind).toBe('gate-result');
      expect(answer.result?.incomplete?.map((r) => r.ruleId)).toContain('timeline/delivery-commitment');
    } finally {
      await context.close();
    }
  });

  it('a package whose compromise file is missing still installs a worker that checks and says what it could not read', {
    timeout: 120_000,
  }, async () => {
    const copy = join(tempDir('preflight-no-compromise-'), 'chrome');
    cpSync(DIST, copy, { recursive: true });
    rmSync(join(copy, 'vendor/compromise.js'));
    const context = await launch(tempDir('preflight-missing-'), copy);
    try {
      // The install-time import throws; Chromium installs the worker all the same (only a rejected
      // waitUntil fails an install), and it checks with word lists.
      const id = await extensionIdOf(context);
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/manifest.json`);
      for (const _ of [1, 2]) {
        const answer = await gateCheck(page);
        expect(answer.kind).toBe('gate-result');
        expect(answer.result?.incomplete?.map((r) => r.ruleId)).toContain('timeline/delivery-commitment');
        await stopWorkers(page);
      }
    } finally {
      await context.close();
    }
  });
});
