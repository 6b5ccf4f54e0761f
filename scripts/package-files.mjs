// Which files of a built extension package a script pulls in: vite's output imports its chunks statically.
// Used by scripts/bench.mjs (the files each bundle pulls in, for their sizes).
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

/** A path in the package, from a reference in the file `from` (package-absolute or relative). */
export function resolveIn(from, ref) {
  return ref.startsWith('/') ? ref.slice(1) : posix.join(posix.dirname(from), ref);
}

/** `entry` and every .js file it imports, transitively; files that are not there are left out. */
export function importsOf(dir, entry, seen = new Set()) {
  if (seen.has(entry) || !existsSync(join(dir, entry))) return seen;
  seen.add(entry);
  const text = readFileSync(join(dir, entry), 'utf8');
  for (const m of text.matchAll(/(?:import|export)\s*(?:[^'"`;]*?\bfrom\s*)?["']([^"']+\.js)["']/g))
    importsOf(dir, resolveIn(entry, m[1]), seen);
  return seen;
}
