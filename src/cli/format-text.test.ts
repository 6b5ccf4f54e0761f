import { describe, expect, it } from 'vitest';
import type { Draft, Finding } from '../engine/index.ts';
import { fieldText, formatFinding, markSpan, positionAt } from './format-text.ts';

const draft: Draft = {
  subject: 'Plan for [Company]',
  body: 'Hi Dana,\n\n😀 We guarantee uptime.\nThanks',
  to: ['Dana <dana@northwind.example>'],
  cc: ['ops@globex.example'],
  bcc: [],
  attachments: [{ name: 'Notes.pdf' }, { name: 'Globex-Plan.pdf' }],
};

const finding = (over: Partial<Finding>): Finding => ({
  ruleId: 'overcommitment/guarantee',
  category: 'overcommitment',
  severity: 'block',
  message: 'An absolute promise.',
  clause: 'Honest',
  field: 'body',
  start: 0,
  end: 0,
  excerpt: '',
  ...over,
});

describe('positionAt', () => {
  it('gives 1-based lines and columns counted in characters', () => {
    const at = draft.body.indexOf('guarantee');
    expect(positionAt(draft.body, at)).toMatchObject({ line: 3, column: 6 });
    expect(positionAt(draft.body, 0)).toMatchObject({ line: 1, column: 1 });
    expect(positionAt(draft.body, draft.body.length)).toMatchObject({ line: 4, column: 7 });
    expect(positionAt('a\n', 2)).toMatchObject({ line: 2, column: 1 });
  });
});

describe('fieldText', () => {
  it('joins recipients and attachments by ", "', () => {
    expect(fieldText(draft, 'recipients')).toBe('Dana <dana@northwind.example>, ops@globex.example');
    expect(fieldText(draft, 'attachments')).toBe('Notes.pdf, Globex-Plan.pdf');
  });
});

describe('markSpan', () => {
  it('marks the span under the line, counting a surrogate pair as one column', () => {
    const start = draft.body.indexOf('guarantee');
    expect(markSpan(draft.body, start, start + 9)).toEqual({
      line: '😀 We guarantee uptime.',
      marker: '     ^^^^^^^^^',
    });
  });

  it('stops the marker at the end of the line for a multi-line span and shows one caret for an empty span', () => {
    expect(markSpan('ab\ncd', 1, 5).marker).toBe(' ^');
    expect(markSpan('abc', 1, 1).marker).toBe(' ^');
  });

  it('shortens a very long line around the span', () => {
    const text = `${'x'.repeat(300)}TARGET${'y'.repeat(300)}`;
    const { line, marker } = markSpan(text, 300, 306);
    expect(line.length).toBeLessThan(120);
    expect(line.slice(marker.indexOf('^'), marker.length)).toBe('TARGET');
  });
});

describe('formatFinding', () => {
  it('names the field for recipients and attachments', () => {
    const recipients = fieldText(draft, 'recipients');
    const start = recipients.indexOf('ops@globex.example');
    const text = formatFinding(
      'mail.eml',
      draft,
      finding({
        category: 'cross-account',
        field: 'recipients',
        start,
        end: start + 18,
        message: 'Two accounts.',
      }),
      { color: false },
    );
    expect(text).toContain(`mail.eml:1:${start + 1} (recipients)  BLOCK  cross-account  Two accounts.`);
    expect(text).toContain('    recipients | Dana <dana@northwind.example>, ops@globex.example\n');
    expect(text).toContain(`               | ${' '.repeat(start)}${'^'.repeat(18)}\n`);

    const attachment = formatFinding(
      'mail.eml',
      draft,
      finding({ field: 'attachments', start: 11, end: 26, severity: 'warn' }),
      { color: false },
    );
    expect(attachment).toContain('mail.eml:1:12 (attachments)  WARN');
    expect(attachment).not.toContain('suggestion:');
  });
});
