// Where things are on screen. Everything here reads layout; the overlay calls it once per animation frame,
// after all its writes, so typing never pays for a forced layout per keystroke.

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export function toBox(rect: { left: number; top: number; right: number; bottom: number }): Box {
  return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
}

export function intersect(a: Box, b: Box): Box | null {
  const box = {
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  };
  return box.right > box.left && box.bottom > box.top ? box : null;
}

export function contains(box: Box, x: number, y: number, slop = 0): boolean {
  return x >= box.left - slop && x <= box.right + slop && y >= box.top - slop && y <= box.bottom + slop;
}

/** Fragments on one line (a word split over several text nodes or inline elements) become one box. */
export function mergeLines(boxes: readonly Box[]): Box[] {
  const out: Box[] = [];
  for (const box of [...boxes].sort((a, b) => a.top - b.top || a.left - b.left)) {
    const last = out[out.length - 1];
    const sameLine =
      last &&
      Math.abs(last.top - box.top) < 3 &&
      Math.abs(last.bottom - box.bottom) < 3 &&
      box.left <= last.right + 2;
    if (last && sameLine) {
      last.right = Math.max(last.right, box.right);
      last.left = Math.min(last.left, box.left);
    } else out.push({ ...box });
  }
  return out;
}

/** The text boxes of a range, one per line: only text, never the boxes of whole elements it crosses. */
export function rangeBoxes(range: Range): Box[] {
  const boxes: Box[] = [];
  const push = (list: DOMRectList) => {
    for (const rect of list) if (rect.width > 0 && rect.height > 0) boxes.push(toBox(rect));
  };
  if (range.startContainer === range.endContainer && range.startContainer.nodeType === Node.TEXT_NODE) {
    push(range.getClientRects());
    return mergeLines(boxes);
  }
  const doc = range.startContainer.ownerDocument;
  const rootNode = range.commonAncestorContainer;
  if (!doc) return [];
  const walker = doc.createTreeWalker(rootNode, NodeFilter.SHOW_TEXT);
  const part = doc.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!range.intersectsNode(node)) continue;
    const text = node as Text;
    part.setStart(text, node === range.startContainer ? range.startOffset : 0);
    part.setEnd(text, node === range.endContainer ? range.endOffset : text.length);
    if (!part.collapsed) push(part.getClientRects());
  }
  return mergeLines(boxes);
}

/** The part of the viewport where the editor's text can be seen: the editor clipped by every scroller. */
export function visibleArea(editor: Element): Box | null {
  const view = editor.ownerDocument.defaultView;
  if (!view) return null;
  let area: Box | null = toBox(editor.getBoundingClientRect());
  area = intersect(area, { left: 0, top: 0, right: view.innerWidth, bottom: view.innerHeight });
  for (let el = editor.parentElement; el && area; el = el.parentElement) {
    if (el === editor.ownerDocument.documentElement || el === editor.ownerDocument.body) break;
    const style = view.getComputedStyle(el);
    if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
      area = intersect(area, toBox(el.getBoundingClientRect()));
    }
  }
  return area;
}

let canvas: HTMLCanvasElement | undefined;

/**
 * Boxes of [start, end) of a text input's value. A Range cannot reach into an input, so the text's width is
 * measured with a canvas in the input's own font; null when the input is not shown.
 */
export function inputTextBox(input: HTMLInputElement, start: number, end: number): Box | null {
  const rect = input.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) return null;
  const view = input.ownerDocument.defaultView;
  if (!view) return null;
  const style = view.getComputedStyle(input);
  canvas ??= input.ownerDocument.createElement('canvas');
  const context = canvas.getContext('2d');
  const left = rect.left + Number.parseFloat(style.borderLeftWidth) + Number.parseFloat(style.paddingLeft);
  const inner = {
    left,
    top: rect.top,
    right: rect.right - Number.parseFloat(style.paddingRight),
    bottom: rect.bottom,
  };
  if (!context) return inner;
  context.font = style.font || `${style.fontSize} ${style.fontFamily}`;
  const x0 = left - input.scrollLeft + context.measureText(input.value.slice(0, start)).width;
  const x1 = left - input.scrollLeft + context.measureText(input.value.slice(0, end)).width;
  const fontSize = Number.parseFloat(style.fontSize) || 14;
  const middle = rect.top + rect.height / 2;
  return intersect(
    { left: x0, right: Math.max(x1, x0 + 4), top: middle - fontSize * 0.6, bottom: middle + fontSize * 0.6 },
    inner,
  );
}
