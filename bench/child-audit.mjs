// `preflight audit` against `preflight check` on the same sent mail, with the built command line, each run a
// child process (the wall time a user sees). Prints JSON on stdout. In a temporary folder, removed after:
//   - N messages (bench/texts.mjs bodies, dated over a year, some with an attachment) as one mbox and as
//     N .eml files: check on the files, audit on the mbox with the default jobs and with --jobs 1;
//   - a 1 GB mbox (messages with a 150 kB attachment, as sent mail has) audited with the default jobs,
//     its peak RSS read from the child's own resource usage (worker threads included).
// Usage: node bench/child-audit.mjs [MESSAGES] [MBOX_MB] [RUNS]
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emailBody } from './texts.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist/cli/preflight.mjs');
const count = Number(process.argv[2] ?? 3000);
const bigMB = Number(process.argv[3] ?? 1024);
/** Runs of each small-mbox case; the fastest counts. */
const runs = Number(process.argv[4] ?? 2);
const dir = mkdtempSync(join(tmpdir(), 'preflight-bench-audit-'));

const DOMAINS = ['corvana.example', 'sales.corvana.example', 'support.corvana.example'];
const TO = ['dana@northwind.example', 'jordan@acme.example', 'lee@globex.example', 'sam@initech.example'];
const attachment = (kb) => {
  const raw = Buffer.alloc(kb * 768, 'JVBERi0xLjQK');
  return raw.toString('base64').replace(/.{76}/g, '$&\n');
};

function message(i, attachKb) {
  const date = new Date(Date.UTC(2025, i % 12, 1 + (i % 28), 9 + (i % 8), i % 60));
  const from = `writer${i % 7}@${DOMAINS[i % DOMAINS.length]}`;
  const body = emailBody(120 + ((i * 37) % 400), 1000 + i);
  const head = `From: ${from}\nTo: ${TO[i % TO.length]}\nSubject: Follow-up ${i}\nDate: ${date.toUTCString()}\nMessage-ID: <${i}@corvana.example>\nMIME-Version: 1.0\n`;
  if (!attachKb) return `${head}Content-Type: text/plain; charset=utf-8\n\n${body}\n`;
  return `${head}Content-Type: multipart/mixed; boundary="b${i}"\n\n--b${i}\nContent-Type: text/plain; charset=utf-8\n\n${body}\n\n--b${i}\nContent-Type: application/pdf; name="Proposal-${i}.pdf"\nContent-Disposition: attachment; filename="Proposal-${i}.pdf"\nContent-Transfer-Encoding: base64\n\n${attachment(attachKb)}\n--b${i}--\n`;
}

const mboxEntry = (text) =>
  `From writer@corvana.example Mon Jan  6 09:00:00 2025\n${text.replace(/^(>*From )/gm, '>$1')}\n`;

/** Runs the built command line; wall time and the child's peak RSS (from its own resource usage at exit). */
function timed(args) {
  const probe = join(dir, 'maxrss.mjs');
  writeFileSync(
    probe,
    "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\nmaxrss-kb ' + u.maxRSS + ' cpu-us ' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });\n",
  );
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', probe, cli, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CI: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
  });
  const ms = performance.now() - started;
  const rss = /maxrss-kb (\d+) cpu-us (\d+)/.exec(run.stderr ?? '');
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`preflight ${args.join(' ')}: exit ${run.status}: ${run.stderr.slice(-500)}`);
  return {
    ms,
    maxRssMB: rss ? Number(rss[1]) / 1024 : undefined,
    cpuMs: rss ? Number(rss[2]) / 1000 : undefined,
  };
}

const result = { messages: count, cores: availableParallelism() };
try {
  // A few thousand messages: files and one mbox.
  mkdirSync(join(dir, 'mail'));
  const mbox = openSync(join(dir, 'sent.mbox'), 'w');
  for (let i = 0; i < count; i++) {
    const text = message(i, i % 10 === 0 ? 20 : 0);
    writeFileSync(join(dir, 'mail', `${String(i).padStart(6, '0')}.eml`), text);
    writeSync(mbox, mboxEntry(text));
  }
  closeSync(mbox);
  result.mboxMB = statSync(join(dir, 'sent.mbox')).size / 2 ** 20;
  const best = (args) => {
    const all = Array.from({ length: runs }, () => timed(args));
    return all.reduce((a, b) => (b.ms < a.ms ? b : a));
  };
  result.check = best(['check', '--no-config', '--format', 'json', 'mail']);
  result.auditDefault = best(['audit', '--no-config', '--format', 'json', 'sent.mbox']);
  result.auditJobs1 = best(['audit', '--no-config', '--format', 'json', '--jobs', '1', 'sent.mbox']);
  result.auditOverCheck = result.auditDefault.ms / result.check.ms;
  result.jobs1OverDefault = result.auditJobs1.ms / result.auditDefault.ms;
  rmSync(join(dir, 'mail'), { recursive: true, force: true });

  // A 1 GB mbox, written in pieces (never held), then audited with the default jobs.
  if (bigMB > 0) {
    const big = openSync(join(dir, 'big.mbox'), 'w');
    let written = 0;
    let n = 0;
    while (written < bigMB * 2 ** 20) {
      const entry = mboxEntry(message(n, 150));
      written += writeSync(big, entry);
      n++;
    }
    closeSync(big);
    result.big = {
      mbMB: written / 2 ** 20,
      messages: n,
      ...timed(['audit', '--no-config', '--format', 'json', 'big.mbox']),
    };
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(`${JSON.stringify(result)}\n`);
