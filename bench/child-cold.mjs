// Run in a fresh node process: load the built engine and check one email, timing both (worker cold start).
import { pathToFileURL } from 'node:url';
import { draftOf, emailBody } from './texts.mjs';

const started = performance.now();
const engine = await import(pathToFileURL(process.argv[2]).href);
const loaded = performance.now();
engine.checkDraft(draftOf(emailBody(300, 4242)));
const checked = performance.now();
process.stdout.write(
  JSON.stringify({ loadMs: loaded - started, firstCheckMs: checked - loaded, totalMs: checked - started }),
);
