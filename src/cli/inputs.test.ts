import { describe, expect, it } from 'vitest';
import { globToRegExp, IgnoreList } from './glob.ts';
import { EXIT_OK, EXIT_USAGE, main } from './main.ts';
import { fakeCheck, fakeIo, stderr, stdout } from './test-helpers.ts';

const DRAFT = 'Hi Dana,\n\nThanks.\n';
const TREE = {
  'mail/a.eml': 'Subject: A\n\nHi Dana,\n',
  'mail/b.txt': DRAFT,
  'mail/notes.pdf': '%PDF-1.4',
  'mail/sub/c.md': DRAFT,
  'mail/sub/d.json': JSON.stringify({ body: 'Hi' }),
  'mail/sub/settings.json': JSON.stringify({ theme: 'dark' }),
  'mail/sub/deep/e.txt': DRAFT,
  'mail/.git/f.txt': DRAFT,
  'mail/node_modules/g.txt': DRAFT,
  'mail/.hidden.txt': DRAFT,
  'mail/drafts-old/h.txt': DRAFT,
};

async function run(argv: string[], files: Record<string, string> = TREE) {
  const io = fakeIo(files);
  const check = fakeCheck();
  const code = await main(['check', '--format', 'json', ...argv], { io, check, version: 't' });
  const out = stdout(io);
  return {
    code,
    err: stderr(io),
    files: out ? JSON.parse(out).results.map((r: { file: string }) => r.file) : [],
  };
}

describe('folders', () => {
  it('are walked for drafts, in name order, leaving out hidden folders, node_modules and non-draft JSON', async () => {
    const { code, files } = await run(['mail']);
    expect(code).toBe(EXIT_OK);
    expect(files).toEqual([
      'mail/a.eml',
      'mail/b.txt',
      'mail/drafts-old/h.txt',
      'mail/sub/c.md',
      'mail/sub/d.json',
      'mail/sub/deep/e.txt',
    ]);
  });

  it('with no drafts in them are an input error', async () => {
    const { code, err } = await run(['empty'], { 'empty/readme.pdf': 'x' });
    expect(code).toBe(EXIT_USAGE);
    expect(err).toContain('empty: is a folder with no .eml, .txt, .md or .json drafts');
  });

  it('still report a named non-draft JSON file as invalid', async () => {
    const { code, err } = await run(['mail/sub/settings.json']);
    expect(code).toBe(EXIT_USAGE);
    expect(err).toContain('mail/sub/settings.json: not a valid draft');
  });
});

describe('globs expanded by the tool', () => {
  it.each([
    ['mail/*.txt', ['mail/b.txt']],
    ['mail/**/*.txt', ['mail/b.txt', 'mail/drafts-old/h.txt', 'mail/sub/deep/e.txt']],
    ['mail/sub/*.{md,json}', ['mail/sub/c.md', 'mail/sub/d.json']],
    ['mail/?.eml', ['mail/a.eml']],
    ['mail/[ab].*', ['mail/a.eml', 'mail/b.txt']],
  ])('%s', async (glob, expected) => {
    const { files } = await run([glob]);
    expect(files).toEqual(expected);
  });

  it('reports a pattern that matches nothing', async () => {
    const { code, err } = await run(['mail/*.msg']);
    expect(code).toBe(EXIT_USAGE);
    expect(err).toContain('mail/*.msg: no .eml, .txt, .md or .json files match this pattern');
  });
});

describe('ignoring', () => {
  it('--ignore-pattern leaves matching files and folders out of walks and globs', async () => {
    const { files } = await run(['--ignore-pattern', 'drafts-old/', '--ignore-pattern', '*.md', 'mail']);
    expect(files).toEqual(['mail/a.eml', 'mail/b.txt', 'mail/sub/d.json', 'mail/sub/deep/e.txt']);
  });

  it('reads .preflightignore in the working folder, with comments and re-includes', async () => {
    const tree = { ...TREE, '.preflightignore': '# old drafts\nmail/sub/\n!mail/sub/c.md\n*.eml\n' };
    const { files } = await run(['mail'], tree);
    expect(files).toEqual(['mail/b.txt', 'mail/drafts-old/h.txt']);
  });

  it('never ignores a file named on the command line', async () => {
    const { files } = await run(['--ignore-pattern', '*.txt', 'mail/b.txt']);
    expect(files).toEqual(['mail/b.txt']);
  });
});

describe('glob and ignore matching', () => {
  it('matches whole paths', () => {
    expect(globToRegExp('a/**/b.txt').test('a/b.txt')).toBe(true);
    expect(globToRegExp('a/**/b.txt').test('a/x/y/b.txt')).toBe(true);
    expect(globToRegExp('a/*.txt').test('a/x/b.txt')).toBe(false);
    expect(globToRegExp('a/[!b]*.txt').test('a/c.txt')).toBe(true);
    expect(globToRegExp('a/[!b]*.txt').test('a/b.txt')).toBe(false);
  });

  it('reads .gitignore-style lines', () => {
    const list = new IgnoreList();
    for (const line of ['build/', '/top.txt', 'secret*', '!secret-ok.txt']) list.add(line);
    expect(list.ignores('build', true)).toBe(true);
    expect(list.ignores('x/build/a.txt', false)).toBe(true);
    expect(list.ignores('build', false)).toBe(false);
    expect(list.ignores('top.txt', false)).toBe(true);
    expect(list.ignores('x/top.txt', false)).toBe(false);
    expect(list.ignores('x/secret.txt', false)).toBe(true);
    expect(list.ignores('x/secret-ok.txt', false)).toBe(false);
  });
});
