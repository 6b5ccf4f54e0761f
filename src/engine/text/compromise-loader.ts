/**
 * How the engine gets compromise. Here (node, the command line, tests) it is an ordinary import, ready at
 * once. The extension's builds replace this module (scripts/defer-compromise.mjs) so a worker woken by a
 * message answers before paying the hundreds of milliseconds compromise takes to start: Chrome's worker
 * imports compromise's published build from its own file with importScripts() on the first call; Firefox's
 * background script and the pages keep the build inside a function and run it on the first call.
 */
import nlp from 'compromise';

export type Nlp = typeof nlp;

/** compromise, started if it was not (synchronous: the first call in the worker build is slow). */
export function loadCompromise(): Nlp {
  return nlp;
}

/** Whether loadCompromise() would return at once. */
export function compromiseLoaded(): boolean {
  return true;
}
