// Run in a fresh node process: checkDraft on worst-case input (invisible-laced, emoji and combining marks,
// entity-laced, pathological repetition, deeply nested brackets, 1,000 recipients, a 10,000-account policy).
// Prints median and max per case as JSON. The parent passes the built engine's path and the run count.
import { pathToFileURL } from 'node:url';
import { summary } from './stats.mjs';
import { bigPolicy, bodyOfSize, draftOf, emailBody } from './texts.mjs';

const engine = await import(pathToFileURL(process.argv[2]).href);
const runs = Number(process.argv[3] ?? 3);
const MB = 1 << 20;

/** `unit` repeated to exactly `size` UTF-16 code units, never cutting a surrogate pair in half. */
function fill(unit, size = MB) {
  let s = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const last = s.charCodeAt(s.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) s = s.slice(0, -1);
  return s;
}

/** Every word of real prose laced with invisible characters between its letters. */
function laced(text, marks) {
  let k = 0;
  return text.replace(/\p{L}{2,}/gu, (w) => [...w].join(marks[k++ % marks.length]));
}

const prose = bodyOfSize(MB, 21);
const recipients = Array.from({ length: 1000 }, (_, i) =>
  i % 3 === 0 ? `Person ${i} <p${i}@customer${i % 40}.example>` : `p${i}@customer${i % 40}.example`,
);
const CASES = [
  [
    '1 MB, zero-width characters in every word',
    () => draftOf(fill(laced(prose, ['\u200B', '\u200D', '\u2060', '\uFEFF', '\u00AD']).slice(0, MB))),
  ],
  [
    '1 MB, emoji and combining marks',
    () =>
      draftOf(
        fill('We g\u0301u\u0338a\u0322ranteed 👨\u200D👩\u200D👧 it 🏳️\u200D🌈 z\u0301\u0301\u0301 ok. '),
      ),
  ],
  [
    '1 MB, HTML entities and hyphenated line breaks',
    () => draftOf(fill('We guar&#97;ntee fully&nbsp;secure R&amp;D guaran-\ntee. ')),
  ],
  [
    '1 MB, Cyrillic and fullwidth look-alikes',
    () => draftOf(fill('Wе ｇuаrаntее ѕесurіtу fоr уоur tеаm tоdау. ')),
  ],
  ["'guarantee ' x 100,000", () => draftOf('guarantee '.repeat(100_000))],
  ["'We will fix it by Friday. ' x 40,000", () => draftOf('We will fix it by Friday. '.repeat(40_000))],
  ["1 MB of '<'", () => draftOf(fill('<'))],
  ["1 MB of '('", () => draftOf(fill('('))],
  ["1 MB of '[{' nested", () => draftOf(fill('[{'))],
  ["1 MB of '{{first_name' unclosed", () => draftOf(fill('{{first_name '))],
  ['1 MB of digits and dashes', () => draftOf(fill('123-45-6789-'))],
  ['1 MB on one line, no spaces', () => draftOf(fill('abcdefghij'))],
  ['1 MB of blank lines', () => draftOf(fill('\n'))],
  [
    '1,000 recipients, 300-word body',
    () =>
      draftOf(emailBody(300, 5), {
        to: recipients.slice(0, 600),
        cc: recipients.slice(600, 900),
        bcc: recipients.slice(900),
      }),
  ],
];

const big = bigPolicy(10_000, 200);
let t = performance.now();
engine.compilePolicy(big);
const compileMs = performance.now() - t;
const out = { runs, compile10kAccountsMs: compileMs, cases: {} };
// Warm the JIT on ordinary text first, so each case measures the input, not the first call.
for (let i = 0; i < 5; i++) engine.checkDraft(draftOf(emailBody(300, 900 + i)));

const timeCase = (make, policy) => {
  const draft = make();
  const samples = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    findings = engine.checkDraft(draft, policy).findings.length;
    samples.push(performance.now() - t);
  }
  const s = summary(samples);
  return { median: s.median, max: samples.reduce((a, b) => Math.max(a, b), 0), findings };
};
for (const [label, make] of CASES) {
  process.stderr.write(`hostile: ${label}\n`);
  out.cases[label] = timeCase(make);
}
out.cases['10,000 accounts, 1 MB body'] = timeCase(() => draftOf(prose), big);
out.cases['10,000 accounts, 1 MB zero-width-laced body'] = timeCase(
  () => draftOf(laced(prose, ['\u200B']).slice(0, MB)),
  big,
);
process.stdout.write(JSON.stringify(out));
