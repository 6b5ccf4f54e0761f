// npm run build: everything Preflight ships, in the order below. Each step is one function in this file; what
// ships in each browser, and why each step exists, is in docs/architecture.md ("What ships").
//
//   1. rulePack            rules/*.yaml -> src/engine/generated/rule-pack.ts (committed; `--check` in CI)
//   2. extension(target)   vite + crxjs: popup, options page, content script, and for Firefox the background
//                          script, into dist/chrome and dist/firefox
//   3. compactContentScripts   the content scripts lose whitespace and comments (names kept)
//   4. dropViteManifests   vite's .vite/ folder is not part of the extension
//   5. chromeWorker        Chrome's service worker: one classic script by esbuild, compromise beside it
//   6. nodeEntry(entry)    the command line (and any other node entry point in NODE_ENTRIES)
//
// Two transforms run inside steps 2 and 5, each with unit tests on small inputs in scripts/*.test.ts:
// scripts/defer-compromise.mjs (when compromise starts) and scripts/no-eval-cuts.mjs (zod without eval).
// Options: --quiet (only failures and one line per step).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild, transform } from 'esbuild';
import {
  COMPROMISE_SCRIPT,
  compromiseByImportScriptsEsbuild,
  compromiseScriptFile,
} from './defer-compromise.mjs';
import { noEvalEsbuild } from './no-eval-cuts.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const quiet = process.argv.includes('--quiet');

const TARGETS = ['chrome', 'firefox'];

/**
 * Node entry points bundled by nodeEntry(): one line each. `alias` and the require() banner are shared
 * (see nodeEntry).
 */
const NODE_ENTRIES = [
  { label: 'command line', entry: 'src/cli/index.ts', outfile: 'dist/cli/preflight.mjs' },
  // `preflight audit` spreads messages over worker threads that run this file.
  { label: 'audit worker', entry: 'src/cli/audit-worker.ts', outfile: 'dist/cli/audit-worker.mjs' },
  // Outlook .pst exports for `preflight audit`, loaded only when one is given.
  { label: 'pst reader', entry: 'src/cli/audit/pst.ts', outfile: 'dist/cli/pst-reader.mjs' },
];

// ---------------------------------------------------------------------------------------------------------
// Steps

/** 1. The rule pack compiled from rules/*.yaml (the runtime never reads YAML). */
function rulePack() {
  run(process.execPath, ['scripts/compile-rules.mjs']);
}

/**
 * 2. One browser's extension by vite and crxjs (vite.config.ts, manifest.config.ts). Chrome's build has no
 * background entry: its service worker is step 5's.
 */
function extension(target) {
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  run(process.execPath, [vite, 'build', '--logLevel', quiet ? 'error' : 'warn'], {
    PREFLIGHT_TARGET: target,
  });
}

/**
 * 3. The content script loads in every mail page: it ships without whitespace and comments, every name kept
 * (a formatter restores a readable file; nothing is renamed or obfuscated). Pages and workers stay as built.
 * Not a vite option: crxjs hands vite's one `build.minify` to the content script's own build, and the pages
 * keep theirs off.
 */
async function compactContentScripts(target) {
  const dir = join(root, 'dist', target);
  const manifest = readManifest(dir);
  for (const script of manifest.content_scripts ?? [])
    for (const file of script.js ?? []) {
      const path = join(dir, file);
      const { code } = await transform(readFileSync(path, 'utf8'), {
        minifyWhitespace: true,
        minifySyntax: true,
        target: 'es2022',
        legalComments: 'inline',
      });
      writeFileSync(path, code);
    }
}

/** 4. Vite's own build manifest: not part of the extension, and web-ext lint flags hidden folders. */
function dropViteManifests(target) {
  rmSync(join(root, 'dist', target, '.vite'), { recursive: true, force: true });
}

/**
 * 5. Chrome's service worker: one classic script, not an ES module. Chrome keeps a classic worker's scripts
 * compiled between starts, and a classic worker can importScripts() compromise when a sentence first needs it
 * (scripts/defer-compromise.mjs); together that starts a stopped worker in about two thirds of the time
 * (BENCHMARKS.md). The manifest gets its `background` here: a Chrome service worker, and the same two files
 * as Firefox background scripts, so Firefox's linter also accepts the Chrome package (Chrome 121+ ignores
 * `background.scripts` when a service worker is named; Firefox runs the scripts in order in one page,
 * compromise's first, so the worker never needs importScripts() there).
 */
async function chromeWorker() {
  const dir = join(root, 'dist/chrome');
  await esbuild({
    entryPoints: [join(root, 'src/background/index.ts')],
    outfile: join(dir, 'background.js'),
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

  const manifest = readManifest(dir);
  const { browser_specific_settings } = readManifest(join(root, 'dist/firefox'));
  writeManifest(dir, {
    ...manifest,
    background: { service_worker: 'background.js', scripts: [COMPROMISE_SCRIPT, 'background.js'] },
    browser_specific_settings,
  });
}

/** 6. A node entry point: one ES module file. */
async function nodeEntry({ entry, outfile }) {
  await esbuild({
    entryPoints: [join(root, entry)],
    outfile: join(root, outfile),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // yaml's Node build require()s buffer and process; its browser build is the same parser in plain ES
    // modules, so the command line keeps to the Node modules test/build/bundle-scan.test.ts allows.
    alias: { yaml: join(root, 'node_modules/yaml/browser/index.js') },
    // Some dependencies still call require(); give the ESM bundle one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    // A dynamic import of another node entry ("await import('./audit/pst.ts')") loads that entry's own
    // file at run time: what only one command needs is not parsed by every run.
    plugins: [
      {
        name: 'lazy-node-entries',
        setup(build) {
          build.onResolve({ filter: /^\./ }, (args) => {
            if (args.kind !== 'dynamic-import') return undefined;
            const target = join(args.resolveDir, args.path);
            const lazy = NODE_ENTRIES.find((e) => e.outfile !== outfile && join(root, e.entry) === target);
            if (!lazy) return undefined;
            return {
              path: `./${relative(dirname(join(root, outfile)), join(root, lazy.outfile))}`,
              external: true,
            };
          });
        },
      },
    ],
    logLevel: 'warning',
  });
}

// ---------------------------------------------------------------------------------------------------------
// The pipeline

await step('rule pack -> src/engine/generated/rule-pack.ts', rulePack);
for (const target of TARGETS)
  await step(`extension for ${target} -> dist/${target}`, () => extension(target));
for (const target of TARGETS) {
  await step(`content script for ${target}, compacted`, () => compactContentScripts(target));
  await step(`vite manifest for ${target}, removed`, () => dropViteManifests(target));
}
await step('service worker for chrome -> dist/chrome/background.js', chromeWorker);
for (const entry of NODE_ENTRIES) await step(`${entry.label} -> ${entry.outfile}`, () => nodeEntry(entry));

// ---------------------------------------------------------------------------------------------------------
// Helpers

async function step(label, fn) {
  const started = Date.now();
  try {
    await fn();
  } catch (error) {
    console.error(
      `build: ${label} failed${error instanceof StepFailed ? '' : `: ${error?.message ?? error}`}`,
    );
    process.exit(error instanceof StepFailed ? error.status : 1);
  }
  console.log(`build: ${label} (${Date.now() - started} ms)`);
}

class StepFailed extends Error {
  constructor(status) {
    super(`exit ${status}`);
    this.status = status;
  }
}

/** Runs a child process in the repository; with --quiet its output is shown only when it fails. */
function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    throw new StepFailed(result.status ?? 1);
  }
}

function readManifest(dir) {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
}

function writeManifest(dir, manifest) {
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}
