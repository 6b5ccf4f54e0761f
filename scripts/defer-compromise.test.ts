// The three replacements of src/engine/text/compromise-loader.ts, each bundled and run on a tiny stand-in for
// compromise's UMD build, so what they do is checked here and not only by the extension's end-to-end tests.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { build, type Plugin } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import {
  COMPROMISE_SCRIPT,
  compromiseByImportScriptsEsbuild,
  compromiseFromFileEsbuild,
  compromiseScriptFile,
  compromiseScriptSource,
  deferCompromiseVite,
  deferredCompromiseSource,
  loaderSource,
} from './defer-compromise.mjs';

/** A UMD build in compromise's shape: CommonJS when `module` is there, else the global `nlp`. It counts its runs. */
const FAKE_UMD = `(function (global, factory) {
  typeof exports === 'object' && typeof module !== 'undefined' ? (module.exports = factory())
    : ((global = typeof globalThis !== 'undefined' ? globalThis : global || self), (global.nlp = factory()));
})(this, function () {
  globalThis.umdRuns = (globalThis.umdRuns ?? 0) + 1;
  return function nlp(text) { return 'read: ' + text; };
});`;

const dir = mkdtempSync(join(tmpdir(), 'preflight-defer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Bundles a module that imports the loader the way the engine does, with `plugin` swapping it. */
async function bundle(plugin: Plugin, format: 'esm' | 'iife'): Promise<string> {
  writeFileSync(
    join(dir, 'compromise-loader.ts'),
    'export function loadCompromise() { throw new Error("not swapped"); }',
  );
  const entry = join(dir, `entry-${format}.ts`);
  writeFileSync(
    entry,
    `import { compromiseLoaded, loadCompromise } from './compromise-loader.ts';
globalThis.probe = { compromiseLoaded, loadCompromise };
export { compromiseLoaded, loadCompromise };`,
  );
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format,
    platform: format === 'esm' ? 'node' : 'browser',
    plugins: [plugin],
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

interface Probe {
  compromiseLoaded(): boolean;
  loadCompromise(): (text: string) => string;
}

describe('the vite builds: compromise inside a function', () => {
  it('puts the build in the loader exactly where its marker is, and fails when the marker moved', () => {
    const source = deferredCompromiseSource('/* the build */');
    expect(source).toContain('(function () {\n      /* the build */\n    }).call(undefined);');
    expect(source).not.toContain('/* UMD_HERE */');
    expect(() => loaderSource('in-bundle.js', { NO_SUCH_MARKER: 'x' })).toThrow(
      /expected NO_SUCH_MARKER once/,
    );
  });

  it('runs the build on the first call only, and takes its CommonJS export', async () => {
    const file = join(dir, 'deferred.mjs');
    writeFileSync(file, deferredCompromiseSource(FAKE_UMD));
    const before = (globalThis as { umdRuns?: number }).umdRuns ?? 0;
    const loader = (await import(pathToFileURL(file).href)) as Probe;
    expect(loader.compromiseLoaded()).toBe(false);
    expect((globalThis as { umdRuns?: number }).umdRuns ?? 0).toBe(before);
    expect(loader.loadCompromise()('Hi')).toBe('read: Hi');
    expect(loader.loadCompromise()).toBe(loader.loadCompromise());
    expect(loader.compromiseLoaded()).toBe(true);
    expect((globalThis as { umdRuns?: number }).umdRuns).toBe(before + 1);
    // CommonJS was found: the global was not touched.
    expect((globalThis as { nlp?: unknown }).nlp).toBeUndefined();
  });

  it('is the vite plugin: it loads the engine loader and nothing else', () => {
    const plugin = deferCompromiseVite() as unknown as { load(id: string): string | undefined };
    expect(plugin.load('/repo/src/engine/text/compromise-loader.ts?v=1')).toContain(
      'export function loadCompromise',
    );
    expect(plugin.load('/repo/src/engine/text/tokens.ts')).toBeUndefined();
  });
});

describe("Chrome's worker: compromise by importScripts()", () => {
  it('names the same file the build ships', () => {
    expect(compromiseScriptSource()).toContain(`const SCRIPT = '/${COMPROMISE_SCRIPT}';`);
    expect(compromiseScriptFile()).toMatch(/^\/\* compromise \d+\.\d+\.\d+ \(MIT licence\)/);
  });

  it('imports the script while installing and reads the global nlp on the first call', async () => {
    const code = await bundle(compromiseByImportScriptsEsbuild(), 'iife');
    const imported: string[] = [];
    const listeners: Record<string, () => void> = {};
    class ServiceWorkerGlobalScope {}
    const self = Object.assign(new ServiceWorkerGlobalScope(), {
      addEventListener: (type: string, fn: () => void) => {
        listeners[type] = fn;
      },
    });
    const scope: Record<string, unknown> = { self, ServiceWorkerGlobalScope };
    scope.globalThis = scope;
    scope.importScripts = (url: string) => {
      imported.push(url);
      runInNewContext(FAKE_UMD, scope);
    };
    runInNewContext(code, scope);
    const probe = scope.probe as Probe;
    expect(imported).toEqual([]);
    listeners.install!();
    expect(imported).toEqual([`/${COMPROMISE_SCRIPT}`]);
    expect(probe.compromiseLoaded()).toBe(false);
    expect(probe.loadCompromise()('Hi')).toBe('read: Hi');
    expect(probe.compromiseLoaded()).toBe(true);
    expect(imported).toHaveLength(1);
  });

  it("does not import again where Firefox's background page ran compromise first", async () => {
    const code = await bundle(compromiseByImportScriptsEsbuild(), 'iife');
    const scope: Record<string, unknown> = {
      importScripts: () => {
        throw new Error('not in a background page');
      },
    };
    scope.globalThis = scope;
    runInNewContext(FAKE_UMD, scope);
    runInNewContext(code, scope);
    expect((scope.probe as Probe).loadCompromise()('x')).toBe('read: x');
  });
});

describe("the benchmark's engine: compromise from its file", () => {
  it('runs the file in the global scope on the first call', async () => {
    const umdFile = join(dir, 'fake-compromise.js');
    writeFileSync(umdFile, FAKE_UMD.replace("typeof exports === 'object'", 'false'));
    const out = join(dir, 'from-file.mjs');
    writeFileSync(out, await bundle(compromiseFromFileEsbuild(umdFile), 'esm'));
    const loader = (await import(pathToFileURL(out).href)) as Probe;
    expect(loader.compromiseLoaded()).toBe(false);
    expect(loader.loadCompromise()('Hi')).toBe('read: Hi');
    expect((globalThis as { nlp?: unknown }).nlp).toBe(loader.loadCompromise());
    delete (globalThis as { nlp?: unknown }).nlp;
  });
});
