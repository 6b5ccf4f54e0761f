import { describe, expect, it } from 'vitest';
import { htmlToText, kindForPath, parseJsonDraft, parseTxt, readDraft, sniffKind } from './read-input.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('kindForPath', () => {
  it.each([
    ['mail.eml', 'eml'],
    ['MAIL.EML', 'eml'],
    ['drafts/notes.txt', 'txt'],
    ['a.b/draft.json', 'json'],
    ['archive.mbox', undefined],
    ['.eml', undefined],
    ['dir.eml/README', undefined],
  ])('%s -> %s', (path, kind) => {
    expect(kindForPath(path)).toBe(kind);
  });
});

describe('sniffKind', () => {
  it.each([
    ['  {"body": "x"}', 'json'],
    ['\uFEFF{"body": "x"}', 'json'],
    ['Received: from mx\nFrom: a@b.example\nSubject: Hi\n\nBody', 'eml'],
    ['MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nBody', 'eml'],
    ['Subject: Hi\nTo: a@b.example\n\nBody', 'txt'],
    ['Hi Dana,\n\nThanks for the call.', 'txt'],
    ['Note: this is a body line\nand another\n\nmore', 'txt'],
    ['Note: remember the agenda\n\nmore', 'txt'],
    ['X-Mailer: Example\nTo: a@b.example\n\nBody', 'eml'],
    ['Note: the meeting moved\nsee you there', 'txt'],
  ])('%j -> %s', (text, kind) => {
    expect(sniffKind(text)).toBe(kind);
  });
});

describe('parseTxt', () => {
  it('reads the optional header lines and the body after the blank line', () => {
    const draft = parseTxt(
      [
        'Subject: Renewal options for Northwind',
        'To: "Reyes, Dana" <dana@northwind.example>, ops@northwind.example',
        'Cc: Lee Park <lee@vendor.example>',
        'Bcc: archive@vendor.example',
        'From: Sam Ortiz <sam@vendor.example>',
        '',
        'Hi Dana,',
        '',
        'Thanks.',
      ].join('\n'),
    );
    expect(draft).toEqual({
      subject: 'Renewal options for Northwind',
      body: 'Hi Dana,\n\nThanks.',
      to: ['Reyes, Dana <dana@northwind.example>', 'ops@northwind.example'],
      cc: ['Lee Park <lee@vendor.example>'],
      bcc: ['archive@vendor.example'],
      from: 'Sam Ortiz <sam@vendor.example>',
    });
  });

  it('keeps everything as body when there are no header lines', () => {
    const text = 'Hi Dana,\n\nSubject: the renewal.\n';
    expect(parseTxt(text)).toEqual({ subject: '', body: text, to: [], cc: [], bcc: [] });
  });

  it('keeps everything as body when the first block is not only recognised headers', () => {
    const text = 'Subject: Hi\nPriority: high\n\nBody';
    expect(parseTxt(text).body).toBe(text);
  });

  it('keeps everything as body when the first lines are not followed by a blank line and a body', () => {
    expect(parseTxt('Hi: there\nplain line').body).toBe('Hi: there\nplain line');
  });

  it('normalises CRLF when read from bytes', async () => {
    const read = await readDraft(bytes('Subject: S\r\n\r\nLine 1\r\nLine 2\r\n'), 'txt');
    expect(read).toEqual({
      ok: true,
      draft: { subject: 'S', body: 'Line 1\nLine 2\n', to: [], cc: [], bcc: [] },
    });
  });
});

describe('parseJsonDraft', () => {
  it('fills the lenient defaults', () => {
    expect(parseJsonDraft('{"body": "Hi"}')).toEqual({
      ok: true,
      draft: { subject: '', body: 'Hi', to: [], cc: [], bcc: [] },
    });
  });

  it('lists every problem with its path', () => {
    const result = parseJsonDraft(
      JSON.stringify({ to: 'a@b.example', attachments: [{ name: 1 }], now: 'soon' }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.issues.map((issue) => issue.split(':')[0]);
    expect(paths).toEqual(expect.arrayContaining(['body', 'to', 'attachments[0].name', 'now']));
  });
});

describe('.eml', () => {
  const multipart = [
    'From: "Ortiz, Sam" <sam@vendor.example>',
    'To: Dana Reyes <dana@northwind.example>, Priya Shah <priya@northwind.example>',
    'Cc: Team: lee@vendor.example, kim@vendor.example;',
    'Subject: =?UTF-8?Q?Proposal_=E2=80=93_Northwind?=',
    'Date: Mon, 02 Mar 2026 09:15:00 -0500',
    'Message-ID: <abc@vendor.example>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="outer"',
    '',
    '--outer',
    'Content-Type: multipart/alternative; boundary="alt"',
    '',
    '--alt',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'Hi Dana,=0A=0AAttached is the proposal =E2=80=94 pending human review.',
    '--alt',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p>Hi Dana,</p><p>Attached is the proposal.</p>',
    '--alt--',
    '--outer',
    'Content-Type: application/pdf; name="Northwind-Proposal.pdf"',
    'Content-Disposition: attachment; filename="Northwind-Proposal.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    'JVBERi0xLjQKJcfsj6IK',
    '--outer--',
    '',
  ].join('\r\n');

  it('reads subject, recipients, sender, text body, attachment names and the Date as now', async () => {
    const read = await readDraft(bytes(multipart), 'eml');
    expect(read).toEqual({
      ok: true,
      draft: {
        subject: 'Proposal – Northwind',
        body: 'Hi Dana,\n\nAttached is the proposal — pending human review.\n',
        to: ['Dana Reyes <dana@northwind.example>', 'Priya Shah <priya@northwind.example>'],
        cc: ['lee@vendor.example', 'kim@vendor.example'],
        bcc: [],
        from: 'Ortiz, Sam <sam@vendor.example>',
        attachments: [{ name: 'Northwind-Proposal.pdf' }],
        now: '2026-03-02T14:15:00.000Z',
      },
    });
  });

  it('falls back to the HTML part as plain text when there is no text part', async () => {
    const eml = [
      'From: sam@vendor.example',
      'To: dana@northwind.example',
      'Subject: Notes',
      'Date: not a date',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<html><head><style>p { color: red }</style></head><body>',
      '<p>Hi Dana,</p><p>Next steps:</p><ul><li>Pilot &amp; review</li><li>Sign&#8209;off</li></ul>',
      '<div>Best,<br>Sam</div>',
      '<blockquote><p>Dana wrote:</p><p>Please send the notes.</p></blockquote>',
      '</body></html>',
    ].join('\r\n');
    const read = await readDraft(bytes(eml), 'eml');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.draft.body).toBe(
      'Hi Dana,\n\nNext steps:\n\n- Pilot & review\n- Sign\u2011off\n\nBest,\nSam\n\n> Dana wrote:\n>\n> Please send the notes.',
    );
    // An unparseable Date leaves the send time to the caller.
    expect(read.draft.now).toBeUndefined();
  });

  it('reads an empty message', async () => {
    const read = await readDraft(bytes(''), 'eml');
    expect(read).toEqual({ ok: true, draft: { subject: '', body: '', to: [], cc: [], bcc: [] } });
  });
});

describe('htmlToText', () => {
  it('quotes nested blockquotes and drops scripts and comments', () => {
    const html =
      '<div>Top</div><!-- x --><script>alert(1)</script><blockquote>One<blockquote>Two</blockquote></blockquote>';
    expect(htmlToText(html)).toBe('Top\n\n> One\n>\n> > Two');
  });

  it('keeps table cells apart and collapses whitespace', () => {
    expect(
      htmlToText('<table><tr><td>Plan</td><td>Price</td></tr><tr><td>Pro</td><td>$40</td></tr></table>'),
    ).toBe('Plan\tPrice\nPro\t$40');
    expect(htmlToText('<p>  Hello \n   world&nbsp;!  </p>')).toBe('Hello world !');
  });
});
