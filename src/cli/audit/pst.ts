// Outlook .pst (and .ost) exports, read with pst-extractor, a maintained reader of that binary format. Folder
// by folder, message by message: the file is read through its index, never held whole. Each message becomes
// the bytes an .eml export of it would be (headers, the text or HTML body, the attachments' names), so it is
// read and checked exactly as `check` reads an .eml file and as the mbox path does.
import { PSTFile, type PSTFolder, type PSTMessage } from 'pst-extractor';

export type PstItem =
  | {
      kind: 'message';
      /** 1-based position of the message in the walk over the file's folders. */
      index: number;
      /** The folder path it was found in ("Sent Items", "Top of Personal Folders/Sent Items"). */
      folder: string;
      bytes: Uint8Array;
    }
  | { kind: 'unreadable'; index: number; folder: string; reason: string };

/** Items that are email (IPM.Note and its forms), not appointments, contacts or tasks. */
const EMAIL_CLASS = /^IPM\.Note(?:\.|$)/i;

/** Every email in the file, depth first, in the order Outlook stores them. */
export function* readPst(path: string): Generator<PstItem> {
  const file = new PSTFile(path);
  const state = { index: 0 };
  try {
    yield* walk(file.getRootFolder(), '', state);
  } finally {
    file.close();
  }
}

function* walk(folder: PSTFolder, name: string, state: { index: number }): Generator<PstItem> {
  if (folder.contentCount > 0) {
    for (;;) {
      let item: PSTMessage | null;
      try {
        item = folder.getNextChild() as PSTMessage | null;
      } catch (error) {
        yield { kind: 'unreadable', index: ++state.index, folder: name, reason: reason(error) };
        break;
      }
      if (!item) break;
      if (!EMAIL_CLASS.test(item.messageClass ?? '')) continue;
      const index = ++state.index;
      try {
        yield { kind: 'message', index, folder: name, bytes: toEml(item) };
      } catch (error) {
        yield { kind: 'unreadable', index, folder: name, reason: reason(error) };
      }
    }
  }
  if (folder.hasSubfolders)
    for (const child of folder.getSubFolders())
      yield* walk(child, name ? `${name}/${child.displayName}` : child.displayName, state);
}

function reason(error: unknown): string {
  return `the .pst entry cannot be read: ${(error as Error)?.message ?? String(error)}`;
}

const TO = 1;
const CC = 2;
const BCC = 3;

/** "Name <address>" for a header, with the name as an RFC 2047 word when it is not plain ASCII. */
function mailbox(name: string, address: string): string {
  const addr = address.trim();
  const display = name.trim();
  if (!addr) return display ? encodeWord(display) : '';
  if (!display || display === addr) return addr;
  return `${encodeWord(display)} <${addr}>`;
}

/** Header text: as is when plain printable ASCII without specials, else an RFC 2047 base64 word. */
function encodeWord(text: string): string {
  const clean = text.replace(/[\r\n]+/g, ' ');
  if (/^[\x20-\x7e]*$/.test(clean) && !/[",:;<>@()[\]\\]/.test(clean)) return clean;
  return `=?UTF-8?B?${Buffer.from(clean, 'utf8').toString('base64')}?=`;
}

function base64Lines(text: string): string {
  return (
    Buffer.from(text, 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join('\r\n');
}

/** The message as an RFC 822 file: From, To, Cc, Bcc, Subject, Date, the body, and each attachment's name. */
export function toEml(message: PSTMessage): Uint8Array {
  const lists: Record<number, string[]> = { [TO]: [], [CC]: [], [BCC]: [] };
  for (let i = 0; i < message.numberOfRecipients; i++) {
    const r = message.getRecipient(i);
    if (!r) continue;
    const address = r.smtpAddress || (r.emailAddress.includes('@') ? r.emailAddress : '');
    const entry = mailbox(r.displayName, address);
    if (entry) lists[r.recipientType in lists ? r.recipientType : TO]!.push(entry);
  }
  const sender = message.senderEmailAddress.includes('@') ? message.senderEmailAddress : '';
  const date = message.clientSubmitTime ?? message.messageDeliveryTime;
  const boundary = `preflight-pst-${Math.random().toString(36).slice(2)}`;
  const head = [
    `From: ${mailbox(message.senderName, sender) || 'unknown'}`,
    lists[TO]!.length ? `To: ${lists[TO]!.join(', ')}` : '',
    lists[CC]!.length ? `Cc: ${lists[CC]!.join(', ')}` : '',
    lists[BCC]!.length ? `Bcc: ${lists[BCC]!.join(', ')}` : '',
    `Subject: ${encodeWord(message.subject ?? '')}`,
    date && !Number.isNaN(date.getTime()) ? `Date: ${date.toUTCString()}` : '',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
  ].filter(Boolean);
  const parts: string[] = [];
  const text = message.body ?? '';
  const html = text.trim() ? '' : (message.bodyHTML ?? '');
  parts.push(
    [
      `Content-Type: ${html ? 'text/html' : 'text/plain'}; charset=utf-8`,
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(html || text),
    ].join('\r\n'),
  );
  for (let i = 0; i < message.numberOfAttachments; i++) {
    let name = '';
    try {
      const attachment = message.getAttachment(i);
      name = attachment.longFilename || attachment.filename || attachment.displayName || '';
    } catch {
      name = '';
    }
    if (!name) continue;
    // Only the name is checked: the attachment's bytes are not copied.
    parts.push(
      [
        'Content-Type: application/octet-stream',
        `Content-Disposition: attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
        'Content-Transfer-Encoding: base64',
        '',
        '',
      ].join('\r\n'),
    );
  }
  const body = parts.map((part) => `--${boundary}\r\n${part}`).join('\r\n');
  return new TextEncoder().encode(`${head.join('\r\n')}\r\n\r\n${body}\r\n--${boundary}--\r\n`);
}
