#!/usr/bin/env node
// Runs the bundled command line (dist/cli/preflight.mjs, written by `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli/preflight.mjs', import.meta.url);

if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('Preflight is not built yet: run npm ci && npm run build\n');
  process.exit(2);
}

await import(bundle.href);
