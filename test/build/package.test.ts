// npm run package: what an administrator hands out — a Chrome/Edge zip and a Firefox .xpi named with the
// version, SHA256SUMS that checks them, and the self-hosted update manifests pointing at them.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GECKO_ID, geckoUpdateUrl } from '../../manifest.config.ts';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const BASE = 'https://extensions.northwind-labs.example/preflight/';
const CHROME_ZIP = `preflight-chrome-${version}.zip`;
const FIREFOX_XPI = `preflight-firefox-${version}.xpi`;

/** The entries of a zip archive, by name, inflated (read from its central directory). */
function unzip(file: string): Map<string, Buffer> {
  const zip = readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = new Map<string, Buffer>();
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    entries.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    at += 46 + skip;
  }
  return entries;
}

describe('npm run package', () => {
  let out: string;
  let stdout: string;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'preflight-package-'));
    ({ stdout } = await run(
      process.execPath,
      ['scripts/package.mjs', '--no-build', `--out=${out}`, `--update-base=${BASE}`],
      { cwd: root, maxBuffer: 16 * 1024 * 1024 },
    ));
  }, 180_000);
  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('lints the Firefox package clean but for the explained Preact branch', () => {
    expect(stdout).toMatch(/web-ext lint dist\/firefox: 0 errors, \d+ warnings \(Preact's innerHTML branch/);
  });

  it('zips each build whole, manifest at the root, named with the version', () => {
    for (const [file, dir] of [
      [CHROME_ZIP, 'chrome'],
      [FIREFOX_XPI, 'firefox'],
    ] as const) {
      const entries = unzip(join(out, file));
      const manifest = entries.get('manifest.json');
      expect(manifest, file).toBeDefined();
      expect(manifest?.equals(readFileSync(join(root, 'dist', dir, 'manifest.json')))).toBe(true);
      expect(JSON.parse(String(manifest)).version).toBe(version);
      const worker = dir === 'chrome' ? 'background.js' : 'src/content/index.iife.js';
      expect(entries.get(worker)?.equals(readFileSync(join(root, 'dist', dir, worker)))).toBe(true);
    }
  });

  it('lists the SHA-256 of each package in SHA256SUMS, as sha256sum writes it', () => {
    const sums = readFileSync(join(out, 'SHA256SUMS'), 'utf8');
    const expected = [CHROME_ZIP, FIREFOX_XPI]
      .map(
        (f) =>
          `${createHash('sha256')
            .update(readFileSync(join(out, f)))
            .digest('hex')}  ${f}\n`,
      )
      .join('');
    expect(sums).toBe(expected);
  });

  it('writes the update manifests for Chrome (update.xml) and Firefox (updates.json)', () => {
    const xml = readFileSync(join(out, 'update.xml'), 'utf8');
    expect(xml).toContain('<app appid="mejllmifkfelcennjodgchfabfbeckbc">');
    expect(xml).toContain(`codebase="${BASE}preflight-chrome-${version}.crx" version="${version}"`);
    const updates = JSON.parse(readFileSync(join(out, 'updates.json'), 'utf8'));
    const hash = createHash('sha256')
      .update(readFileSync(join(out, FIREFOX_XPI)))
      .digest('hex');
    expect(updates).toEqual({
      addons: {
        [GECKO_ID]: {
          updates: [{ version, update_link: `${BASE}${FIREFOX_XPI}`, update_hash: `sha256:${hash}` }],
        },
      },
    });
  });

  it('refuses an update base that is not https', async () => {
    const refused = await run(
      process.execPath,
      ['scripts/package.mjs', '--no-build', `--out=${out}-x`, '--update-base=http://example.com/'],
      { cwd: root },
    ).catch((error: { code: number; stderr: string }) => error);
    expect('code' in refused && refused.code).toBe(1);
    expect(String((refused as { stderr: string }).stderr)).toContain('--update-base must be https');
  });
});

describe("Firefox's update_url in the manifest", () => {
  it('is set only when asked for, and only to an https URL', () => {
    expect(geckoUpdateUrl('')).toBeUndefined();
    expect(geckoUpdateUrl(`${BASE}updates.json`)).toBe(`${BASE}updates.json`);
    expect(() => geckoUpdateUrl('http://example.com/updates.json')).toThrow(/https/);
    expect(() => geckoUpdateUrl('not a url')).toThrow(/not a URL/);
  });
});
