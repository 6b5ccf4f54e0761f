// npm run bench: how fast Preflight checks, next to write-good and alex on the same texts, in one run.
// Prints a table and writes bench/results.json. Builds the extension first when dist/ is missing.
// Options: --build (rebuild dist/ first), --quick (fewer samples), --no-browser (skip the Chromium figures).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { fmt, summary, timeEach } from '../bench/stats.mjs';
import { compromiseFromFileEsbuild } from './defer-compromise.mjs';
import { importsOf } from './package-files.mjs';
import { recipientsDraft } from '../bench/recipients.mjs';
import { bigPolicy, bodyOfSize, draftOf, emailBody, typeOneWord } from '../bench/texts.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cacheDir = join(root, 'node_modules', '.cache', 'preflight-bench');
const quick = process.argv.includes('--quick');
const withBrowser = !process.argv.includes('--no-browser');
mkdirSync(cacheDir, { recursive: true });

const log = (...a) => console.error(...a);

// ---------------------------------------------------------------------------------------------------------
// Build

if (process.argv.includes('--build') || !existsSync(join(root, 'dist/chrome/manifest.json'))) {
  log('bench: building the extension first');
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--quiet'], {
    cwd: root,
    stdio: 'inherit',
  });
}
const enginePath = join(cacheDir, 'engine.mjs');
// Built as Chrome's worker has it: compromise is read from its own file when first needed
// (scripts/defer-compromise.mjs).
await build({
  entryPoints: [join(root, 'src/engine/index.ts')],
  outfile: enginePath,
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  external: ['node:fs', 'node:vm'],
  logLevel: 'error',
  plugins: [compromiseFromFileEsbuild()],
});
const engine = await import(pathToFileURL(enginePath).href);
// Every in-process figure below is of the full engine, compromise included.
engine.loadFullReader();
{
  // A benchmark of an engine that cannot read dates would be fast and wrong: check it reads them.
  const probe = engine.checkDraft({
    subject: 'Rollout',
    body: 'Hi Dana,\nThe portal will be live by March 3.',
    to: ['dana@northwind.example'],
    cc: [],
    bcc: [],
  });
  if (probe.incomplete?.length || !probe.findings.some((f) => f.ruleId === 'timeline/delivery-commitment'))
    throw new Error(
      `bench: the engine built for the benchmark is not whole: ${JSON.stringify(probe.incomplete)}`,
    );
}

// ---------------------------------------------------------------------------------------------------------
// Engine and baselines, in this process

const require = (await import('node:module')).createRequire(import.meta.url);
const writeGood = require('write-good');
const alexText = (await import('alex')).text;

const SIZES = [
  { label: '50 words', words: 50, n: quick ? 15 : 60 },
  { label: '300 words', words: 300, n: quick ? 15 : 60 },
  { label: '1,000 words', words: 1000, n: quick ? 8 : 30 },
  { label: '5,000 words', words: 5000, n: quick ? 5 : 15 },
];
const policy = bigPolicy(5000, 200);
const t0 = performance.now();
engine.compilePolicy(policy);
const compileBigMs = performance.now() - t0;
engine.compilePolicy();

const results = {
  date: new Date().toISOString(),
  machine: machine(),
  engine: {},
  baselines: {},
  ratios: {},
  incremental: {},
  coldStart: {},
  browser: {},
  bundles: {},
  heap: {},
  compileBigPolicyMs: compileBigMs,
};

// Warm the JIT on other texts so each size measures steady-state code on text it has never seen.
for (let i = 0; i < 20; i++) {
  const d = draftOf(emailBody(300, 77_000 + i));
  engine.checkDraft(d);
  engine.checkDraft(d, policy);
  writeGood(d.body);
  alexText(d.body);
}

for (const size of SIZES) {
  log(`bench: ${size.label}`);
  // Every sample is a different email (seeded), so no per-sentence memo helps: a first check of new text.
  const bodies = Array.from({ length: size.n }, (_, i) => emailBody(size.words, size.words * 1000 + i));
  const big = Array.from({ length: size.n }, (_, i) => emailBody(size.words, size.words * 1000 + 500 + i));
  const d = timeEach(
    (i) => engine.checkDraft(draftOf(i < 0 ? emailBody(size.words, -i) : bodies[i])),
    size.n,
  );
  const p = timeEach(
    (i) => engine.checkDraft(draftOf(i < 0 ? emailBody(size.words, 900 - i) : big[i]), policy),
    size.n,
  );
  const wg = timeEach((i) => writeGood(bodies[Math.max(i, 0)]), size.n);
  const ax = timeEach((i) => alexText(bodies[Math.max(i, 0)]), size.n);
  results.engine[size.label] = { default: summary(d), bigPolicy: summary(p) };
  results.baselines[size.label] = { writeGood: summary(wg), alex: summary(ax) };
}

// 1 MB: a few runs; the baselines in child processes with a time limit (alex's parse of 1 MB is slow).
{
  log('bench: 1 MB body');
  const runs = quick ? 2 : 3;
  const bodies = Array.from({ length: runs }, (_, i) => bodyOfSize(1 << 20, 7 + i));
  const d = timeEach((i) => engine.checkDraft(draftOf(bodies[Math.max(i, 0)])), runs, 1);
  const p = timeEach((i) => engine.checkDraft(draftOf(bodies[Math.max(i, 0)]), policy), runs, 1);
  results.engine['1 MB'] = { default: summary(d), bigPolicy: summary(p) };
  const base = {};
  for (const [key, name] of [
    ['writeGood', 'write-good'],
    ['alex', 'alex'],
  ]) {
    const limit = quick ? 30_000 : 120_000;
    const r = spawnSync(process.execPath, [join(root, 'bench/child-baseline.mjs'), name], {
      cwd: root,
      encoding: 'utf8',
      timeout: limit,
    });
    if (r.status === 0) base[key] = summary([JSON.parse(r.stdout).ms]);
    else
      base[key] = {
        n: 0,
        median: Number.NaN,
        p95: Number.NaN,
        note: `did not finish within ${limit / 1000} s`,
      };
  }
  results.baselines['1 MB'] = base;
}

for (const label of Object.keys(results.engine)) {
  const e = results.engine[label].default.median;
  const b = results.baselines[label];
  results.ratios[label] = {
    writeGoodOverPreflight: b.writeGood.median / e,
    alexOverPreflight: b.alex.median / e,
  };
}

// Recipients with 5,000 accounts (bench/recipients.mjs): look-alike domains and new ones, a one-line body.
{
  log('bench: recipients, 5,000 accounts');
  const t = performance.now();
  engine.checkDraft(recipientsDraft(policy, -100), policy);
  const first = performance.now() - t;
  const n = quick ? 30 : 200;
  const samples = timeEach((i) => engine.checkDraft(recipientsDraft(policy, i), policy), n, 5);
  results.recipients = { firstCheckMs: first, check: summary(samples) };
}

// One word typed into a 1,000-word draft: the check after it (the previous text was checked just before).
{
  log('bench: incremental');
  const base = emailBody(1000, 31_337);
  const n = quick ? 20 : 60;
  const samples = [];
  const samplesBig = [];
  for (let i = 0; i < n + 3; i++) {
    const edited = typeOneWord(base, i, i % 2 ? 'really' : 'the');
    engine.checkDraft(draftOf(base));
    let t = performance.now();
    engine.checkDraft(draftOf(edited));
    if (i >= 3) samples.push(performance.now() - t);
    engine.checkDraft(draftOf(base), policy);
    t = performance.now();
    engine.checkDraft(draftOf(edited), policy);
    if (i >= 3) samplesBig.push(performance.now() - t);
  }
  const full = results.engine['1,000 words'].default.median;
  results.incremental = {
    default: summary(samples),
    bigPolicy: summary(samplesBig),
    fractionOfFirstCheck: summary(samples).median / full,
  };
}

// Worker cold start in node: a fresh process imports the built engine and checks one 300-word email.
{
  log('bench: cold start (node)');
  const runs = [];
  for (let i = 0; i < (quick ? 3 : 7); i++) {
    const out = execFileSync(process.execPath, [join(root, 'bench/child-cold.mjs'), enginePath], {
      cwd: root,
      encoding: 'utf8',
    });
    runs.push(JSON.parse(out));
  }
  results.coldStart.node = {
    load: summary(runs.map((r) => r.loadMs)),
    firstCheck: summary(runs.map((r) => r.firstCheckMs)),
    total: summary(runs.map((r) => r.totalMs)),
    fullReaderStart: summary(runs.map((r) => r.fullReaderMs)),
    fullCheck: summary(runs.map((r) => r.fullCheckMs)),
    toFullResult: summary(runs.map((r) => r.toFullResultMs)),
    sameFindings: runs.every((r) => r.sameFindings),
  };
}

// Peak memory while checking 1 MB (node proxy for the worker).
{
  log('bench: heap (node, 1 MB)');
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', join(root, 'bench/child-heap.mjs'), enginePath],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  results.heap.node = JSON.parse(out);
}

// Bundle sizes.
results.bundles = bundleSizes(join(root, 'dist/chrome'));

// Hostile input, in a child process with a time limit: a hang shows as a failure, not a stuck benchmark.
const hostileText = hostileSection(results, quick);

// `preflight audit` against `preflight check` on the same mail, and a 1 GB mbox's memory (bench/child-audit.mjs).
const auditText = auditSection(results, quick);

// Chromium.
if (withBrowser) {
  try {
    results.browser = await browserFigures(quick);
  } catch (error) {
    results.browser = { error: error instanceof Error ? error.message : String(error) };
    log(`bench: Chromium figures failed: ${results.browser.error}`);
  }
}

results.targets = targets(results);
writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(table(results));
console.log(hostileText);
console.log(auditText);
console.log('\nwritten: bench/results.json');

// ---------------------------------------------------------------------------------------------------------

function machine() {
  const cpu = cpus()[0]?.model ?? 'unknown';
  let chromium = 'not found';
  try {
    chromium = execFileSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {}
  let load = '';
  try {
    load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {}
  return {
    cpus: cpus().length,
    cpu,
    memoryGB: +(totalmem() / 2 ** 30).toFixed(1),
    freeMemoryGB: +(freemem() / 2 ** 30).toFixed(1),
    node: process.version,
    chromium,
    loadAverage: load,
  };
}

function fileSize(file) {
  const buf = readFileSync(file);
  return { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
}

function bundleSizes(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const sum = (files) => {
    let raw = 0;
    let gzip = 0;
    for (const f of files) {
      const s = fileSize(join(dir, f));
      raw += s.raw;
      gzip += s.gzip;
    }
    return { files: [...files], raw, gzip };
  };
  const contentFiles = new Set();
  for (const cs of manifest.content_scripts ?? [])
    for (const f of cs.js ?? []) importsOf(dir, f, contentFiles);
  const worker = importsOf(dir, manifest.background.service_worker);
  // What the worker imports when a sentence first needs it (Chrome: importScripts of compromise's build).
  const later = new Set((manifest.background.scripts ?? []).filter((f) => !worker.has(f)));
  const contentText = [...contentFiles].map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  return {
    contentScript: { ...sum(contentFiles), hasCompromise: /expandLexicon/.test(contentText) },
    worker: {
      ...sum(worker),
      hasCompromise: /expandLexicon/.test(
        [...worker].map((f) => readFileSync(join(dir, f), 'utf8')).join(''),
      ),
      importedWhenNeeded: sum(later),
    },
  };
}

async function browserFigures(quickRun) {
  const outdir = join(cacheDir, 'e2e');
  await build({
    entryPoints: [join(root, 'test/e2e/harness.ts'), join(root, 'test/e2e/send-latency.ts')],
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
    // The harness finds the fixtures and the repository relative to where it lives, not to this bundle.
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(root, 'test/e2e/harness.ts')).href) },
  });
  const h = await import(pathToFileURL(join(outdir, 'harness.mjs')).href);
  const { measureSendLatency } = await import(pathToFileURL(join(outdir, 'send-latency.mjs')).href);
  const out = {};
  const browser = await h.launchBrowser({ extensionDir: join(root, 'dist/chrome') });
  try {
    const { context, extensionId } = browser;
    await h.routeMailHosts(context);

    // Cold start: stop the worker through DevTools (ServiceWorker.stopAllWorkers on an extension page's
    // session), check it really stopped, then time one check from the extension page.
    log('bench: cold start (Chromium)');
    const ext = await context.newPage();
    await ext.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
    await ext.waitForTimeout(500);
    const cdp = await context.newCDPSession(ext);
    const versions = new Map();
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
      for (const v of e.versions) versions.set(v.versionId, v);
    });
    await cdp.send('ServiceWorker.enable');
    const draft = draftOf(emailBody(300, 4242));
    const send = (msg) =>
      ext.evaluate(async (m) => {
        const t = performance.now();
        const r = await chrome.runtime.sendMessage(m);
        return { ms: performance.now() - t, r };
      }, msg);
    const cold = [];
    const warm = [];
    for (let i = 0; i < (quickRun ? 3 : 7); i++) {
      await send({ kind: 'ping' });
      await cdp.send('ServiceWorker.stopAllWorkers');
      const stopped = await waitFor(
        () =>
          [...versions.values()].some(
            (v) => v.scriptURL.includes(extensionId) && v.runningStatus === 'stopped',
          ),
        5000,
      );
      const first = await send({ kind: 'check', draft: { ...draft, body: `${draft.body}\n${i}` } });
      const status = await send({ kind: 'get-status' });
      // What the compose does with a provisional answer: ask again; this one waits for compromise to start.
      const full = await send({ kind: 'check', draft: { ...draft, body: `${draft.body}\n${i}` } });
      const again = await send({ kind: 'check', draft: { ...draft, body: `${draft.body}\n${i} ${i}` } });
      const st = status.r?.status ?? status.r?.response?.status;
      cold.push({
        ms: first.ms,
        provisional: first.r?.provisional === true,
        fullMs: full.ms,
        fullProvisional: full.r?.provisional === true,
        stopped,
        uptimeMs: st?.uptimeMs,
        checksSinceStart: st?.checksSinceStart,
        ok: first.r?.kind === 'check-result' || first.r?.ok === true,
      });
      warm.push(again.ms);
    }
    out.coldStart = {
      firstCheck: summary(cold.map((c) => c.ms)),
      // First answer plus the compose's follow-up request, which waits for compromise to start.
      toFullResult: summary(cold.map((c) => c.ms + c.fullMs)),
      warmCheck: summary(warm),
      runs: cold,
      verifiedStopped: cold.every((c) => c.stopped && c.checksSinceStart === 1),
    };
    await ext.close();

    // Gmail fixture: end of typing to the underline.
    log('bench: typing to underline (Chromium)');
    const page = await h.openGmail(context);
    const underline = [];
    for (let i = 0; i < (quickRun ? 3 : 8); i++) {
      const id = await page.evaluate(() => window.__fixture.openNewMessage());
      const compose = page.locator('div.M9', { has: page.locator(`input[name="composeid"][value="${id}"]`) });
      const editor = compose.locator('.Ap [g_editable="true"]').first();
      // Moles stack leftwards as more open; focus rather than click so an earlier one's snackbar is no obstacle.
      await editor.focus();
      await page.keyboard.type(`Hi Dana, thanks for the call. We guarantee zero downtime for run ${i}`, {
        delay: 5,
      });
      const ms = await page.evaluate(
        (composeId) =>
          new Promise((resolve) => {
            const t = performance.now();
            const poll = () => {
              const host = document.querySelector(`[data-preflight-root][data-compose-id="${composeId}"]`);
              const hit =
                host?.shadowRoot?.querySelector('[data-preflight-finding]') ??
                host?.querySelector('[data-preflight-finding]');
              if (hit) resolve(performance.now() - t);
              else if (performance.now() - t > 10_000) resolve(Number.NaN);
              else requestAnimationFrame(poll);
            };
            poll();
          }),
        id,
      );
      underline.push(ms);
      await compose
        .locator('.gU .oh')
        .first()
        .click()
        .catch(() => {});
    }
    out.typingToUnderline = {
      ...summary(underline.filter((x) => !Number.isNaN(x))),
      failed: underline.filter(Number.isNaN).length,
    };

    // Click on Send to the page's own send handler, clean email, warm worker.
    log('bench: send latency (Chromium)');
    const id = await page.evaluate(() => window.__fixture.openNewMessage());
    const compose = page.locator('div.M9', { has: page.locator(`input[name="composeid"][value="${id}"]`) });
    await compose
      .locator('.anm[name="to"] input[role="combobox"]')
      .evaluate((el) => (el.value = 'dana@contoso-health.example'));
    out.sendLatency = summary(await measureSendLatency(page, compose, quickRun ? 5 : 20));
  } finally {
    await browser.close();
  }
  return out;
}

async function waitFor(pred, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (pred()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

/** Worst-case input (bench/child-hostile.mjs): sets `r.hostile` and returns its table. */
function hostileSection(r, quickRun) {
  log('bench: hostile input');
  const limit = quickRun ? 300_000 : 900_000;
  const out = spawnSync(
    process.execPath,
    [join(root, 'bench/child-hostile.mjs'), enginePath, String(quickRun ? 2 : 5)],
    { cwd: root, encoding: 'utf8', timeout: limit, maxBuffer: 1 << 24 },
  );
  if (out.status !== 0) {
    r.hostile = { error: out.error?.message ?? `exit ${out.status}: ${out.stderr.slice(-500)}` };
    return `hostile input: FAILED (${r.hostile.error})`;
  }
  r.hostile = JSON.parse(out.stdout);
  const rows = ['', `hostile input (${r.hostile.runs} runs each; milliseconds per check):`];
  rows.push(`${'input'.padEnd(52)}${'p50'.padStart(9)}${'max'.padStart(9)}${'findings'.padStart(10)}`);
  for (const [label, c] of Object.entries(r.hostile.cases))
    rows.push(
      `${label.padEnd(52)}${fmt(c.median).padStart(9)}${fmt(c.max).padStart(9)}${String(c.findings).padStart(10)}`,
    );
  rows.push(`compiling the 10,000-account policy: ${fmt(r.hostile.compile10kAccountsMs)} ms`);
  return rows.join('\n');
}

/** `preflight audit` (bench/child-audit.mjs): sets `r.audit` and returns its lines. */
function auditSection(r, quickRun) {
  log('bench: preflight audit');
  const out = spawnSync(
    process.execPath,
    [join(root, 'bench/child-audit.mjs'), quickRun ? '1000' : '3000', quickRun ? '256' : '1024'],
    { cwd: root, encoding: 'utf8', timeout: 3_600_000, maxBuffer: 1 << 24 },
  );
  if (out.status !== 0) {
    r.audit = { error: out.error?.message ?? `exit ${out.status}: ${out.stderr.slice(-500)}` };
    return `audit: FAILED (${r.audit.error})`;
  }
  const a = JSON.parse(out.stdout);
  r.audit = a;
  const s = (x) => `${(x.ms / 1000).toFixed(1)} s`;
  return [
    '',
    `audit of ${a.messages.toLocaleString('en-US')} messages (${a.mboxMB.toFixed(1)} MB mbox) on ${a.cores} cores:`,
    `  check on the same messages as .eml files ${s(a.check)}; audit, default jobs ${s(a.auditDefault)} (${(a.auditOverCheck * 100).toFixed(0)}% of check); --jobs 1 ${s(a.auditJobs1)} (${a.jobs1OverDefault.toFixed(2)}x the default)`,
    `  the two halves with --jobs 1 by two processes side by side ${s(a.halvesSideBySide)}: --jobs 1 is ${a.jobs1OverSideBySide.toFixed(2)}x that, the most two threads give on this machine`,
    a.big
      ? `  ${a.big.mbMB.toFixed(0)} MB mbox (${a.big.messages.toLocaleString('en-US')} messages): ${s(a.big)}, peak RSS ${a.big.maxRssMB.toFixed(0)} MB`
      : '',
  ].join('\n');
}

function targets(r) {
  const e = r.engine;
  const t = [];
  const add = (name, value, limit, unit = 'ms', extra = '') =>
    t.push({
      target: name,
      value,
      limit,
      unit,
      met: value !== undefined && !Number.isNaN(value) && value <= limit,
      extra,
    });
  add('300 words, median', e['300 words'].default.median, 3);
  add(
    '300 words vs write-good (median)',
    e['300 words'].default.median,
    r.baselines['300 words'].writeGood.median,
  );
  add('5,000 words, median', e['5,000 words'].default.median, 30);
  add('5,000 words, 5,000 accounts, median', e['5,000 words'].bigPolicy.median, 30);
  add('1 MB, median', e['1 MB'].default.median, 1000);
  add('1 MB, 5,000 accounts, median', e['1 MB'].bigPolicy.median, 1000);
  add('eight recipients, 5,000 accounts, median', r.recipients.check.median, 1);
  add('one word typed into 1,000 words, median', r.incremental.default.median, 1);
  add('cold start, node (load + first check)', r.coldStart.node.total.median, 150);
  if (r.browser.coldStart)
    add('cold start, Chromium (stopped worker, first check)', r.browser.coldStart.firstCheck.median, 150);
  if (r.browser.sendLatency) add('click on Send to page send, p95', r.browser.sendLatency.p95, 100);
  add('content script, gzipped', r.bundles.contentScript.gzip / 1024, 40, 'kB');
  add('peak heap, 1 MB (node proxy: heap total after check)', r.heap.node.heapTotalAfterMB, 100, 'MB');
  if (r.audit && !r.audit.error) {
    add('audit, default jobs, share of check on the same mail', r.audit.auditOverCheck, 0.75, 'x');
    // At least 1.4 times as long: the inverse is at most 1/1.4 of it.
    add(
      'audit, default jobs, share of --jobs 1',
      1 / r.audit.jobs1OverDefault,
      1 / 1.4,
      'x',
      `two processes side by side: ${(1 / r.audit.jobs1OverSideBySide).toFixed(2)}x`,
    );
    if (r.audit.big) add('audit of a 1 GB mbox, peak RSS', r.audit.big.maxRssMB, 300, 'MB');
  }
  return t;
}

function table(r) {
  const rows = [];
  const pad = (s, n) => String(s).padEnd(n);
  const lpad = (s, n) => String(s).padStart(n);
  rows.push(
    `${pad('text', 12)}${lpad('Preflight p50', 14)}${lpad('p95', 9)}${lpad('5k acc p50', 12)}${lpad('p95', 9)}${lpad('write-good', 12)}${lpad('alex', 10)}${lpad('wg/PF', 8)}${lpad('alex/PF', 9)}`,
  );
  for (const label of Object.keys(r.engine)) {
    const e = r.engine[label];
    const b = r.baselines[label];
    const q = r.ratios[label];
    rows.push(
      `${pad(label, 12)}${lpad(fmt(e.default.median), 14)}${lpad(fmt(e.default.p95), 9)}${lpad(fmt(e.bigPolicy.median), 12)}${lpad(fmt(e.bigPolicy.p95), 9)}${lpad(fmt(b.writeGood.median), 12)}${lpad(fmt(b.alex.median), 10)}${lpad(Number.isFinite(q.writeGoodOverPreflight) ? `${q.writeGoodOverPreflight.toFixed(1)}x` : '—', 8)}${lpad(Number.isFinite(q.alexOverPreflight) ? `${q.alexOverPreflight.toFixed(1)}x` : '—', 9)}`,
    );
  }
  rows.push('(milliseconds per check; wg/PF and alex/PF: how many times longer the baseline takes)');
  rows.push('');
  const inc = r.incremental;
  rows.push(
    `one word typed into 1,000 words: ${fmt(inc.default.median)} ms p50, ${fmt(inc.default.p95)} ms p95 (5,000 accounts: ${fmt(inc.bigPolicy.median)} ms); ${(inc.fractionOfFirstCheck * 100).toFixed(0)}% of a first check`,
  );
  const cn = r.coldStart.node;
  rows.push(
    `cold start, node: load ${fmt(cn.load.median)} ms + first check ${fmt(cn.firstCheck.median)} ms = ${fmt(cn.total.median)} ms (p50); then compromise starts ${fmt(cn.fullReaderStart.median)} ms + full check ${fmt(cn.fullCheck.median)} ms: full result ${fmt(cn.toFullResult.median)} ms after start; same findings: ${cn.sameFindings}`,
  );
  const br = r.browser;
  if (br.error) rows.push(`Chromium: failed (${br.error})`);
  if (br.coldStart)
    rows.push(
      `cold start, Chromium: first check after stopping the worker ${fmt(br.coldStart.firstCheck.median)} ms p50, ${fmt(br.coldStart.firstCheck.p95)} ms p95 (provisional: ${br.coldStart.runs.filter((c) => c.provisional).length}/${br.coldStart.runs.length}); full answer ${fmt(br.coldStart.toFullResult.median)} ms p50 (warm check ${fmt(br.coldStart.warmCheck.median)} ms); worker verified stopped: ${br.coldStart.verifiedStopped}`,
    );
  if (br.typingToUnderline)
    rows.push(
      `end of typing to underline (Gmail fixture, includes the 300 ms typing pause): ${fmt(br.typingToUnderline.median)} ms p50, ${fmt(br.typingToUnderline.p95)} ms p95`,
    );
  if (br.sendLatency)
    rows.push(
      `click on Send to the page's send (clean, warm): ${fmt(br.sendLatency.median)} ms p50, ${fmt(br.sendLatency.p95)} ms p95`,
    );
  const b = r.bundles;
  rows.push(
    `content script: ${(b.contentScript.raw / 1024).toFixed(1)} kB raw, ${(b.contentScript.gzip / 1024).toFixed(1)} kB gzip (compromise: ${b.contentScript.hasCompromise ? 'yes' : 'no'}); worker: ${(b.worker.raw / 1024).toFixed(1)} kB raw, ${(b.worker.gzip / 1024).toFixed(1)} kB gzip (compromise: ${b.worker.hasCompromise ? 'yes' : `no; ${b.worker.importedWhenNeeded.files.join(', ')}, ${(b.worker.importedWhenNeeded.raw / 1024).toFixed(1)} kB, imported when first needed`})`,
  );
  const hp = r.heap.node;
  rows.push(
    `1 MB body in node: ${fmt(hp.ms)} ms; heap used after ${hp.heapUsedAfterMB.toFixed(1)} MB, heap total ${hp.heapTotalAfterMB.toFixed(1)} MB, peak RSS growth ${hp.peakRssGrowthMB.toFixed(1)} MB`,
  );
  rows.push(`compiling the 5,000-account policy: ${fmt(r.compileBigPolicyMs)} ms (once per policy)`);
  rows.push(
    `eight recipients (look-alike and new domains), 5,000 accounts: ${fmt(r.recipients.check.median)} ms p50, ${fmt(r.recipients.check.p95)} ms p95 per check; the first one, which builds the look-alike index, ${fmt(r.recipients.firstCheckMs)} ms`,
  );
  rows.push('');
  rows.push('targets:');
  for (const x of r.targets)
    rows.push(
      `  ${x.met ? 'met    ' : 'NOT met'}  ${pad(x.target, 58)} ${lpad(fmt(x.value), 8)} ${x.unit} (limit ${fmt(x.limit)})${x.extra ? `; ${x.extra}` : ''}`,
    );
  const m = r.machine;
  rows.push('');
  rows.push(
    `machine: ${m.cpus} x ${m.cpu}, ${m.memoryGB} GB, node ${m.node}, ${m.chromium}, load ${m.loadAverage}`,
  );
  return rows.join('\n');
}
