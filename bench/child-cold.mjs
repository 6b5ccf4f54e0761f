// Run in a fresh node process: load the built engine and check one email, timing both (worker cold start).
// The first check is the worker's: compromise has not started, so word lists read the sentences a rule reads
// closely and the answer is provisional. Then compromise starts and the full check follows (the compose asks
// again at once); both answers are compared.
import { pathToFileURL } from 'node:url';
import { draftOf, emailBody } from './texts.mjs';

const draft = draftOf(emailBody(300, 4242));
const started = performance.now();
const engine = await import(pathToFileURL(process.argv[2]).href);
const loaded = performance.now();
const first = engine.checkDraft(draft, undefined, { fullReader: 'if-loaded' });
const checked = performance.now();
engine.loadFullReader();
const readerStarted = performance.now();
const full = engine.checkDraft(draft);
const done = performance.now();
process.stdout.write(
  JSON.stringify({
    loadMs: loaded - started,
    firstCheckMs: checked - loaded,
    totalMs: checked - started,
    fullReaderMs: readerStarted - checked,
    fullCheckMs: done - readerStarted,
    toFullResultMs: done - started,
    sameFindings: JSON.stringify(first) === JSON.stringify(full),
  }),
);
