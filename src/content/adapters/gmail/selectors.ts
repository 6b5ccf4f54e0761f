// Gmail's compose DOM, one table (mail-dom.md §4). Semantic attributes first, obfuscated classes as
// fallbacks, localized labels never. Each selector is matched against test/fixtures/gmail-compose-*.html.
export const gmailSelectors = {
  composeRoot: [
    'div.M9',
    '[role="region"]:has([g_editable="true"])',
    '[role="dialog"]:has([g_editable="true"])',
  ],
  body: ['.Ap [g_editable="true"]', '[contenteditable="true"][role="textbox"][aria-multiline="true"]'],
  subject: ['input[name="subjectbox"]', 'input[name="subject"]'],
  composeId: ['input[name="composeid"]'],
  recipientField: (field: 'to' | 'cc' | 'bcc') => [`.anm[name="${field}"]`],
  recipientChip: ['[role="option"][data-hovercard-id]'],
  recipientInput: ['input[role="combobox"]'],
  /** A chip's own remove control (`div.afX[aria-label="Remove …"]`; the label is localized). */
  recipientRemove: ['.afX', '[role="button"][aria-label]'],
  classicRecipient: (field: 'to' | 'cc' | 'bcc') => [`input[type="hidden"][name="${field}"]`],
  signature: ['.gmail_signature', '.gmail_signature_prefix'],
  quote: ['.gmail_quote', '.gmail_quote_container'],
  /** Attachment chips under the editor ([U]: gmail.js/InboxSDK era markup, not a dated capture). */
  attachmentChip: ['div.dL', '[role="link"][aria-label^="Attachment"]'],
  /** The file name inside a chip; the chip's own text (name plus size) otherwise. */
  attachmentName: ['.vI', '[data-tooltip]'],
  /** Hidden per-attachment inputs Gmail posts with the draft (classic compose). */
  attachmentInput: ['input[type="hidden"][name="attach"]'],
  /** The reply's thread id: empty in a new message. */
  threadId: ['input[name="rt"]'],
  from: ['input[name="from"]'],
  /** Thread read view around an inline reply. */
  thread: ['[data-thread-perm-id]', '.if'],
  threadSubject: ['h2.hP'],
  /** Label chips in the thread header ([U]: class names from the read view, not a capture). */
  threadLabels: ['.ar.as .at', '.hN'],
  message: ['.adn[data-message-id]', '.adn'],
  messageSender: ['.gD[email]', 'span[email]'],
  /** Gmail's title holds the full date ("Mon, Nov 23, 2026, 9:14 AM"); the text may be relative. */
  messageDate: ['span.g3[title]', '.g3'],
  /** The signed-in account, named in the account button's label. */
  account: ['[aria-label^="Account"][aria-label*="@"]', 'a[aria-label*="@"][href*="accounts.google.com"]'],
} as const;
