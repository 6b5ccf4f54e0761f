import { describe, expect, it } from 'vitest';
import { splitEmail } from '../index.ts';

const partsOf = (body: string) => Object.fromEntries(splitEmail(body).map((p) => [p.part, p.text]));

describe('splitEmail', () => {
  it('finds greeting, main text, sign-off signature and Gmail quoted history', () => {
    const body =
      'Hi Dana,\n\nThe export is fixed.\n\nBest regards,\nSam Ortiz\nSupport Engineer | Ourco\n\nOn Mon, 3 Mar 2025 at 10:02, Dana <dana@northwind.example> wrote:\n> It is broken.';
    const p = partsOf(body);
    expect(p.greeting).toBe('Hi Dana,');
    expect(p.main?.trim()).toBe('The export is fixed.');
    expect(p.signature?.trim()).toBe('Best regards,\nSam Ortiz\nSupport Engineer | Ourco');
    expect(p.quoted?.startsWith('On Mon, 3 Mar 2025')).toBe(true);
  });

  it('recognises a wrapped Gmail header, Outlook headers and forwarded messages', () => {
    expect(
      partsOf('Thanks!\n\nOn Mon, 3 Mar 2025 at 10:02, Dana Whitfield <\ndana@x.example> wrote:\n> hi')
        .quoted,
    ).toMatch(/^On Mon/);
    const outlook =
      'Noted.\n\n________________________________\nFrom: Dana <dana@x.example>\nSent: Monday\nTo: Sam\nSubject: hi\n\nold text';
    expect(partsOf(outlook).quoted).toMatch(/^_{10,}\nFrom: Dana/);
    expect(partsOf('FYI\n\n---------- Forwarded message ---------\nFrom: A\nDate: B').quoted).toMatch(
      /^-+ Forwarded/,
    );
  });

  it('treats interleaved > lines as quoted and the lines between them as main text', () => {
    const parts = splitEmail('Answers inline.\n> Can you do X?\nYes.\n> And Y?\nNo.');
    expect(parts.map((p) => p.part)).toEqual(['main', 'quoted', 'main', 'quoted', 'main']);
  });

  it('uses a "-- " line as the signature start', () => {
    expect(partsOf('Hello Dana,\nAll good.\n-- \nSam').signature).toBe('-- \nSam');
  });

  it('splits a greeting that shares its line with the text', () => {
    const p = partsOf('Hi Ana, thanks for the call today.');
    expect(p.greeting).toBe('Hi Ana,');
    expect(p.main).toBe(' thanks for the call today.');
  });

  it('offsets index the original body even with invisible characters', () => {
    const body = 'Hi\u200B Dana,\nText\u00AD here.\n\nOn Tue, 4 Mar 2025, X wrote:\n> q';
    for (const p of splitEmail(body)) expect(body.slice(p.start, p.end)).toBe(p.text);
    expect(splitEmail(body).map((p) => p.part)).toEqual(['greeting', 'main', 'quoted']);
  });

  it('does not take a thank-you in the middle of the text for a signature', () => {
    const p = partsOf(
      'Hi Dana,\nThanks!\nThe export now runs nightly and the report is emailed to your team at 6am. Let me know.\n',
    );
    expect(p.signature).toBeUndefined();
  });
});
