// The inputs of a run, from the command line's arguments: files as given, folders walked for drafts, globs
// expanded by the tool itself. Yielded one at a time, so a folder of ten thousand drafts is never a list of
// ten thousand read files.
import { globBase, globToRegExp, type IgnoreList, isGlob } from './glob.ts';
import { type InputKind, kindForPath } from './read-input.ts';

export interface DirEntry {
  name: string;
  isDirectory: boolean;
}

export interface InputFs {
  /** 'file', 'dir', or undefined when nothing is there. */
  stat: (path: string) => Promise<'file' | 'dir' | undefined>;
  /** The entries of a folder. */
  readDir: (path: string) => Promise<DirEntry[]>;
}

export type Input =
  | { ok: true; path: string; kind: InputKind | 'sniff'; found: boolean }
  | { ok: false; path: string; reason: string };

/** Folders a walk never enters: version control, dependencies, hidden tool folders. */
function skipFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

const join = (dir: string, name: string) =>
  dir === '.' || dir === '' ? name : `${dir.replace(/\/+$/, '')}/${name}`;
const relative = (path: string) => path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');

async function* walk(
  fs: InputFs,
  dir: string,
  ignore: IgnoreList,
  maxDepth = Number.POSITIVE_INFINITY,
): AsyncGenerator<string> {
  let entries: DirEntry[];
  try {
    entries = await fs.readDir(dir);
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory) {
      if (maxDepth <= 1 || skipFolder(entry.name) || ignore.ignores(relative(path), true)) continue;
      yield* walk(fs, path, ignore, maxDepth - 1);
    } else if (
      !entry.name.startsWith('.') &&
      kindForPath(entry.name) &&
      !ignore.ignores(relative(path), false)
    ) {
      yield path;
    }
  }
}

/** Every input named by the arguments, in order; folders and globs in name order within them. */
export async function* expandInputs(
  args: readonly string[],
  fs: InputFs,
  ignore: IgnoreList,
): AsyncGenerator<Input> {
  for (const arg of args) {
    if (arg === '-') {
      yield { ok: true, path: arg, kind: 'sniff', found: false };
      continue;
    }
    const stat = await fs.stat(arg);
    if (stat === 'dir') {
      let any = false;
      for await (const path of walk(fs, arg, ignore)) {
        any = true;
        yield { ok: true, path, kind: kindForPath(path) as InputKind, found: true };
      }
      if (!any) yield { ok: false, path: arg, reason: 'is a folder with no .eml, .txt, .md or .json drafts' };
      continue;
    }
    if (stat === undefined && isGlob(arg)) {
      const pattern = relative(arg);
      const { base, rest } = globBase(pattern);
      const regex = globToRegExp(pattern);
      const depth = rest.includes('**') ? Number.POSITIVE_INFINITY : rest.split('/').length;
      let any = false;
      if ((await fs.stat(base)) === 'dir') {
        for await (const path of walk(fs, base, ignore, depth)) {
          if (!regex.test(relative(path))) continue;
          any = true;
          yield { ok: true, path, kind: kindForPath(path) as InputKind, found: true };
        }
      }
      if (!any)
        yield { ok: false, path: arg, reason: 'no .eml, .txt, .md or .json files match this pattern' };
      continue;
    }
    yield { ok: true, path: arg, kind: kindForPath(arg) as InputKind, found: false };
  }
}
