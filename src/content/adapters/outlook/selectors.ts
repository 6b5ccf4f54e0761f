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
  /** Attachment well in the compose ([U]: Fluent cards; labels and test ids vary by build). */
  attachmentItem: [
    '[role="listbox"][aria-label*="ttachment"] [role="option"]',
    '[data-testid="AttachmentCard"]',
  ],
  attachmentName: ['[data-testid="AttachmentCardName"]', '[class*="fileName"]', '[title]'],
  /** The read view the compose is docked under (reply in the reading pane). */
  readCompose: ['[data-app-section="MailReadCompose"]'],
  conversation: ['#ConversationReadingPaneContainer', '[data-app-section="ConversationContainer"]'],
  conversationSubject: ['[role="heading"] [title]', '[role="heading"]'],
  message: ['[role="listitem"]'],
  messageSender: ['[data-lpc-hover-target-id]', '[aria-label*="@"]'],
  /** [U]: the received time of a message in the reading pane. */
  messageDate: ['[data-testid="SentReceivedSavedTime"]', 'time[datetime]'],
  /** The signed-in account, from the account manager in the header ([U]). */
  account: ['#mectrl_currentAccount_secondary', '[aria-label^="Account manager"][aria-label*="@"]'],
} as const;
