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
  classicRecipient: (field: 'to' | 'cc' | 'bcc') => [`input[type="hidden"][name="${field}"]`],
  signature: ['.gmail_signature', '.gmail_signature_prefix'],
  quote: ['.gmail_quote', '.gmail_quote_container'],
} as const;
