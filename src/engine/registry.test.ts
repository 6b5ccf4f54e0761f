import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_PACK } from './generated/rule-pack.ts';
import { buildRegistry, RULES } from './registry.ts';
import { CODE_RULES } from './rules/index.ts';

describe('registry', () => {
  it('merges code rules and data rules', () => {
    expect(RULES.length).toBe(CODE_RULES.length + RULE_PACK.rules.length);
    expect(RULES.map((r) => r.meta.kind)).toContain('co-occurrence');
    expect(RULES.map((r) => r.meta.kind)).toContain('code');
  });

  it('rejects duplicate ids across code and data rules', () => {
    const clash = { ...RULE_PACK.rules[0]!, id: CODE_RULES[0]!.meta.id };
    expect(() => buildRegistry(CODE_RULES, [clash])).toThrow(`duplicate rule id: ${CODE_RULES[0]!.meta.id}`);
    expect(() => buildRegistry([CODE_RULES[0]!, CODE_RULES[0]!], [])).toThrow(/duplicate rule id/);
  });
});

describe('engine purity', () => {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) files.push(p);
    }
  };
  walk(import.meta.dirname);

  it('imports compromise only from text/compromise-loader.ts (used by text/nlp.ts alone)', () => {
    const importers = files.filter((f) => /from ['"]compromise/.test(readFileSync(f, 'utf8')));
    expect(importers.map((f) => f.slice(import.meta.dirname.length + 1))).toEqual([
      'text/compromise-loader.ts',
    ]);
  });

  it('reads no clock and draws no random numbers', () => {
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/Date\.now\(|new Date\(\)|Math\.random\(|performance\.now\(/);
    }
  });
});
