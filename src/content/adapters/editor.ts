// Reading and editing a site's editor the way the person does: text through the offset map, changes only
// through the editor's own input path (selection + insertText), so the site's undo and its model see them.
import { buildTextMap, type MapNode, rangeFor, type TextMap } from '../text-map.ts';
import type { ApplyOutcome, EditableField } from './types.ts';

function isHiddenInEditor(node: MapNode): boolean {
  const attr = node.getAttribute?.bind(node);
  return (
    !!attr &&
    (attr('hidden') !== null || attr('aria-hidden') === 'true' || attr('data-preflight-root') !== null)
  );
}

/** The editor's text with its map to the DOM (paragraphs separated by \n, quote and signature included). */
export function mapEditor(editor: Element): TextMap {
  return buildTextMap(editor as unknown as MapNode, { skip: isHiddenInEditor });
}

export function editorText(editor: Element | null): string {
  return editor ? mapEditor(editor).text : '';
}

/**
 * Replaces [start, end) of a field with `text`, after checking that `expected` is still what stands there:
 * a suggestion is never applied to offsets from an older version of the text.
 */
export function applyToField(
  field: EditableField,
  target: { editor: HTMLElement | null; subject: HTMLInputElement | null },
  start: number,
  end: number,
  expected: string,
  text: string,
): ApplyOutcome {
  if (field === 'subject') {
    const input = target.subject;
    if (!input) return { ok: false, reason: 'the subject field is gone' };
    if (input.value.slice(start, end) !== expected) return { ok: false, reason: 'the text has changed' };
    input.focus();
    input.setSelectionRange(start, end);
    return insert(input.ownerDocument, text)
      ? { ok: true }
      : { ok: false, reason: 'the page refused the edit' };
  }
  const editor = target.editor;
  if (!editor) return { ok: false, reason: 'the editor is gone' };
  const map = mapEditor(editor);
  if (map.text.slice(start, end) !== expected) return { ok: false, reason: 'the text has changed' };
  const doc = editor.ownerDocument;
  const range = rangeFor(map, start, end, doc);
  if (!range) return { ok: false, reason: 'the text has changed' };
  editor.focus({ preventScroll: true });
  const selection = doc.getSelection();
  if (!selection) return { ok: false, reason: 'no selection in this page' };
  selection.removeAllRanges();
  selection.addRange(range);
  return insert(doc, text) ? { ok: true } : { ok: false, reason: 'the page refused the edit' };
}

function insert(doc: Document, text: string): boolean {
  // execCommand is deprecated but it is the one path that goes through the browser's editing pipeline:
  // it fires beforeinput/input, keeps the native undo stack, and leaves the site's model in charge.
  // An empty suggestion deletes the selection.
  return text === '' ? doc.execCommand('delete', false) : doc.execCommand('insertText', false, text);
}
