// The worker build's compromise: its published build (builds/compromise.js, a UMD bundle) kept inside a
// function, so the worker starts without running it and runs it the first time a sentence needs it.
// Service workers cannot import() (the HTML specification forbids it), so deferring has to happen here.
// Used by vite.config.ts for the extension and by scripts/bench.mjs for the engine it measures.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The module that replaces src/engine/text/compromise-loader.ts (same exports). */
export function deferredCompromiseSource() {
  const require = createRequire(import.meta.url);
  // The package's own folder (its exports map hides package.json): up from the entry point.
  let dir = dirname(require.resolve('compromise'));
  while (
    !existsSync(join(dir, 'package.json')) ||
    !/"name":\s*"compromise"/.test(readFileSync(join(dir, 'package.json'), 'utf8'))
  )
    dir = dirname(dir);
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const umd = readFileSync(join(dir, 'builds/compromise.js'), 'utf8');
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

/** esbuild plugin. */
export function deferCompromiseEsbuild() {
  return {
    name: 'preflight:defer-compromise',
    setup(build) {
      build.onLoad({ filter: /compromise-loader\.ts$/ }, () => ({
        contents: deferredCompromiseSource(),
        loader: 'js',
      }));
    },
  };
}
