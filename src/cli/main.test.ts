import { describe, expect, it } from 'vitest';
import { EXIT_BLOCKED, EXIT_OK, EXIT_USAGE, MAX_INPUT_BYTES, main } from './main.ts';
import { fakeCheck, fakeIo, stderr, stdout } from './test-helpers.ts';

const VERSION = '9.8.7';

async function run(argv: string[], io = fakeIo(), check = fakeCheck()) {
  const code = await main(argv, { io, check, version: VERSION });
  return { code, out: stdout(io), err: stderr(io), io, check };
}

const CLEAN =
  'Subject: Notes from Tuesday\nTo: Dana Reyes <dana@northwind.example>\n\nHi Dana,\n\nThanks for the time.\n';
const BLOCKING = 'Hi Dana,\n\nWe GUARANTEE it.\n';

describe('help and version', () => {
  it('prints the version', async () => {
    const { code, out } = await run(['--version']);
    expect(code).toBe(EXIT_OK);
    expect(out).toBe('9.8.7\n');
  });

  it('prints the main help on --help and -h', async () => {
    for (const flag of ['--help', '-h']) {
      const { code, out } = await run([flag]);
      expect(code).toBe(EXIT_OK);
      expect(out).toContain('preflight check [--policy FILE] [--format text|json] FILE...');
    }
  });

  it('prints the check help, which documents the .eml Date header as the send time', async () => {
    const { code, out } = await run(['check', '--help']);
    expect(code).toBe(EXIT_OK);
    expect(out).toContain('Date header');
    expect(out).toContain('Exit status');
    expect((await run(['help', 'check'])).out).toBe(out);
  });

  it('shows usage on stderr with status 2 when run with nothing', async () => {
    const { code, out, err } = await run([]);
    expect(code).toBe(EXIT_USAGE);
    expect(out).toBe('');
    expect(err).toContain('Usage:');
  });
});

describe('usage errors', () => {
  it.each([
    [['check', '--bogus', 'a.txt'], "Unknown option '--bogus'"],
    [['check', '--format', 'xml', 'a.txt'], '--format must be "text", "json", "sarif", "github" or "junit"'],
    [['check', '--max-warnings', 'many', 'a.txt'], '--max-warnings must be a whole number'],
    [['check', '--policy'], "Option '--policy <value>' argument missing"],
    [['check'], 'no input files'],
    [['send', 'a.txt'], 'unknown command "send"'],
    [['check', '-', '-'], 'standard input (-) can be read only once'],
    [['check', 'notes.pdf'], 'notes.pdf: unsupported file type (expected .eml, .txt, .md, .json'],
    [['check', 'README'], 'README: unsupported file type'],
  ])('%j', async (argv, message) => {
    const { code, out, err } = await run(argv, fakeIo({ 'a.txt': CLEAN, 'notes.pdf': '%PDF', README: 'Hi' }));
    expect(code).toBe(EXIT_USAGE);
    expect(out).toBe('');
    expect(err).toContain(message);
  });

  it('says a missing file is that, not an unsupported type', async () => {
    const { code, err } = await run(['check', 'gone'], fakeIo({}));
    expect(code).toBe(EXIT_USAGE);
    expect(err).toContain('preflight: gone: no such file');
  });

  it('checks nothing when a file type is unsupported', async () => {
    const { check, code } = await run(['check', 'a.txt', 'b.docx'], fakeIo({ 'a.txt': CLEAN }));
    expect(code).toBe(EXIT_USAGE);
    expect(check.calls).toHaveLength(0);
  });
});

describe('unreadable inputs', () => {
  it.each([
    ['missing.txt', 'missing.txt: no such file'],
    ['folder.eml', 'folder.eml: is a folder with no .eml, .txt, .md or .json drafts'],
    ['secret.txt', 'secret.txt: permission denied'],
  ])('%s', async (file, message) => {
    const io = fakeIo({ 'a.txt': BLOCKING, 'folder.eml': 'dir', 'secret.txt': 'denied' });
    const { code, out, err, check } = await run(['check', file, 'a.txt'], io);
    expect(code).toBe(EXIT_USAGE);
    expect(err).toContain(message);
    // The readable file is still checked and reported.
    expect(check.calls).toHaveLength(1);
    expect(out).toContain('a.txt');
    expect(out).toContain('1 input could not be read');
  });

  it('refuses input over 10 MB with the reason', async () => {
    const big = new Uint8Array(MAX_INPUT_BYTES + 1).fill(97);
    const { code, err, check } = await run(['check', 'big.txt'], fakeIo({ 'big.txt': big }));
    expect(code).toBe(EXIT_USAGE);
    expect(err).toContain('big.txt: too large: inputs over 10.0 MB are refused');
    expect(check.calls).toHaveLength(0);
  });

  it('reports the size when the reader refuses a large file itself', async () => {
    const io = fakeIo();
    io.readFile = async () => {
      throw Object.assign(new Error('big'), { code: 'EFBIG', size: 12 * 1024 * 1024 });
    };
    const { code, err } = await run(['check', 'mail.eml'], io);
    expect(code).toBe(EXIT_USAGE);
    expect(err).toContain('mail.eml: too large (12.0 MB): inputs over 10.0 MB are refused');
  });

  it('reports an empty draft as a notice, exit 0, counted in the summary', async () => {
    const io = fakeIo({ 'empty.txt': '', 'blank.md': '\n  \n', 'a.txt': CLEAN });
    const { code, check, out } = await run(['check', 'empty.txt', 'blank.md', 'a.txt'], io);
    expect(code).toBe(EXIT_OK);
    expect(check.calls).toHaveLength(1);
    expect(out).toContain('empty.txt\n  empty draft: nothing to check\n');
    expect(out).toContain(
      '1 file checked: 0 blocking issues, 0 warnings, 0 notes (0 of 1 would be held at Send); 2 empty drafts not checked.',
    );
  });

  it('refuses binary input with exit 2 and says what it looks like', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const nul = new Uint8Array([72, 105, 0, 0, 33]);
    const io = fakeIo({ 'photo.eml': png, 'odd.txt': nul, 'a.txt': BLOCKING });
    const { code, err, check } = await run(['check', 'photo.eml', 'odd.txt', 'a.txt'], io);
    expect(code).toBe(EXIT_USAGE);
    expect(err).toContain('photo.eml: binary data (PNG image), not an email or a draft');
    expect(err).toContain('odd.txt: binary data (NUL bytes)');
    expect(check.calls).toHaveLength(1);
  });

  it('reads 8-bit mail text (a Latin-1 body) as text, not binary', async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('Subject: S\n\nGr'), 0xfc, 0xdf, 0x65, 10]);
    const { code } = await run(['check', 'a.eml'], fakeIo({ 'a.eml': latin1 }));
    expect(code).toBe(EXIT_OK);
  });

  it('lists every problem of an invalid draft file with its path', async () => {
    const io = fakeIo({ 'd.json': JSON.stringify({ body: 7, to: ['a@b.com', 3] }) });
    const { code, err, check } = await run(['check', 'd.json'], io);
    expect(code).toBe(EXIT_USAGE);
    expect(err).toContain('d.json: not a valid draft (2 problems)');
    expect(err).toMatch(/\n {2}body: /);
    expect(err).toMatch(/\n {2}to\[1\]: /);
    expect(check.calls).toHaveLength(0);
  });

  it('reports a JSON syntax error', async () => {
    const { code, err } = await run(['check', 'd.json'], fakeIo({ 'd.json': '{ "body": ' }));
    expect(code).toBe(EXIT_USAGE);
    expect(err).toContain('(file): not valid JSON');
  });

  it('turns an engine exception into status 2, never a pass', async () => {
    const check = Object.assign(
      () => {
        throw new Error('engine not implemented yet');
      },
      { calls: [] },
    );
    const { code, err } = await run(['check', 'a.txt'], fakeIo({ 'a.txt': CLEAN }), check);
    expect(code).toBe(EXIT_USAGE);
    expect(err).toContain('a.txt: internal error while checking: engine not implemented yet');
  });

  it('treats an incomplete check as status 2 and names the rules', async () => {
    const check = Object.assign(
      () => ({
        findings: [],
        scorecard: {
          personalization: 'pass',
          accuracy: 'pass',
          slaCompliance: 'pass',
          dataPrivacy: 'pass',
          humanReview: 'pass',
        } as const,
        incomplete: [{ ruleId: 'tone/blame', error: 'boom' }],
      }),
      { calls: [] },
    );
    const { code, err, out } = await run(['check', 'a.txt'], fakeIo({ 'a.txt': CLEAN }), check);
    expect(code).toBe(EXIT_USAGE);
    expect(err).toContain('check incomplete, these rules failed: tone/blame');
    expect(out).toContain('INCOMPLETE');
  });
});

describe('policy', () => {
  it('passes a valid policy to the check', async () => {
    const policy = { version: 1, competitors: [{ name: 'Initech' }] };
    const io = fakeIo({ 'p.json': JSON.stringify(policy), 'a.txt': CLEAN });
    const { code, check } = await run(['check', '--policy', 'p.json', 'a.txt'], io);
    expect(code).toBe(EXIT_OK);
    expect(check.calls[0]?.policy?.competitors?.[0]?.name).toBe('Initech');
  });

  it('checks with no policy when none is given', async () => {
    const { check } = await run(['check', 'a.txt'], fakeIo({ 'a.txt': CLEAN }));
    expect(check.calls[0]?.policy).toBeUndefined();
  });

  it('refuses an invalid policy with every issue and its path', async () => {
    const policy = {
      version: 1,
      accounts: [{ id: 'a', name: 'A', domains: ['not a domain'] }],
      pricing: { maxDiscountPercent: 140 },
    };
    const io = fakeIo({ 'p.json': JSON.stringify(policy), 'a.txt': CLEAN });
    const { code, err, out, check } = await run(['check', '--policy', 'p.json', 'a.txt'], io);
    expect(code).toBe(EXIT_USAGE);
    expect(out).toBe('');
    expect(err).toContain('policy p.json is invalid (2 problems)');
    expect(err).toContain('accounts[0].domains[0]: not a domain');
    expect(err).toContain('pricing.maxDiscountPercent:');
    expect(check.calls).toHaveLength(0);
  });

  it('refuses a custom pattern that could freeze the check, with why and how to rewrite; accepts everyday ones', async () => {
    const rule = (pattern: string) => ({
      id: 'c',
      category: 'tone',
      severity: 'warn',
      message: 'm',
      pattern,
    });
    const bad = { version: 1, customRules: [rule('^(a+)+$')] };
    const io = fakeIo({ 'p.json': JSON.stringify(bad), 'a.txt': CLEAN });
    const { code, err, check } = await run(['check', '--policy', 'p.json', 'a.txt'], io);
    expect(code).toBe(EXIT_USAGE);
    expect(err).toContain('customRules[0].pattern: unsafe pattern');
    expect(err).toContain('Rewrite it');
    expect(check.calls).toHaveLength(0);
    const good = { version: 1, customRules: [rule('\\d+x'), rule('password\\s*[:=]\\s*\\S+')] };
    const io2 = fakeIo({ 'p.json': JSON.stringify(good), 'a.txt': CLEAN });
    expect((await run(['check', '--policy', 'p.json', 'a.txt'], io2)).code).toBe(EXIT_OK);
  });

  it('reports a missing policy file', async () => {
    const { code, err } = await run(['check', '--policy', 'nope.json', 'a.txt'], fakeIo({ 'a.txt': CLEAN }));
    expect(code).toBe(EXIT_USAGE);
    expect(err).toContain('policy nope.json: no such file');
  });
});

describe('checking', () => {
  it('exits 0 when nothing blocks, even with warnings', async () => {
    const { code, out } = await run(['check', 'a.txt'], fakeIo({ 'a.txt': 'Hi Dana, maybe Friday.' }));
    expect(code).toBe(EXIT_OK);
    expect(out).toContain('WARN');
  });

  it('exits 1 when a finding blocks', async () => {
    const { code } = await run(['check', 'a.txt', 'b.txt'], fakeIo({ 'a.txt': CLEAN, 'b.txt': BLOCKING }));
    expect(code).toBe(EXIT_BLOCKED);
  });

  it('fills the send time for drafts without one and keeps an explicit one', async () => {
    const io = fakeIo({
      'a.txt': CLEAN,
      'b.json': JSON.stringify({ body: 'Hi', now: '2026-01-05T10:00:00Z' }),
    });
    const { check } = await run(['check', 'a.txt', 'b.json'], io);
    expect(check.calls[0]?.draft.now).toBe('2026-03-02T09:00:00.000Z');
    expect(check.calls[1]?.draft.now).toBe('2026-01-05T10:00:00Z');
  });

  it('uses the Date header of an .eml as the send time', async () => {
    const eml = [
      'From: Sam Ortiz <sam@vendor.example>',
      'To: Dana Reyes <dana@northwind.example>',
      'Subject: Follow-up',
      'Date: Tue, 10 Feb 2026 14:30:00 +0100',
      'Message-ID: <1@vendor.example>',
      '',
      'Hi Dana, we GUARANTEE it.',
      '',
    ].join('\r\n');
    const { code, check } = await run(['check', 'sent.eml'], fakeIo({ 'sent.eml': eml }));
    expect(code).toBe(EXIT_BLOCKED);
    expect(check.calls[0]?.draft.now).toBe('2026-02-10T13:30:00.000Z');
    expect(check.calls[0]?.draft.to).toEqual(['Dana Reyes <dana@northwind.example>']);
  });

  it('reads standard input and sniffs its kind', async () => {
    const cases: [string, string][] = [
      ['{ "body": "Hi, we GUARANTEE it", "subject": "S" }', 'Hi, we GUARANTEE it'],
      [
        'From: a@b.example\nDate: Tue, 10 Feb 2026 14:30:00 +0000\nSubject: S\n\nBody GUARANTEE\n',
        'Body GUARANTEE\n',
      ],
      ['Subject: S\nTo: a@b.example\n\nPlain GUARANTEE\n', 'Plain GUARANTEE\n'],
      ['Just a GUARANTEE line', 'Just a GUARANTEE line'],
    ];
    for (const [input, body] of cases) {
      const { code, check, out } = await run(['check', '-'], fakeIo({}, input));
      expect(code).toBe(EXIT_BLOCKED);
      expect(check.calls[0]?.draft.body).toBe(body);
      expect(out).toContain('<stdin>');
    }
  });
});

describe('output', () => {
  it('prints the JSON report in the documented shape', async () => {
    const io = fakeIo({ 'a.txt': 'Subject: Hi [Name]\n\nHi, we GUARANTEE it.', 'b.txt': CLEAN });
    const { code, out } = await run(['check', '--format', 'json', 'a.txt', 'b.txt'], io);
    expect(code).toBe(EXIT_BLOCKED);
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual(['version', 'results']);
    expect(report.version).toBe(1);
    expect(report.results.map((r: { file: string }) => r.file)).toEqual(['a.txt', 'b.txt']);
    expect(Object.keys(report.results[0])).toEqual(['file', 'findings', 'scorecard']);
    expect(report.results[0].scorecard).toEqual({
      personalization: 'fail',
      accuracy: 'fail',
      slaCompliance: 'pass',
      dataPrivacy: 'pass',
      humanReview: 'pass',
    });
    expect(report.results[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual([
      'overcommitment/fake',
      'placeholder/fake',
    ]);
    expect(report.results[1].findings).toEqual([]);
  });

  it('prints readable text with location, excerpt, caret, clause, suggestion and summary', async () => {
    const io = fakeIo({ 'a.txt': 'Hi Dana,\n\nYes, we GUARANTEE it.\n' });
    const { out } = await run(['check', 'a.txt'], io);
    expect(out).toContain('a.txt:3:9  BLOCK  overcommitment  Absolute promise.');
    expect(out).toContain('    3 | Yes, we GUARANTEE it.\n');
    expect(out).toContain('      |         ^^^^^^^^^\n');
    expect(out).toContain('policy: Honest');
    expect(out).toContain('suggestion: we aim to');
    expect(out).toContain(
      '1 file checked: 1 blocking issue, 0 warnings, 0 notes (1 of 1 would be held at Send).',
    );
    expect(out).not.toContain('\u001b[');
  });

  it('names the field of a subject finding and points into its header line', async () => {
    const { out } = await run(['check', 'a.txt'], fakeIo({ 'a.txt': 'Subject: Hello [Name]\n\nHi Dana' }));
    expect(out).toContain('a.txt:1:16 (subject)  BLOCK  placeholder');
    expect(out).toContain('    subject | Hello [Name]\n');
    expect(out).toContain('            |       ^^^^^^\n');
  });

  it('uses colour on a terminal unless NO_COLOR is set, and obeys --color / --no-color', async () => {
    const files = { 'a.txt': BLOCKING };
    const colored = async (argv: string[], tty: boolean, env: Record<string, string> = {}) => {
      const io = fakeIo(files);
      io.isTTY = tty;
      io.env = env;
      return (await run(argv, io)).out.includes('\u001b[');
    };
    expect(await colored(['check', 'a.txt'], true)).toBe(true);
    expect(await colored(['check', 'a.txt'], false)).toBe(false);
    expect(await colored(['check', 'a.txt'], true, { NO_COLOR: '1' })).toBe(false);
    expect(await colored(['check', 'a.txt'], true, { NO_COLOR: '' })).toBe(true);
    expect(await colored(['check', '--no-color', 'a.txt'], true)).toBe(false);
    expect(await colored(['check', '--color', 'a.txt'], false, { NO_COLOR: '1' })).toBe(true);
    expect(await colored(['check', '--color', '--no-color', 'a.txt'], true)).toBe(false);
    expect(await colored(['check', '--format', 'json', '--color', 'a.txt'], true)).toBe(false);
  });
});
