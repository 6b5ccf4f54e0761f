// The README's "Security and privacy" section promises only what a test checks, and names that test: every
// test it quotes must exist, under that name, in the file it cites, so renaming or deleting one fails here.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

function section(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Security and privacy\n');
  expect(start).toBeGreaterThan(-1);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

/** Each quoted test name with the test file cited last before it in the same paragraph or list item. */
function citations(text: string): { file: string; name: string }[] {
  const out: { file: string; name: string }[] = [];
  for (const block of text.split(/\n(?=- )|\n\s*\n/)) {
    const flat = block.replace(/\s*\n\s*/g, ' ');
    let file = '';
    for (const m of flat.matchAll(/`([\w./-]+\.test\.ts)`|"([^"]+)"/g)) {
      if (m[1]) file = m[1];
      else if (m[2]) out.push({ file, name: m[2] });
    }
  }
  return out;
}

describe('the Security and privacy section', () => {
  it('finds the citations of a paragraph, carrying the file over "(same file)"', () => {
    const text =
      'A: `a.test.ts`, "one" and\n"two" (same file).\n- B: `b/c.test.ts`, "three"; nor "four".\n- "orphan"';
    expect(citations(text)).toEqual([
      { file: 'a.test.ts', name: 'one' },
      { file: 'a.test.ts', name: 'two' },
      { file: 'b/c.test.ts', name: 'three' },
      { file: 'b/c.test.ts', name: 'four' },
      { file: '', name: 'orphan' },
    ]);
  });

  it('names, for each promise, a test that exists under that name in the file it cites', () => {
    const cited = citations(section());
    expect(cited.length).toBeGreaterThanOrEqual(15);
    const missing = cited.filter(({ file, name }) => {
      const path = join(root, file);
      if (!file || !existsSync(path)) return true;
      const source = readFileSync(path, 'utf8');
      return ![`'${name}'`, `"${name}"`, `\`${name}\``].some((quoted) => source.includes(quoted));
    });
    expect(missing).toEqual([]);
  });
});
