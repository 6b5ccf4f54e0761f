// The built extension must contain no eval and no Function constructor (test/build/bundle-scan.test.ts).
// Preflight runs zod with `z.config({ jitless: true })` (src/engine/schemas/z.ts), so zod never generates
// code, but zod still ships two places that reach for `Function`: the `allowsEval` probe in v4/core/util.js
// and `Doc.compile()` in v4/core/doc.js (its JIT object parser). This plugin cuts both out: the probe answers
// `false` (what it answers under jitless anyway) and `compile()` throws.
//
// Modules of the main build are cut as they are loaded, matched against zod's own source. The content
// script is bundled by a second build the crx plugin runs without our plugins, and reaches the main build
// as an emitted file: it is cut in that file, matched against the bundler's output of the same code. Every
// cut must match exactly once where its module is bundled, or the build fails: a zod upgrade that moves
// this code stops the build instead of shipping eval.
import type { Plugin } from 'vite';

interface Cut {
  /** The zod module, by the end of its resolved path. */
  module: string;
  /** In the module's source. */
  source: RegExp;
  /** In the bundler's output of it. */
  output: RegExp;
  replace: string;
  what: string;
}

const CUTS: Cut[] = [
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
const FUNCTION_CONSTRUCTOR = /\bnew\s+Function\s*\(|=\s*Function\s*[;,)]|(?<![.\w$])Function\s*\(/;

function cutOnce(code: string, pattern: RegExp, cut: Cut, where: string): string {
  const found = code.match(pattern)?.length ?? 0;
  if (found !== 1) {
    throw new Error(
      `${cut.what} found ${found} times in ${where}, expected exactly once: zod changed; update ` +
        'scripts/vite-no-eval.ts so the extension still ships without eval.',
    );
  }
  return code.replace(pattern, cut.replace);
}

export function noEval(): Plugin {
  const cutInSource = new Set<string>();
  return {
    name: 'preflight-no-eval',
    enforce: 'pre',
    buildStart() {
      cutInSource.clear();
    },
    transform(code, id) {
      const path = id.split('?')[0]?.replace(/\\/g, '/') ?? '';
      const cut = CUTS.find((c) => path.endsWith(c.module));
      if (!cut) return null;
      cutInSource.add(cut.module);
      return { code: cutOnce(code, cut.source, cut, path), map: null };
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        let cutInOutput = 0;
        for (const file of Object.values(bundle)) {
          if (file.type !== 'asset' || !file.fileName.endsWith('.js')) continue;
          let code = typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
          // zod is in it when its `jitless` setting is (a property name, which survives minifying); then
          // both cuts must be made, in whatever form the bundler gave them.
          if (!/\bjitless\b/.test(code)) continue;
          for (const cut of CUTS) {
            // zod/mini (the content script's build) leaves both out when tree-shaken: nothing to cut, as
            // long as no Function constructor is left in the file at all.
            if (!cut.output.test(code) && !FUNCTION_CONSTRUCTOR.test(code)) continue;
            cut.output.lastIndex = 0;
            code = cutOnce(code, cut.output, cut, file.fileName);
            cutInOutput++;
          }
          file.source = code;
        }
        // The full zod is in every build (the worker's message schemas): a cut never made means zod moved.
        if (cutInSource.size < CUTS.length && cutInOutput === 0) {
          const missing = CUTS.filter((c) => !cutInSource.has(c.module)).map((c) => c.module);
          this.error(`never bundled: ${missing.join(', ')}; zod changed, update scripts/vite-no-eval.ts.`);
        }
      },
    },
  };
}
