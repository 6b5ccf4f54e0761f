// src/engine/text/compromise-loader.ts as Chrome's classic service worker has it (scripts/build.mjs, step 5):
// compromise is its published build in its own file, imported the first time a sentence needs it.
// Swapped in by scripts/defer-compromise.mjs; the path is its COMPROMISE_SCRIPT (a test holds them equal).
const SCRIPT = '/vendor/compromise.js';
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
