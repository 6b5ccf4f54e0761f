import type { Draft } from '../../../engine/schemas/draft.ts';
import { queryAll, queryFirst } from '../dom.ts';
import { editorText } from '../editor.ts';
import { addressIn, parseMailDate, parseSeverity } from '../thread.ts';
import { gmailSelectors as S } from './selectors.ts';

const FIELDS = ['to', 'cc', 'bcc'] as const;

/** Chips as "Name <address>", plus an address typed but not yet turned into a chip. */
export function readRecipients(root: Element, field: (typeof FIELDS)[number]): string[] {
  const out: string[] = [];
  const container = queryFirst(root, S.recipientField(field));
  if (container) {
    for (const chip of queryAll(container, S.recipientChip)) {
      const address = chip.getAttribute('data-hovercard-id') ?? '';
      const name = chip.getAttribute('data-name') ?? '';
      if (address) out.push(name && name !== address ? `${name} <${address}>` : address);
    }
    const pending = queryFirst(container, S.recipientInput) as HTMLInputElement | null;
    const typed = pending?.value.trim();
    if (typed) out.push(...typed.split(/[,;]\s*/).filter(Boolean));
  } else {
    for (const input of queryAll(root, S.classicRecipient(field))) {
      const value = (input as HTMLInputElement).value.trim();
      if (value) out.push(value);
    }
  }
  return out;
}

/** The element of the `index`th recipient readRecipients lists: its chip, or the field a pending one is typed in. */
export function gmailRecipientElement(
  root: Element,
  field: (typeof FIELDS)[number],
  index: number,
): HTMLElement | null {
  const container = queryFirst(root, S.recipientField(field));
  const out: Element[] = [];
  if (container) {
    for (const chip of queryAll(container, S.recipientChip))
      if (chip.getAttribute('data-hovercard-id')) out.push(chip);
    const pending = queryFirst(container, S.recipientInput) as HTMLInputElement | null;
    const typed = pending?.value.trim() ?? '';
    const count = typed ? typed.split(/[,;]\s*/).filter(Boolean).length : 0;
    for (let i = 0; i < count && pending; i++) out.push(pending);
  } else {
    for (const input of queryAll(root, S.classicRecipient(field)))
      if ((input as HTMLInputElement).value.trim()) out.push(input);
  }
  return (out[index] as HTMLElement | undefined) ?? null;
}

/** "Attachment: Q3-plan.pdf. Press enter to view the attachment and delete to remove it" -> "Q3-plan.pdf". */
function nameFromLabel(label: string): string {
  return label
    .replace(/^[^:]*:\s*/, '')
    .replace(/\.\s+(?:Press|Appuyez|Drücken|Pulsa)\b.*$/s, '')
    .trim();
}

/** Names of the files attached to this compose, in the order shown. */
export function readAttachments(root: Element): { name: string }[] {
  const names: string[] = [];
  for (const chip of queryAll(root, S.attachmentChip)) {
    const named = queryFirst(chip, S.attachmentName);
    const name =
      named?.textContent?.trim() ||
      nameFromLabel(chip.getAttribute('aria-label') ?? '') ||
      (chip.textContent ?? '').trim();
    if (name) names.push(name);
  }
  return names.map((name) => ({ name }));
}

function threadOf(root: Element): Element | null {
  const around = S.thread.map((sel) => root.closest(sel)).find(Boolean);
  if (around) return around;
  // A reply popped out of its thread into a mole: its thread id still points at the open thread.
  const rt = (queryFirst(root, S.threadId) as HTMLInputElement | null)?.value;
  if (!rt) return null;
  return root.ownerDocument.querySelector(`[data-thread-perm-id="${CSS.escape(rt)}"]`);
}

/** The person using Gmail: the compose's From, else the account button's label. */
function userAddress(root: Element): string {
  const from = (queryFirst(root, S.from) as HTMLInputElement | null)?.value;
  return addressIn(from) || addressIn(queryFirst(root.ownerDocument, S.account)?.getAttribute('aria-label'));
}

/**
 * For a reply: when the customer's last message arrived (the thread's last message, if someone other than
 * the user sent it) and the severity the thread is labelled with. Nothing that cannot be read reliably.
 */
export function readThread(root: Element, subject: string): Draft['thread'] | undefined {
  const thread = threadOf(root);
  if (!thread) return undefined;
  const out: NonNullable<Draft['thread']> = {};
  const messages = queryAll(thread, S.message).filter((m) => !m.contains(root) && !root.contains(m));
  const last = messages[messages.length - 1];
  if (last) {
    const senderEl = queryFirst(last, S.messageSender);
    const sender = addressIn(senderEl?.getAttribute('email') ?? senderEl?.getAttribute('data-hovercard-id'));
    const user = userAddress(root);
    if (sender && sender !== user) {
      const dateEl = queryFirst(last, S.messageDate);
      const date = parseMailDate(dateEl?.getAttribute('title')) ?? parseMailDate(dateEl?.textContent);
      if (date) out.lastCustomerMessageAt = date.toISOString();
    }
  }
  const severity =
    parseSeverity(queryFirst(thread, S.threadSubject)?.textContent) ??
    queryAll(thread, S.threadLabels)
      .map((label) => parseSeverity(label.getAttribute('title') ?? label.textContent))
      .find((value) => value !== undefined) ??
    parseSeverity(subject);
  if (severity !== undefined) out.severity = severity;
  return Object.keys(out).length > 0 ? out : undefined;
}

export function readGmailDraft(root: Element): Draft {
  const subject = (queryFirst(root, S.subject) as HTMLInputElement | null)?.value ?? '';
  const body = editorText(queryFirst(root, S.body));
  const draft: Draft = {
    subject,
    body,
    to: readRecipients(root, 'to'),
    cc: readRecipients(root, 'cc'),
    bcc: readRecipients(root, 'bcc'),
  };
  const attachments = readAttachments(root);
  if (attachments.length > 0) draft.attachments = attachments;
  const thread = readThread(root, subject);
  if (thread) draft.thread = thread;
  return draft;
}
