import { describe, expect, it } from 'vitest';
import { recipientAt } from './recipient-at.ts';

describe('recipientAt', () => {
  const draft = {
    to: ['Dana <dana@inltech.com>', 'pat@ourco.com'],
    cc: ['dana@inltech.com'],
    bcc: ['Dana <dana@inltech.com>'],
  };
  const text = [...draft.to, ...draft.cc, ...draft.bcc].join(', ');

  it('finds the list and index of the recipient at the offset', () => {
    expect(recipientAt(draft, { start: 0, excerpt: 'Dana <dana@inltech.com>' })).toEqual({
      list: 'to',
      index: 0,
    });
    const cc = text.indexOf('dana@inltech.com, Dana');
    expect(recipientAt(draft, { start: cc, excerpt: 'dana@inltech.com' })).toEqual({ list: 'cc', index: 0 });
    const bcc = text.lastIndexOf('Dana <');
    expect(recipientAt(draft, { start: bcc, excerpt: 'Dana <dana@inltech.com>' })).toEqual({
      list: 'bcc',
      index: 0,
    });
  });

  it('follows a recipient that moved, and gives up on one that is gone', () => {
    const moved = { to: ['pat@ourco.com'], cc: ['x@y.com', 'dana@inltech.com'], bcc: [] };
    expect(recipientAt(moved, { start: 0, excerpt: 'dana@inltech.com' })).toEqual({ list: 'cc', index: 1 });
    expect(recipientAt(moved, { start: 0, excerpt: 'gone@inltech.com' })).toBeUndefined();
  });
});
