// A policy deployed the way an administrator deploys it: a JSON file in Chromium's managed policy folder
// with the extension's settings under 3rdparty.extensions.<id>. Chromium reads it into storage.managed;
// Preflight enforces it, shows it locked, and the user cannot change it.
//
// Other browser tests may run on this machine at the same time, and every Chromium here reads that folder
// (and re-reads it when it changes). So that this policy reaches only this test's browser, the built
// extension is copied and given a key of its own: the policy names that copy's id, and no other browser
// has an extension with that id. The format is exactly what README shows for the pinned id.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addRecipient,
  type Browser,
  clickSend,
  gmailComposes,
  launchBrowser,
  openGmail,
  REPO_ROOT,
  routeMailHosts,
  screenshot,
  typeInto,
} from './harness.ts';

const POLICY_DIR = '/etc/chromium/policies/managed';
const isRoot = process.getuid?.() === 0;
const SKIP_REASON = `managed policy test skipped: writing ${POLICY_DIR} needs root (running as uid ${process.getuid?.()})`;
if (!isRoot) console.warn(SKIP_REASON);

type Chrome = {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    storage: { managed: { get(): Promise<Record<string, unknown>> } };
  };
};

const LOCKED_RULE = 'competitor-fud/disparaging-claim';
const MANAGED = {
  competitors: [{ name: 'Globex Dynamics', aliases: ['Globex'] }],
  accounts: [{ id: 'initech', name: 'Initech Systems', domains: ['initech.example'] }],
  rules: {
    [LOCKED_RULE]: { severity: 'block', overridable: false, phrases: { add: ['flaky'] } },
  },
  gate: { failMode: 'closed' },
};

/** A fresh manifest key and the extension id Chromium derives from it. */
function freshKey(): { key: string; id: string } {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
  const id = [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
  return { key: der.toString('base64'), id };
}

/** Creates the folder (and its parents) as needed; returns the ones it created, deepest first. */
async function ensureDir(dir: string): Promise<string[]> {
  const created: string[] = [];
  let d = dir;
  while (!existsSync(d)) {
    created.push(d);
    d = join(d, '..');
  }
  await mkdir(dir, { recursive: true, mode: 0o755 });
  return created;
}

describe.skipIf(!isRoot)('managed policy from /etc/chromium/policies/managed', () => {
  let browser: Browser;
  let extensionDir = '';
  let policyFile = '';
  let createdDirs: string[] = [];
  let id = '';

  beforeAll(async () => {
    const copy = await mkdtemp(join(tmpdir(), 'preflight-managed-ext-'));
    extensionDir = join(copy, 'chrome');
    await cp(join(REPO_ROOT, 'dist/chrome'), extensionDir, { recursive: true });
    const manifestPath = join(extensionDir, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { key?: string };
    expect(manifest.key, 'the built manifest pins its id with a key').toBeTypeOf('string');
    const fresh = freshKey();
    id = fresh.id;
    await writeFile(manifestPath, JSON.stringify({ ...manifest, key: fresh.key }));

    createdDirs = await ensureDir(POLICY_DIR);
    policyFile = join(POLICY_DIR, `preflight-e2e-managed-policy-${id}.json`);
    await writeFile(policyFile, JSON.stringify({ '3rdparty': { extensions: { [id]: MANAGED } } }), {
      mode: 0o644,
    });
    browser = await launchBrowser({ extensionDir });
    await routeMailHosts(browser.context);
  });

  afterAll(async () => {
    await browser?.close();
    // Always: the file must not outlive this test (every Chromium on the machine reads the folder).
    if (policyFile) await rm(policyFile, { force: true });
    for (const dir of createdDirs) await rmdir(dir).catch(() => {});
    if (extensionDir) await rm(join(extensionDir, '..'), { recursive: true, force: true });
  });

  async function openOptions(): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    await page.locator('[data-preflight-options][data-ready="true"]').waitFor({ timeout: 10_000 });
    return page;
  }

  it('Chromium loads the file into the extension’s managed storage', async () => {
    expect(browser.extensionId).toBe(id);
    const managed = await browser.worker?.evaluate(() =>
      (globalThis as unknown as Chrome).chrome.storage.managed.get(),
    );
    if (!managed || Object.keys(managed).length === 0) {
      const page = await browser.context.newPage();
      await page.goto('chrome://policy');
      await page.waitForTimeout(1_000);
      // The page is built of web components: read the text through their shadow roots.
      const shown = await page.evaluate(() => {
        const text = (node: Node): string => {
          const el = node as Element;
          const own = el.shadowRoot ? text(el.shadowRoot) : '';
          if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
          return own + [...node.childNodes].map(text).join(' ');
        };
        return text(document.body)
          .replace(/\s+/g, ' ')
          .replace(/\S+ Not set\. Value Applies to Level Status Not set\. Error Warning Info ?/g, '')
          .replace(/^.*?(?=Status )/, '')
          .slice(0, 4000);
      });
      throw new Error(
        `storage.managed is empty; ${policyFile} was not applied. chrome://policy shows:\n${shown}`,
      );
    }
    expect(managed).toEqual(MANAGED);
  });

  it('shows the managed values locked in the options page, and the user cannot change them', async () => {
    const options = await openOptions();
    const managedNote = options.locator('[data-preflight-managed]');
    const lockedPaths = (await managedNote.getAttribute('data-preflight-managed'))?.split(' ').sort();
    expect(lockedPaths).toEqual(['accounts', 'competitors', 'gate', `rules.${LOCKED_RULE}`]);

    // Facts: the competitor list shows the administrator's value and cannot be edited.
    await options.locator('[data-preflight-locked="competitors"]').waitFor();
    const competitors = options.locator('[data-preflight-field="competitors"]');
    expect(await competitors.inputValue()).toContain('Globex Dynamics');
    expect(await competitors.isEditable()).toBe(false);
    await options.locator('[data-preflight-locked="accounts"]').waitFor();

    // The locked rule: marked, its controls and phrase editor disabled; another rule stays editable.
    const row = options.locator(`[data-rule-row="${LOCKED_RULE}"]`);
    expect(await row.textContent()).toContain('(locked)');
    expect(await row.getAttribute('data-severity')).toBe('block');
    expect(await options.locator(`[data-preflight-rule-severity="${LOCKED_RULE}"]`).isDisabled()).toBe(true);
    expect(await options.locator(`[data-preflight-rule-toggle="${LOCKED_RULE}"]`).isDisabled()).toBe(true);
    const phrases = options.locator(`[data-preflight-phrases="${LOCKED_RULE}"]`);
    await phrases.locator('summary').click();
    expect(await phrases.locator('[data-preflight-phrase="flaky"]').getAttribute('data-state')).toBe('added');
    expect(await phrases.locator(`[data-preflight-phrase-input="${LOCKED_RULE}"]`).isDisabled()).toBe(true);
    expect(
      await phrases
        .locator('[data-preflight-phrase="unreliable"] [data-preflight-phrase-action]')
        .isDisabled(),
    ).toBe(true);
    expect(
      await options.locator('[data-preflight-rule-toggle="tone/dismissive-language"]').isDisabled(),
    ).toBe(false);
    await row.scrollIntoViewIfNeeded();
    await screenshot(options, 'options-managed');

    // Around the page: a save that tries to change locked values keeps the administrator's.
    await options.evaluate(
      (rule) =>
        (globalThis as unknown as Chrome).chrome.runtime.sendMessage({
          kind: 'policy-save',
          policy: {
            version: 1,
            competitors: [{ name: 'Someone Else' }],
            gate: { failMode: 'ask' },
            rules: { [rule]: { severity: 'off' }, 'tone/dismissive-language': { severity: 'info' } },
          },
        }),
      LOCKED_RULE,
    );
    const state = (await options.evaluate(() =>
      (globalThis as unknown as Chrome).chrome.runtime.sendMessage({ kind: 'policy-get' }),
    )) as { effective: typeof MANAGED & { rules: Record<string, { severity?: string }> } };
    expect(state.effective.competitors).toEqual(MANAGED.competitors);
    expect(state.effective.gate.failMode).toBe('closed');
    expect(state.effective.rules[LOCKED_RULE]).toEqual(MANAGED.rules[LOCKED_RULE]);
    // The unlocked rule took the user's setting.
    expect(state.effective.rules['tone/dismissive-language']?.severity).toBe('info');
    await options.evaluate(() =>
      (globalThis as unknown as Chrome).chrome.runtime.sendMessage({ kind: 'policy-reset' }),
    );
    await options.close();
  });

  it('enforces them in a Gmail compose: the managed competitor and phrase block, the account is caught', async () => {
    const gmail = await openGmail(browser.context);
    const compose = gmailComposes(gmail).first();
    await addRecipient(gmail, compose, 'to', 'Dana Reyes <dana@contoso.example>');
    await typeInto(
      gmail,
      compose.locator('[g_editable="true"]'),
      'Hi Dana,\nGlobex is flaky under load.\nInitech Systems saw the same results last quarter.\nBest, Sam',
    );
    const finding = gmail.locator(`[data-preflight-root] [data-preflight-finding="${LOCKED_RULE}"]`);
    await expect.poll(() => finding.count(), { timeout: 10_000 }).toBe(1);
    expect(await finding.getAttribute('data-severity')).toBe('block');
    await expect
      .poll(() => gmail.locator('[data-preflight-root] [data-preflight-finding^="cross-account/"]').count(), {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);
    // Sending is held, and the administrator made the competitor rule impossible to override.
    await clickSend(gmail, compose);
    const dialog = gmail.locator('[data-preflight-dialog]');
    await expect.poll(() => dialog.getAttribute('data-preflight-dialog'), { timeout: 10_000 }).toBe('held');
    expect(await dialog.textContent()).toContain('cannot be overridden');
    await gmail.close();
  });
});
