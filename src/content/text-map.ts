// The editor's text as the engine reads it (paragraphs separated by \n), with a map from every offset back
// to the DOM, so a finding's [start, end) becomes a Range over exactly the characters the person typed.
// The walk follows what the editor shows line by line (as Chromium's innerText does), not innerText itself:
// innerText gives no offsets, and it forces a layout on every call.

/** The parts of a DOM node the walk reads: real DOM nodes satisfy it, and so do plain test trees. */
export interface MapNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly nodeValue: string | null;
  readonly childNodes: ArrayLike<MapNode>;
  getAttribute?(name: string): string | null;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'TR',
  'UL',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'TITLE', 'IMG', 'svg']);

/** A run of output characters that come one for one from a text node. */
interface Segment {
  /** Output offsets [start, end). */
  readonly start: number;
  readonly end: number;
  readonly node: MapNode;
  /** Offset in the text node of the segment's first character. */
  readonly nodeOffset: number;
}

export interface DomPoint {
  readonly node: MapNode;
  readonly offset: number;
}

export interface TextMap {
  readonly text: string;
  /** Where output offset `offset` begins, as a start boundary: the next typed character at or after it. */
  startPoint(offset: number): DomPoint | null;
  /** Where output offset `offset` ends, as an end boundary: just after the typed character before it. */
  endPoint(offset: number): DomPoint | null;
  /** Both ends, or null when the span holds no typed character. */
  span(start: number, end: number): { start: DomPoint; end: DomPoint } | null;
}

export interface TextMapOptions {
  /** Elements to leave out (hidden UI inside the editor); their text is not part of the email. */
  skip?(element: MapNode): boolean;
}

export function buildTextMap(root: MapNode, options: TextMapOptions = {}): TextMap {
  const parts: string[] = [];
  const segments: Segment[] = [];
  let length = 0;
  // Line breaks owed by block boundaries: at most one, written only before the next content, so empty
  // blocks and the editor's edges add none (innerText's "required line break count").
  let owed = false;
  let atLineStart = true;

  const emit = (text: string) => {
    parts.push(text);
    length += text.length;
  };
  const flush = () => {
    if (owed && length > 0) emit('\n');
    owed = false;
  };
  const boundary = () => {
    if (!atLineStart) owed = true;
  };

  const walk = (node: MapNode) => {
    if (node.nodeType === TEXT_NODE) {
      const raw = node.nodeValue ?? '';
      // Source formatting between tags (a newline and indentation) is not text anyone typed.
      if (raw === '' || (/^[ \t\r\n]*$/.test(raw) && /[\r\n]/.test(raw))) return;
      flush();
      // One output character per UTF-16 code unit keeps the map trivial; tabs and stray newlines show
      // as spaces in a contenteditable that does not preserve them.
      const text = raw.replace(/[\t\r\n]/g, ' ');
      segments.push({ start: length, end: length + text.length, node, nodeOffset: 0 });
      emit(text);
      atLineStart = false;
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name) || SKIPPED.has(node.nodeName) || options.skip?.(node)) return;
    if (name === 'BR') {
      flush();
      emit('\n');
      atLineStart = true;
      return;
    }
    const block = BLOCK.has(name);
    if (block) boundary();
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) walk(children[i] as MapNode);
    if (block) boundary();
  };

  const children = root.childNodes;
  for (let i = 0; i < children.length; i++) walk(children[i] as MapNode);
  const text = parts.join('');

  // Segments are in output order: binary search for the one holding or following an offset.
  const firstEndingAfter = (offset: number): number => {
    let lo = 0;
    let hi = segments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((segments[mid] as Segment).end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const startPoint = (offset: number): DomPoint | null => {
    const i = firstEndingAfter(offset);
    const seg = segments[i];
    if (!seg) return null;
    const at = Math.max(offset, seg.start);
    return { node: seg.node, offset: seg.nodeOffset + (at - seg.start) };
  };

  const endPoint = (offset: number): DomPoint | null => {
    // The last segment starting before the offset.
    let i = firstEndingAfter(offset);
    if (i >= segments.length || (segments[i] as Segment).start >= offset) i -= 1;
    const seg = segments[i];
    if (!seg) return null;
    const at = Math.min(offset, seg.end);
    return { node: seg.node, offset: seg.nodeOffset + (at - seg.start) };
  };

  return {
    text,
    startPoint,
    endPoint,
    span(start, end) {
      if (!(start >= 0 && end > start && end <= text.length)) return null;
      const a = startPoint(start);
      const b = endPoint(end);
      if (!a || !b) return null;
      const aSeg = segments[firstEndingAfter(start)] as Segment;
      // Nothing typed inside the span (only line breaks): no range.
      if (aSeg.start >= end) return null;
      return { start: a, end: b };
    },
  };
}

/** A DOM Range over [start, end) of the mapped text, or null when the offsets no longer fit. */
export function rangeFor(map: TextMap, start: number, end: number, doc: Document): Range | null {
  const span = map.span(start, end);
  if (!span) return null;
  const range = doc.createRange();
  try {
    range.setStart(span.start.node as Node, span.start.offset);
    range.setEnd(span.end.node as Node, span.end.offset);
  } catch {
    return null;
  }
  return range;
}
