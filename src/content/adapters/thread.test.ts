import { describe, expect, it } from 'vitest';
import { addressIn, parseMailDate, parseSeverity } from './thread.ts';

const local = (y: number, mo: number, d: number, h: number, m: number) =>
  new Date(y, mo - 1, d, h, m).getTime();

describe('parseMailDate', () => {
  it.each([
    ['Mon, Nov 23, 2026, 9:14 AM', local(2026, 11, 23, 9, 14)],
    ['Mon, Nov 23, 2026, 12:05 PM', local(2026, 11, 23, 12, 5)],
    ['Tue, Dec 1, 2026, 12:30 AM', local(2026, 12, 1, 0, 30)],
    ['Mon, Nov 23, 2026, 9:14\u202fPM', local(2026, 11, 23, 21, 14)],
    ['23 Nov 2026, 09:14', local(2026, 11, 23, 9, 14)],
    ['Monday, November 23, 2026 9:14 AM', local(2026, 11, 23, 9, 14)],
    ['Mon 11/23/2026 9:14 AM', local(2026, 11, 23, 9, 14)],
    ['2026-11-23 17:40', local(2026, 11, 23, 17, 40)],
  ])('reads %s', (text, expected) => {
    expect(parseMailDate(text)?.getTime()).toBe(expected);
  });

  it.each([
    ['Nov 23', 'no year'],
    ['Mon, Nov 23, 2026', 'no time'],
    ['Nov 31, 2026, 9:14 AM', 'no such day'],
    ['3 days ago', 'relative'],
    ['', 'empty'],
    ['Mon, Nov 23, 2026, 13:14 PM', 'not a 12-hour time'],
  ])('leaves %s out (%s)', (text) => {
    expect(parseMailDate(text)).toBeNull();
  });
});

describe('parseSeverity', () => {
  it.each([
    ['[Sev 2] Export failing', 2],
    ['Severity: 1 outage', 1],
    ['SEV-3 slow dashboards', 3],
    ['[P4] question', 4],
  ])('reads %s', (text, expected) => {
    expect(parseSeverity(text)).toBe(expected);
  });
  it.each(['Re: Q3 rollout plan', 'P2 of the plan', 'severe weather on day 2', 'Sev 5'])(
    'finds none in %s',
    (text) => {
      expect(parseSeverity(text)).toBeUndefined();
    },
  );
});

describe('addressIn', () => {
  it('finds the address in a display string', () => {
    expect(addressIn('Maya Chen <Maya.Chen@contoso-health.example>')).toBe(
      'maya.chen@contoso-health.example',
    );
    expect(addressIn('Maya Chen')).toBe('');
  });
});
