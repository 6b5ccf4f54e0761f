import type { Draft } from '../../../engine/schemas/draft.ts';
import { queryAll, queryFirst } from '../dom.ts';
import { editorText } from '../editor.ts';
import { outlookSelectors as S } from './selectors.ts';

/** A chip shows a name, an address, or "Name <address>"; an address anywhere in its attributes wins. */
function chipRecipient(chip: Element): string {
  const text = (queryFirst(chip, S.chipText)?.textContent ?? chip.textContent ?? '').trim();
  if (text.includes('@')) return text;
  for (const attr of ['aria-label', 'title', 'data-lpc-hover-target-id']) {
    const match = chip.getAttribute(attr)?.match(/[^\s<>"']+@[^\s<>"']+/);
    if (match) return text ? `${text} <${match[0]}>` : match[0];
  }
  return text;
}

function readWell(well: Element): string[] {
  const chips = queryAll(well, S.chip);
  const out = chips.map(chipRecipient).filter(Boolean);
  // Text typed into the well that is not yet a chip still goes out if the person sends now.
  let pending = '';
  for (const node of well.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) pending += node.textContent ?? '';
    else if (node instanceof Element && !chips.includes(node)) pending += node.textContent ?? '';
  }
  out.push(
    ...pending
      .split(/[,;]/)
      .map((part) => part.replace(/\u00a0/g, ' ').trim())
      .filter(Boolean),
  );
  return out;
}

export function readOutlookDraft(root: Element): Draft {
  const wells = queryAll(root, S.wells);
  const [to, cc, bcc] = [0, 1, 2].map((i) => (wells[i] ? readWell(wells[i]) : []));
  return {
    subject: (queryFirst(root, S.subject) as HTMLInputElement | null)?.value ?? '',
    body: editorText(queryFirst(root, S.body)),
    to: to ?? [],
    cc: cc ?? [],
    bcc: bcc ?? [],
  };
}
