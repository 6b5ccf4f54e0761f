// Line and column of findings in the file as stored, for every input kind: headers before the body, CRLF
// line ends, non-ASCII letters and an emoji before the finding on its line.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../engine/index.ts';
import { LineIndex } from './locate.ts';
import { main } from './main.ts';
import { readSource } from './read-input.ts';
import { fakeCheck, fakeIo, stdout } from './test-helpers.ts';

type Located = Finding & { line: number; column: number; endLine: number; endColumn: number; in?: string };

/** 1-based line and UTF-16 column of the first `needle` in a file's text, as an editor shows it. */
function expected(file: string, needle: string, from = 0) {
  const at = file.indexOf(needle, from);
  const before = file.slice(0, at).replace(/\r\n/g, '\n');
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1] as string).length + 1 };
}

async function findings(name: string, content: string): Promise<Located[]> {
  const io = fakeIo({ [name]: content });
  await main(['check', '--format', 'json', name], { io, check: fakeCheck(), version: 't' });
  return JSON.parse(stdout(io)).results[0].findings;
}

const LINE = 'Grüße, José 😀 — we GUARANTEE it.';

describe('positions in the file', () => {
  it('counts .txt lines from the top of the file, past the headers, with CRLF', async () => {
    const file = [
      'Subject: Plan for [Name]',
      'To: Dana <dana@northwind.example>',
      '',
      'Hi Dana,',
      '',
      LINE,
      '',
    ].join('\r\n');
    const [body, subject] = ['overcommitment/fake', 'placeholder/fake'].map((id) =>
      (findings('d.txt', file) as Promise<Located[]>).then((all) => all.find((f) => f.ruleId === id)),
    );
    expect(await body).toMatchObject({ ...expected(file, 'GUARANTEE'), endLine: 6 });
    expect((await body)?.endColumn).toBe(expected(file, 'GUARANTEE').column + 'GUARANTEE'.length);
    expect((await body)?.in).toBeUndefined();
    expect(await subject).toMatchObject(expected(file, '[Name]'));
  });

  it('reads .md drafts like .txt', async () => {
    const file = `Subject: Notes\n\n# Plan\n\n${LINE}\n`;
    expect((await findings('d.md', file))[0]).toMatchObject(expected(file, 'GUARANTEE'));
  });

  it('points at the character inside a .json string, escapes counted', async () => {
    const body = `Hi "Dana",\n\n\u00e9\t${LINE}`;
    const file = `{\r\n  "subject": "Hello [Name]",\r\n  "body": ${JSON.stringify(body).replace('é', '\\u00e9')}\r\n}\r\n`;
    const all = await findings('d.json', file);
    const finding = all.find((f) => f.field === 'body');
    expect(finding).toMatchObject(expected(file, 'GUARANTEE'));
    expect(all.find((f) => f.field === 'subject')).toMatchObject(expected(file, '[Name]'));
  });

  it('points into an .eml body that is not transfer-encoded', async () => {
    const file = [
      'From: Sam <sam@vendor.example>',
      'To: Dana <dana@northwind.example>',
      'Subject: Hello [Name]',
      'Date: Tue, 10 Feb 2026 14:30:00 +0000',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      'Hi Dana,',
      '',
      LINE,
      '',
    ].join('\r\n');
    const all = await findings('m.eml', file);
    expect(all.find((f) => f.field === 'body')).toMatchObject(expected(file, 'GUARANTEE'));
    expect(all.find((f) => f.field === 'subject')).toMatchObject(expected(file, '[Name]'));
  });

  it('counts in the decoded part of a quoted-printable .eml, and says so', async () => {
    const file = [
      'From: sam@vendor.example',
      'Subject: Notes',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Hi Dana,',
      '',
      'Gr=C3=BC=C3=9Fe, we GUARANTEE it.',
      '',
    ].join('\r\n');
    const [finding] = await findings('m.eml', file);
    expect(finding).toMatchObject({ line: 3, column: 'Grüße, we '.length + 1 });
    expect(finding?.in).toBe('the decoded quoted-printable part');
  });

  it('shows the file position and line in text output', async () => {
    const file = ['Subject: S', '', 'Hi Dana,', '', LINE, ''].join('\r\n');
    const io = fakeIo({ 'd.txt': file });
    await main(['check', 'd.txt'], { io, check: fakeCheck(), version: 't' });
    const { line, column } = expected(file, 'GUARANTEE');
    expect(stdout(io)).toContain(`d.txt:${line}:${column}  BLOCK`);
    expect(stdout(io)).toContain(`    ${line} | ${LINE}\n`);
  });

  it('places recipients and attachments where the file names them', async () => {
    const at = (file: string, needle: string) => {
      const index = new LineIndex(file.replace(/\r\n/g, '\n'));
      return index.at(file.replace(/\r\n/g, '\n').indexOf(needle));
    };
    const json = `{\n  "body": "Hi",\n  "to": ["Dana <dana@northwind.example>"],\n  "cc": ["ops@globex.example"],\n  "attachments": [{ "name": "Notes.pdf" }, { "name": "Globex-Plan.pdf" }]\n}`;
    const read = await readSource(new TextEncoder().encode(json), 'json');
    if (!read.ok) throw new Error('unreadable');
    const recipients = 'Dana <dana@northwind.example>, ops@globex.example';
    const attachments = 'Notes.pdf, Globex-Plan.pdf';
    expect(read.locate('recipients', recipients.indexOf('ops'), recipients.length)).toMatchObject(
      at(json, 'ops@globex'),
    );
    expect(read.locate('attachments', attachments.indexOf('Globex'), attachments.length)).toMatchObject(
      at(json, 'Globex-Plan'),
    );
    const eml = [
      'From: a@vendor.example',
      'To: Dana <dana@northwind.example>,',
      '  ops@globex.example',
      'Subject: S',
      '',
      'Hi',
      '',
    ].join('\r\n');
    const mail = await readSource(new TextEncoder().encode(eml), 'eml');
    if (!mail.ok) throw new Error('unreadable');
    const list = [...mail.draft.to, ...mail.draft.cc].join(', ');
    expect(mail.locate('recipients', list.indexOf('ops'), list.length)).toMatchObject(at(eml, 'ops@globex'));
  });
});
