// npm run build: the rule pack, the extension for Chrome and for Firefox, and the command line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild, transform } from 'esbuild';
import {
  COMPROMISE_SCRIPT,
  compromiseByImportScriptsEsbuild,
  compromiseScriptFile,
} from './defer-compromise.mjs';
import { noEvalEsbuild } from './no-eval-cuts.mjs';
import { importsOf, resolveIn } from './package-files.mjs';

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

// Chrome's service worker: one classic script, not vite's ES module. Chrome keeps a classic worker's scripts
// compiled between starts, and a classic worker can importScripts() compromise when a sentence first needs
// it (scripts/defer-compromise.mjs); together that starts a stopped worker in about two thirds of the time
// (BENCHMARKS.md). The module graph vite built for it is removed; the pages keep theirs.
{
  const started = Date.now();
  const dir = `${root}dist/chrome`;
  const manifestPath = `${dir}/manifest.json`;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const pageFiles = new Set();
  for (const script of manifest.content_scripts ?? [])
    for (const f of script.js ?? []) importsOf(dir, f, pageFiles);
  for (const page of [manifest.action?.default_popup, manifest.options_ui?.page].filter(Boolean)) {
    const html = readFileSync(join(dir, page), 'utf8');
    for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g))
      importsOf(dir, resolveIn(page, m[1]), pageFiles);
  }
  for (const f of importsOf(dir, manifest.background.service_worker))
    if (!pageFiles.has(f)) rmSync(join(dir, f));

  await esbuild({
    entryPoints: [`${root}src/background/index.ts`],
    outfile: `${dir}/background.js`,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    // Read by reviewers and administrators like the rest of the package: not minified.
    minify: false,
    legalComments: 'inline',
    plugins: [noEvalEsbuild(), compromiseByImportScriptsEsbuild()],
    logLevel: 'warning',
  });
  mkdirSync(dirname(join(dir, COMPROMISE_SCRIPT)), { recursive: true });
  writeFileSync(join(dir, COMPROMISE_SCRIPT), compromiseScriptFile());

  // One Chrome package that Firefox's linter also accepts: Chrome (121+) ignores `background.scripts` when a
  // service worker is named, and Firefox needs it plus an add-on id in Manifest V3. Firefox runs the
  // scripts in order in one page, compromise's first, so the worker never needs importScripts() there.
  manifest.background = { service_worker: 'background.js', scripts: [COMPROMISE_SCRIPT, 'background.js'] };
  manifest.browser_specific_settings = JSON.parse(
    readFileSync(`${root}dist/firefox/manifest.json`, 'utf8'),
  ).browser_specific_settings;
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`build: service worker for chrome -> dist/chrome/background.js (${Date.now() - started} ms)`);
}

const started = Date.now();
await esbuild({
  entryPoints: [`${root}src/cli/index.ts`],
  outfile: `${root}dist/cli/preflight.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // yaml's Node build require()s buffer and process; its browser build is the same parser in plain ES
  // modules, so the command line keeps to the Node modules test/build/bundle-scan.test.ts allows.
  alias: { yaml: `${root}node_modules/yaml/browser/index.js` },
  // Some dependencies still call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
console.log(`build: command line -> dist/cli/preflight.mjs (${Date.now() - started} ms)`);

// `preflight audit`'s worker threads: their own entry, built next to the command line with the same settings
// (src/cli/audit/worker-pool.ts loads it from there).
{
  const started = Date.now();
  await esbuild({
    entryPoints: [`${root}src/cli/audit-worker.ts`],
    outfile: `${root}dist/cli/audit-worker.mjs`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    alias: { yaml: `${root}node_modules/yaml/browser/index.js` },
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  console.log(`build: audit worker -> dist/cli/audit-worker.mjs (${Date.now() - started} ms)`);
}
