// Replacing one recipient in Outlook's compose. The wells are contenteditable with chips as
// `contenteditable="false"` children: the chip is selected and the right address typed over it through the
// browser's editing pipeline (so Ctrl+Z in the well brings it back), then Enter asks the picker to resolve it
// into a chip. Text the picker leaves unresolved is still read as a recipient and goes out with the email.
import { queryAll } from '../dom.ts';
import {
  changed,
  listHolds,
  pressEnter,
  type RecipientList,
  settle,
  typeAtCaret,
} from '../recipient-edit.ts';
import type { ApplyOutcome } from '../types.ts';
import { outlookRecipientElement, readWells } from './read-draft.ts';
import { outlookSelectors as S } from './selectors.ts';

export async function replaceOutlookRecipient(
  root: Element,
  list: RecipientList,
  index: number,
  expected: string,
  replacement: string,
): Promise<ApplyOutcome> {
  if (readWells(root)[list][index] !== expected) return changed;
  const well = queryAll(root, S.wells)[['to', 'cc', 'bcc'].indexOf(list)] as HTMLElement | undefined;
  const element = outlookRecipientElement(root, list, index);
  if (!well || !element) return { ok: false, reason: 'this recipient field cannot be edited here' };
  const doc = root.ownerDocument;
  const selection = doc.getSelection();
  if (!selection) return { ok: false, reason: 'no selection in this page' };
  const range = doc.createRange();
  if (element === well) {
    // Typed and not yet a chip: the typed text itself is selected.
    const found = textRange(well, expected, doc);
    if (!found) return changed;
    range.setStart(found.startContainer, found.startOffset);
    range.setEnd(found.endContainer, found.endOffset);
  } else range.selectNode(element);
  well.focus({ preventScroll: true });
  selection.removeAllRanges();
  selection.addRange(range);
  if (!typeAtCaret(doc, replacement)) return { ok: false, reason: 'the page refused the edit' };
  const added = () => listHolds(readWells(root)[list], replacement);
  pressEnter(well);
  await settle(added, 200);
  return added() ? { ok: true } : { ok: false, reason: `${replacement} could not be typed in` };
}

/** The range of `text` in the well's own text nodes (typed text, not chips). */
function textRange(well: Element, text: string, doc: Document): Range | null {
  for (const node of well.childNodes) {
    if (node.nodeType !== Node.TEXT_NODE) continue;
    const at = (node.textContent ?? '').indexOf(text);
    if (at === -1) continue;
    const range = doc.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    return range;
  }
  return null;
}
