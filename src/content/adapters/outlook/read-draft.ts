import type { Draft } from '../../../engine/schemas/draft.ts';
import { queryAll, queryFirst } from '../dom.ts';
import { editorText } from '../editor.ts';
import { addressIn, parseMailDate, parseSeverity } from '../thread.ts';
import { outlookSelectors as S } from './selectors.ts';

/** A chip shows a name, an address, or "Name <address>"; an address anywhere in its attributes wins. */
function chipRecipient(chip: Element): string {
  const text = (queryFirst(chip, S.chipText)?.textContent ?? chip.textContent ?? '').trim();
  if (text.includes('@')) return text;
  for (const attr of ['aria-label', 'title', 'data-lpc-hover-target-id']) {
    const match = chip.getAttribute(attr)?.match(/[^\s<>"']+@[^\s<>"']+/);
    if (match) return text ? `${text} <${match[0]}>` : match[0];
  }
  return text;
}

function readWell(well: Element): string[] {
  const chips = queryAll(well, S.chip);
  const out = chips.map(chipRecipient).filter(Boolean);
  // Text typed into the well that is not yet a chip still goes out if the person sends now.
  let pending = '';
  for (const node of well.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) pending += node.textContent ?? '';
    else if (node instanceof Element && !chips.includes(node)) pending += node.textContent ?? '';
  }
  out.push(
    ...pending
      .split(/[,;]/)
      .map((part) => part.replace(/\u00a0/g, ' ').trim())
      .filter(Boolean),
  );
  return out;
}

/**
 * The element of the `index`th recipient readWell lists for a field (wells in the order To, Cc, Bcc): its chip,
 * or the well itself for text typed and not yet a chip.
 */
export function outlookRecipientElement(
  root: Element,
  list: 'to' | 'cc' | 'bcc',
  index: number,
): HTMLElement | null {
  const well = queryAll(root, S.wells)[['to', 'cc', 'bcc'].indexOf(list)];
  if (!well) return null;
  const chips = queryAll(well, S.chip).filter((chip) => chipRecipient(chip) !== '');
  return (chips[index] ?? well) as HTMLElement;
}

/** Names of the files in the compose's attachment well, in the order shown. */
export function readAttachments(root: Element): { name: string }[] {
  const names: string[] = [];
  for (const item of queryAll(root, S.attachmentItem)) {
    const named = queryFirst(item, S.attachmentName);
    const name =
      named?.getAttribute('title')?.trim() ||
      named?.textContent?.trim() ||
      item.getAttribute('title')?.trim() ||
      (item.textContent ?? '').trim().split('\n')[0]?.trim() ||
      '';
    if (name) names.push(name);
  }
  return names.map((name) => ({ name }));
}

/**
 * For a reply docked under its conversation: when the customer's last message arrived (the conversation's
 * last message, if someone other than the user sent it) and a severity named in the subject.
 */
export function readThread(root: Element, subject: string): Draft['thread'] | undefined {
  const isReply = queryFirst(root, S.replyHeader) !== null;
  const pane = S.readCompose.map((sel) => root.closest(sel)).find(Boolean);
  const conversation = pane ? queryFirst(pane, S.conversation) : null;
  const out: NonNullable<Draft['thread']> = {};
  if (isReply && conversation) {
    const messages = queryAll(conversation, S.message);
    const last = messages[messages.length - 1];
    if (last) {
      const senderEl = queryFirst(last, S.messageSender);
      const sender = addressIn(
        senderEl?.getAttribute('data-lpc-hover-target-id') ?? senderEl?.getAttribute('aria-label'),
      );
      const user =
        addressIn(queryFirst(root.ownerDocument, S.account)?.textContent) ||
        addressIn(queryFirst(root.ownerDocument, S.account)?.getAttribute('aria-label'));
      if (sender && sender !== user) {
        const dateEl = queryFirst(last, S.messageDate);
        const iso = dateEl?.getAttribute('datetime');
        const exact = iso && !Number.isNaN(Date.parse(iso)) ? new Date(iso) : null;
        const date =
          exact ?? parseMailDate(dateEl?.getAttribute('title')) ?? parseMailDate(dateEl?.textContent);
        if (date) out.lastCustomerMessageAt = date.toISOString();
      }
    }
  }
  const severity =
    (conversation
      ? parseSeverity(queryFirst(conversation, S.conversationSubject)?.textContent)
      : undefined) ?? parseSeverity(subject);
  if (severity !== undefined && (isReply || conversation)) out.severity = severity;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The recipients of the To, Cc and Bcc wells (in that order on the page). */
export function readWells(root: Element): Record<'to' | 'cc' | 'bcc', string[]> {
  const wells = queryAll(root, S.wells);
  const [to, cc, bcc] = [0, 1, 2].map((i) => (wells[i] ? readWell(wells[i]) : []));
  return { to: to ?? [], cc: cc ?? [], bcc: bcc ?? [] };
}

export function readOutlookDraft(root: Element): Draft {
  const { to, cc, bcc } = readWells(root);
  const subject = (queryFirst(root, S.subject) as HTMLInputElement | null)?.value ?? '';
  const draft: Draft = {
    subject,
    body: editorText(queryFirst(root, S.body)),
    to,
    cc,
    bcc,
  };
  const attachments = readAttachments(root);
  if (attachments.length > 0) draft.attachments = attachments;
  const thread = readThread(root, subject);
  if (thread) draft.thread = thread;
  return draft;
}
