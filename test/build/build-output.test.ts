// The built extension as a store reviewer or an administrator sees it: its manifest, its id, its lint.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const HOSTS = [
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
  'https://outlook.cloud.microsoft/*',
];
const CHROME_EXTENSION_ID = 'mejllmifkfelcennjodgchfabfbeckbc';
/** Every top-level manifest key: a new capability (externally_connectable, optional hosts, sandbox pages,
 * web-accessible resources, ...) needs a deliberate change here. */
const MANIFEST_KEYS: Record<string, string[]> = {
  chrome: [
    'action',
    'background',
    'browser_specific_settings',
    'content_scripts',
    'content_security_policy',
    'description',
    'host_permissions',
    'icons',
    'key',
    'manifest_version',
    'minimum_chrome_version',
    'name',
    'options_ui',
    'permissions',
    'short_name',
    'storage',
    'version',
  ],
  firefox: [
    'action',
    'background',
    'browser_specific_settings',
    'content_scripts',
    'content_security_policy',
    'description',
    'host_permissions',
    'icons',
    'manifest_version',
    'name',
    'options_ui',
    'permissions',
    'short_name',
    'version',
  ],
};

// biome-ignore lint/suspicious/noExplicitAny: the manifest is JSON, read field by field below.
type Manifest = Record<string, any>;
const manifest = (target: string): Manifest =>
  JSON.parse(readFileSync(join(root, 'dist', target, 'manifest.json'), 'utf8'));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe.each(['chrome', 'firefox'])('dist/%s', (target) => {
  const m = manifest(target);

  it('asks for storage and the five mail hosts, nothing more', () => {
    expect(m.manifest_version).toBe(3);
    expect(m.permissions).toEqual(['storage']);
    expect([...m.host_permissions].sort()).toEqual([...HOSTS].sort());
    expect(m.optional_permissions ?? []).toEqual([]);
    expect(m.optional_host_permissions ?? []).toEqual([]);
  });

  it('has exactly the manifest keys it has today, so permissions can only grow by a deliberate change', () => {
    expect(Object.keys(m).sort()).toEqual(MANIFEST_KEYS[target]);
    expect(Object.keys(m.content_security_policy)).toEqual(['extension_pages']);
  });

  it('runs its content script on exactly those hosts, in all frames, from document start', () => {
    expect(m.content_scripts).toHaveLength(1);
    const [cs] = m.content_scripts;
    expect([...cs.matches].sort()).toEqual([...HOSTS].sort());
    expect(cs.all_frames).toBe(true);
    expect(cs.match_about_blank).toBe(true);
    expect(cs.run_at).toBe('document_start');
    for (const file of cs.js) expect(statSync(join(root, 'dist', target, file)).isFile()).toBe(true);
  });

  it('exposes nothing to web pages and loads no remote code', () => {
    expect(m.web_accessible_resources ?? []).toEqual([]);
    expect(m.content_security_policy.extension_pages).toBe(
      "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; connect-src 'none'",
    );
    for (const file of filesUnder(join(root, 'dist', target)).filter((f) => /\.(js|html)$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/<script[^>]+src=["']https?:/i);
      expect(text, file).not.toMatch(/import\s*\(\s*["']https?:/);
      expect(text, file).not.toMatch(/importScripts\s*\(\s*["']https?:/);
    }
  });

  it('ships real icons at 16, 32, 48 and 128 px', () => {
    for (const size of [16, 32, 48, 128]) {
      const png = readFileSync(join(root, 'dist', target, m.icons[size]));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(size);
      expect(png.readUInt32BE(20)).toBe(size);
    }
  });

  it('names an add-on id Firefox accepts', () => {
    expect(m.browser_specific_settings.gecko.id).toBe('preflight@preflight.local');
  });

  it('passes web-ext lint with no errors', { timeout: 120_000 }, async () => {
    const { stdout } = await run(
      process.execPath,
      [
        join(root, 'node_modules/web-ext/bin/web-ext.js'),
        'lint',
        '--source-dir',
        join(root, 'dist', target),
        '--output',
        'json',
        '--no-config-discovery',
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    ).catch((error) => error as { stdout: string });
    const report = JSON.parse(stdout);
    expect(report.errors.map((e: { code: string; message: string }) => `${e.code}: ${e.message}`)).toEqual(
      [],
    );
  });
});

describe('the Chrome package', () => {
  it('pins the extension id administrators configure, through the manifest key', () => {
    const key = Buffer.from(manifest('chrome').key, 'base64');
    const hex = createHash('sha256').update(key).digest('hex').slice(0, 32);
    const id = [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
    expect(id).toBe(CHROME_EXTENSION_ID);
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(CHROME_EXTENSION_ID);
  });

  it('runs a classic service worker that loads compromise itself, and Firefox a background script', () => {
    const chrome = manifest('chrome').background;
    // Classic (no `type`): Chrome keeps its script compiled, and it may importScripts() compromise.
    expect(chrome).toEqual({
      service_worker: 'background.js',
      scripts: ['vendor/compromise.js', 'background.js'],
    });
    const worker = readFileSync(join(root, 'dist/chrome/background.js'), 'utf8');
    expect(worker).not.toMatch(/^\s*(?:import|export)\s[^(]/m);
    expect(worker).toContain('var SCRIPT = "/vendor/compromise.js";');
    // compromise is not in the worker's own script, only in the file it imports when first needed.
    expect(worker).not.toContain('expandLexicon');
    expect(readFileSync(join(root, 'dist/chrome/vendor/compromise.js'), 'utf8')).toContain('expandLexicon');
    // The module graph vite built for the worker is gone; the pages' chunks stay.
    expect(existsSync(join(root, 'dist/chrome/service-worker-loader.js'))).toBe(false);
    expect(manifest('firefox').background.service_worker).toBeUndefined();
    expect(manifest('firefox').background.scripts).toHaveLength(1);
  });
});

describe('the engine purity rule', () => {
  /** Lints one file placed at `path` in a scratch copy of the project's lint configuration. */
  async function lint(path: string, source: string): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'purity-'));
    try {
      copyFileSync(join(root, 'biome.json'), join(dir, 'biome.json'));
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), source);
      const biome = join(root, 'node_modules/@biomejs/biome/bin/biome');
      const result = await run(biome, ['lint', '--vcs-enabled=false', '--reporter=summary', '.'], {
        cwd: dir,
      }).catch((error) => error as { stdout: string; stderr: string });
      return `${result.stdout}${result.stderr}`;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const impure =
    "import browser from 'webextension-polyfill';\nexport const href = window.location.href + String(browser);\n";

  it('rejects browser globals and extension imports under src/engine and src/shared', async () => {
    for (const path of ['src/engine/probe.ts', 'src/shared/probe.ts']) {
      const out = await lint(path, impure);
      expect(out).toContain('noRestrictedImports');
      expect(out).toContain('noRestrictedGlobals');
    }
  });

  it('allows them in the content script', async () => {
    const out = await lint('src/content/probe.ts', impure);
    expect(out).not.toContain('noRestrictedImports');
    expect(out).not.toContain('noRestrictedGlobals');
  });
});
