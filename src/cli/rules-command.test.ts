import { describe, expect, it } from 'vitest';
import { listRules } from '../engine/index.ts';
import { EXIT_OK, EXIT_USAGE, main, parentFolder } from './main.ts';
import { fakeCheck, fakeIo, stderr, stdout } from './test-helpers.ts';

async function run(argv: string[], files: Record<string, string> = {}) {
  const io = fakeIo(files);
  const check = fakeCheck();
  const code = await main(argv, { io, check, version: 't' });
  return { code, out: stdout(io), err: stderr(io), check };
}

describe('preflight rules', () => {
  it('lists every rule of the registry with category, severity, clause and description', async () => {
    const { code, out } = await run(['rules', '--format', 'json']);
    expect(code).toBe(EXIT_OK);
    const { rules } = JSON.parse(out);
    expect(rules.map((r: { id: string }) => r.id)).toEqual(listRules().map((rule) => rule.id));
    for (const rule of rules) {
      expect(Object.keys(rule)).toEqual(
        expect.arrayContaining(['id', 'category', 'severity', 'clause', 'description']),
      );
      expect(rule.clause).not.toBe('');
    }
  });

  it('prints a readable list grouped by category', async () => {
    const { code, out } = await run(['rules']);
    expect(code).toBe(EXIT_OK);
    const [first] = listRules();
    expect(out).toContain(`\n  ${first?.id}`);
    expect(out).toContain(`policy: ${first?.clauseText}`);
    expect(out).toMatch(/\d+ rules in \d+ categories\.\n$/);
  });

  it('shows the severity a policy sets beside the default', async () => {
    const [first] = listRules();
    const policy = JSON.stringify({ version: 1, rules: { [first?.id as string]: { severity: 'off' } } });
    const { out } = await run(['rules', '--policy', 'p.json'], { 'p.json': policy });
    expect(out).toContain(`off (default ${first?.severity})`);
  });

  it('refuses files and other formats', async () => {
    expect((await run(['rules', 'a.txt'])).code).toBe(EXIT_USAGE);
    expect((await run(['rules', '--format', 'sarif'])).err).toContain(
      'rules --format must be "text" or "json"',
    );
  });
});

describe('policies in YAML, and rule keys that name nothing', () => {
  const CLEAN = 'Hi Dana,\n\nThanks.\n';

  it('accepts a YAML policy', async () => {
    const yaml = 'version: 1\ncompetitors:\n  - name: Initech\n';
    const { code, check } = await run(['check', '--policy', 'p.yaml', 'a.txt'], {
      'p.yaml': yaml,
      'a.txt': CLEAN,
    });
    expect(code).toBe(EXIT_OK);
    expect(check.calls[0]?.policy?.competitors?.[0]?.name).toBe('Initech');
  });

  it('refuses a misspelt rule id with the closest one, at its line', async () => {
    const id = listRules()[0]?.id as string;
    const yaml = `version: 1\nrules:\n  ${id}s:\n    severity: warn\n`;
    const { code, err, check } = await run(['check', '--policy', 'p.yml', 'a.txt'], {
      'p.yml': yaml,
      'a.txt': CLEAN,
    });
    expect(code).toBe(EXIT_USAGE);
    expect(err).toContain('policy p.yml is invalid (1 problem)');
    expect(err).toContain(`rules.${id}s: no rule has the id "${id}s"; did you mean ${id}?`);
    expect(err).toContain('(line 3, column 3)');
    expect(check.calls).toHaveLength(0);
  });
});

describe('a policy found upward from the working folder', () => {
  const CLEAN = 'Hi Dana,\n\nThanks.\n';
  const policy = (name: string) => `version: 1\ncompetitors:\n  - name: ${name}\n`;
  const competitor = async (argv: string[], files: Record<string, string>) => {
    const { code, check, err } = await run(['check', ...argv, 'a.txt'], { 'a.txt': CLEAN, ...files });
    return { code, err, name: check.calls[0]?.policy?.competitors?.[0]?.name };
  };

  it('uses the nearest .preflight.yaml, .preflight.yml or .preflight.json, in that order', async () => {
    expect(
      (
        await competitor([], {
          '/work/.preflight.json': JSON.stringify({ version: 1, competitors: [{ name: 'Up' }] }),
        })
      ).name,
    ).toBe('Up');
    expect(
      (
        await competitor([], {
          '/work/project/.preflight.yml': policy('Here'),
          '/work/.preflight.yaml': policy('Up'),
        })
      ).name,
    ).toBe('Here');
    expect(
      (
        await competitor([], {
          '/work/project/.preflight.json': JSON.stringify({ version: 1, competitors: [{ name: 'Json' }] }),
          '/work/project/.preflight.yaml': policy('Yaml'),
        })
      ).name,
    ).toBe('Yaml');
  });

  it('--policy overrides it and --no-config turns it off', async () => {
    const files = { '/work/project/.preflight.yaml': policy('Found'), 'p.yaml': policy('Given') };
    expect((await competitor(['--policy', 'p.yaml'], files)).name).toBe('Given');
    expect((await competitor(['--no-config'], files)).name).toBeUndefined();
  });

  it('refuses an invalid found policy by its path', async () => {
    const { code, err } = await competitor([], { '/work/project/.preflight.yaml': 'version: 2\n' });
    expect(code).toBe(EXIT_USAGE);
    expect(err).toContain('policy /work/project/.preflight.yaml is invalid');
  });
});

describe('parentFolder', () => {
  it.each([
    ['/work/project', '/work'],
    ['/work', '/'],
    ['/', '/'],
    ['/work/project/', '/work'],
    ['C:\\Users\\dana', 'C:\\Users'],
    ['C:\\Users', 'C:\\'],
    ['C:\\', 'C:\\'],
  ])('%s -> %s', (dir, parent) => {
    expect(parentFolder(dir)).toBe(parent);
  });
});
