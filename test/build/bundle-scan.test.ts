// The built code as a security reviewer reads it: no eval or Function constructor, no remote script, no
// string timers, no HTML written from strings, and every URL in the extension accounted for. Runs after
// `npm run build`, on dist/chrome and dist/firefox (and the command line's bundle for network access).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;

interface Hit {
  rule: string;
  file: string;
  line: number;
  text: string;
}

/** What must not be in code that runs in a mail page or an extension page. */
const FORBIDDEN: { rule: string; pattern: RegExp }[] = [
  { rule: 'eval', pattern: /(?<![\w$.])eval\s*\(/g },
  { rule: 'new Function', pattern: /\bnew\s+Function\b/g },
  { rule: 'Function() call', pattern: /(?<![\w$.])Function\s*\(/g },
  // `const F = Function; new F(...)` is how libraries hide the constructor from the patterns above.
  { rule: 'Function alias', pattern: /[=:(,?]\s*Function\s*[;,)]/g },
  { rule: 'string timer', pattern: /\bset(?:Timeout|Interval)\s*\(\s*["'`]/g },
  { rule: 'dynamic import', pattern: /\bimport\s*\(\s*(?!["'`]\.{1,2}\/|\))/g },
  { rule: 'import from a URL', pattern: /\b(?:from|import)\s*["'`](?:[a-z]+:)?\/\//g },
  { rule: 'remote script tag', pattern: /<script\b[^>]*\bsrc\s*=\s*["']?(?:[a-z]+:)?\/\//gi },
  { rule: 'importScripts', pattern: /\bimportScripts\s*\(/g },
  { rule: 'innerHTML =', pattern: /\.innerHTML\s*\+?=(?!=)/g },
  { rule: 'outerHTML =', pattern: /\.outerHTML\s*\+?=(?!=)/g },
  { rule: 'insertAdjacentHTML', pattern: /\binsertAdjacentHTML\b/g },
  { rule: 'document.write', pattern: /\bdocument\s*\.\s*write(?:ln)?\s*\(/g },
  { rule: 'dangerouslySetInnerHTML', pattern: /\bdangerouslySetInnerHTML\b/g },
  { rule: 'setHTMLUnsafe', pattern: /\bsetHTMLUnsafe\b/g },
  { rule: 'createContextualFragment', pattern: /\bcreateContextualFragment\b/g },
  { rule: 'javascript: URL', pattern: /["'`]javascript:/gi },
];

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function scan(text: string, file: string): Hit[] {
  const hits: Hit[] = [];
  for (const { rule, pattern } of FORBIDDEN) {
    for (const m of text.matchAll(pattern)) {
      const at = m.index ?? 0;
      hits.push({ rule, file, line: lineOf(text, at), text: text.slice(Math.max(0, at - 40), at + 60) });
    }
  }
  return hits;
}

/**
 * Preact's DOM diff, the one place the bundle writes HTML from a string: `dom.innerHTML = props
 * .dangerouslySetInnerHTML.__html`, with the two comparisons of the prop's name around it. Page text can
 * only reach it through a component that passes `dangerouslySetInnerHTML` (or an `innerHTML` prop), and no
 * source file does (checked below), so the branch is dead in Preflight. It is allowed exactly as preact
 * ships it: an assignment from `.__html`, and the prop's name as a string literal.
 */
function isPreactHtmlProp(hit: Hit): boolean {
  if (hit.rule === 'innerHTML =') return /\.innerHTML\s*=\s*[\w$]+\.__html\b/.test(hit.text.slice(30));
  if (hit.rule === 'dangerouslySetInnerHTML')
    // Either operand order: the pages' chunk keeps preact's own, the content script's whitespace-free build
    // turns the comparison around (`k=="dangerouslySetInnerHTML"?`).
    return /"dangerouslySetInnerHTML"\s*==\s*[\w$]+\s*\?|[\w$]+\s*==\s*"dangerouslySetInnerHTML"\s*\?/.test(
      hit.text,
    );
  return false;
}

/**
 * Chrome's service worker imports compromise's build, shipped in the package, with importScripts() when a
 * sentence first needs it (scripts/defer-compromise.mjs). Allowed exactly so: in background.js, the argument
 * the constant SCRIPT, which the file defines once as that package path; any other importScripts is a hit.
 */
const COMPROMISE_IMPORT = 'var SCRIPT = "/vendor/compromise.js";';
function isCompromiseImport(hit: Hit, fileText: string): boolean {
  return (
    hit.rule === 'importScripts' &&
    hit.file === 'background.js' &&
    /importScripts\(SCRIPT\)/.test(hit.text.slice(40)) &&
    fileText.split(COMPROMISE_IMPORT).length === 2 &&
    (fileText.match(/\bSCRIPT\s*=/g) ?? []).length === 1
  );
}

const URL_PATTERN = /\b(?:https?|wss?|ftp):\/\/[^\s"'`<>()\\]*/g;

/** URLs that appear in the bundle and are never loaded, each with the reason. */
const ALLOWED_URLS: Record<string, string> = {
  'http://www.w3.org/2000/svg': "XML namespace: preact's createElementNS for SVG",
  'http://www.w3.org/1999/xhtml': "XML namespace: preact's createElementNS for HTML",
  'http://www.w3.org/1998/Math/MathML': "XML namespace: preact's createElementNS for MathML",
  'https://json-schema.org/draft/2020-12/schema': "an identifier zod writes into a JSON Schema's $schema",
  'http://json-schema.org/draft-07/schema#': "an identifier zod writes into a JSON Schema's $schema",
  'http://json-schema.org/draft-04/schema#': "an identifier zod writes into a JSON Schema's $schema",
  'https://github.com/paralleldrive/cuid.': "a comment in zod's cuid check",
  'https://github.com/mholt/PapaParse': "PapaParse's license comment",
  'http://[...]': 'a comment on validating an IPv6 host with the URL parser',
  'http://[${value}]': 'parsed (new URL) to validate an IPv6 host, never fetched',
  'https://exa': 'a comment on how the URL parser drops line breaks ("https://exa\\nmple.com")',
  'https://tc39.es/ecma262/#sec-json.parse':
    "a comment in yaml's reviver (the options page reads YAML policies)",
  'https://caniuse.com/js-regexp-lookbehind':
    "a comment in yaml's string scanner (the options page reads YAML)",
};

/** Reserved names (RFC 2606 / 6761) that cannot reach a real server: rule examples and test text. */
function isReservedExample(url: string): boolean {
  const host = /^[a-z]+:\/\/([^/:?#]+)/i.exec(url)?.[1]?.toLowerCase() ?? '';
  return /(^|\.)example\.(com|org|net)$|\.(example|invalid|test)$/.test(host);
}

function filesUnder(dir: string, test: (f: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, test) : test(path) ? [path] : [];
  });
}

describe('the scanner', () => {
  it("allows importScripts only for the worker's own compromise build", () => {
    const own = `${COMPROMISE_IMPORT}\nself.addEventListener("install", () => { importScripts(SCRIPT); });`;
    const ok = scan(own, 'background.js');
    expect(ok.map((h) => h.rule)).toEqual(['importScripts']);
    expect(ok.every((h) => isCompromiseImport(h, own))).toBe(true);
    // Another argument, another file, or SCRIPT defined twice (one could point elsewhere): a hit.
    const other = `${COMPROMISE_IMPORT}\nimportScripts(url);`;
    expect(scan(other, 'background.js').some((h) => !isCompromiseImport(h, other))).toBe(true);
    expect(scan(own, 'assets/page.js').some((h) => !isCompromiseImport(h, own))).toBe(true);
    const twice = `${own}\n${COMPROMISE_IMPORT}`;
    expect(scan(twice, 'background.js').some((h) => !isCompromiseImport(h, twice))).toBe(true);
  });

  it('reports each forbidden pattern in a synthetic bundle', () => {
    const samples: Record<string, string> = {
      eval: 'var x = eval("1+1");',
      'new Function': 'var f = new Function("return 1");',
      'Function() call': 'var g = Function("return this")();',
      'Function alias': 'const F = Function; new F("")',
      'string timer': 'setTimeout("alert(1)", 10); setInterval(`x()`, 5);',
      'dynamic import': 'import(url);',
      'import from a URL': 'import x from "https://cdn.example.net/x.js";',
      'remote script tag': '<script type="module" src="https://cdn.example.net/x.js"></script>',
      importScripts: 'importScripts("https://cdn.example.net/x.js");',
      'innerHTML =': 'el.innerHTML = text;',
      'outerHTML =': 'el.outerHTML += text;',
      insertAdjacentHTML: 'el.insertAdjacentHTML("beforeend", text);',
      'document.write': 'document.write(text); document.writeln(text);',
      dangerouslySetInnerHTML: 'h("div", { dangerouslySetInnerHTML: { __html: text } });',
      setHTMLUnsafe: 'el.setHTMLUnsafe(text);',
      createContextualFragment: 'range.createContextualFragment(text);',
      'javascript: URL': 'a.href = "javascript:alert(1)";',
    };
    expect(Object.keys(samples).sort()).toEqual(FORBIDDEN.map((f) => f.rule).sort());
    for (const [rule, code] of Object.entries(samples)) {
      expect(
        scan(code, 'sample.js').map((h) => h.rule),
        rule,
      ).toContain(rule);
    }
    // Two timers, two writes: each occurrence is reported.
    expect(scan(samples['string timer'] ?? '', 's').length).toBe(2);
    expect(scan(samples['document.write'] ?? '', 's').length).toBe(2);
  });

  it('does not report what is harmless', () => {
    const clean = [
      'page.evaluate(fn); x.retrieval(1); isAsyncFunction(f); Function.prototype.call.bind(f);',
      'setTimeout(() => run(), 10); el.textContent = text; if (a.innerHTML == b) {}',
      'import("./chunk.js"); const u = new URL("https://x.example/");',
    ].join('\n');
    expect(scan(clean, 'clean.js')).toEqual([]);
  });

  it("allows preact's dangerouslySetInnerHTML branch only in the shape preact ships it", () => {
    const preact =
      'for (s in x) k = x[s], "children" == s ? _ = k : "dangerouslySetInnerHTML" == s ? h = k : 0;\n' +
      'h ? (l || (t.innerHTML = h.__html), r.__k = []) : 0;';
    const hits = scan(preact, 'preact.js');
    expect(hits.map((h) => h.rule).sort()).toEqual(['dangerouslySetInnerHTML', 'innerHTML =']);
    expect(hits.every(isPreactHtmlProp)).toBe(true);
    // Our own code writing a string into innerHTML is not preact's branch.
    expect(scan('el.innerHTML = draft.body;', 'ours.js').every(isPreactHtmlProp)).toBe(false);
    expect(scan('h("div", { dangerouslySetInnerHTML: x })', 'ours.js').every(isPreactHtmlProp)).toBe(false);
  });

  it('finds URLs and tells reserved example hosts from real ones', () => {
    const text = 'fetch("https://api.acme.com/v1"); const ns = "http://www.w3.org/2000/svg"; // wss://x.io/s';
    expect(text.match(URL_PATTERN)).toEqual([
      'https://api.acme.com/v1',
      'http://www.w3.org/2000/svg',
      'wss://x.io/s',
    ]);
    expect(isReservedExample('https://api.example.com/v1/{id}')).toBe(true);
    expect(isReservedExample('https://example.com/notes')).toBe(true);
    expect(isReservedExample('https://tracker.invalid/x')).toBe(true);
    expect(isReservedExample('https://example.com.evil.io/x')).toBe(false);
    expect(isReservedExample('https://api.acme.com/v1')).toBe(false);
  });
});

describe('the source', () => {
  const sources = filesUnder(join(root, 'src'), (f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f));

  it("writes no HTML from strings and never evaluates code (so preact's HTML branch stays unused)", () => {
    expect(sources.length).toBeGreaterThan(50);
    const hits = sources.flatMap((f) => {
      // Comment lines may name what they avoid ("no `new Function`"); code may not.
      const text = readFileSync(f, 'utf8').replace(/^\s*(?:\/\/|\/\*|\*).*$/gm, '');
      const found = scan(text, relative(root, f));
      // An `innerHTML` / `outerHTML` prop in JSX would reach the DOM through preact's property setter.
      for (const m of text.matchAll(/\b(?:innerHTML|outerHTML|srcdoc)\b/g))
        found.push({
          rule: 'HTML property',
          file: relative(root, f),
          line: lineOf(text, m.index ?? 0),
          text: '',
        });
      return found;
    });
    expect(hits.map((h) => `${h.file}:${h.line} ${h.rule}`)).toEqual([]);
  });

  it('runs zod jitless, which is what lets the build cut its code generator out', () => {
    expect(readFileSync(join(root, 'src/engine/schemas/z.ts'), 'utf8')).toMatch(
      /^config\(\{ jitless: true \}\);$/m,
    );
  });
});

describe.each(['chrome', 'firefox'])('dist/%s', (target) => {
  const dir = join(root, 'dist', target);
  const files = filesUnder(dir, (f) => /\.(js|mjs|html)$/.test(f));
  const read = (f: string) => readFileSync(f, 'utf8');

  it('is built (the scan has files to read)', () => {
    const worker = target === 'chrome' ? 'background.js' : 'service-worker-loader.js';
    expect(files.some((f) => f.endsWith(worker))).toBe(true);
    expect(files.some((f) => f.endsWith('src/content/index.iife.js'))).toBe(true);
    expect(files.filter((f) => f.endsWith('.html')).length).toBeGreaterThanOrEqual(2);
  });

  it('contains no eval, Function constructor, string timer, remote script or HTML-from-string sink', () => {
    const hits = files.flatMap((f) => {
      const text = read(f);
      return scan(text, relative(dir, f)).filter((h) => !isCompromiseImport(h, text));
    });
    const preact = hits.filter(isPreactHtmlProp);
    const rest = hits.filter((h) => !isPreactHtmlProp(h));
    expect(rest.map((h) => `${h.file}:${h.line} ${h.rule}: ${h.text.replace(/\s+/g, ' ')}`)).toEqual([]);
    // Preact's branch: one assignment and two name checks in each copy of preact (the content script's
    // own bundle and the pages' shared chunk), nothing more.
    const copies = new Set(preact.map((h) => h.file));
    expect(copies.size).toBe(2);
    for (const file of copies) {
      expect(preact.filter((h) => h.file === file && h.rule === 'innerHTML =').length).toBe(1);
      expect(preact.filter((h) => h.file === file && h.rule === 'dangerouslySetInnerHTML').length).toBe(2);
    }
  });

  it('names no URL it could load: each one found is listed with its reason', () => {
    const found = new Map<string, Set<string>>();
    for (const f of files) {
      for (const url of read(f).match(URL_PATTERN) ?? []) {
        if (!found.has(url)) found.set(url, new Set());
        found.get(url)?.add(relative(dir, f));
      }
    }
    const unexplained = [...found.keys()].filter((u) => !(u in ALLOWED_URLS) && !isReservedExample(u));
    expect(unexplained.map((u) => `${u} in ${[...(found.get(u) ?? [])].join(', ')}`)).toEqual([]);
    // The list is not stale: every allowed URL is still there.
    for (const url of Object.keys(ALLOWED_URLS)) expect(found.has(url), url).toBe(true);
  });

  it('forbids remote script, eval and every connection in its pages and worker (manifest CSP)', () => {
    const manifest = JSON.parse(read(join(dir, 'manifest.json')));
    const csp = String(manifest.content_security_policy.extension_pages);
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map((d) => [d[0] as string, d.slice(1)]),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-eval|wasm-unsafe-eval|unsafe-inline|https?:|\*/);
    // No page may run the bundle's code under a looser policy.
    expect(manifest.sandbox).toBeUndefined();
    expect(manifest.content_security_policy.sandbox).toBeUndefined();
    // The extension's pages load only their own scripts.
    for (const f of files.filter((x) => x.endsWith('.html'))) {
      for (const m of read(f).matchAll(/<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi))
        expect(m[1], f).toMatch(/^\/(?!\/)/);
    }
  });
});

// The command line, the audit's worker threads (dist/cli/audit-worker.mjs, which the audit starts) and the
// .pst reader (dist/cli/pst-reader.mjs, which the audit loads for an Outlook export).
describe.each(['preflight.mjs', 'audit-worker.mjs', 'pst-reader.mjs'])('dist/cli/%s', (name) => {
  const file = join(root, 'dist', 'cli', name);
  const text = readFileSync(file, 'utf8');

  it('imports only the file system, the process, util, os and worker threads from Node: no network module', () => {
    const specifiers = new Set<string>();
    for (const pattern of [
      /^\s*import\s[^;]*?\bfrom\s*["']([^"']+)["']/gm,
      /^\s*import\s*["']([^"']+)["']/gm,
      /\bimport\s*\(\s*["']([^"']+)["']/g,
      /\b(?:__)?require\s*\(\s*["']([^"']+)["']\s*\)/g,
    ]) {
      for (const m of text.matchAll(pattern)) specifiers.add(m[1] ?? '');
    }
    // `stream` is papaparse's Node stream parser (Papa.parse of a stream), which the audit's CSV never calls:
    // it only uses Papa.unparse.
    // pst-reader.mjs: pst-extractor reads the file with fs and inflates with zlib; iconv-lite (its code-page
    // decoder) brings buffer, stream and string_decoder. The command line imports that file only by name.
    const expected =
      name === 'pst-reader.mjs'
        ? ['buffer', 'fs', 'node:module', 'stream', 'string_decoder', 'zlib']
        : name === 'preflight.mjs'
          ? [
              './pst-reader.mjs',
              'node:fs/promises',
              'node:module',
              'node:os',
              'node:process',
              'node:util',
              'node:worker_threads',
              'stream',
            ]
          : ['node:module', 'node:worker_threads'];
    expect([...specifiers].sort()).toEqual(expected);
  });

  it('calls no fetch, XMLHttpRequest, WebSocket or EventSource', () => {
    // One exception, in the command line only: papaparse (the audit's CSV, Papa.unparse) ships a
    // NetworkStreamer that downloads a CSV for Papa.parse(url, { download: true }). Nothing here parses
    // with `download`, and Node has no XMLHttpRequest to call. Allowed exactly once, inside that streamer.
    const papa = /function NetworkStreamer\([^)]*\) \{[\s\S]{0,2000}?xhr = new XMLHttpRequest\(\)/;
    const rest = name === 'preflight.mjs' && papa.test(text) ? text.replace(papa, '') : text;
    expect(rest).not.toMatch(/\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b|\bEventSource\b/);
    // Nothing built a module path at run time either.
    expect(text).not.toMatch(/\bimport\s*\(\s*(?!["')])/);
    expect(text).not.toMatch(/\b(?:__)?require\s*\(\s*(?!["')])/);
  });
});
