import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Draft } from './schemas/draft.ts';

// Checks after an edit reuse memoised sentence readings; their findings must equal a check by an engine
// that has never seen the text (a fresh module instance, so no memo at all).
const SENTENCES = [
  'We guarantee that the dashboard will be fixed by Friday.',
  'We will not guarantee a date until the investigation is complete.',
  'The new release could be ready next week, but we cannot promise it yet.',
  'Could you share a sample of the export?',
  'This is a 100% risk-free upgrade.',
  'Thank you for walking us through the reporting gaps on Tuesday.',
  'Our uptime has always been perfect.',
  'I can confirm the fix will ship on March 3.',
  'Please send the {customer_name} details.',
  'We might be able to deliver it within 48 hours.',
];
const WORDS = ['really', 'not', 'never', 'guarantee', 'Friday', 'may', 'could', '?', 'by March 3', 'the'];

function draftOf(body: string): Draft {
  return { subject: 'Follow-up', body, to: ['Dana Reyes <dana@northwind.example>'], cc: [], bcc: [] };
}

describe('incremental checks', () => {
  it('give the same findings as a cold check after random edits', async () => {
    const warm = await import('./index.ts');
    vi.resetModules();
    const fresh = async () => {
      vi.resetModules();
      return import('./index.ts');
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...WORDS)), { minLength: 1, maxLength: 4 }),
        async (sentences, edits) => {
          let body = `Hi Dana,\n\n${sentences.join(' ')}\n\nBest regards,\nLeah`;
          warm.checkDraft(draftOf(body));
          for (const [at, word] of edits) {
            const i = at % (body.length + 1);
            body = `${body.slice(0, i)} ${word}${body.slice(i)}`;
            const incremental = warm.checkDraft(draftOf(body));
            const cold = (await fresh()).checkDraft(draftOf(body));
            expect(incremental).toEqual(cold);
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});
