import { describe, expect, it } from 'vitest';
import type { Finding } from '../../engine/schemas/finding.ts';
import { dismissalKey } from './findings.ts';
import {
  findingAt,
  sameFinding,
  sameText,
  shownFindings,
  stillMatches,
  type Tracked,
  trackFindings,
} from './tracked.ts';

function finding(partial: Partial<Finding>): Finding {
  return {
    ruleId: 'tone/already-said',
    category: 'tone',
    severity: 'warn',
    message: 'm',
    clause: 'c',
    field: 'body',
    start: 0,
    end: 1,
    excerpt: 'a',
    ...partial,
  };
}

const body = 'Hello Ana, as I already said the price is final.';
const subject = 'Re: [Name] renewal';

describe('tracking the findings of a check', () => {
  const inBody = finding({ start: 11, end: 28, excerpt: 'as I already said' });
  const inSubject = finding({
    ruleId: 'placeholder/template-field',
    severity: 'block',
    field: 'subject',
    start: 4,
    end: 10,
    excerpt: '[Name]',
  });
  const onRecipient = finding({
    ruleId: 'recipients/new-domain',
    field: 'recipients',
    excerpt: 'x@new.example',
  });

  it('keeps the text each finding was computed on, from its own field', () => {
    const ranges: Array<[number, number]> = [];
    const tracked = trackFindings([inBody, inSubject, onRecipient], {
      body,
      subject,
      rangeOf: (start, end) => {
        ranges.push([start, end]);
        return undefined;
      },
    });
    expect(tracked.map((t) => t.expected)).toEqual(['as I already said', '[Name]', 'x@new.example']);
    // Only a body finding gets a live range.
    expect(ranges).toEqual([[11, 28]]);
    // Keys are distinct per finding, and stable for the same result.
    expect(new Set(tracked.map((t) => t.key)).size).toBe(3);
    expect(
      trackFindings([inBody, inSubject, onRecipient], { body, subject, rangeOf: () => undefined }),
    ).toEqual(tracked);
  });

  it('falls back to the excerpt for a body finding when the editor has no map', () => {
    const [t] = trackFindings([inBody], { body: null, subject, rangeOf: () => undefined });
    expect(t?.expected).toBe('as I already said');
    expect(t?.range).toBeUndefined();
  });

  it('two findings of one rule at different places get different keys', () => {
    const twice = [inBody, { ...inBody, start: 30, end: 35 }];
    const [a, b] = trackFindings(twice, { body, subject, rangeOf: () => undefined });
    expect(a?.key).not.toBe(b?.key);
  });
});

describe('which findings are drawn', () => {
  const warn = finding({ excerpt: 'as I already said', start: 11, end: 28 });
  const block = finding({ ruleId: 'placeholder/template-field', severity: 'block', excerpt: '[Name]' });
  const tracked = trackFindings([warn, block], { body, subject, rangeOf: () => undefined });

  it('draws everything when nothing was dismissed or fixed', () => {
    expect(shownFindings(tracked, new Set(), new Set())).toEqual(tracked);
  });

  it('hides a dismissed warning but never a dismissed blocking finding', () => {
    const dismissed = new Set([dismissalKey(warn), dismissalKey(block)]);
    expect(shownFindings(tracked, dismissed, new Set()).map((t) => t.finding)).toEqual([block]);
  });

  it('hides a finding whose fix was applied, until the next check', () => {
    const applied = new Set([tracked[1]?.key ?? '']);
    expect(shownFindings(tracked, new Set(), applied).map((t) => t.finding)).toEqual([warn]);
  });
});

describe('the same finding from another check', () => {
  const a = finding({ start: 3, end: 9 });
  it('matches on rule, field and offsets, not on the message', () => {
    expect(sameFinding(a, { ...a, message: 'other words' })).toBe(true);
    expect(sameFinding(a, { ...a, end: 10 })).toBe(false);
    expect(sameFinding(a, { ...a, field: 'subject' })).toBe(false);
    expect(sameFinding(a, { ...a, ruleId: 'tone/other' })).toBe(false);
  });
});

describe('whether flagged text still stands', () => {
  it('ignores the spacing between paragraphs but not the words', () => {
    expect(sameText('as I\nalready  said', 'as I already said')).toBe(true);
    expect(sameText('as I already sad', 'as I already said')).toBe(false);
  });

  const rangeOver = (text: string, options: { collapsed?: boolean; connected?: boolean } = {}) =>
    ({
      collapsed: options.collapsed ?? false,
      startContainer: { isConnected: options.connected ?? true },
      toString: () => text,
    }) as unknown as Range;
  const t = (range?: Range): Tracked => ({
    key: 'k',
    finding: finding({}),
    expected: 'as I already said',
    range,
  });

  it('holds while the range covers the same words', () => {
    expect(stillMatches(t(rangeOver('as I already said')))).toBe(true);
  });

  it('does not hold once the words changed, the range collapsed or its text left the page', () => {
    expect(stillMatches(t(rangeOver('as I said')))).toBe(false);
    expect(stillMatches(t(rangeOver('', { collapsed: true })))).toBe(false);
    expect(stillMatches(t(rangeOver('as I already said', { connected: false })))).toBe(false);
    expect(stillMatches(t())).toBe(false);
  });
});

describe('which finding a point is on', () => {
  const lines = new Map([
    ['first', [{ left: 10, top: 10, right: 100, bottom: 24 }]],
    [
      'second',
      [
        { left: 90, top: 40, right: 300, bottom: 54 },
        { left: 10, top: 58, right: 60, bottom: 72 },
      ],
    ],
  ]);

  it('finds the finding under the point, on any of its lines', () => {
    expect(findingAt(lines, 50, 17)).toBe('first');
    expect(findingAt(lines, 200, 47)).toBe('second');
    expect(findingAt(lines, 30, 65)).toBe('second');
  });

  it('allows a pixel of slop around the text and nothing more', () => {
    expect(findingAt(lines, 101, 17)).toBe('first');
    expect(findingAt(lines, 103, 17)).toBeNull();
    expect(findingAt(lines, 50, 30)).toBeNull();
  });

  it('finds nothing when nothing is drawn', () => {
    expect(findingAt(new Map(), 50, 17)).toBeNull();
  });
});
