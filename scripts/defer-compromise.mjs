// How the extension gets compromise without paying for it when a worker starts.
//
// Chrome's service worker is a classic script (scripts/build.mjs): compromise's published build
// (builds/compromise.js, a UMD bundle) ships beside it as its own file, imported with importScripts() the
// first time a sentence needs it. A service worker may import a script after it has started only if it
// imported it while installing (later imports of new scripts are refused), so the worker imports it once in
// its install event; from then on Chrome keeps it, with the worker's own script, compiled. See
// compromiseScriptSource() and COMPROMISE_SCRIPT.
//
// Firefox's background script and the extension pages are vite builds (ES modules, which cannot import()
// in a service worker and need not elsewhere): there compromise stays in the bundle, kept inside a function
// and run on its first call. See deferredCompromiseSource().
//
// Used by vite.config.ts, scripts/build.mjs and scripts/bench.mjs (the engine it measures).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where compromise's build ships in the Chrome package, from its root. */
export const COMPROMISE_SCRIPT = 'vendor/compromise.js';

/** compromise's package folder (its exports map hides package.json): up from the entry point. */
function compromiseDir() {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve('compromise'));
  while (
    !existsSync(join(dir, 'package.json')) ||
    !/"name":\s*"compromise"/.test(readFileSync(join(dir, 'package.json'), 'utf8'))
  )
    dir = dirname(dir);
  return dir;
}

/** compromise's version and its published single-file build. */
export function compromiseBuild() {
  const dir = compromiseDir();
  const { version, license } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return { version, license, source: readFileSync(join(dir, 'builds/compromise.js'), 'utf8') };
}

/** The file shipped at COMPROMISE_SCRIPT: the published build unchanged, under a line naming it. */
export function compromiseScriptFile() {
  const { version, license, source } = compromiseBuild();
  return `/* compromise ${version} (${license} licence): its published build, builds/compromise.js, unchanged. It defines the global nlp. */\n${source}`;
}

/** The module that replaces src/engine/text/compromise-loader.ts in Chrome's classic service worker. */
export function compromiseScriptSource() {
  return `// compromise, imported from ${COMPROMISE_SCRIPT} the first time it is needed: see scripts/defer-compromise.mjs.
const SCRIPT = '/${COMPROMISE_SCRIPT}';
let nlp;
// Chrome refuses importScripts() of a script the service worker did not import while installing.
if (typeof ServiceWorkerGlobalScope === 'function' && self instanceof ServiceWorkerGlobalScope)
  self.addEventListener('install', () => {
    if (globalThis.nlp === undefined) importScripts(SCRIPT);
  });
export function loadCompromise() {
  if (nlp === undefined) {
    // Firefox loads the same package's background scripts in order, compromise's first.
    if (globalThis.nlp === undefined) importScripts(SCRIPT);
    nlp = globalThis.nlp;
  }
  return nlp;
}
export function compromiseLoaded() {
  return nlp !== undefined;
}
`;
}

/**
 * esbuild plugin for the engine the benchmark loads in node, built as Chrome's worker has it: compromise is
 * not in the bundle; its published build is run from its own file as a classic script in the global scope,
 * as importScripts() runs it, the first time it is needed.
 */
export function compromiseFromFileEsbuild() {
  const file = join(compromiseDir(), 'builds/compromise.js');
  return {
    name: 'preflight:compromise-from-file',
    setup(build) {
      build.onLoad({ filter: /compromise-loader\.ts$/ }, () => ({
        contents: `import { readFileSync } from 'node:fs';
import { runInThisContext } from 'node:vm';
let nlp;
export function loadCompromise() {
  if (nlp === undefined) {
    if (globalThis.nlp === undefined) runInThisContext(readFileSync(${JSON.stringify(file)}, 'utf8'));
    nlp = globalThis.nlp;
  }
  return nlp;
}
export function compromiseLoaded() {
  return nlp !== undefined;
}
`,
        loader: 'js',
      }));
    },
  };
}

/** esbuild plugin for Chrome's service worker. */
export function compromiseByImportScriptsEsbuild() {
  return {
    name: 'preflight:compromise-by-import-scripts',
    setup(build) {
      build.onLoad({ filter: /compromise-loader\.ts$/ }, () => ({
        contents: compromiseScriptSource(),
        loader: 'js',
      }));
    },
  };
}

/** The module that replaces src/engine/text/compromise-loader.ts (same exports). */
export function deferredCompromiseSource() {
  const { version, source: umd } = compromiseBuild();
  return `// compromise ${version} (builds/compromise.js), started on first use: see scripts/defer-compromise.mjs.
let nlp;
export function loadCompromise() {
  if (nlp === undefined) {
    const module = { exports: {} };
    const exports = module.exports;
    (function () {
${umd}
    }).call(undefined);
    nlp = module.exports;
  }
  return nlp;
}
export function compromiseLoaded() {
  return nlp !== undefined;
}
`;
}

const LOADER = /[\\/]src[\\/]engine[\\/]text[\\/]compromise-loader\.ts$/;

/** Vite (rolldown) plugin. */
export function deferCompromiseVite() {
  return {
    name: 'preflight:defer-compromise',
    enforce: 'pre',
    load(id) {
      return LOADER.test(id.split('?')[0]) ? deferredCompromiseSource() : undefined;
    },
  };
}
