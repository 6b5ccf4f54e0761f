// npm run eval: the engine's judgement, per category, on the development corpus of real customer email
// (eval/corpus/) and on the rules' own written examples. Prints a table; --json prints the whole result;
// --misses lists every item the engine got wrong (missed labels and findings with no label behind them).
// Options: --corpus FILE (a JSONL corpus), --policy FILE (its policy), --category NAME (misses of one
// category only), --item ID (every finding of one item).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import {
  benignSummary,
  draftFor,
  EVAL_CATEGORIES,
  EVAL_NOW,
  hasCategory,
  readCorpus,
  scoreItem,
  table,
} from './eval-score.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: opts } = parseArgs({
  options: {
    corpus: { type: 'string', default: join(root, 'eval/corpus/dev-emails.jsonl') },
    policy: { type: 'string' },
    json: { type: 'boolean', default: false },
    misses: { type: 'boolean', default: false },
    category: { type: 'string' },
    item: { type: 'string' },
  },
});

// The engine as the command line runs it: compromise bundled in, loaded at once.
const enginePath = join(root, '.tmp/eval/engine.mjs');
await build({
  stdin: {
    contents: `export * from './src/engine/index.ts';
export { RULES } from './src/engine/registry.ts';
export { exampleDraft } from './src/engine/rule.ts';`,
    resolveDir: root,
    loader: 'ts',
  },
  outfile: enginePath,
  bundle: true,
  format: 'esm',
  platform: 'node',
  logLevel: 'error',
});
const engine = await import(pathToFileURL(enginePath).href);
engine.loadFullReader();

function loadPolicy(file) {
  const parsed = engine.parsePolicyText(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`eval: ${file}: ${parsed.issues.join('; ')}`);
  return parsed.policy;
}

const corpusPath = resolve(opts.corpus);
const policy = loadPolicy(opts.policy ?? join(dirname(corpusPath), 'dev-policy.json'));
const items = readCorpus(corpusPath);

const perItem = [];
let checkMs = 0;
for (const item of items) {
  const started = performance.now();
  const result = engine.checkDraft(draftFor(item), policy);
  checkMs += performance.now() - started;
  perItem.push({
    ...scoreItem(item, result.findings),
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      category: f.category,
      severity: f.severity,
      excerpt: f.excerpt,
    })),
    text: item.text,
    note: item.label_note,
  });
}
const corpus = table(perItem);
const benign = benignSummary(perItem);

// The rules' own written examples, each checked with every rule (as a person's draft is), not its own alone.
const written = {};
for (const rule of engine.RULES) {
  const cat = rule.meta.category;
  written[cat] ??= { flag: 0, flagFound: 0, pass: 0, passClean: 0, failures: [] };
  const w = written[cat];
  for (const [kind, list] of [
    ['flag', rule.meta.examples.flag],
    ['pass', rule.meta.examples.pass],
  ]) {
    for (const example of list) {
      const { draft, policy: extra } = engine.exampleDraft(example);
      const parsed = engine.parsePolicy({ version: 1, ...(extra ?? {}) });
      if (!parsed.ok) throw new Error(`eval: ${rule.meta.id}: example policy: ${parsed.issues.join('; ')}`);
      const findings = engine.checkDraft({ ...draft, now: draft.now ?? EVAL_NOW }, parsed.policy).findings;
      const mine = findings.some((f) => f.ruleId === rule.meta.id);
      const text = typeof example === 'string' ? example : (example.text ?? example.subject ?? '');
      if (kind === 'flag') {
        w.flag++;
        if (mine) w.flagFound++;
        else w.failures.push({ rule: rule.meta.id, kind, text });
      } else {
        w.pass++;
        if (!mine) w.passClean++;
        else w.failures.push({ rule: rule.meta.id, kind, text });
      }
    }
  }
}

if (opts.item) {
  const r = perItem.find((p) => p.id === opts.item);
  if (!r) throw new Error(`eval: no item ${opts.item}`);
  console.log(JSON.stringify(r, null, 2));
  process.exit(0);
}
if (opts.json) {
  console.log(
    JSON.stringify(
      {
        corpus: { file: corpusPath, items: items.length, categories: corpus, benign },
        written,
        items: perItem.map(({ text: _t, note: _n, ...r }) => r),
      },
      null,
      2,
    ),
  );
  process.exit(0);
}

const fmt = (x) => (x === null ? '  -  ' : x.toFixed(2));
const pct = (n) => `${((100 * n) / Math.max(1, benign.items)).toFixed(1)} %`;
const lines = [];
lines.push(`Corpus: ${items.length} items (${corpusPath.replace(root, '')})`);
lines.push('');
lines.push('| category | items | found | wrong | precision | recall |');
lines.push('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const [cat, s] of Object.entries(corpus))
  lines.push(`| ${cat} | ${s.positives} | ${s.tp} | ${s.fp} | ${fmt(s.precision)} | ${fmt(s.recall)} |`);
lines.push('');
lines.push(
  `Benign emails: ${benign.items}; with a warning or block: ${benign.warned} (${pct(benign.warned)}); blocked: ${benign.blocked} (${pct(benign.blocked)})`,
);
lines.push(
  `Time to check the corpus once, first reading included: ${checkMs.toFixed(0)} ms (a rough guide; npm run bench measures speed)`,
);
lines.push('');
lines.push('Written examples (each checked with every rule):');
lines.push('');
lines.push('| category | should-flag found | should-pass clean |');
lines.push('| --- | ---: | ---: |');
for (const [cat, w] of Object.entries(written).sort())
  lines.push(`| ${cat} | ${w.flagFound}/${w.flag} | ${w.passClean}/${w.pass} |`);
console.log(lines.join('\n'));

if (opts.misses || opts.category) {
  const only = opts.category;
  console.log('\nMisses (label not found) and extras (finding with no label):');
  for (const r of perItem) {
    const missed = r.labels.filter((c) => !hasCategory(r, c) && (!only || c === only));
    const extra = r.got.filter(
      (c) => !r.labels.includes(c) && (!only || c === only) && EVAL_CATEGORIES.includes(c),
    );
    const benignWarn = r.benign && r.warned && !only;
    if (!missed.length && !extra.length && !benignWarn) continue;
    console.log(`\n## ${r.id} [${r.kind}] labels: ${r.labels.join(', ') || '(benign)'}`);
    if (missed.length) console.log(`  MISSED: ${missed.join(', ')}`);
    for (const f of r.findings)
      if (f.severity !== 'info' && (!only || f.category === only) && (extra.includes(f.category) || r.benign))
        console.log(`  EXTRA ${f.severity} ${f.ruleId}: ${JSON.stringify(f.excerpt)}`);
    console.log(`  note: ${r.note}`);
    console.log(`  text: ${r.text.replace(/\n/g, ' / ')}`);
  }
  for (const [cat, w] of Object.entries(written))
    for (const f of w.failures)
      if (!only || cat === only)
        console.log(`\nWRITTEN ${f.kind === 'flag' ? 'not flagged' : 'flagged'} ${f.rule}: ${f.text}`);
}
