// Run in a fresh node process: one baseline linter over a large body, with a time limit set by the parent.
import { createRequire } from 'node:module';
import { bodyOfSize } from './texts.mjs';

const which = process.argv[2];
const body = bodyOfSize(1 << 20);
const require = createRequire(import.meta.url);
const run = which === 'write-good' ? require('write-good') : (await import('alex')).text;
const t = performance.now();
run(body);
process.stdout.write(JSON.stringify({ ms: performance.now() - t }));
