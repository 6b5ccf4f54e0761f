// The command line with the real engine. Tolerant of rule wording: only exit statuses, categories and shape.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { sarifValidator } from '../../test/schemas/sarif.ts';
import { checkDraft } from '../engine/index.ts';
import { EXIT_BLOCKED, EXIT_OK, main } from './main.ts';
import { fakeIo, stdout } from './test-helpers.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
const example = (name: string) => readFileSync(join(EXAMPLES, name));

async function run(argv: string[], files: Record<string, string | Uint8Array>) {
  const io = fakeIo(files);
  const code = await main(argv, { io, check: checkDraft, version: 'test' });
  return { code, out: stdout(io), err: io.err.join('') };
}

const OVERPROMISE = [
  'Subject: Your rollout',
  'To: Dana Reyes <dana.reyes@northwind.example>',
  '',
  'Hi [First Name],',
  '',
  'We guarantee 100% uptime for the warehouse dashboards.',
  '',
  'Best,',
  'Sam',
].join('\n');

describe('with the real engine', () => {
  it('blocks an overpromise with an unfilled placeholder', async () => {
    const { code, out } = await run(['check', '--format', 'json', 'draft.txt'], { 'draft.txt': OVERPROMISE });
    expect(code).toBe(EXIT_BLOCKED);
    const categories = JSON.parse(out).results[0].findings.map((f: { category: string }) => f.category);
    expect(categories).toEqual(expect.arrayContaining(['overcommitment', 'placeholder']));
  });

  it('passes the clean example and blocks the violating one with the example policy', async () => {
    const files = {
      'policy.json': example('../policies/sample.json'),
      'clean.txt': example('proposal-follow-up.txt'),
      'sales.eml': example('sales-overpromise.eml'),
      'reply.json': example('support-reply.json'),
    };
    const clean = await run(['check', '--policy', 'policy.json', 'clean.txt', 'reply.json'], files);
    expect(clean.err).toBe('');
    expect(clean.code).toBe(EXIT_OK);
    const sales = await run(['check', '--policy', 'policy.json', '--format', 'json', 'sales.eml'], files);
    expect(sales.code).toBe(EXIT_BLOCKED);
    const categories = JSON.parse(sales.out).results[0].findings.map((f: { category: string }) => f.category);
    expect(categories).toEqual(expect.arrayContaining(['overcommitment', 'placeholder']));
  });

  it('prints text findings with a location and a caret line', async () => {
    const { out } = await run(['check', 'draft.txt'], { 'draft.txt': OVERPROMISE });
    expect(out).toMatch(/draft\.txt:\d+:\d+( \(\w+\))? {2}BLOCK {2}overcommitment {2}/);
    expect(out).toMatch(/\n\s+\| +\^+\n/);
    expect(out).toMatch(/would be held at Send/);
  });

  it('places findings in the example .eml at their line in the file, and writes valid SARIF', async () => {
    const files = { 'sales.eml': example('sales-overpromise.eml') };
    const { out } = await run(['check', '--format', 'json', 'sales.eml'], files);
    const text = example('sales-overpromise.eml').toString('utf8').replace(/\r\n/g, '\n');
    const lines = text.split('\n');
    for (const finding of JSON.parse(out).results[0].findings) {
      if (finding.field !== 'body' || finding.in) continue;
      const line = lines[finding.line - 1] as string;
      expect(line.slice(finding.column - 1, finding.column - 1 + finding.excerpt.length)).toBe(
        finding.excerpt,
      );
    }
    const sarif = await run(['check', '--format', 'sarif', 'sales.eml'], files);
    const validate = sarifValidator();
    expect(validate(JSON.parse(sarif.out)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('reads the example policy written as YAML the same as the JSON one', async () => {
    const policy = JSON.parse(example('../policies/sample.json').toString('utf8'));
    const files = {
      'p.yaml': stringify(policy),
      'p.json': JSON.stringify(policy),
      'sales.eml': example('sales-overpromise.eml'),
    };
    const yaml = await run(['check', '--policy', 'p.yaml', '--format', 'json', 'sales.eml'], files);
    const json = await run(['check', '--policy', 'p.json', '--format', 'json', 'sales.eml'], files);
    expect(yaml.err).toBe('');
    expect(yaml.out).toBe(json.out);
  });
});
