// The built extension must contain no eval and no Function constructor (test/build/bundle-scan.test.ts):
// this plugin makes zod's two cuts (scripts/no-eval-cuts.mjs) in the extension's vite builds.
//
// Modules of the main build are cut as they are loaded, matched against zod's own source. The content
// script is bundled by a second build the crx plugin runs without our plugins, and reaches the main build
// as an emitted file: it is cut in that file, matched against the bundler's output of the same code.
import type { Plugin } from 'vite';
import { CUTS, cutFor, cutOnce, FUNCTION_CONSTRUCTOR } from './no-eval-cuts.mjs';

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
      const cut = cutFor(path);
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
          this.error(`never bundled: ${missing.join(', ')}; zod changed, update scripts/no-eval-cuts.mjs.`);
        }
      },
    },
  };
}
