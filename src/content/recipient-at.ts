// Which recipient a finding on the recipients field points at, in the draft as it is now: the findings'
// offsets index `[...to, ...cc, ...bcc].join(', ')` as it was checked, and chips may have moved since.
import type { Draft } from '../engine/schemas/draft.ts';
import type { ApplyOutcome, ComposeWindow } from './adapters/types.ts';

export type RecipientList = 'to' | 'cc' | 'bcc';

export interface RecipientPosition {
  readonly list: RecipientList;
  /** Index within that list, as the site's reader gives the list. */
  readonly index: number;
}

/**
 * The recipient written as `excerpt` (the finding's excerpt): the one at the finding's offset if it is still
 * there, else the first with that text; none when it is gone.
 */
export function recipientAt(
  draft: Pick<Draft, 'to' | 'cc' | 'bcc'>,
  finding: { readonly start: number; readonly excerpt: string },
): RecipientPosition | undefined {
  let offset = 0;
  let first: RecipientPosition | undefined;
  for (const list of ['to', 'cc', 'bcc'] as const) {
    draft[list].forEach((raw, index) => {
      if (raw === finding.excerpt) {
        if (offset === finding.start) first = { list, index };
        else first ??= { list, index };
      }
      offset += raw.length + 2;
    });
  }
  return first;
}

/**
 * A finding's fix on an address: the recipient it points at, as the draft is now, replaced by `suggestion`
 * through the window's own controls. `at` says where it was (for showing the field afterwards).
 */
export async function changeRecipient(
  window: Pick<ComposeWindow, 'readDraft' | 'replaceRecipient'>,
  finding: { readonly start: number; readonly excerpt: string },
  suggestion: string,
): Promise<{ outcome: ApplyOutcome; at?: RecipientPosition }> {
  const at = recipientAt(window.readDraft(), finding);
  const replace = window.replaceRecipient;
  if (!at || !replace) return { outcome: { ok: false, reason: 'the address is no longer there' } };
  return { outcome: await replace(at.list, at.index, finding.excerpt, suggestion), at };
}
