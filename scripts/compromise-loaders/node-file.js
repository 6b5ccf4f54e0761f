// src/engine/text/compromise-loader.ts as the benchmark's engine has it (scripts/bench.mjs): like Chrome's
// worker, compromise is not in the bundle; its published build runs from its own file as a classic script
// in the global scope, as importScripts() runs it, the first time it is needed.
// scripts/defer-compromise.mjs puts the file's path in place of FILE_HERE.
import { readFileSync } from 'node:fs';
import { runInThisContext } from 'node:vm';

const FILE = 'FILE_HERE';
let nlp;
export function loadCompromise() {
  if (nlp === undefined) {
    if (globalThis.nlp === undefined) runInThisContext(readFileSync(FILE, 'utf8'));
    nlp = globalThis.nlp;
  }
  return nlp;
}
export function compromiseLoaded() {
  return nlp !== undefined;
}
