import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { OUTPUT, renderRulePack } from '../../../scripts/compile-rules.mjs';
import { RulePackSchema } from '../schemas/rule-pack.ts';

describe('generated rule pack', () => {
  it('is up to date with rules/*.yaml (run node scripts/compile-rules.mjs)', () => {
    const expected = (renderRulePack as (schema: unknown) => string)(RulePackSchema);
    expect(readFileSync(OUTPUT as string, 'utf8')).toBe(expected);
  });
});
