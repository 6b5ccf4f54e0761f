// Glob patterns, expanded by the tool itself so that a quoted pattern works the same on every shell (and on
// Windows, whose shells do not expand them): `*`, `?`, `[abc]`, `{a,b}` and `**` for any depth of folders.

const SPECIAL = /[*?[\]{}]/;

export function isGlob(text: string): boolean {
  return SPECIAL.test(text);
}

/** A regular expression for a whole `/`-separated path. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` is zero or more folders; a trailing `**` is everything below.
        const slash = glob[i + 2] === '/';
        out += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 2 : 1;
      } else {
        out += '[^/]*';
      }
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close === -1) {
        out += '\\[';
      } else {
        let set = glob.slice(i + 1, close).replace(/\\/g, '\\\\');
        if (set.startsWith('!')) set = `^${set.slice(1)}`;
        out += `[${set}]`;
        i = close;
      }
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) {
      out += '|';
    } else {
      out += c.replace(/[.+^$()|\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${out}$`);
}

/** The folder a glob can be walked from: its leading segments with no special characters. */
export function globBase(glob: string): { base: string; rest: string } {
  const parts = glob.split('/');
  const fixed: string[] = [];
  while (parts.length > 1 && !isGlob(parts[0] as string)) fixed.push(parts.shift() as string);
  return { base: fixed.join('/') || '.', rest: parts.join('/') };
}

/**
 * .preflightignore / --ignore-pattern, as .gitignore reads its lines: `#` comments, `!` re-includes, a
 * trailing `/` matches folders only, a pattern with no other `/` matches a name at any depth, and one with a
 * `/` matches from the folder it is read in.
 */
export class IgnoreList {
  private readonly rules: { exact: RegExp; below: RegExp; negate: boolean; dirOnly: boolean }[] = [];

  add(line: string): void {
    let pattern = line.replace(/\s+$/, '');
    if (pattern === '' || pattern.startsWith('#')) return;
    const negate = pattern.startsWith('!');
    if (negate) pattern = pattern.slice(1);
    const dirOnly = pattern.endsWith('/');
    if (dirOnly) pattern = pattern.slice(0, -1);
    const anchored = pattern.includes('/');
    pattern = pattern.replace(/^\.?\//, '');
    const source = `${anchored ? '' : '(?:.*/)?'}${globToRegExp(pattern).source.slice(1, -1)}`;
    this.rules.push({ exact: new RegExp(`^${source}$`), below: new RegExp(`^${source}/`), negate, dirOnly });
  }

  get size(): number {
    return this.rules.length;
  }

  /** Whether a path (relative to the working folder, `/`-separated) is ignored; the last matching line wins. */
  ignores(path: string, isDirectory: boolean): boolean {
    let ignored = false;
    for (const rule of this.rules) {
      const hit = rule.exact.test(path) ? !rule.dirOnly || isDirectory : rule.below.test(path);
      if (hit) ignored = !rule.negate;
    }
    return ignored;
  }
}
