#!/usr/bin/env node
// npm run new:rule -- <category>/<slug> [--severity block|warn|info] [--clause <clause id>] [--root <dir>]
//
// Starts a code rule: writes src/engine/rules/<category>/<slug>.ts (metadata, a phrase it finds, two flagged
// and two passing examples, so the meta test passes at once) and registers it in src/engine/rules/index.ts.
// Then: write the real check and examples, and run `node scripts/rules-doc.mjs` for docs/rules.md.
// The clause defaults to the one other rules of the category name most; --root works on another checkout
// (scripts/new-rule.test.ts scaffolds into a temporary copy).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';

const here = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** `pii/card-number` -> `piiCardNumber`, the name index.ts imports it under. */
export function importName(id) {
  return id.replace(/[/-]+([a-z0-9])/g, (_, c) => c.toUpperCase());
}

/** The categories of src/engine/schemas/finding.ts. */
function categories(root) {
  const source = readFileSync(join(root, 'src/engine/schemas/finding.ts'), 'utf8');
  const list = /export const CATEGORIES = \[([^\]]*)\]/.exec(source)?.[1] ?? '';
  return [...list.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]);
}

/** The clause the category's rules (code and data) name most often. */
function usualClause(root, category) {
  const counts = new Map();
  const add = (clause) => counts.set(clause, (counts.get(clause) ?? 0) + 1);
  const dir = join(root, 'src/engine/rules', category);
  if (existsSync(dir))
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const m = /\bclause:\s*'([^']+)'/.exec(readFileSync(join(dir, file), 'utf8'));
      if (m) add(m[1]);
    }
  for (const file of readdirSync(join(root, 'rules')).filter((f) => f.endsWith('.yaml'))) {
    for (const rule of parse(readFileSync(join(root, 'rules', file), 'utf8'))?.rules ?? [])
      if (rule.category === category && rule.clause) add(rule.clause);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The rule's file: working code the author replaces, in the shape of the other rules. */
export function ruleSource({ id, category, severity, clause }) {
  const phrase = `${id.split('/')[1].replace(/-/g, ' ')} placeholder`;
  return `// What this rule finds and what it lets pass, in a paragraph or two: docs/rules.md shows this comment.
// Replace the phrase search below with the rule's reading, and the examples with real ones.
import { defineRule, type RawFinding } from '../../rule.ts';

const PHRASE = /\\b${phrase.replace(/ /g, '\\s+')}\\b/gi;

export const rule = defineRule(
  {
    id: '${id}',
    category: '${category}',
    severity: '${severity}',
    clause: '${clause}',
    description: 'One line for the options page: what the rule flags.',
    source: 'customer-policy.md',
    examples: {
      flag: [
        'This email still has the ${phrase} in it, which the rule finds.',
        { subject: 'The ${phrase}', text: 'Hi Jordan,' },
      ],
      pass: [
        'This email says nothing of the kind, so the rule stays quiet.',
        { subject: 'Hello', text: 'Hi Jordan, all good here.' },
      ],
    },
  },
  (ctx): RawFinding[] => {
    const out: RawFinding[] = [];
    for (const field of [ctx.field('subject'), ctx.field('body')])
      for (const m of field.text.matchAll(PHRASE))
        out.push(ctx.report(field, m.index, m.index + m[0].length, 'Replace this message.'));
    return out;
  },
);
`;
}

/** index.ts with the rule imported beside the others and appended to CODE_RULES. */
export function register(index, id) {
  const name = importName(id);
  const line = `import { rule as ${name} } from './${id}.ts';`;
  if (index.includes(line)) throw new Error(`${id} is already registered in src/engine/rules/index.ts`);
  const lines = index.split('\n');
  const imports = lines.map((l, i) => [l, i]).filter(([l]) => l.startsWith('import { rule as '));
  if (imports.length === 0) throw new Error('src/engine/rules/index.ts: no rule imports found');
  const after = imports.filter(([l]) => l.localeCompare(line) < 0).at(-1)?.[1] ?? imports[0][1] - 1;
  lines.splice(after + 1, 0, line);
  const text = lines.join('\n');
  const end = text.lastIndexOf('];');
  if (end === -1 || !text.includes('export const CODE_RULES'))
    throw new Error('src/engine/rules/index.ts: CODE_RULES not found');
  return `${text.slice(0, end)}  ${name},\n${text.slice(end)}`;
}

export function scaffold(root, id, options = {}) {
  const m = /^([a-z-]+)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(id ?? '');
  if (!m) throw new Error(`the rule id must be <category>/<slug> in kebab-case, not ${JSON.stringify(id)}`);
  const category = m[1];
  const known = categories(root);
  if (!known.includes(category)) throw new Error(`unknown category ${category}; one of: ${known.join(', ')}`);
  const severity = options.severity ?? 'warn';
  if (!['block', 'warn', 'info'].includes(severity))
    throw new Error(`severity must be block, warn or info, not ${severity}`);
  const clauses = parse(readFileSync(join(root, 'rules/clauses.yaml'), 'utf8')) ?? {};
  const clause = options.clause ?? usualClause(root, category);
  if (!clause || !(clause in clauses))
    throw new Error(
      `${clause ? `clause ${clause} is not in rules/clauses.yaml` : `no rule of ${category} names a clause yet`}; ` +
        'name one with --clause <id> (a key of rules/clauses.yaml)',
    );
  const file = join(root, 'src/engine/rules', `${id}.ts`);
  if (existsSync(file)) throw new Error(`src/engine/rules/${id}.ts exists already`);
  const indexPath = join(root, 'src/engine/rules/index.ts');
  const index = register(readFileSync(indexPath, 'utf8'), id);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, ruleSource({ id, category, severity, clause }));
  writeFileSync(indexPath, index);
  return { file, clause };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: { severity: { type: 'string' }, clause: { type: 'string' }, root: { type: 'string' } },
    });
    if (positionals.length !== 1)
      throw new Error('usage: npm run new:rule -- <category>/<slug> [--severity warn] [--clause id]');
    const root = values.root ? resolve(values.root) : here;
    const { file, clause } = scaffold(root, positionals[0], values);
    console.log(
      `wrote ${file.slice(root.length + 1)} (clause ${clause}) and registered it in src/engine/rules/index.ts`,
    );
    console.log(
      'next: write its check and examples, then node scripts/rules-doc.mjs and npx vitest run src/engine/rules.meta.test.ts',
    );
  } catch (error) {
    console.error(`new:rule: ${error.message}`);
    process.exit(1);
  }
}
