// The built extension must contain no eval and no Function constructor (test/build/bundle-scan.test.ts).
// Preflight runs zod with `config({ jitless: true })` (src/engine/schemas/z.ts), so zod never generates
// code, but zod still ships two places that reach for `Function`: the `allowsEval` probe in v4/core/util.js
// and `Doc.compile()` in v4/core/doc.js (its JIT object parser). These cuts take both out: the probe answers
// `false` (what it answers under jitless anyway) and `compile()` throws. Every cut must match exactly once
// where its module is bundled, or the build fails: a zod upgrade that moves this code stops the build
// instead of shipping eval. Used by scripts/vite-no-eval.ts (pages, content script, Firefox's background
// script) and by scripts/build.mjs (Chrome's service worker).
import { readFileSync } from 'node:fs';

export const CUTS = [
  {
    module: '/zod/v4/core/util.js',
    source: /const F = Function;\s*new F\(""\);\s*return true;/g,
    output: /new Function\(""\);\s*return true;/g,
    replace: 'return false; /* Preflight build: no eval probe, zod runs jitless */',
    what: "zod's allowsEval probe",
  },
  {
    module: '/zod/v4/core/doc.js',
    source:
      /compile\(\) \{\s*const F = Function;[\s\S]*?return factory\(\.\.\.Object\.values\(this\.closed\)\);\s*\}/g,
    output: /compile\(\) \{\s*const F = Function;[\s\S]*?\(\.\.\.Object\.values\(this\.closed\)\);\s*\}/g,
    replace: `compile() { throw new Error("Preflight build: zod's code generator is removed, zod runs jitless"); }`,
    what: "zod's Doc.compile()",
  },
];

/** `new Function(`, `new F(` after `const F = Function`, or a bare `Function(` call. */
export const FUNCTION_CONSTRUCTOR = /\bnew\s+Function\s*\(|=\s*Function\s*[;,)]|(?<![.\w$])Function\s*\(/;

export function cutOnce(code, pattern, cut, where) {
  pattern.lastIndex = 0;
  const found = code.match(pattern)?.length ?? 0;
  if (found !== 1) {
    throw new Error(
      `${cut.what} found ${found} times in ${where}, expected exactly once: zod changed; update ` +
        'scripts/no-eval-cuts.mjs so the extension still ships without eval.',
    );
  }
  pattern.lastIndex = 0;
  return code.replace(pattern, cut.replace);
}

/** The cut for a module path, if it is one of zod's two. */
export function cutFor(path) {
  const normal = path.replace(/\\/g, '/');
  return CUTS.find((c) => normal.endsWith(c.module));
}

/** esbuild plugin: both cuts made in zod's source as it is loaded; the build fails if either is not. */
export function noEvalEsbuild() {
  return {
    name: 'preflight:no-eval',
    setup(build) {
      const made = new Set();
      build.onStart(() => made.clear());
      build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]core[\\/](?:util|doc)\.js$/ }, ({ path }) => {
        const cut = cutFor(path);
        if (!cut) return undefined;
        made.add(cut.module);
        return { contents: cutOnce(readFileSync(path, 'utf8'), cut.source, cut, path), loader: 'js' };
      });
      build.onEnd((result) => {
        if (result.errors.length > 0) return undefined;
        const missing = CUTS.filter((c) => !made.has(c.module)).map((c) => c.module);
        // Returned, not pushed onto result.errors: esbuild fails the build only on errors an onEnd returns.
        if (missing.length > 0)
          return {
            errors: [
              { text: `never bundled: ${missing.join(', ')}; zod changed, update scripts/no-eval-cuts.mjs.` },
            ],
          };
        return undefined;
      });
    },
  };
}
