import { describe, expect, it } from 'vitest';
import { logEvent, redact } from './log.ts';

describe('redacting log', () => {
  it('keeps short facts and cuts anything long enough to be email text', () => {
    const body = 'Hi Dana, we guarantee 100% uptime for the whole of next year, no questions asked.';
    expect(redact({ ruleId: 'overcommitment/guarantee', count: 2, body })).toEqual({
      ruleId: 'overcommitment/guarantee',
      count: 2,
      body: `[${body.length} chars]`,
    });
  });

  it('writes one line with the event and the redacted facts', () => {
    const lines: string[] = [];
    logEvent((line) => lines.push(line), 'check', { text: 'x'.repeat(100), ms: 3 });
    expect(lines).toEqual(['[preflight] check {"text":"[100 chars]","ms":3}']);
  });
});
