import { queryFirst } from '../dom.ts';
import { createSiteAdapter } from '../site-adapter.ts';
import { gmailRecipientElement, readGmailDraft } from './read-draft.ts';
import { replaceGmailRecipient } from './recipients.ts';
import { gmailSelectors } from './selectors.ts';
import { createGmailSendSite } from './send.ts';

export const gmailAdapter = createSiteAdapter({
  site: 'gmail',
  selectors: gmailSelectors,
  readDraft: readGmailDraft,
  recipientElement: gmailRecipientElement,
  replaceRecipient: replaceGmailRecipient,
  composeId: (root) => (queryFirst(root, gmailSelectors.composeId) as HTMLInputElement | null)?.value,
  send: createGmailSendSite(),
});
