import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { makeManifest, type Target } from './manifest.config.ts';
import { deferCompromiseVite } from './scripts/defer-compromise.mjs';
import { noEval } from './scripts/vite-no-eval.ts';

const target: Target = process.env.PREFLIGHT_TARGET === 'firefox' ? 'firefox' : 'chrome';

export default defineConfig({
  // compromise starts when first needed, not when the worker starts (scripts/defer-compromise.mjs);
  // zod's eval probe is cut out of the bundles (scripts/vite-no-eval.ts).
  plugins: [
    noEval(),
    deferCompromiseVite(),
    preact(),
    crx({ manifest: makeManifest(target), browser: target }),
  ],
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    // Extension code is read by reviewers and administrators: keep it readable, no eval-style tricks.
    minify: false,
    sourcemap: false,
    target: 'es2022',
    chunkSizeWarningLimit: 1000,
  },
  server: { strictPort: true },
  legacy: {},
});
