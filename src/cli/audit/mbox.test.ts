import { describe, expect, it } from 'vitest';
import { isFromLine, type MboxItem, splitMbox, unescapeFrom } from './mbox.ts';

const enc = (text: string) => new TextEncoder().encode(text);
const dec = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
}

async function split(bytes: Uint8Array, size = 1 << 20, maxMessageBytes?: number): Promise<MboxItem[]> {
  const items: MboxItem[] = [];
  for await (const item of splitMbox(chunked(bytes, size), { maxMessageBytes })) items.push(item);
  return items;
}

const messages = (items: MboxItem[]) =>
  items.flatMap((item) => (item.kind === 'message' ? [dec(item.bytes)] : []));

const A = 'From: ann@acme.example\nSubject: one\n\nHello.\n';
const B = 'From: bob@acme.example\nSubject: two\n\nFrom here on, thanks.\n>From the notes.\n';
const SEP = 'From ann@acme.example Thu Jan  4 10:20:30 2024\n';

/** An mboxrd file as Takeout writes it: separator, ">From " escaped, a blank line after each message. */
function mbox(bodies: string[], eol = '\n'): string {
  return bodies
    .map((body) => `${SEP}${body.replace(/^(>*From )/gm, '>$1')}\n`)
    .join('')
    .replace(/\n/g, eol);
}

describe('splitMbox', () => {
  it('cuts messages at "From " lines and gives each back as the .eml it was', async () => {
    const items = await split(enc(mbox([A, B])));
    expect(messages(items)).toEqual([A, B]);
    expect(items.map((item) => item.kind === 'message' && item.index)).toEqual([1, 2]);
    expect(items[0]?.offset).toBe(0);
    expect(items[1]?.offset).toBe(SEP.length + A.length + 1);
  });

  it('unescapes >From lines (one ">" less) and leaves other quoting alone', async () => {
    const [message] = messages(await split(enc(mbox([B]))));
    expect(message).toContain('\nFrom here on, thanks.\n>From the notes.\n');
    expect(dec(unescapeFrom(enc('>From a\n>>From b\n> From c\n>Fromage\n')))).toBe(
      'From a\n>From b\n> From c\n>Fromage\n',
    );
  });

  it('reads CRLF files the same, keeping the CRLF line ends in the message', async () => {
    const items = await split(enc(mbox([A, B], '\r\n')));
    expect(messages(items)).toEqual([A.replace(/\n/g, '\r\n'), B.replace(/\n/g, '\r\n')]);
  });

  it('finds the same messages whatever the chunk size (separators across chunk edges)', async () => {
    const bytes = enc(mbox([A, B, A, B, A]));
    const whole = messages(await split(bytes));
    expect(whole).toHaveLength(5);
    for (const size of [1, 2, 3, 5, 7, 13, 64])
      expect(messages(await split(bytes, size)), `${size}`).toEqual(whole);
  });

  it('does not split at body lines that start with "From " but are not separators', async () => {
    const unescaped = `${SEP}From: a@b.example\n\nHi,\n\nFrom our side, all is well.\nFrom 9 to 5 daily.\n`;
    expect(messages(await split(enc(unescaped)))).toHaveLength(1);
    expect(isFromLine('From MAILER-DAEMON Fri Jul  8 12:08:34 2011')).toBe(true);
    expect(isFromLine('From 1789012345678@xxx Tue Mar 05 10:20:30 +0000 2024')).toBe(true);
    expect(isFromLine('From our side, all is well.')).toBe(false);
  });

  it('counts and skips binary bytes in the middle; the messages around them are read', async () => {
    const garbage = new Uint8Array(4000);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919) % 256;
    const first = enc(mbox([A]));
    const rest = enc(mbox([B, A]));
    const bytes = new Uint8Array([...first, ...garbage, 0x0a, ...rest]);
    for (const size of [1 << 20, 333]) {
      const items = await split(bytes, size);
      expect(messages(items)).toEqual([A, B, A]);
      const junk = items.filter((item) => item.kind === 'unreadable');
      expect(junk).toHaveLength(1);
      expect(junk[0]).toMatchObject({
        index: 1,
        offset: first.length,
        reason: expect.stringContaining('binary'),
      });
      expect(junk[0]?.kind === 'unreadable' && junk[0].length).toBe(garbage.length + 1);
    }
  });

  it('reports bytes before the first "From " line, and a file with no separator at all', async () => {
    const items = await split(enc(`not mail at all\n${mbox([A])}`));
    expect(items[0]).toMatchObject({ kind: 'unreadable', index: 0, offset: 0, length: 16 });
    expect(messages(items)).toEqual([A]);
    const none = await split(enc('just some text\nwith lines\n'));
    expect(none.map((item) => item.kind)).toEqual(['unreadable']);
    expect(await split(enc('\n\n'))).toEqual([]);
  });

  it('skips a message larger than the limit without holding it, and reads the next', async () => {
    const big = `From: a@b.example\n\n${'x'.repeat(200)}\n`.repeat(50);
    const items = await split(enc(mbox([A, big, B])), 100, 2000);
    expect(messages(items)).toEqual([A, B]);
    expect(items[1]).toMatchObject({
      kind: 'unreadable',
      index: 2,
      reason: expect.stringContaining('larger'),
    });
  });
});
