// docs/rules.md is generated from the rules (scripts/rules-doc.mjs): it must match them, and the generator
// must say what each rule is from its metadata and examples alone.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLAUSES, RULES } from '../src/engine/registry.ts';
import type { RuleMeta } from '../src/engine/rule.ts';
import { leadingComment, OUTPUT, renderRulesDoc, repositorySources } from './rules-doc.mjs';

describe('docs/rules.md', () => {
  it('is up to date with the rules (run node scripts/rules-doc.mjs when this fails)', () => {
    const text = renderRulesDoc({
      rules: RULES.map((r) => r.meta),
      clauses: CLAUSES,
      ...repositorySources(),
    });
    expect(readFileSync(OUTPUT, 'utf8')).toBe(text);
  });

  it('lists every rule the engine runs, once', () => {
    const doc = readFileSync(OUTPUT, 'utf8');
    for (const rule of RULES) expect(doc.split(`### \`${rule.meta.id}\``)).toHaveLength(2);
  });
});

describe('renderRulesDoc', () => {
  const rule: RuleMeta = {
    id: 'pii/fake-number',
    category: 'pii',
    severity: 'block',
    clause: 'data-dpa',
    description: 'A made-up number.',
    kind: 'code',
    languageIndependent: true,
    examples: {
      flag: ['Number: 12`34', { subject: 'Hello', text: 'line one\nline two', to: ['a@b.example'] }],
      pass: [{ text: 'Number: 1234', why: 'checksum fails' }],
    },
  };
  const doc = renderRulesDoc({
    rules: [rule],
    clauses: { 'data-dpa': 'Customer data handled per data processing agreement' },
    fileOf: () => 'src/engine/rules/pii/fake-number.ts',
    notesOf: () => 'What it reads.\n\nWhat it passes.',
  });

  it('gives the metadata, the notes and both kinds of examples', () => {
    expect(doc).toContain('| [`pii/fake-number`](#piifake-number) | code | block | A made-up number. |');
    expect(doc).toContain('## pii\n\n### `pii/fake-number`\n\nA made-up number.');
    expect(doc).toContain('- kind: code, in `src/engine/rules/pii/fake-number.ts`');
    expect(doc).toContain('- default severity: block (cannot be sent anyway)');
    expect(doc).toContain('- clause: `data-dpa` — "Customer data handled per data processing agreement"');
    expect(doc).toContain('- runs on drafts in any language');
    expect(doc).toContain('What it reads.\n\nWhat it passes.');
    expect(doc).toContain(
      'Flagged:\n\n- ``Number: 12`34``\n- subject `Hello`; body `line one ⏎ line two`; to `a@b.example`',
    );
    expect(doc).toContain('Passes:\n\n- `Number: 1234` (checksum fails)');
  });

  it('reads a code rule file’s opening comment as paragraphs, and nothing after it', () => {
    expect(leadingComment('// One\n// two.\n//\n// Three.\nimport x from "y";\n// not this')).toBe(
      'One two.\n\nThree.',
    );
    expect(leadingComment('import x from "y";')).toBe('');
  });
});
