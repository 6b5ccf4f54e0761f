// npm test: builds the extension and the command line, runs every unit and end-to-end test, and closes
// with one plain line "N passed, N failed" (", N skipped" when any were skipped).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build') || process.env.PREFLIGHT_SKIP_BUILD === '1';
const vitestArgs = args.filter((a) => a !== '--no-build');

// Generated files are checked before the build, which would otherwise rewrite the rule pack from rules/*.yaml
// and let its sync test pass whatever was committed.
for (const script of ['scripts/compile-rules.mjs', 'scripts/rules-doc.mjs']) {
  const check = spawnSync(process.execPath, [script, '--check'], { cwd: root, stdio: 'inherit' });
  if (check.status !== 0) {
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

if (!skipBuild) {
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--quiet'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

const report = `${root}test-results/vitest.json`;
mkdirSync(`${root}test-results`, { recursive: true });
rmSync(report, { force: true });
const run = spawnSync(
  process.execPath,
  [
    `${root}node_modules/vitest/vitest.mjs`,
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...vitestArgs,
  ],
  { cwd: root, stdio: 'inherit' },
);

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  failed = json.numFailedTests ?? 0;
  skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  // A file that fails to load has no tests to count: count it as a failure, not as nothing.
  for (const file of json.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) failed += 1;
  }
} catch {
  failed = Math.max(failed, 1);
}
if (run.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
