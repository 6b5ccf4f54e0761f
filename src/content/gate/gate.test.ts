// The gate driving a held send over the fake adapter: real timers are not needed (every wait is zero here),
// the worker is a function that answers, fails or never answers.
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../engine/schemas/draft.ts';
import type { CheckResult, Finding } from '../../engine/schemas/finding.ts';
import type { AuditEntryInput, GateSettings, Result } from '../../shared/messages.ts';
import { createFakeAdapter } from '../adapters/fake/index.ts';
import { fakeGesture } from '../adapters/fake/send.ts';
import { createSendGate, type DialogActions, type DialogState, type GateDeps } from './gate.ts';

const PASS = {
  personalization: 'pass',
  accuracy: 'pass',
  slaCompliance: 'pass',
  dataPrivacy: 'pass',
  humanReview: 'pass',
} as const;

const BLOCK: Finding = {
  ruleId: 'x/block',
  category: 'placeholder',
  severity: 'block',
  message: 'm',
  clause: 'c',
  field: 'body',
  start: 3,
  end: 18,
  excerpt: '[Customer Name]',
  suggestion: 'Dana',
};

const WHY = 'The customer asked for the template as is';
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
async function settle(times = 10) {
  for (let i = 0; i < times; i++) await tick();
}

function setup(
  options: {
    settings?: 'ask' | 'closed' | 'dead';
    check?: 'dead' | 'ok';
    auditDelay?: number;
    finding?: Finding;
    /** The worker refuses this many entries first (as its schema would). */
    refuse?: number;
    /** The check takes this long to answer. */
    checkMs?: number;
    /** What the check finds, instead of the placeholder in the body. */
    findingsFor?: (draft: Draft) => Finding[];
  } = {},
) {
  let refuse = options.refuse ?? 0;
  const adapter = createFakeAdapter();
  const controller = new AbortController();
  const shown: DialogState[] = [];
  let actions: DialogActions | undefined;
  const notices: string[] = [];
  const audits: AuditEntryInput[] = [];
  let checkDead = options.check === 'dead';
  let releases = 0;
  const gateSettings: GateSettings = {
    failMode: options.settings === 'closed' ? 'closed' : 'ask',
    holdOnWarnings: false,
  };
  const deps: GateDeps = {
    site: 'fake',
    async gateCheck(draft: Draft): Promise<Result<{ result: CheckResult; gate: GateSettings }>> {
      if (options.checkMs) await new Promise((resolve) => setTimeout(resolve, options.checkMs));
      if (checkDead) return { ok: false, reason: 'the checker did not answer' };
      const findings =
        options.findingsFor?.(draft) ??
        (draft.body.includes('[Customer Name]') ? [options.finding ?? BLOCK] : []);
      return { ok: true, data: { result: { findings, scorecard: PASS }, gate: gateSettings } };
    },
    async gateSettings() {
      if (options.settings === 'dead') return { ok: false, reason: 'no worker' };
      return { ok: true, data: { gate: gateSettings } };
    },
    async audit(entry) {
      if (options.auditDelay) await new Promise((resolve) => setTimeout(resolve, options.auditDelay));
      if (checkDead) return { ok: false, reason: 'no worker' };
      if (refuse > 0) {
        refuse--;
        return { ok: false, reason: 'refused message: entry.ruleIds.0: Too big' };
      }
      audits.push(entry);
      return { ok: true, data: {} };
    },
    releaseClick: () => undefined,
    view: {
      show(state, a) {
        shown.push(state);
        actions = a;
      },
      close() {
        shown.push({ kind: 'checking', busy: true, closed: true } as unknown as DialogState);
        actions = undefined;
      },
      notify: (text) => notices.push(text),
    },
    checkingDelayMs: 0,
  };
  const gate = createSendGate(deps);
  adapter.observeComposeWindows(controller.signal, (window, signal) => gate.register(window, signal));
  const compose = adapter.open({ body: 'Hi [Customer Name], notes attached.', to: ['dana@contoso.example'] });
  const press = () =>
    gate.onGesture(
      fakeGesture(compose.window.root, () => {
        releases++;
        return true;
      }),
    );
  return {
    gate,
    compose,
    press,
    shown,
    notices,
    audits,
    actions: () => actions,
    releases: () => releases,
    last: () => shown[shown.length - 1],
    killWorker: () => {
      checkDead = true;
    },
  };
}

/** Waits out PRESS_SETTLE_MS (the dialog waits for the pressing to settle). */
const settlePress = () => new Promise((resolve) => setTimeout(resolve, 560));

describe('the send gate over the fake adapter', () => {
  it('a clean email is released once, without a dialog', async () => {
    const t = setup();
    t.compose.edit({ body: 'Hi Dana, thanks for the call.' });
    t.press();
    t.press();
    await settle();
    expect(t.releases()).toBe(1);
    expect(t.shown).toEqual([]);
  });

  it('two fast clicks on "Send anyway" release one send and write one entry', async () => {
    const t = setup({ auditDelay: 30 });
    t.press();
    await settlePress();
    await settle();
    expect(t.last()?.kind).toBe('held');
    const actions = t.actions();
    actions?.sendAnyway(WHY);
    actions?.sendAnyway(WHY);
    // From the first click the dialog is busy: every button disabled.
    expect(t.last()).toMatchObject({ kind: 'held', busy: true });
    await new Promise((resolve) => setTimeout(resolve, 80));
    actions?.sendAnyway(WHY);
    await settle();
    expect(t.releases()).toBe(1);
    expect(t.audits.filter((a) => a.decision === 'sent-anyway')).toHaveLength(1);
  });

  it('an edit behind the dialog is checked before it goes', async () => {
    const t = setup();
    t.press();
    await settlePress();
    await settle();
    t.compose.edit({ body: 'Hi [Customer Name], notes attached. And [Customer Name] again.' });
    t.actions()?.sendAnyway(WHY);
    await settle();
    expect(t.releases()).toBe(0);
    expect(t.last()).toMatchObject({ kind: 'held', note: expect.stringContaining('changed') });
  });

  it('Fix shows the fixed text and asks once more', async () => {
    const t = setup();
    t.press();
    await settlePress();
    await settle();
    t.actions()?.fix(0);
    await settle();
    expect(t.last()).toMatchObject({ kind: 'fixed', replacement: expect.stringContaining('Hi Dana') });
    expect(t.releases()).toBe(0);
    t.actions()?.sendFixed();
    t.actions()?.sendFixed();
    await settle();
    expect(t.releases()).toBe(1);
    expect(t.audits.map((a) => a.decision)).toEqual(['fixed-and-sent']);
  });

  describe('a recipient fix', () => {
    const IMITATION = 'Dana <dana@inltech.com>';
    const LOOKALIKE: Finding = {
      ...BLOCK,
      ruleId: 'cross-account/lookalike-domain',
      category: 'cross-account',
      field: 'recipients',
      start: 'maya@initech.com, '.length,
      end: 'maya@initech.com, '.length + IMITATION.length,
      excerpt: IMITATION,
      suggestion: 'Dana <dana@initech.com>',
    };
    const findingsFor = (draft: Draft) => (draft.to.includes(IMITATION) ? [LOOKALIKE] : []);

    it('changes that address only, shows the field as it is now, and sends once', async () => {
      const t = setup({ findingsFor });
      t.compose.edit({ body: 'Hi Dana, notes attached.', to: ['maya@initech.com', IMITATION] });
      t.press();
      await settlePress();
      await settle();
      expect(t.last()).toMatchObject({ kind: 'held', fixable: [true] });
      t.actions()?.fix(0);
      await settle();
      expect(t.last()).toMatchObject({
        kind: 'fixed',
        replacement: 'To: maya@initech.com, Dana <dana@initech.com>',
      });
      expect(t.compose.window.readDraft().to).toEqual(['maya@initech.com', 'Dana <dana@initech.com>']);
      t.actions()?.sendFixed();
      await settle();
      expect(t.releases()).toBe(1);
    });

    it('changes nothing when the address was edited behind the dialog', async () => {
      const t = setup({ findingsFor });
      t.compose.edit({ body: 'Hi Dana, notes attached.', to: ['maya@initech.com', IMITATION] });
      t.press();
      await settlePress();
      await settle();
      t.compose.edit({ to: ['maya@initech.com', 'Dana <dana@inltech.co>'] });
      t.actions()?.fix(0);
      await settle();
      expect(t.last()).toMatchObject({ kind: 'held', note: expect.stringContaining('no longer there') });
      expect(t.compose.window.readDraft().to).toEqual(['maya@initech.com', 'Dana <dana@inltech.co>']);
      expect(t.releases()).toBe(0);
    });
  });

  it('failMode closed holds when the worker is dead from the first moment', async () => {
    const t = setup({ settings: 'dead', check: 'dead' });
    t.compose.edit({ body: 'Hi Dana, clean.' });
    t.press();
    await settlePress();
    await settle();
    expect(t.last()).toMatchObject({ kind: 'unavailable', allowUnchecked: false });
    t.actions()?.sendUnchecked();
    await settle();
    expect(t.releases()).toBe(0);
    expect(t.gate.settings()).toBeUndefined();
  });

  it('with known "ask" settings a dead worker lets the person send unchecked, once', async () => {
    const t = setup({ settings: 'ask' });
    await settle();
    t.killWorker();
    t.press();
    await settlePress();
    await settle();
    expect(t.last()).toMatchObject({ kind: 'unavailable', allowUnchecked: true });
    t.actions()?.sendUnchecked();
    t.actions()?.sendUnchecked();
    await settle();
    expect(t.releases()).toBe(1);
    expect(t.gate.unsavedAudit()).toHaveLength(1);
    expect(t.notices.some((n) => n.includes('audit log'))).toBe(true);
  });

  it('an entry that fails the schema is skipped and reported; later decisions are written', async () => {
    const t = setup({ finding: { ...BLOCK, ruleId: 'x'.repeat(300) } });
    t.press();
    await settlePress();
    await settle();
    t.actions()?.cancel();
    await settle();
    expect(t.gate.skippedAudit()).toHaveLength(1);
    expect(t.gate.unsavedAudit()).toHaveLength(0);
    expect(t.notices.some((n) => n.includes('skipped one audit entry'))).toBe(true);
  });

  it('an entry the worker refuses is skipped, not kept to block the queue', async () => {
    const t = setup({ refuse: 1, settings: 'ask' });
    t.press();
    await settlePress();
    await settle();
    t.actions()?.cancel();
    await settle();
    t.press();
    await settlePress();
    await settle();
    t.actions()?.sendAnyway(WHY);
    await settle();
    expect(t.gate.skippedAudit().map((s) => s.decision)).toEqual(['cancelled']);
    expect(t.gate.unsavedAudit()).toHaveLength(0);
    expect(t.audits.map((a) => a.decision)).toEqual(['sent-anyway']);
    expect(t.releases()).toBe(1);
  });

  it('a slow check shows "Checking…" once the pressing has settled, then the outcome', async () => {
    const t = setup({ checkMs: 1_000 });
    t.press();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(t.last()?.kind).toBe('checking');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await settle();
    expect(t.last()?.kind).toBe('held');
  });
});
