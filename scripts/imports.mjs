// npm run imports: the picture of src/'s imports, drawn from the TypeScript compiler's own resolution
// (`tsc --explainFiles`, type-only imports included), as a mermaid graph of the floors.
//
//   node scripts/imports.mjs           prints the picture (docs/imports.md's graph)
//   node scripts/imports.mjs --write   writes docs/imports.md
//   node scripts/imports.mjs --check   fails on an import circle, an arrow to a floor above, or a stale docs/imports.md
//
// The floors are read from biome.json (each override's noRestrictedImports patterns), so the lint rule that
// stops an upward import while it is written and this check of the whole graph cannot drift apart.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const DOC = 'docs/imports.md';

/** Every import from one file of src/ to another, as the compiler resolved it. */
function importsOfSrc() {
  const tsc = spawnSync(
    process.execPath,
    [`${root}node_modules/typescript/bin/tsc`, '--noEmit', '-p', 'tsconfig.json', '--explainFiles'],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (tsc.error) throw tsc.error;
  const edges = new Set();
  let target;
  for (const line of tsc.stdout.split('\n')) {
    if (!line.startsWith(' ')) {
      target = line.trim();
      continue;
    }
    const m = /^\s+Imported via .+ from file '([^']+)'/.exec(line);
    if (m && target?.startsWith('src/') && m[1].startsWith('src/')) edges.add(`${m[1]}\0${target}`);
  }
  if (edges.size === 0) {
    console.error(
      `imports: the compiler listed no imports (exit ${tsc.status}):\n${tsc.stderr || tsc.stdout.slice(0, 2000)}`,
    );
    process.exit(2);
  }
  return [...edges]
    .map((e) => e.split('\0'))
    .sort(([a1, b1], [a2, b2]) => a1.localeCompare(a2) || b1.localeCompare(b2));
}

/** floor -> the floors it may not import, from biome.json's overrides (`src/<floor>/**` and `** /<other>/**`). */
function floorsFromBiome() {
  const biome = JSON.parse(readFileSync(`${root}biome.json`, 'utf8'));
  const forbidden = new Map();
  for (const o of biome.overrides ?? []) {
    const floor = /^src\/([^/*]+)\/\*\*$/.exec(o.includes?.[0] ?? '')?.[1];
    const patterns = o.linter?.rules?.style?.noRestrictedImports?.options?.patterns ?? [];
    if (!floor || patterns.length === 0) continue;
    const above = patterns.flatMap((p) => p.group ?? []).map((g) => /^\*\*\/([^/]+)\/\*\*$/.exec(g)?.[1]);
    forbidden.set(floor, new Set(above.filter(Boolean)));
  }
  return forbidden;
}

/** Strongly connected components with more than one file (or a file importing itself): the circles. */
function circles(edges) {
  const next = new Map();
  for (const [a, b] of edges) {
    if (!next.has(a)) next.set(a, []);
    next.get(a).push(b);
    if (!next.has(b)) next.set(b, []);
  }
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const out = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of next.get(v)) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || next.get(v).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!idx.has(v)) visit(v);
  return out;
}

const topFloor = (file) => file.split('/')[1];

/**
 * The boxes of the picture: each top folder of src/, and the engine's own floors. The engine's top-level
 * files are two boxes: those that assemble the rules (they reach engine/kinds or engine/rules) and the core
 * the rules are written against (context, rule, policy ...), which sits below the kinds.
 */
function boxer(edges) {
  const next = new Map();
  for (const [a, b] of edges) {
    if (!next.has(a)) next.set(a, []);
    next.get(a).push(b);
  }
  const inRules = (f) => /^src\/engine\/(kinds|rules)\//.test(f);
  const assembles = new Map();
  const reaches = (f, seen = new Set()) => {
    if (assembles.has(f)) return assembles.get(f);
    if (seen.has(f)) return false;
    seen.add(f);
    const r = (next.get(f) ?? []).some((g) => inRules(g) || (isEngineTop(g) && reaches(g, seen)));
    return r;
  };
  return (file) => {
    const parts = file.split('/');
    if (parts[1] !== 'engine') return parts.length > 2 ? parts[1] : 'src';
    if (parts.length > 3) return `engine/${parts[2]}`;
    if (!assembles.has(file)) assembles.set(file, reaches(file));
    return assembles.get(file) ? 'engine' : 'engine/core';
  };
}
const isEngineTop = (file) => /^src\/engine\/[^/]+$/.test(file);
const isTest = (file) => /\.test\.tsx?$/.test(file);

function mermaid(edges) {
  const box = boxer(edges);
  const counts = new Map();
  for (const [a, b] of edges) {
    if (isTest(a)) continue;
    const from = box(a);
    const to = box(b);
    if (from === to) continue;
    const key = `${from}\0${to}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const id = (name) => name.replace(/[^a-z]/g, '_');
  const lines = ['flowchart BT'];
  const names = new Set([...counts.keys()].flatMap((k) => k.split('\0')));
  for (const n of [...names].sort()) lines.push(`  ${id(n)}["${n}"]`);
  for (const [k, n] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    const [from, to] = k.split('\0');
    lines.push(`  ${id(from)} -->|${n}| ${id(to)}`);
  }
  return lines.join('\n');
}

function document(picture) {
  return `# The imports of src/

Generated by \`npm run imports -- --write\` from the TypeScript compiler's resolution of every import
(type-only ones included); \`.ci/run\` fails when it is stale. An arrow is "imports", with the number of
imports from files of one box into the other; tests are left out of the picture, not out of the check.

The floors, lowest first: the engine (its schemas, then text, then its core, the rule kinds, the code
rules, and what assembles them), shared, platform, then the worker (background), the content script and
the pages' components (ui), then the popup and options pages. The command line (cli) sits on the engine
and shared code. No file imports a floor above its own (biome's noRestrictedImports in biome.json), and no
import goes in a circle (biome's noImportCycles, and \`npm run imports -- --check\` on this graph).

\`\`\`mermaid
${picture}
\`\`\`
`;
}

const edges = importsOfSrc();
const picture = mermaid(edges);

if (args.has('--write')) {
  writeFileSync(`${root}${DOC}`, document(picture));
  console.log(`imports: wrote ${DOC} (${edges.length} imports between files of src/)`);
} else if (args.has('--check')) {
  const problems = [];
  for (const scc of circles(edges)) problems.push(`import circle: ${scc.join(' <-> ')}`);
  const box = boxer(edges);
  const boxEdges = edges
    .filter(([a, b]) => !isTest(a) && box(a) !== box(b))
    .map(([a, b]) => [box(a), box(b)]);
  for (const scc of circles(boxEdges))
    problems.push(`circle between boxes of the picture: ${scc.join(' <-> ')}`);
  const floors = floorsFromBiome();
  for (const [a, b] of edges) {
    if (floors.get(topFloor(a))?.has(topFloor(b))) problems.push(`upward import: ${a} -> ${b}`);
  }
  let current = '';
  try {
    current = readFileSync(`${root}${DOC}`, 'utf8');
  } catch {}
  if (current !== document(picture)) problems.push(`${DOC} is stale: run npm run imports -- --write`);
  for (const p of problems) console.error(`imports: ${p}`);
  if (problems.length > 0) process.exit(1);
  console.log(`imports: ${edges.length} imports in src/, no circle, no upward arrow, ${DOC} current`);
} else {
  console.log(picture);
}
