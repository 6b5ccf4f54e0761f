import { describe, expect, it } from 'vitest';
import { CATEGORIES, checkDraft } from '../../engine/index.ts';
import { main } from '../main.ts';
import { fakeIo, stderr, stdout } from '../test-helpers.ts';
import { DRAFTS, toMbox } from './test-mail.ts';

const enc = (text: string) => new TextEncoder().encode(text);

function mailFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  DRAFTS.forEach((draft, i) => {
    files[`mail/${String(i + 1).padStart(2, '0')}.eml`] = draft;
  });
  return files;
}

async function run(argv: string[], files: Record<string, string | Uint8Array>) {
  const io = fakeIo(files);
  const code = await main(argv, { io, check: checkDraft, version: '0.0.0' });
  return { code, out: stdout(io), err: stderr(io), io };
}

interface JsonAudit {
  messages: number;
  flagged: number;
  unreadable: { source: string; message?: number; reason: string }[];
  outsideRange: number;
  categories: Record<string, { messages: number; findings: number }>;
  rules: Record<string, { messages: number; findings: number }>;
  months: Record<string, { messages: number }>;
}

/** What `preflight check --format json` finds, counted per category as the audit counts. */
function perCategory(checkJson: { results: { findings: { category: string; ruleId: string }[] }[] }) {
  const counts: Record<string, { messages: number; findings: number }> = {};
  for (const category of CATEGORIES) counts[category] = { messages: 0, findings: 0 };
  for (const result of checkJson.results) {
    const seen = new Set<string>();
    for (const finding of result.findings) {
      const c = counts[finding.category];
      if (!c) throw new Error(`unknown category ${finding.category}`);
      c.findings++;
      if (!seen.has(finding.category)) c.messages++;
      seen.add(finding.category);
    }
  }
  return counts;
}

// The real engine's first check loads its sentence reader: allow for a busy machine.
describe('preflight audit', { timeout: 30_000 }, () => {
  it('counts per category exactly what preflight check finds on the same messages as .eml files', async () => {
    const files = { ...mailFiles(), 'sent.mbox': toMbox(DRAFTS), 'sent-crlf.mbox': toMbox(DRAFTS, '\r\n') };
    const check = await run(['check', '--no-config', '--format', 'json', 'mail'], files);
    expect(check.err).toBe('');
    const expected = perCategory(JSON.parse(check.out));
    // The drafts are not trivially clean: several categories fire.
    expect(Object.values(expected).filter((c) => c.messages > 0).length).toBeGreaterThanOrEqual(4);

    for (const path of ['sent.mbox', 'sent-crlf.mbox', 'mail']) {
      const audit = await run(['audit', '--no-config', '--format', 'json', path], files);
      expect(audit.code, path).toBe(0);
      const report = JSON.parse(audit.out) as JsonAudit;
      expect(report.messages, path).toBe(DRAFTS.length);
      expect(report.unreadable, path).toEqual([]);
      const got = Object.fromEntries(
        Object.entries(report.categories).map(([id, c]) => [
          id,
          { messages: c.messages, findings: c.findings },
        ]),
      );
      expect(got, path).toEqual(expected);
    }
  });

  it('audits the rest of an mbox when bytes in the middle cannot be read, and says where they were', async () => {
    const head = enc(toMbox(DRAFTS.slice(0, 2)));
    const junk = new Uint8Array(2048).map((_, i) => (i * 31 + 7) % 256);
    const tail = enc(toMbox(DRAFTS.slice(2)));
    const bytes = new Uint8Array([...head, ...junk, 0x0a, ...tail]);
    const { code, out } = await run(['audit', '--no-config', '--format', 'json', 'sent.mbox'], {
      'sent.mbox': bytes,
    });
    expect(code).toBe(0);
    const report = JSON.parse(out) as JsonAudit;
    expect(report.messages).toBe(DRAFTS.length);
    expect(report.unreadable).toHaveLength(1);
    expect(report.unreadable[0]).toMatchObject({ source: 'sent.mbox', message: 2, offset: head.length });
  });

  it('filters by send date: --since from the start of the day, --until to its end, undated left out', async () => {
    const files = { 'sent.mbox': toMbox(DRAFTS) };
    const all = JSON.parse((await run(['audit', '--no-config', '--format', 'json', 'sent.mbox'], files)).out);
    expect(Object.keys(all.months)).toEqual(['2026-01', '2026-02', '2026-03', 'undated']);
    const jan = await run(
      [
        'audit',
        '--no-config',
        '--format',
        'json',
        '--since',
        '2026-01-13',
        '--until',
        '2026-02-05',
        'sent.mbox',
      ],
      files,
    );
    const report = JSON.parse(jan.out) as JsonAudit & { since: string; until: string };
    // Jan 13 and Feb 5 (both ends of the range are whole days); Jan 12, Feb 28 (UTC), Mar 4 and the undated one out.
    expect(report.messages).toBe(2);
    expect(report.outsideRange).toBe(4);
    expect(report.since).toBe('2026-01-13T00:00:00.000Z');
    expect(report.until).toBe('2026-02-06T00:00:00.000Z');
    expect(Object.keys(report.months)).toEqual(['2026-01', '2026-02']);
    const iso = await run(
      ['audit', '--no-config', '--format', 'json', '--since', '2026-02-28T04:00:00Z', 'sent.mbox'],
      files,
    );
    expect((JSON.parse(iso.out) as JsonAudit).messages).toBe(2);
  });

  it('keeps at most N excerpts per rule, each the flagged words and the sentence around them', async () => {
    const { out } = await run(['audit', '--no-config', '--format', 'json', '--examples', '1', 'sent.mbox'], {
      'sent.mbox': toMbox(DRAFTS),
    });
    const report = JSON.parse(out) as {
      rules: Record<
        string,
        { messages: number; examples: { excerpt: string; context: string; message: number }[] }
      >;
    };
    const fired = Object.entries(report.rules).filter(([, r]) => r.messages > 0);
    expect(fired.length).toBeGreaterThan(0);
    for (const [id, rule] of fired) {
      expect(rule.examples.length, id).toBe(1);
      const [example] = rule.examples;
      expect(example?.context, id).toContain(example?.excerpt.replace(/\s+/g, ' ').trim().slice(0, 20));
      expect(example?.context.length, id).toBeLessThanOrEqual(490);
    }
    // The whole body is never in the report.
    expect(out).not.toContain('Thanks for your time today');
  });

  it('exits 0 when the audit ran, whatever it found', async () => {
    const { code, out } = await run(['audit', '--no-config', 'sent.mbox'], { 'sent.mbox': toMbox(DRAFTS) });
    expect(code).toBe(0);
    expect(out).toMatch(/^Preflight audit of 6 messages/);
    expect(out).toContain('held at Send under this policy:');
  });

  it('exits 2 for bad usage, with the reason', async () => {
    const files = { 'sent.mbox': toMbox(DRAFTS), 'mail.pst': 'x' };
    const cases: [string[], RegExp][] = [
      [['audit'], /no mail to audit/],
      [['audit', 'missing.mbox'], /missing\.mbox: no such file/],
      [['audit', '--format', 'xml', 'sent.mbox'], /--format must be/],
      [['audit', '--jobs', '0', 'sent.mbox'], /--jobs must be a whole number of at least 1/],
      [['audit', '--examples', 'many', 'sent.mbox'], /--examples must be a whole number/],
      [['audit', '--since', '2026-13-01', 'sent.mbox'], /--since must be a date/],
      [
        ['audit', '--since', '2026-03-01', '--until', '2026-02-01', 'sent.mbox'],
        /--since must be before --until/,
      ],
      [['audit', '--bogus', 'sent.mbox'], /Unknown option '--bogus'/],
      [['audit', 'mail.pst'], /mail\.pst: Outlook \.pst files cannot be read here.*readpst/],
      [['audit', '--policy', 'nope.yaml', 'sent.mbox'], /policy nope\.yaml: no such file/],
    ];
    for (const [argv, reason] of cases) {
      const { code, err, out } = await run(argv, files);
      expect(code, argv.join(' ')).toBe(2);
      expect(err, argv.join(' ')).toMatch(reason);
      expect(out, argv.join(' ')).toBe('');
    }
  });

  it('exits 2 when no message at all could be read, listing what was not', async () => {
    const { code, out, err } = await run(['audit', '--no-config', '--format', 'json', 'notes.txt'], {
      'notes.txt': 'just some notes\nno mail here\n',
    });
    expect(code).toBe(2);
    expect(err).toMatch(/no readable message/);
    expect((JSON.parse(out) as JsonAudit).unreadable[0]?.reason).toMatch(/not an mbox/);
    const binary = await run(['audit', '--no-config', 'x.mbox'], {
      'x.mbox': new Uint8Array([...enc('From a@b Thu Jan  1 00:00:00 2026\n'), 0, 1, 2, 0, 0, 3]),
    });
    expect(binary.code).toBe(2);
  });

  it('writes the report to --out, its format from the extension, and shows the help', async () => {
    const io = fakeIo({ 'sent.mbox': toMbox(DRAFTS) });
    const written = new Map<string, string>();
    const code = await main(['audit', '--no-config', '--out', 'report.html', 'sent.mbox'], {
      io: { ...io, writeFile: async (path, text) => void written.set(path, text) },
      check: checkDraft,
      version: '0.0.0',
    });
    expect(code).toBe(0);
    expect(written.get('report.html')).toMatch(/^<!doctype html>/);
    expect(stdout(io)).toBe('');
    expect(stderr(io)).toMatch(/report written to report\.html/);
    const help = await run(['audit', '--help'], {});
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: preflight audit PATH/);
    expect((await run(['--help'], {})).out).toContain('preflight audit PATH...');
  });

  it('uses the pool it is given for --jobs above 1, and this thread for --jobs 1', async () => {
    const files = { 'sent.mbox': toMbox(DRAFTS) };
    const used: number[] = [];
    const { inThreadPool } = await import('./pool.ts');
    for (const jobs of ['1', '3']) {
      const io = fakeIo(files);
      const code = await main(['audit', '--no-config', '--format', 'json', '--jobs', jobs, 'sent.mbox'], {
        io,
        check: checkDraft,
        version: '0.0.0',
        cores: 2,
        auditPool: (n, settings) => {
          used.push(n);
          return { ...inThreadPool(settings, checkDraft), size: n };
        },
      });
      expect(code).toBe(0);
      expect((JSON.parse(stdout(io)) as JsonAudit).messages).toBe(DRAFTS.length);
    }
    expect(used).toEqual([3]);
    // Without --jobs: the machine's cores, unless the mail is small enough for one thread to be quicker.
    for (const size of [100, 5 * 1024 * 1024]) {
      const io = fakeIo(files);
      await main(['audit', '--no-config', '--format', 'json', 'sent.mbox'], {
        io: { ...io, fileSize: async () => size },
        check: checkDraft,
        version: '0.0.0',
        cores: 2,
        auditPool: (n, settings) => {
          used.push(n);
          return { ...inThreadPool(settings, checkDraft), size: n };
        },
      });
    }
    expect(used).toEqual([3, 2]);
  });

  it('draws a progress line (messages, rate, time left) on a terminal, and none in CI', async () => {
    const mbox = toMbox(Array.from({ length: 20 }, () => DRAFTS).flat());
    for (const ci of [undefined, 'true']) {
      const io = fakeIo({ 'sent.mbox': mbox });
      io.isTTY = true;
      io.stderrIsTTY = true;
      if (ci) io.env = { CI: ci };
      // A clock that moves 150 ms at each reading: the line is drawn however fast this machine checks.
      let now = 0;
      const code = await main(['audit', '--no-config', 'sent.mbox'], {
        io: { ...io, fileSize: async () => mbox.length, clock: () => (now += 150) },
        check: checkDraft,
        version: '0',
      });
      expect(code).toBe(0);
      const lines = stderr(io);
      if (ci) expect(lines).toBe('');
      else {
        expect(lines).toContain('\r\u001b[2Kaudited ');
        expect(lines).toMatch(/audited [\d,]+ messages · [\d,]+\/s · \d+% · .+ left/);
      }
      // The report itself never holds the progress line.
      expect(stdout(io)).not.toContain('\u001b');
    }
  });
});
