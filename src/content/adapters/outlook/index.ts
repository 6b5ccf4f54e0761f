import { createSiteAdapter } from '../site-adapter.ts';
import { outlookRecipientElement, readOutlookDraft } from './read-draft.ts';
import { outlookSelectors } from './selectors.ts';
import { createOutlookSendSite } from './send.ts';

export const outlookAdapter = createSiteAdapter({
  site: 'outlook',
  selectors: outlookSelectors,
  readDraft: readOutlookDraft,
  recipientElement: outlookRecipientElement,
  composeId: (root) => root.id,
  send: createOutlookSendSite(),
});
