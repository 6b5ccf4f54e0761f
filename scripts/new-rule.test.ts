// npm run new:rule scaffolds into a temporary copy of the engine: the new rule typechecks, is registered, and
// its own examples flag and pass as the meta test requires.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importName, register } from './new-rule.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
let copy = '';

function newRule(...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'scripts/new-rule.mjs'), ...args, '--root', copy], {
    encoding: 'utf8',
  });
}

beforeAll(() => {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  copy = mkdtempSync(join(root, '.tmp', 'new-rule-'));
  cpSync(join(root, 'src/engine'), join(copy, 'src/engine'), {
    recursive: true,
    filter: (path) => !path.endsWith('.test.ts'),
  });
  cpSync(join(root, 'rules'), join(copy, 'rules'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8'));
  writeFileSync(join(copy, 'tsconfig.json'), JSON.stringify({ ...tsconfig, include: ['src/engine'] }));
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('npm run new:rule', () => {
  it('writes a rule that typechecks, registers and passes its own examples', async () => {
    const made = newRule('pii/fake-number', '--severity', 'block');
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(made.stdout).toContain('wrote src/engine/rules/pii/fake-number.ts (clause data-dpa)');

    const source = readFileSync(join(copy, 'src/engine/rules/pii/fake-number.ts'), 'utf8');
    expect(source).toContain("id: 'pii/fake-number'");
    expect(source).toContain("severity: 'block'");
    // Written as the formatter would write it, so the first commit of a new rule is format-clean.
    const formatted = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules/@biomejs/biome/bin/biome'),
        'format',
        '--stdin-file-path=src/engine/rules/pii/x.ts',
      ],
      { cwd: root, input: source, encoding: 'utf8' },
    );
    expect(formatted.stdout).toBe(source);
    const index = readFileSync(join(copy, 'src/engine/rules/index.ts'), 'utf8');
    expect(index).toContain("import { rule as piiFakeNumber } from './pii/fake-number.ts';");
    expect(index).toMatch(/ {2}piiFakeNumber,\n\];/);

    const tsc = spawnSync(
      process.execPath,
      [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', join(copy, 'tsconfig.json')],
      { encoding: 'utf8' },
    );
    expect(`${tsc.stdout}${tsc.stderr}`).toBe('');
    expect(tsc.status).toBe(0);

    const registry = await import(pathToFileURL(join(copy, 'src/engine/registry.ts')).href);
    const engine = await import(pathToFileURL(join(copy, 'src/engine/index.ts')).href);
    const { exampleDraft } = await import(pathToFileURL(join(copy, 'src/engine/rule.ts')).href);
    const rule = registry.RULES.find((r: { meta: { id: string } }) => r.meta.id === 'pii/fake-number');
    expect(rule?.meta).toMatchObject({ category: 'pii', clause: 'data-dpa', kind: 'code' });
    const findings = (example: unknown) => {
      const { draft, policy } = exampleDraft(example);
      return engine
        .checkDraft(draft, policy)
        .findings.filter((f: { ruleId: string }) => f.ruleId === 'pii/fake-number');
    };
    for (const example of rule.meta.examples.flag) expect(findings(example).length).toBeGreaterThan(0);
    for (const example of rule.meta.examples.pass) expect(findings(example)).toEqual([]);
  }, 120_000);

  it('refuses an existing rule, an unknown category and a malformed id, changing nothing', () => {
    const before = readFileSync(join(copy, 'src/engine/rules/index.ts'), 'utf8');
    expect(newRule('pii/iban').stderr).toContain('new:rule: src/engine/rules/pii/iban.ts exists already');
    expect(newRule('gossip/rumour').stderr).toContain('unknown category gossip; one of: overcommitment,');
    expect(newRule('pii/Bad_Name').stderr).toContain('the rule id must be <category>/<slug> in kebab-case');
    expect(newRule('pii/other', '--clause', 'no-such-clause').stderr).toContain(
      'clause no-such-clause is not in rules/clauses.yaml',
    );
    expect(newRule('pii/other', '--clause', 'no-such-clause').status).toBe(1);
    expect(readFileSync(join(copy, 'src/engine/rules/index.ts'), 'utf8')).toBe(before);
  }, 60_000);
});

describe('register', () => {
  const index = `import type { Rule } from '../rule.ts';
import { rule as piiIban } from './pii/iban.ts';
import { rule as toneX } from './tone/x.ts';

export const CODE_RULES: readonly Rule[] = [
  piiIban,
  toneX,
];
`;

  it('imports the rule in order and appends it to CODE_RULES', () => {
    expect(importName('cross-account/look-alike')).toBe('crossAccountLookAlike');
    expect(register(index, 'sla/late')).toBe(`import type { Rule } from '../rule.ts';
import { rule as piiIban } from './pii/iban.ts';
import { rule as slaLate } from './sla/late.ts';
import { rule as toneX } from './tone/x.ts';

export const CODE_RULES: readonly Rule[] = [
  piiIban,
  toneX,
  slaLate,
];
`);
    expect(() => register(index, 'pii/iban')).toThrow('already registered');
  });
});
