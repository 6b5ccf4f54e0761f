import { describe, expect, it } from 'vitest';
import type { Finding } from '../../engine/schemas/finding.ts';
import { createFakeAdapter } from '../adapters/fake/index.ts';
import { canDismiss, countFindings, dismissalKey, panelOrder, visibleFindings } from './findings.ts';

function finding(partial: Partial<Finding>): Finding {
  return {
    ruleId: 'tone/already-said',
    category: 'tone',
    severity: 'warn',
    message: 'm',
    clause: 'c',
    field: 'body',
    start: 0,
    end: 1,
    excerpt: 'a',
    ...partial,
  };
}

describe('findings shown in a compose window', () => {
  it('hides a dismissed warning of the same rule and text, and counts what is left', () => {
    const warn = finding({ excerpt: 'as I already said' });
    const other = finding({ excerpt: 'per my last email', start: 40, end: 57 });
    const block = finding({ ruleId: 'placeholder/template-field', severity: 'block', excerpt: '[Name]' });
    const dismissed = new Set([dismissalKey(warn)]);
    const visible = visibleFindings([warn, other, block], dismissed);
    expect(visible).toEqual([other, block]);
    expect(countFindings(visible)).toEqual({ blocking: 1, warnings: 1 });
  });

  it('never dismisses a blocking finding, even if asked', () => {
    const block = finding({ severity: 'block' });
    expect(canDismiss(block)).toBe(false);
    expect(visibleFindings([block], new Set([dismissalKey(block)]))).toEqual([block]);
    expect(canDismiss(finding({ severity: 'info' }))).toBe(true);
  });

  it('lists the most severe first, then in the order of the email', () => {
    const a = finding({ severity: 'warn', start: 5 });
    const b = finding({ severity: 'block', start: 50 });
    const c = finding({ severity: 'block', field: 'recipients', start: 0 });
    const d = finding({ severity: 'info', start: 1 });
    expect(panelOrder([a, b, c, d])).toEqual([c, b, a, d]);
  });
});

describe('applying a suggestion (fake adapter)', () => {
  it('replaces the text only while the expected excerpt still stands at its offsets', () => {
    const adapter = createFakeAdapter();
    adapter.observeComposeWindows(new AbortController().signal, () => {});
    const compose = adapter.open({ body: 'We guarantee it.' });
    expect(compose.window.applySuggestion('body', 3, 12, 'guarantee', 'expect')).toEqual({ ok: true });
    expect(compose.window.readDraft().body).toBe('We expect it.');
    const stale = compose.window.applySuggestion('body', 3, 12, 'guarantee', 'expect');
    expect(stale).toEqual({ ok: false, reason: 'the text has changed' });
    expect(compose.window.readDraft().body).toBe('We expect it.');
  });
});
