import { describe, expect, it } from 'vitest';
import { buildTextMap, type MapNode } from './text-map.ts';

// Plain trees with the shape of DOM nodes: the unit project runs in node, with no DOM.
type Tree = MapNode & { childNodes: Tree[]; attrs: Record<string, string> };

function el(name: string, ...children: Array<Tree | string>): Tree {
  return {
    nodeType: 1,
    nodeName: name.toUpperCase(),
    nodeValue: null,
    attrs: {},
    childNodes: children.map((c) => (typeof c === 'string' ? t(c) : c)),
    getAttribute(attr) {
      return this.attrs[attr] ?? null;
    },
  } as Tree;
}
function t(text: string): Tree {
  return { nodeType: 3, nodeName: '#text', nodeValue: text, childNodes: [], attrs: {} };
}
const br = () => el('br');

/** The text each [start, end) maps back to, read from the tree: it must equal the text's own slice. */
function textAt(map: ReturnType<typeof buildTextMap>, start: number, end: number): string {
  const span = map.span(start, end);
  if (!span) return '';
  const nodes: Tree[] = [];
  const collect = (n: Tree) => {
    if (n.nodeType === 3) nodes.push(n);
    for (const c of n.childNodes) collect(c);
  };
  collect(rootOf.get(map) as Tree);
  const a = nodes.indexOf(span.start.node as Tree);
  const b = nodes.indexOf(span.end.node as Tree);
  if (a === b) return (nodes[a]?.nodeValue ?? '').slice(span.start.offset, span.end.offset);
  let out = (nodes[a]?.nodeValue ?? '').slice(span.start.offset);
  for (let i = a + 1; i < b; i++) out += nodes[i]?.nodeValue ?? '';
  return out + (nodes[b]?.nodeValue ?? '').slice(0, span.end.offset);
}
const rootOf = new WeakMap<object, Tree>();
function map(root: Tree) {
  const m = buildTextMap(root);
  rootOf.set(m, root);
  return m;
}

describe('text map: text', () => {
  it('separates block paragraphs with one newline, as a person sees them', () => {
    expect(map(el('div', el('div', 'Hi Dana,'), el('div', 'We guarantee it.'))).text).toBe(
      'Hi Dana,\nWe guarantee it.',
    );
  });

  it('turns an empty paragraph (a <div><br></div>) into one blank line, and <br> into a newline', () => {
    const root = el('div', el('div', 'a'), el('div', br()), el('div', 'b', br(), 'c'));
    expect(map(root).text).toBe('a\n\nb\nc');
  });

  it('adds no line for a trailing <br> that only keeps a paragraph open', () => {
    expect(map(el('div', el('div', 'a', br()), el('div', 'b'))).text).toBe('a\nb');
  });

  it('keeps nested blocks, the signature dashes and the quote attribution on their own lines', () => {
    const root = el(
      'div',
      el('div', 'Thanks'),
      el('div', br()),
      el('span', '-- '),
      br(),
      el('div', el('div', 'Sam Ortiz', el('div', 'Customer Success Manager'))),
      br(),
      el(
        'div',
        el('div', 'On Mon, Nov 23, 2026 at 9:14 AM Maya <', el('a', 'maya@x.example'), '> wrote:', br()),
        el('blockquote', el('div', el('div', 'Hi Sam,'), el('div', br()), el('div', 'We need SSO.'))),
      ),
    );
    expect(map(root).text).toBe(
      'Thanks\n\n-- \nSam Ortiz\nCustomer Success Manager\n\nOn Mon, Nov 23, 2026 at 9:14 AM Maya <maya@x.example> wrote:\nHi Sam,\n\nWe need SSO.',
    );
  });

  it('ignores source formatting between tags, scripts and styles, and keeps NBSP as typed', () => {
    const root = el('div', t('\n  '), el('div', 'a\u00a0b'), t('\n'), el('style', 'x{}'), el('p', 'c'));
    expect(map(root).text).toBe('a\u00a0b\nc');
  });

  it('leaves out what the caller skips', () => {
    const hidden = el('div', 'hidden');
    const m = buildTextMap(el('div', el('div', 'a'), hidden, el('div', 'b')), {
      skip: (n) => n === hidden,
    });
    expect(m.text).toBe('a\nb');
  });
});

describe('text map: offsets back to the DOM', () => {
  it('maps every word of every paragraph back to the characters it came from', () => {
    const root = el(
      'div',
      el('div', 'Hi ', el('b', 'Dana'), ','),
      el('div', br()),
      el('div', 'We ', el('span', 'guar'), 'antee 100% uptime.'),
      el('div', el('div', 'Nested ', el('div', 'deeper'))),
    );
    const m = map(root);
    for (const word of m.text.match(/[^\s]+/g) ?? []) {
      const start = m.text.indexOf(word);
      expect(textAt(m, start, start + word.length)).toBe(word);
    }
    const at = m.text.indexOf('guarantee');
    expect(textAt(m, at, at + 'guarantee 100%'.length)).toBe('guarantee 100%');
  });

  it('counts UTF-16 code units: offsets after an emoji still land on the right word', () => {
    const m = map(
      el('div', el('div', 'Great news 🎉 we guarantee uptime'), el('div', '👍🏽 [Customer Name]')),
    );
    const g = m.text.indexOf('guarantee');
    expect(g).toBe('Great news 🎉 we '.length);
    expect(textAt(m, g, g + 9)).toBe('guarantee');
    const p = m.text.indexOf('[Customer Name]');
    expect(textAt(m, p, p + 15)).toBe('[Customer Name]');
    expect(textAt(m, p - 5, p - 1)).toBe('👍🏽');
  });

  it('keeps NBSP one for one, as contenteditable writes typed double spaces', () => {
    const m = map(el('div', el('div', 'we\u00a0 guarantee')));
    const g = m.text.indexOf('guarantee');
    expect(textAt(m, g, g + 9)).toBe('guarantee');
    expect(textAt(m, 0, 4)).toBe('we\u00a0 ');
  });

  it('spans across paragraphs, and trims line breaks at the edges of a span', () => {
    const m = map(el('div', el('div', 'one'), el('div', 'two')));
    expect(textAt(m, 0, 7)).toBe('onetwo');
    const span = m.span(3, 4);
    expect(span).toBeNull(); // only the line break
    expect(textAt(m, 3, 7)).toBe('two');
  });

  it('refuses offsets outside the text', () => {
    const m = map(el('div', 'abc'));
    expect(m.span(2, 9)).toBeNull();
    expect(m.span(-1, 2)).toBeNull();
    expect(m.span(2, 2)).toBeNull();
  });

  it('splits text across adjacent text nodes at the right place', () => {
    const m = map(el('div', 'ab', 'cd', 'ef'));
    expect(m.text).toBe('abcdef');
    expect(textAt(m, 1, 5)).toBe('bcde');
    expect(m.endPoint(2)).toMatchObject({ offset: 2 });
    expect(m.startPoint(2)).toMatchObject({ offset: 0 });
  });
});
