// npm run build: the rule pack, the extension for Chrome and for Firefox, and the command line.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build as esbuild, transform } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const quiet = process.argv.includes('--quiet');

function run(label, command, args, env = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    console.error(`build: ${label} failed`);
    process.exit(result.status ?? 1);
  }
  console.log(`build: ${label} (${Date.now() - started} ms)`);
}

if (existsSync(`${root}scripts/compile-rules.mjs`))
  run('rule pack', process.execPath, ['scripts/compile-rules.mjs']);

const vite = `${root}node_modules/vite/bin/vite.js`;
for (const target of ['chrome', 'firefox']) {
  run(
    `extension for ${target} -> dist/${target}`,
    process.execPath,
    [vite, 'build', '--logLevel', quiet ? 'error' : 'warn'],
    {
      PREFLIGHT_TARGET: target,
    },
  );
}
// The content script loads in every mail page: it ships without whitespace and comments, every name kept (a
// formatter restores a readable file; nothing is renamed or obfuscated). Pages and the worker stay as built.
for (const target of ['chrome', 'firefox']) {
  const manifest = JSON.parse(readFileSync(`${root}dist/${target}/manifest.json`, 'utf8'));
  for (const script of manifest.content_scripts ?? [])
    for (const file of script.js ?? []) {
      const path = `${root}dist/${target}/${file}`;
      const { code } = await transform(readFileSync(path, 'utf8'), {
        minifyWhitespace: true,
        minifySyntax: true,
        target: 'es2022',
        legalComments: 'inline',
      });
      writeFileSync(path, code);
    }
}
// Vite's own build manifest: not part of the extension, and web-ext lint flags hidden folders.
for (const target of ['chrome', 'firefox'])
  rmSync(`${root}dist/${target}/.vite`, { recursive: true, force: true });

// One Chrome package that Firefox's linter also accepts: Chrome (121+) ignores `background.scripts` when a
// service worker is named, and Firefox needs it plus an add-on id in Manifest V3.
const chromeManifestPath = `${root}dist/chrome/manifest.json`;
const chromeManifest = JSON.parse(readFileSync(chromeManifestPath, 'utf8'));
chromeManifest.background.scripts = [chromeManifest.background.service_worker];
chromeManifest.browser_specific_settings = JSON.parse(
  readFileSync(`${root}dist/firefox/manifest.json`, 'utf8'),
).browser_specific_settings;
writeFileSync(chromeManifestPath, `${JSON.stringify(chromeManifest, null, 2)}\n`);

const started = Date.now();
await esbuild({
  entryPoints: [`${root}src/cli/index.ts`],
  outfile: `${root}dist/cli/preflight.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Some dependencies still call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
console.log(`build: command line -> dist/cli/preflight.mjs (${Date.now() - started} ms)`);
