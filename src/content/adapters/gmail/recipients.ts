// Replacing one recipient in Gmail's compose. The chip goes with its own remove control ("Remove …"), and
// the right address is pasted into the field's combobox, which PeopleKit turns into a chip (InboxSDK sets
// recipients the same way since the 2021 picker). If no chip appears, the address is typed into the
// combobox and committed with Enter; text left there uncommitted is still read as a recipient and sent.
import { queryAll, queryFirst } from '../dom.ts';
import {
  changed,
  listHolds,
  pasteText,
  pressEnter,
  type RecipientList,
  settle,
  typeAtCaret,
} from '../recipient-edit.ts';
import type { ApplyOutcome } from '../types.ts';
import { gmailRecipientElement, readRecipients } from './read-draft.ts';
import { gmailSelectors as S } from './selectors.ts';

export async function replaceGmailRecipient(
  root: Element,
  list: RecipientList,
  index: number,
  expected: string,
  replacement: string,
): Promise<ApplyOutcome> {
  const before = readRecipients(root, list);
  if (before[index] !== expected) return changed;
  const element = gmailRecipientElement(root, list, index);
  const container = queryFirst(root, S.recipientField(list));
  const input = container ? (queryFirst(container, S.recipientInput) as HTMLInputElement | null) : null;
  if (!element || !container || !input)
    return { ok: false, reason: 'this recipient field cannot be edited here' };
  const doc = root.ownerDocument;

  if (element === input) {
    // Typed and not yet a chip: the text itself is changed where it stands.
    const at = input.value.indexOf(expected);
    if (at === -1) return changed;
    input.focus();
    input.setSelectionRange(at, at + expected.length);
    if (!typeAtCaret(doc, replacement)) return { ok: false, reason: 'the page refused the edit' };
    return { ok: true };
  }

  // Everything is found before anything is removed: a recipient is never lost half way.
  const remove = queryFirst(element, S.recipientRemove) as HTMLElement | null;
  if (!remove) return { ok: false, reason: 'this address has no remove control here' };
  const others = queryAll(container, S.recipientChip).length - 1;
  remove.click();
  const removed = await settle(() => queryAll(container, S.recipientChip).length === others);
  if (!removed) return { ok: false, reason: 'Gmail did not remove the address' };

  const added = () => listHolds(readRecipients(root, list), replacement);
  input.focus();
  if (pasteText(input, replacement) && (await settle(added))) return { ok: true };
  if (!added()) {
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
    const lead = input.value.trim() ? ', ' : '';
    if (!typeAtCaret(doc, `${lead}${replacement}`)) {
      return { ok: false, reason: `the old address was removed but ${replacement} could not be typed in` };
    }
    pressEnter(input);
    await settle(added, 200);
  }
  return added()
    ? { ok: true }
    : { ok: false, reason: `the old address was removed but ${replacement} could not be typed in` };
}
