/**
 * How the engine gets compromise. Here (node, the command line, tests) it is an ordinary import, ready at
 * once. The extension's worker build replaces this module (scripts/defer-compromise.mjs) with one that keeps
 * compromise's published build inside a function and runs it on the first call, so a worker woken by a
 * message answers before paying the hundreds of milliseconds compromise takes to start.
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
