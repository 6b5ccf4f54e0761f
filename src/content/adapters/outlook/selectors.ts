// Outlook on the web's compose DOM, one table (mail-dom.md §4). Outlook re-renders often: nothing here is
// held across events; every lookup starts again from the compose root.
export const outlookSelectors = {
  composeRoot: [
    '[id^="docking_InitVisiblePart"]',
    '[data-app-section="Form_Content"]',
    '[data-app-section="MailReadCompose"]',
  ],
  /** Scoped to a compose root and editable: the read view's body has the same label. */
  body: ['[contenteditable="true"][aria-multiline="true"]', '#editorParent_1 [role="textbox"]'],
  subject: [
    'input[aria-label="Subject"]',
    'input[id^="MSG_"][id$="_SUBJECT"]',
    'input[type="text"][autocomplete="off"]',
  ],
  wells: ['[contenteditable="true"]:not([aria-multiline="true"])'],
  chip: [':scope > [contenteditable="false"]'],
  chipText: ['[class*="individualText-"]', '[class*="textContainer-"]'],
  signature: ['#Signature'],
  replyHeader: ['#divRplyFwdMsg', '#appendonsend'],
} as const;
