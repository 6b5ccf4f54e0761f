import type { Draft } from '../../../engine/schemas/draft.ts';
import { queryAll, queryFirst } from '../dom.ts';
import { editorText } from '../editor.ts';
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

export function readGmailDraft(root: Element): Draft {
  const subject = (queryFirst(root, S.subject) as HTMLInputElement | null)?.value ?? '';
  const body = editorText(queryFirst(root, S.body));
  return {
    subject,
    body,
    to: readRecipients(root, 'to'),
    cc: readRecipients(root, 'cc'),
    bcc: readRecipients(root, 'bcc'),
  };
}
