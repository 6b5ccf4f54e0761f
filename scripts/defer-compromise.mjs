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
// Each replacement of src/engine/text/compromise-loader.ts is a plain file in scripts/compromise-loaders/;
// this module only fills in compromise's build or its path. Used by vite.config.ts, scripts/build.mjs and
// scripts/bench.mjs (the engine it measures); tested in scripts/defer-compromise.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LOADERS = fileURLToPath(new URL('./compromise-loaders/', import.meta.url));

/** A loader file, with each marker replaced exactly once (a moved marker fails the build). */
export function loaderSource(name, replacements = {}) {
  let source = readFileSync(join(LOADERS, name), 'utf8');
  for (const [marker, value] of Object.entries(replacements)) {
    const parts = source.split(marker);
    if (parts.length !== 2)
      throw new Error(
        `scripts/compromise-loaders/${name}: expected ${marker} once, found ${parts.length - 1}`,
      );
    source = parts[0] + value + parts[1];
  }
  return source;
}

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
  return loaderSource('import-scripts.js');
}

/** The path of compromise's published build. */
export function compromiseBuildFile() {
  return join(compromiseDir(), 'builds/compromise.js');
}

/**
 * esbuild plugin for the engine the benchmark loads in node, built as Chrome's worker has it: compromise is
 * not in the bundle; its published build is run from its own file as a classic script in the global scope,
 * as importScripts() runs it, the first time it is needed.
 */
export function compromiseFromFileEsbuild(file = compromiseBuildFile()) {
  return {
    name: 'preflight:compromise-from-file',
    setup(build) {
      build.onLoad({ filter: /compromise-loader\.ts$/ }, () => ({
        contents: loaderSource('node-file.js', { "'FILE_HERE'": JSON.stringify(file) }),
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

/** The module that replaces src/engine/text/compromise-loader.ts in the vite builds (same exports). */
export function deferredCompromiseSource(umd = compromiseBuild().source) {
  return loaderSource('in-bundle.js', { '/* UMD_HERE */': umd });
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
