// src/engine/text/compromise-loader.ts as the vite builds have it (pages, content script, Firefox's background
// script): compromise's published build (a UMD bundle) inside a function, run on the first call.
// scripts/defer-compromise.mjs puts the build where the comment UMD_HERE stands.
let nlp;
export function loadCompromise() {
  if (nlp === undefined) {
    const module = { exports: {} };
    // biome-ignore lint/correctness/noUnusedVariables: the UMD build reads `exports` to find CommonJS.
    const exports = module.exports;
    // biome-ignore lint/complexity/useArrowFunction: a function of its own, called with `this` undefined, as a UMD build expects.
    (function () {
      /* UMD_HERE */
    }).call(undefined);
    nlp = module.exports;
  }
  return nlp;
}
export function compromiseLoaded() {
  return nlp !== undefined;
}
