// Outlook .pst exports in the audit: the reader on a real export (the Enron sample that pst-extractor ships),
// the message each entry becomes, and the audit of a .pst counted as `check` counts the same messages.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PSTMessage } from 'pst-extractor';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, checkDraft } from '../../engine/index.ts';
import { main } from '../main.ts';
import { parseEml } from '../read-input.ts';
import { fakeIo, stderr, stdout } from '../test-helpers.ts';
import { type PstItem, readPst, toEml } from './pst.ts';

const SAMPLE = fileURLToPath(
  new URL('../../../node_modules/pst-extractor/example/testdata/enron.pst', import.meta.url),
);

/** A stand-in for a message read from a .pst, with only what toEml reads. */
function fakeMessage(fields: {
  subject: string;
  body?: string;
  bodyHTML?: string;
  sender: [string, string];
  recipients: [type: number, name: string, address: string][];
  attachments?: string[];
  sent?: Date;
}): PSTMessage {
  return {
    subject: fields.subject,
    body: fields.body ?? '',
    bodyHTML: fields.bodyHTML ?? '',
    senderName: fields.sender[0],
    senderEmailAddress: fields.sender[1],
    clientSubmitTime: fields.sent ?? null,
    messageDeliveryTime: null,
    numberOfRecipients: fields.recipients.length,
    getRecipient: (i: number) => {
      const r = fields.recipients[i];
      return r ? { recipientType: r[0], displayName: r[1], smtpAddress: r[2], emailAddress: r[2] } : null;
    },
    numberOfAttachments: fields.attachments?.length ?? 0,
    getAttachment: (i: number) => ({
      longFilename: fields.attachments?.[i] ?? '',
      filename: '',
      displayName: '',
    }),
  } as unknown as PSTMessage;
}

describe('a message from a .pst as the audit reads it', () => {
  it('keeps the sender, every recipient list, the subject, the body, the send time and attachment names', async () => {
    const eml = toEml(
      fakeMessage({
        subject: 'Renewal — Ünterwegs: your quote',
        body: 'Hi Dana,\nWe guarantee 100% uptime.\n',
        sender: ['Sam Ortiz', 'sam@northwind.example'],
        recipients: [
          [1, 'Lee, Dana', 'dana@initech.com'],
          [2, 'Ops', 'ops@initech.com'],
          [3, '', 'audit@northwind.example'],
        ],
        attachments: ['Initech renewal (v2).pdf'],
        sent: new Date('2026-03-04T10:20:00Z'),
      }),
    );
    const read = await parseEml(eml);
    if (!read.ok) throw new Error(read.issues.join('; '));
    const { draft } = read;
    expect(draft.subject).toBe('Renewal — Ünterwegs: your quote');
    expect(draft.body).toContain('We guarantee 100% uptime.');
    expect(draft.from).toContain('sam@northwind.example');
    expect(draft.to.join()).toContain('dana@initech.com');
    expect(draft.to).toHaveLength(1);
    expect(draft.cc.join()).toContain('ops@initech.com');
    expect(draft.bcc).toEqual(['audit@northwind.example']);
    expect(draft.attachments).toEqual([{ name: 'Initech renewal (v2).pdf' }]);
    expect(draft.now).toBe('2026-03-04T10:20:00.000Z');
  });

  it('reads the HTML body when the message has no plain text', async () => {
    const eml = toEml(
      fakeMessage({
        subject: 'Notes',
        bodyHTML: '<p>Hi Dana,</p><p>Dear valued customer, thanks.</p>',
        sender: ['Sam', 'sam@northwind.example'],
        recipients: [[1, 'Dana', 'dana@initech.com']],
      }),
    );
    const read = await parseEml(eml);
    if (!read.ok) throw new Error(read.issues.join('; '));
    expect(read.draft.body).toContain('Dear valued customer');
    expect(read.draft.now).toBeUndefined();
  });
});

describe.skipIf(!existsSync(SAMPLE))('a real Outlook export (the sample pst-extractor ships)', () => {
  const items: PstItem[] = [...readPst(SAMPLE)];
  const messages = items.filter((item) => item.kind === 'message');

  it('yields its emails folder by folder, each readable as an .eml file', async () => {
    expect(messages.length).toBeGreaterThan(0);
    expect(new Set(messages.map((m) => m.folder)).size).toBeGreaterThan(0);
    let withRecipient = 0;
    for (const m of messages) {
      const read = await parseEml(m.bytes);
      expect(read.ok, `message ${m.index}`).toBe(true);
      if (read.ok && read.draft.to.some((r) => r.includes('@'))) withRecipient++;
    }
    expect(withRecipient).toBeGreaterThan(0);
  });

  it('is audited with the same per-category counts as checking each of its messages', async () => {
    const expected: Record<string, number> = {};
    for (const category of CATEGORIES) expected[category] = 0;
    for (const m of messages) {
      const read = await parseEml(m.bytes);
      if (!read.ok) continue;
      const seen = new Set(checkDraft(read.draft).findings.map((f) => f.category));
      for (const category of seen) expected[category] = (expected[category] ?? 0) + 1;
    }
    const io = fakeIo({ 'mail/enron.pst': 'stands for the sample: the reader below opens the real file' });
    const code = await main(['audit', '--no-config', '--format', 'json', 'mail/enron.pst'], {
      io,
      check: checkDraft,
      version: '0.0.0',
      auditPst: async () => readPst(SAMPLE),
    });
    expect(stderr(io)).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout(io)) as {
      messages: number;
      outsideRange: number;
      categories: Record<string, { messages: number }>;
    };
    expect(report.messages + report.outsideRange).toBe(messages.length);
    for (const category of CATEGORIES)
      expect(report.categories[category]?.messages ?? 0, category).toBe(expected[category]);
  });
});

describe('without a .pst reader', () => {
  it('refuses a .pst with the way to convert it', async () => {
    const io = fakeIo({ 'mail.pst': 'x' });
    const code = await main(['audit', 'mail.pst'], { io, check: checkDraft, version: '0.0.0' });
    expect(code).toBe(2);
    expect(stderr(io)).toMatch(/mail\.pst: Outlook \.pst files cannot be read here.*readpst/);
  });
});
