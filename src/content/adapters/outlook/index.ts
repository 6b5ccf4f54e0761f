import { createSiteAdapter } from '../site-adapter.ts';
import { outlookRecipientElement, readOutlookDraft } from './read-draft.ts';
import { replaceOutlookRecipient } from './recipients.ts';
import { outlookSelectors } from './selectors.ts';
import { createOutlookSendSite } from './send.ts';

export const outlookAdapter = createSiteAdapter({
  site: 'outlook',
  selectors: outlookSelectors,
  readDraft: readOutlookDraft,
  recipientElement: outlookRecipientElement,
  replaceRecipient: replaceOutlookRecipient,
  composeId: (root) => root.id,
  send: createOutlookSendSite(),
});
