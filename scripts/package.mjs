// npm run package: the packages an administrator hands out, in artifacts/ (README "Packages and updates").
//   preflight-chrome-<version>.zip   for the Chrome Web Store and Edge Add-ons (or to pack as a .crx)
//   preflight-firefox-<version>.xpi  for addons.mozilla.org (to sign, listed or unlisted)
//   SHA256SUMS                       `sha256sum -c SHA256SUMS` checks them
// With --update-base=https://host/path/ it also writes the self-hosted update manifests pointing there:
// update.xml (Chrome, Edge) and updates.json (Firefox). Both packages are zipped by `web-ext build`; the
// Firefox package must pass `web-ext lint` with no error and no warning but the ones explained below.
//
// Options: --no-build (package dist/ as it is), --out=DIR (default artifacts/), --update-base=URL,
// --signed-xpi=FILE (the Firefox package as addons.mozilla.org signed it: shipped, hashed and listed instead).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const out = resolve(root, option('out') ?? 'artifacts');
const updateBase = option('update-base');
const webExt = join(root, 'node_modules/web-ext/bin/web-ext.js');

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

function run(command, commandArgs, { quiet = true, allowFailure = false } = {}) {
  const result = spawnSync(command, commandArgs, {
    cwd: root,
    encoding: 'utf8',
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0 && !(allowFailure && result.stdout)) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    fail(`${commandArgs.slice(0, 3).join(' ')} failed`);
  }
  return result.stdout ?? '';
}

if (updateBase !== undefined) {
  let url;
  try {
    url = new URL(updateBase);
  } catch {
    fail(`--update-base is not a URL: ${updateBase}`);
  }
  if (url.protocol !== 'https:') fail(`--update-base must be https (browsers refuse others): ${updateBase}`);
  if (!url.pathname.endsWith('/')) fail(`--update-base must end with "/": ${updateBase}`);
}

if (!args.includes('--no-build')) run(process.execPath, ['scripts/build.mjs', '--quiet'], { quiet: false });

const manifests = {};
for (const target of ['chrome', 'firefox']) {
  const path = join(root, 'dist', target, 'manifest.json');
  if (!existsSync(path)) fail(`no dist/${target}/manifest.json: build first (npm run build)`);
  manifests[target] = JSON.parse(readFileSync(path, 'utf8'));
}
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
for (const [target, manifest] of Object.entries(manifests))
  if (manifest.version !== version)
    fail(`dist/${target} is version ${manifest.version}, package.json ${version}: rebuild first`);
const geckoId = manifests.firefox.browser_specific_settings.gecko.id;
const geckoUpdateUrl = manifests.firefox.browser_specific_settings.gecko.update_url;

// --- web-ext lint: the Firefox package as addons.mozilla.org's linter sees it -------------------------------
// Explained warnings, for Mozilla's review: Preact's DOM diff assigns `innerHTML` in exactly one branch, the
// one for the `dangerouslySetInnerHTML` prop (`dom.innerHTML = props.dangerouslySetInnerHTML.__html`). No
// Preflight component passes that prop, which test/build/bundle-scan.test.ts enforces on the built files,
// so no text ever reaches it. Any other warning fails the package.
function explained(message, dir) {
  if (message.code !== 'UNSAFE_VAR_ASSIGNMENT' || !message.file || !message.line) return false;
  const line = readFileSync(join(dir, message.file), 'utf8').split('\n')[message.line - 1] ?? '';
  const at = Math.max(0, (message.column ?? 1) - 1);
  return /^[\s\S]{0,40}?\.innerHTML\s*=\s*[\w$]+\.__html\b/.test(line.slice(Math.max(0, at - 20), at + 80));
}

const lintDir = join(root, 'dist/firefox');
const report = JSON.parse(
  run(
    process.execPath,
    [
      webExt,
      'lint',
      '--source-dir',
      lintDir,
      '--output',
      'json',
      '--no-config-discovery',
      // A package that names its own update_url is not for addons.mozilla.org's listing, which refuses one.
      ...(geckoUpdateUrl ? ['--self-hosted'] : []),
    ],
    { allowFailure: true },
  ),
);
const unexplained = report.warnings.filter((w) => !explained(w, lintDir));
if (report.errors.length > 0 || unexplained.length > 0) {
  for (const m of [...report.errors, ...unexplained])
    console.error(`  ${m._type} ${m.code} ${m.file ?? ''}:${m.line ?? ''} ${m.message}`);
  fail(`web-ext lint: ${report.errors.length} errors, ${unexplained.length} unexplained warnings`);
}
console.log(
  `package: web-ext lint dist/firefox: 0 errors, ${report.warnings.length} warnings (Preact's innerHTML branch, unused), ${report.notices.length} notices`,
);

// --- the packages --------------------------------------------------------------------------------------------
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const files = {
  chrome: `preflight-chrome-${version}.zip`,
  firefox: `preflight-firefox-${version}.xpi`,
};
for (const [target, name] of Object.entries(files)) {
  run(process.execPath, [
    webExt,
    'build',
    '--source-dir',
    join(root, 'dist', target),
    '--artifacts-dir',
    out,
    '--filename',
    name,
    '--overwrite-dest',
    '--no-config-discovery',
  ]);
}

const signed = option('signed-xpi');
if (signed) {
  if (!existsSync(resolve(signed))) fail(`--signed-xpi: no such file: ${signed}`);
  copyFileSync(resolve(signed), join(out, files.firefox));
}

const sha256 = (name) =>
  createHash('sha256')
    .update(readFileSync(join(out, name)))
    .digest('hex');
const sums = Object.values(files).map((name) => ({ name, hash: sha256(name) }));

if (updateBase) {
  // Chrome and Edge: the gupdate manifest (https://developer.chrome.com/docs/extensions/how-to/distribute/host-on-linux).
  // It points at the .crx the organisation packs from the zip with the extension's private key.
  writeFileSync(
    join(out, 'update.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>
<gupdate xmlns="http://www.google.com/update2/response" protocol="2.0">
  <app appid="mejllmifkfelcennjodgchfabfbeckbc">
    <updatecheck codebase="${updateBase}preflight-chrome-${version}.crx" version="${version}" />
  </app>
</gupdate>
`,
  );
  // Firefox: the update manifest gecko.update_url names (https://extensionworkshop.com/documentation/manage/updating-your-extension/).
  // update_hash is of the package shipped: the signed one when --signed-xpi names it.
  const updates = {
    addons: {
      [geckoId]: {
        updates: [
          {
            version,
            update_link: `${updateBase}${files.firefox}`,
            update_hash: `sha256:${sums.find((s) => s.name === files.firefox)?.hash}`,
          },
        ],
      },
    },
  };
  writeFileSync(join(out, 'updates.json'), `${JSON.stringify(updates, null, 2)}\n`);
  if (!geckoUpdateUrl)
    console.log(
      'package: note: the Firefox package names no update_url; build with PREFLIGHT_FIREFOX_UPDATE_URL=' +
        `${updateBase}updates.json to let Firefox find updates.json`,
    );
}

writeFileSync(join(out, 'SHA256SUMS'), sums.map((s) => `${s.hash}  ${s.name}\n`).join(''));
for (const s of sums) console.log(`package: ${join(out, s.name)} ${s.hash}`);
console.log(`package: ${join(out, 'SHA256SUMS')}${updateBase ? ', update.xml, updates.json' : ''}`);
