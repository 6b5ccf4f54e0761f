import type { Span } from './sentences.ts';

/**
 * Code samples in an email (fenced blocks, indented blocks, inline `code`, lines that are obviously code):
 * `{name}` or `${x}` there is code, not an unfilled template field.
 */
const FENCE = /^[ \t]*(?:```|~~~)/;
const INDENTED = /^(?: {4}|\t)\S/;
const CODE_LINE =
  /^\s*(?:const|let|var|function|def|class|import|export|return|public|private|#include|curl|npm|pip|SELECT|INSERT|UPDATE|echo|print)\b|=>|[\w.\]]\([^()]*\)\s*;?\s*$|\)\s*;\s*$|^\s*[}\])];?\s*$|\b\w+\s*=\s*["'`\w$]|console\.|\w\(\s*["'`]/;
// What only code has: braces, semicolons, assignments, sigils, calls. Indented prose (a template whose
// HTML was stripped, a quoted address block) has none of them.
const CODE_CHARS = /[{};=$]|\w\(|^\s*(?:<\/?\w|\/\/|#)/;

export function codeSpans(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  let inFence = -1;
  // An indented block is code when one of its lines reads as code; it is kept until the block ends.
  let block: Span[] = [];
  let blockIsCode = false;
  const endBlock = () => {
    if (blockIsCode) out.push(...block);
    block = [];
    blockIsCode = false;
  };
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const line = text.slice(start, end);
    if (FENCE.test(line)) {
      endBlock();
      if (inFence === -1) inFence = start;
      else {
        out.push([inFence, end]);
        inFence = -1;
      }
    } else if (inFence === -1) {
      if (INDENTED.test(line)) {
        block.push([start, end]);
        if (CODE_CHARS.test(line) || CODE_LINE.test(line)) blockIsCode = true;
      } else {
        if (line.trim() !== '') endBlock();
        if (CODE_LINE.test(line)) out.push([start, end]);
      }
    }
    if (nl === -1) break;
    start = nl + 1;
  }
  endBlock();
  if (inFence !== -1) out.push([inFence, text.length]);
  for (const m of text.matchAll(/`[^`\n]+`/g)) out.push([m.index, m.index + m[0].length]);
  return out;
}

export function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  for (const [s, e] of spans) if (start < e && end > s) return true;
  return false;
}
