// zod's two Function-constructor sites cut out of the extension (scripts/no-eval-cuts.mjs, vite-no-eval.ts),
// on small inputs and on the zod this repository installs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { CUTS, cutFor, cutOnce, FUNCTION_CONSTRUCTOR, noEvalEsbuild } from './no-eval-cuts.mjs';
import { noEval } from './vite-no-eval.ts';

const [probe, compile] = CUTS as [(typeof CUTS)[0], (typeof CUTS)[0]];
const zodCore = join(dirname(createRequire(import.meta.url).resolve('zod')), 'v4/core');

describe('cutOnce', () => {
  const code = 'a(); try { const F = Function;\n  new F("");\n  return true; } catch {}';

  it('replaces the one match', () => {
    const out = cutOnce(code, probe.source, probe, 'x.js');
    expect(out).toContain('return false; /* Preflight build: no eval probe, zod runs jitless */');
    expect(FUNCTION_CONSTRUCTOR.test(out)).toBe(false);
  });

  it('fails when the code is not there or is there twice, naming the cut and the file', () => {
    expect(() => cutOnce('a();', probe.source, probe, 'x.js')).toThrow(
      "zod's allowsEval probe found 0 times in x.js, expected exactly once",
    );
    expect(() => cutOnce(code + code, probe.source, probe, 'y.js')).toThrow(/found 2 times in y\.js/);
  });

  it('cuts the whole of compile() and nothing after it', () => {
    const doc = `class Doc {
  compile() {
    const F = Function;
    const args = this?.args;
    const content = this?.content ?? [\`\`];
    const lines = [...content.map((x) => \`  \${x}\`)];
    return new F(...args, lines.join("\\n"));
    const factory = 1; return factory(...Object.values(this.closed));
  }
  after() { return 1; }
}`;
    const out = cutOnce(doc, compile.source, compile, 'doc.js');
    expect(out).toContain(`compile() { throw new Error("Preflight build: zod's code generator is removed`);
    expect(out).toContain('after() { return 1; }');
    expect(FUNCTION_CONSTRUCTOR.test(out)).toBe(false);
  });
});

describe('cutFor and FUNCTION_CONSTRUCTOR', () => {
  it("finds zod's two modules by path, on any platform", () => {
    expect(cutFor('/n/node_modules/zod/v4/core/util.js')).toBe(probe);
    expect(cutFor('C:\\n\\node_modules\\zod\\v4\\core\\doc.js')).toBe(compile);
    expect(cutFor('/n/node_modules/zod/v4/core/schemas.js')).toBeUndefined();
  });

  it('sees the constructor in each form, not functions that merely end in Function', () => {
    for (const yes of ['new Function("")', 'const F = Function;', 'g(F = Function)', 'Function("return 1")'])
      expect(FUNCTION_CONSTRUCTOR.test(yes), yes).toBe(true);
    for (const no of ['isFunction(x)', 'x.Function(1)', 'typeof x === "function"', '$Function(1)'])
      expect(FUNCTION_CONSTRUCTOR.test(no), no).toBe(false);
  });
});

describe('the installed zod', () => {
  it('has each cut exactly once in its source', () => {
    expect(() =>
      cutOnce(readFileSync(join(zodCore, 'util.js'), 'utf8'), probe.source, probe, 'util.js'),
    ).not.toThrow();
    expect(() =>
      cutOnce(readFileSync(join(zodCore, 'doc.js'), 'utf8'), compile.source, compile, 'doc.js'),
    ).not.toThrow();
  });

  it('bundles without a Function constructor by the esbuild plugin, and still validates jitless', async () => {
    const result = await build({
      stdin: {
        contents: `import * as z from 'zod';
z.config({ jitless: true });
const S = z.object({ id: z.string(), n: z.number().int() });
globalThis.out = [S.safeParse({ id: 'a', n: 1 }).success, S.safeParse({ id: 1 }).success];`,
        resolveDir: process.cwd(),
      },
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      plugins: [noEvalEsbuild()],
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    expect(FUNCTION_CONSTRUCTOR.test(code)).toBe(false);
    const scope: Record<string, unknown> = {};
    runInNewContext(code, scope);
    expect(scope.out).toEqual([true, false]);
  });

  it('fails the esbuild build when zod is never bundled (the cuts would be silently skipped)', async () => {
    await expect(
      build({
        stdin: { contents: 'globalThis.x = 1;', resolveDir: process.cwd() },
        bundle: true,
        write: false,
        plugins: [noEvalEsbuild()],
        logLevel: 'silent',
      }),
    ).rejects.toThrow(/never bundled: \/zod\/v4\/core\/util\.js, \/zod\/v4\/core\/doc\.js/);
  });
});

describe('the vite plugin', () => {
  type Bundle = Record<string, { type: 'asset' | 'chunk'; fileName: string; source?: string }>;
  function generate(bundle: Bundle, cutInSource: string[] = []) {
    const plugin = noEval() as unknown as {
      buildStart(): void;
      transform(code: string, id: string): { code: string } | null;
      generateBundle: { handler(this: { error(m: string): never }, o: unknown, b: Bundle): void };
    };
    plugin.buildStart();
    const sources: Record<string, string> = {
      [probe.module]: 'const F = Function; new F(""); return true;',
      [compile.module]: 'compile() { const F = Function; return factory(...Object.values(this.closed)); }',
    };
    for (const module of cutInSource) plugin.transform(sources[module]!, `/n/node_modules${module}?v=1`);
    const errors: string[] = [];
    plugin.generateBundle.handler.call(
      {
        error: (m: string) => {
          errors.push(m);
          throw new Error(m);
        },
      },
      {},
      bundle,
    );
    return errors;
  }

  it("cuts the probe in an emitted file in the bundler's output form", () => {
    const bundle: Bundle = {
      'content.js': {
        type: 'asset',
        fileName: 'content.js',
        source: 'config({ jitless: true }); try { new Function("");\n return true; } catch {}',
      },
    };
    expect(generate(bundle)).toEqual([]);
    expect(bundle['content.js']!.source).toContain('return false; /* Preflight build');
    expect(FUNCTION_CONSTRUCTOR.test(bundle['content.js']!.source!)).toBe(false);
  });

  it('leaves a file with zod/mini and no Function constructor as it is', () => {
    const source = 'config({ jitless: true }); const ok = 1;';
    const bundle: Bundle = { 'content.js': { type: 'asset', fileName: 'content.js', source } };
    expect(generate(bundle, [probe.module, compile.module])).toEqual([]);
    expect(bundle['content.js']!.source).toBe(source);
  });

  it('cuts in source as modules load and fails the build when a cut was made nowhere', () => {
    expect(() => generate({}, [])).toThrow(/never bundled/);
    const plugin = noEval() as unknown as { transform(code: string, id: string): { code: string } | null };
    expect(plugin.transform('const x = 1;', '/n/src/engine/index.ts')).toBeNull();
  });
});
