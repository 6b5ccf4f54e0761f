import { describe, expect, it } from 'vitest';
import { sarifValidator } from '../../test/schemas/sarif.ts';
import { listRules } from '../engine/index.ts';
import { EXIT_BLOCKED, EXIT_OK, EXIT_USAGE, main } from './main.ts';
import { fakeCheck, fakeIo, stderr, stdout } from './test-helpers.ts';

const LINE = 'Grüße, José 😀 — we GUARANTEE it, maybe.';
const TXT = [
  'Subject: Plan for [Name]',
  'To: Dana <dana@northwind.example>',
  '',
  'Hi Dana,',
  '',
  LINE,
  '',
].join('\r\n');
const QP_EML = [
  'From: sam@vendor.example',
  'To: dana@northwind.example',
  'Subject: Notes',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Gr=C3=BC=C3=9Fe, we GUARANTEE it.',
  '',
].join('\r\n');
const FILES = {
  'drafts/a b.txt': TXT,
  'drafts/q.eml': QP_EML,
  'drafts/empty.txt': '',
  'drafts/d.json': JSON.stringify({ subject: 'Hi', body: `Hi Dana,\n\n${LINE}` }, null, 2),
};
const ARGS = ['drafts/a b.txt', 'drafts/q.eml', 'drafts/empty.txt', 'drafts/d.json', 'drafts/gone.txt'];

async function run(format: string, args = ARGS, extra: string[] = []) {
  const io = fakeIo(FILES);
  const code = await main(['check', '--format', format, ...extra, ...args], {
    io,
    check: fakeCheck(),
    version: '1.2.3',
  });
  return { code, out: stdout(io), err: stderr(io) };
}

/** Where GUARANTEE is in the .txt file: line 6, after "Grüße, José 😀 — we " (UTF-16 units). */
const AT = { line: 6, column: 'Grüße, José 😀 — we '.length + 1 };

describe('--format sarif', () => {
  it('is a valid SARIF 2.1.0 log with every rule, results at their regions and unreadable inputs', async () => {
    const { code, out } = await run('sarif');
    expect(code).toBe(EXIT_USAGE);
    const log = JSON.parse(out);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);

    const [run0] = log.runs;
    const ids = run0.tool.driver.rules.map((rule: { id: string }) => rule.id);
    // Every rule of the registry, read from it, plus the ids the check reported.
    for (const rule of listRules()) expect(ids).toContain(rule.id);
    expect(ids).toContain('overcommitment/fake');
    const guarantee = run0.tool.driver.rules.find((rule: { id: string }) => rule.id === listRules()[0]?.id);
    expect(guarantee.help.text).toContain('Policy: ');
    expect(guarantee.properties.clause).toBeTruthy();
    expect(['error', 'warning', 'note', 'none']).toContain(guarantee.defaultConfiguration.level);

    const txt = run0.results.filter(
      (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        r.locations[0]?.physicalLocation.artifactLocation.uri === 'drafts/a%20b.txt',
    );
    const block = txt.find((r: { ruleId: string }) => r.ruleId === 'overcommitment/fake');
    expect(block.level).toBe('error');
    expect(block.locations[0].physicalLocation.region).toMatchObject({
      startLine: AT.line,
      startColumn: AT.column,
      endLine: AT.line,
      endColumn: AT.column + 'GUARANTEE'.length,
    });
    expect(txt.find((r: { ruleId: string }) => r.ruleId === 'timeline/fake').level).toBe('warning');
    const subject = txt.find((r: { ruleId: string }) => r.ruleId === 'placeholder/fake');
    expect(subject.locations[0].physicalLocation.region).toMatchObject({ startLine: 1, startColumn: 19 });

    // The quoted-printable part has no region in the file; its decoded position is a property.
    const qp = run0.results.find(
      (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        r.locations[0]?.physicalLocation.artifactLocation.uri === 'drafts/q.eml',
    );
    expect(qp.locations[0].physicalLocation.region).toBeUndefined();
    expect(qp.properties.position).toMatchObject({ startLine: 1, in: 'the decoded quoted-printable part' });

    const json = run0.results.find(
      (r: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        r.ruleId === 'overcommitment/fake' &&
        r.locations[0]?.physicalLocation.artifactLocation.uri === 'drafts/d.json',
    );
    expect(json.locations[0].physicalLocation.region.startLine).toBe(3);

    const notes = run0.invocations[0].toolExecutionNotifications.map(
      (n: { message: { text: string } }) => n.message.text,
    );
    expect(notes).toContain('drafts/gone.txt: no such file');
    expect(notes).toContain('drafts/empty.txt: empty draft: nothing to check');
    expect(run0.invocations[0]).toMatchObject({ executionSuccessful: false, exitCode: 2 });
  });

  it('is valid with no findings and with the real rule list only', async () => {
    const { code, out } = await run('sarif', ['drafts/empty.txt']);
    expect(code).toBe(EXIT_OK);
    const validate = sarifValidator();
    expect(validate(JSON.parse(out)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the vendored schema refuses what SARIF forbids', () => {
    const validate = sarifValidator();
    const log = (result: object) => ({
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'x' } }, results: [result] }],
    });
    expect(validate(log({ message: { text: 'm' }, level: 'error' }))).toBe(true);
    expect(validate(log({ message: { text: 'm' }, level: 'block' }))).toBe(false);
    expect(
      validate(
        log({ message: { text: 'm' }, locations: [{ physicalLocation: { region: { startLine: 0 } } }] }),
      ),
    ).toBe(false);
    expect(validate(log({ level: 'error' }))).toBe(false);
    expect(validate({ version: '2.0.0', runs: [] })).toBe(false);
  });
});

describe('--format github', () => {
  it('prints one workflow command per finding at its file, line and column', async () => {
    const { code, out } = await run('github');
    expect(code).toBe(EXIT_USAGE);
    expect(out).toContain(
      `::error file=drafts/a b.txt,line=${AT.line},col=${AT.column},endColumn=${AT.column + 9},title=overcommitment/fake (overcommitment)::Absolute promise. Suggestion: we aim to\n`,
    );
    expect(out).toMatch(
      /^::warning file=drafts\/a b\.txt,line=6,col=\d+,endColumn=\d+,title=timeline\/fake \(timeline\)::Vague timeline\.$/m,
    );
    expect(out).toContain(
      '::error file=drafts/q.eml,title=overcommitment/fake (overcommitment)::Absolute promise. (line 1, column 11 in the decoded quoted-printable part)',
    );
    expect(out).toContain(
      '::error file=drafts/gone.txt,title=Preflight could not read this input::no such file\n',
    );
    expect(out).toContain('::notice file=drafts/empty.txt::empty draft: nothing to check\n');
  });

  it('escapes what would end a command early', async () => {
    const io = fakeIo({ 'a,b:c.txt': 'Hi,\n\n100% GUARANTEE' });
    await main(['check', '--format', 'github', 'a,b:c.txt'], { io, check: fakeCheck(), version: 't' });
    expect(stdout(io)).toContain('::error file=a%2Cb%3Ac.txt,line=3,col=6,');
  });
});

describe('--format junit', () => {
  it('is one test case per file: failed when something blocks, an error when unreadable', async () => {
    const { out } = await run('junit');
    expect(out).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="preflight" tests="5" failures="3" errors="1">/,
    );
    expect(out).toContain('<testcase classname="preflight" name="drafts/a b.txt">');
    expect(out).toContain(
      `drafts/a b.txt:${AT.line}:${AT.column} BLOCK overcommitment/fake: Absolute promise.`,
    );
    expect(out).toContain('<error message="no such file"/>');
    expect(out).toContain('<testcase classname="preflight" name="drafts/empty.txt"/>');
  });
});

describe('--format json', () => {
  it('is printed as JSON.stringify(report, null, 2) would, with unreadable inputs and notices', async () => {
    const { out } = await run('json');
    const report = JSON.parse(out);
    expect(out).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(Object.keys(report)).toEqual(['version', 'results', 'unreadable', 'notices']);
    expect(report.unreadable).toEqual([{ file: 'drafts/gone.txt', reason: 'no such file' }]);
    expect(report.notices).toEqual([{ file: 'drafts/empty.txt', notice: 'empty draft: nothing to check' }]);
    const finding = report.results[0].findings.find(
      (f: { ruleId: string }) => f.ruleId === 'overcommitment/fake',
    );
    expect(finding).toMatchObject({ field: 'body', ...AT, endLine: AT.line, endColumn: AT.column + 9 });
  });

  it('keeps the documented shape when every input is read', async () => {
    const { out } = await run('json', ['drafts/a b.txt']);
    expect(Object.keys(JSON.parse(out))).toEqual(['version', 'results']);
    const none = await run('json', ['drafts/empty.txt']);
    expect(none.out).toBe(
      `${JSON.stringify({ version: 1, results: [], notices: [{ file: 'drafts/empty.txt', notice: 'empty draft: nothing to check' }] }, null, 2)}\n`,
    );
  });
});

describe('--quiet and --max-warnings', () => {
  it('--quiet reports blocking findings only, in every format', async () => {
    const text = await run('text', ['drafts/a b.txt'], ['--quiet']);
    expect(text.out).toContain('BLOCK');
    expect(text.out).not.toContain('WARN');
    const json = JSON.parse((await run('json', ['drafts/a b.txt'], ['-q'])).out);
    expect(json.results[0].findings.every((f: { severity: string }) => f.severity === 'block')).toBe(true);
  });

  it('--max-warnings N fails a run with more warnings than N, with status 1', async () => {
    const files = { 'w.txt': 'Hi, maybe Friday.' };
    const go = async (max: string) => {
      const io = fakeIo(files);
      const code = await main(['check', '--max-warnings', max, 'w.txt'], {
        io,
        check: fakeCheck(),
        version: 't',
      });
      return { code, err: stderr(io) };
    };
    expect((await go('1')).code).toBe(EXIT_OK);
    const over = await go('0');
    expect(over.code).toBe(EXIT_BLOCKED);
    expect(over.err).toContain('1 warnings, more than --max-warnings 0 allows');
  });
});
