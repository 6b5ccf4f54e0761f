// The send gate: every send attempt gets a fresh, complete check of the text as it is now; nothing blocking
// lets the site's own send run at once, exactly once; anything else is a person's decision, on the record.
// What happens to one held send is decided by the pure state machine in held.ts; this file runs what it
// asks for (the check, the audit entry, the release, a fix) and shows its dialog.
import type { Draft } from '../../engine/schemas/draft.ts';
import type { CheckResult, Finding } from '../../engine/schemas/finding.ts';
import {
  type AuditDecision,
  type AuditEntryInput,
  AuditEntryInputSchema,
  type GateSettings,
  type Result,
} from '../../shared/messages.ts';
import type { ComposeWindow, ReleaseClick, SendGesture, Site } from '../adapters/types.ts';
import { changeRecipient } from '../recipient-at.ts';
import { checkTimeoutFor } from '../session.ts';
import { rangeFor } from '../text-map.ts';
import { auditEntry, decide } from './decide.ts';
import {
  type DialogState,
  dialogFor,
  type Effect,
  type FailMode,
  type HeldEvent,
  type HeldState,
  start,
  step,
} from './held.ts';

export type { DialogState } from './held.ts';

export interface DialogActions {
  cancel(): void;
  sendAnyway(justification: string): void;
  retry(): void;
  sendUnchecked(): void;
  /** After a fix: send the fixed email. */
  sendFixed(): void;
  goTo(index: number): void;
  fix(index: number): void;
}

export interface GateView {
  show(state: DialogState, actions: DialogActions): void;
  close(): void;
  /** A short message after the dialog is gone (e.g. the audit log could not be written). */
  notify(text: string): void;
  /** Runs a fix the person asked for: while it runs, the dialog lets Preflight's own edits reach the page
   * (its focus and key traps stand aside). */
  standAside?<T>(edit: () => Promise<T>): Promise<T>;
}

export interface GateDeps {
  site: Site;
  gateCheck(draft: Draft, timeoutMs: number): Promise<Result<{ result: CheckResult; gate: GateSettings }>>;
  gateSettings(): Promise<Result<{ gate: GateSettings }>>;
  audit(entry: AuditEntryInput): Promise<Result<unknown>>;
  releaseClick: ReleaseClick;
  view: GateView;
  now?: () => number;
  /** How long one check may take before it counts as no answer; one automatic retry follows. */
  checkTimeoutMs?: number;
  /** How long before a pending check shows "Checking…" (a quick answer shows nothing). */
  checkingDelayMs?: number;
}

export const CHECK_TIMEOUT_MS = 4000;
/** After a release, the rest of a double click (or a repeat key) on the same compose is swallowed. */
export const RELEASE_COOLDOWN_MS = 1000;
/**
 * The dialog never appears while the person is still pressing Send: it waits until this long after the last
 * press (a double click's second press, a repeated key). Shown any earlier, its full-page backdrop lands under
 * the second press of a double click, which then hits the dialog (at worst one of its buttons) instead of the
 * Send button it was aimed at. A fast check made this a race with the person's hand; the wait removes it. A
 * clean email is not delayed: it is released as soon as the check answers.
 */
export const PRESS_SETTLE_MS = 500;

/** The text that was checked, to compare with the text at release: body, subject and every recipient. */
export function fingerprint(draft: Draft): string {
  return JSON.stringify([draft.subject, draft.body, draft.to, draft.cc, draft.bcc]);
}

interface Held {
  gesture: SendGesture;
  window: ComposeWindow | undefined;
  state: HeldState;
  /** The draft the last check read, and its fingerprint. */
  draft?: Draft;
  checked?: string;
  /** The editor's caret when Send was pressed, to give it back on cancel. */
  selection: Range | null;
  /** When the person last pressed (any part of a send gesture) while this send was held. */
  lastPressAt: number;
  /** When the send was held (a slow check shows "Checking…" a moment after this). */
  startedAt: number;
  /** What the dialog shows now (null: not on screen). */
  shown: DialogState | null;
  /** A dialog state waiting for the pressing to settle or for the "checking" delay. */
  timer?: ReturnType<typeof setTimeout>;
  /** The latest complete check's findings (all of them), for "go to" to open the card of one. */
  allFindings: Finding[];
}

export interface SkippedAudit {
  decision: AuditDecision;
  decidedAt?: string | undefined;
  why: string;
}

/** Per compose window, what the gate may ask of the overlay drawn on it. */
export interface WindowHooks {
  /** Opens the finding's card on the compose (the check's full findings given, to draw if they are newer). */
  openFinding?(finding: Finding, all: readonly Finding[]): boolean;
}

export interface SendGate {
  register(window: ComposeWindow, signal: AbortSignal, hooks?: WindowHooks): void;
  /** Every event read as part of a send: the trigger starts a check, the rest only counts as a press. */
  onGesture(gesture: SendGesture): void;
  /** Whether a send is held (checking or waiting for the person). */
  busy(): boolean;
  /** Audit entries that could not be written yet, kept in this tab. */
  unsavedAudit(): readonly AuditEntryInput[];
  /** Audit entries skipped because they fail the log's schema (what and why, no email text). */
  skippedAudit(): readonly SkippedAudit[];
  /** The gate's settings as last read from the worker; undefined until one answer arrived. */
  settings(): GateSettings | undefined;
}

export function createSendGate(deps: GateDeps): SendGate {
  const now = deps.now ?? (() => Date.now());
  const timeoutMs = deps.checkTimeoutMs ?? CHECK_TIMEOUT_MS;
  const windows = new Map<Element, ComposeWindow>();
  const hooksOf = new WeakMap<ComposeWindow, WindowHooks>();
  /** Keyed by the compose's identity (its id), not its element: a re-rendered compose is the same one. */
  const releasedAt = new Map<string | Element, number>();
  const composeKey = (root: Element): string | Element => windowFor(root)?.id ?? root;
  const unsaved: AuditEntryInput[] = [];
  const skipped: SkippedAudit[] = [];
  let settings: GateSettings | undefined;
  let held: Held | null = null;

  // Unknown settings mean closed: until the worker has answered once, no send goes unchecked. A failed
  // fetch is tried again at the next held send.
  let fetching = false;
  const fetchSettings = () => {
    if (settings || fetching) return;
    fetching = true;
    void deps
      .gateSettings()
      .then(
        (answer) => {
          if (answer.ok && !settings) settings = answer.data.gate;
        },
        () => undefined,
      )
      .finally(() => {
        fetching = false;
      });
  };
  fetchSettings();
  const failMode = (): FailMode => settings?.failMode ?? 'closed';

  const windowFor = (root: Element): ComposeWindow | undefined => {
    const direct = windows.get(root);
    if (direct) return direct;
    for (const [known, window] of windows) if (known.contains(root) || root.contains(known)) return window;
    return undefined;
  };

  /** A refusal that no retry can cure: the entry itself fails the log's schema (here or in the worker). */
  const refused = (reason: string) => /^(invalid request|refused message)/.test(reason);

  const skip = (entry: AuditEntryInput, why: string) => {
    skipped.push({ decision: entry.decision, decidedAt: entry.decidedAt, why });
    // The reason names the field, never a value: it may not hold any of the email.
    deps.view.notify(
      `Preflight skipped one audit entry (${entry.decision}) that does not fit the audit log's format: ${why}. ` +
        'Later decisions are written as usual.',
    );
  };

  /** Sends one entry: written, kept for later (no answer), or skipped for good (it fails the schema). */
  const send = async (entry: AuditEntryInput): Promise<'written' | 'later' | 'skipped'> => {
    const local = AuditEntryInputSchema.safeParse(entry);
    if (!local.success) {
      const issue = local.error.issues[0];
      skip(entry, issue ? `${issue.path.join('.') || 'entry'}: ${issue.message}` : 'invalid');
      return 'skipped';
    }
    const answer = await deps
      .audit(entry)
      .catch((error: unknown) => ({ ok: false as const, reason: String(error) }));
    if (answer.ok) return 'written';
    if (refused(answer.reason)) {
      skip(entry, answer.reason.replace(/^(invalid request|refused message):\s*/, ''));
      return 'skipped';
    }
    return 'later';
  };

  const writeAudit = async (entry: AuditEntryInput): Promise<boolean> => {
    // Older decisions kept in memory go first, in order; one that fails the schema is skipped (and
    // reported), never left to block every later write in this tab.
    while (unsaved.length > 0) {
      const first = unsaved[0] as AuditEntryInput;
      const outcome = await send(first);
      if (outcome === 'later') break;
      unsaved.shift();
    }
    if (unsaved.length === 0) {
      const outcome = await send(entry);
      if (outcome !== 'later') return outcome === 'written';
    }
    unsaved.push(entry);
    return false;
  };

  const record = async (h: Held, effect: Extract<Effect, { type: 'record' }>): Promise<boolean> => {
    // The entry's hash is of the text that goes: the checked text (verified at release) or, unchecked,
    // the text as it is now.
    const fresh = effect.decision === 'sent-unchecked' ? h.window?.readDraft() : undefined;
    const draft = fresh ??
      h.draft ??
      h.window?.readDraft() ?? { subject: '', body: '', to: [], cc: [], bcc: [] };
    const findings = currentFindings(h);
    const entry = await auditEntry({
      site: deps.site,
      via: h.gesture.via,
      decision: effect.decision as AuditDecision,
      ruleIds: findings.map((f) => f.ruleId),
      draft,
      decidedAt: new Date(now()).toISOString(),
      ...(effect.justification ? { justification: effect.justification } : {}),
      ...(effect.checkerFailure ? { checkerFailure: effect.checkerFailure } : {}),
    });
    return writeAudit(entry);
  };

  /** The blocking findings the person decided on (kept on the held send for the record). */
  const decidedOn = new WeakMap<Held, Finding[]>();
  const currentFindings = (h: Held): Finding[] => decidedOn.get(h) ?? [];

  const returnToEditor = (h: Held) => {
    const editor = h.window?.bodyElement();
    if (!editor) return;
    editor.focus({ preventScroll: true });
    const selection = editor.ownerDocument.getSelection();
    if (selection && h.selection && editor.contains(h.selection.startContainer)) {
      selection.removeAllRanges();
      selection.addRange(h.selection);
    }
  };

  const actionsFor = (h: Held): DialogActions => ({
    cancel: () => dispatch(h, { type: 'cancel' }),
    sendAnyway: (justification) => dispatch(h, { type: 'send-anyway', justification }),
    retry: () => dispatch(h, { type: 'retry' }),
    sendUnchecked: () => dispatch(h, { type: 'send-unchecked' }),
    sendFixed: () => dispatch(h, { type: 'send-fixed' }),
    goTo: (index) => dispatch(h, { type: 'go-to', index }),
    fix: (index) => dispatch(h, { type: 'fix', index }),
  });

  const present = (h: Held, state: DialogState) => {
    if (h.timer !== undefined) clearTimeout(h.timer);
    h.timer = undefined;
    h.shown = state;
    deps.view.show(state, actionsFor(h));
  };

  /** Brings the dialog in line with the machine's state. */
  const render = (h: Held) => {
    const next = dialogFor(h.state, h.shown);
    if (!next) {
      if (h.timer !== undefined) clearTimeout(h.timer);
      h.timer = undefined;
      if (h.shown) deps.view.close();
      h.shown = null;
      return;
    }
    if (h.shown) {
      present(h, next);
      return;
    }
    // Not on screen yet: "checking" only after a short delay (a quick answer shows nothing), anything
    // else once the pressing has settled.
    if (h.timer !== undefined) clearTimeout(h.timer);
    const settle = h.lastPressAt + PRESS_SETTLE_MS - now();
    const checkingDue = h.startedAt + (deps.checkingDelayMs ?? 400) - now();
    const wait = next.kind === 'checking' ? Math.max(checkingDue, settle) : settle;
    if (wait <= 0) {
      present(h, next);
      return;
    }
    h.timer = setTimeout(() => {
      h.timer = undefined;
      if (held === h) render(h);
    }, wait);
  };

  const dispatch = (h: Held, event: HeldEvent) => {
    if (held !== h) return;
    const transition = step(h.state, event);
    if (transition.state === h.state && transition.effects.length === 0) return;
    h.state = transition.state;
    if (h.state.phase.kind === 'held') decidedOn.set(h, h.state.phase.findings);
    if (h.state.phase.kind === 'done') held = null;
    render(h);
    for (const effect of transition.effects) run(h, effect);
  };

  const runCheck = async (h: Held) => {
    let event: HeldEvent;
    try {
      if (!h.window) {
        event = {
          type: 'failed',
          reason: 'Preflight has not found this compose window yet',
          failMode: failMode(),
        };
      } else {
        const draft = h.window.readDraft();
        h.draft = draft;
        h.checked = fingerprint(draft);
        // A long email gets longer to be checked (checkTimeoutFor), not "no answer".
        const answer = await deps.gateCheck(draft, checkTimeoutFor(draft, timeoutMs));
        if (answer.ok) {
          settings = answer.data.gate;
          h.allFindings = answer.data.result.findings;
          const decision = decide(answer.data.result, answer.data.gate);
          const fixable =
            decision.kind === 'hold'
              ? decision.blocking.map(
                  (f) =>
                    f.suggestion !== undefined &&
                    (f.field === 'body' ||
                      f.field === 'subject' ||
                      (f.field === 'recipients' && h.window?.replaceRecipient !== undefined)) &&
                    !!h.window,
                )
              : [];
          event = { type: 'answered', decision, failMode: answer.data.gate.failMode, fixable };
        } else {
          fetchSettings();
          event = { type: 'failed', reason: answer.reason, failMode: failMode() };
        }
      }
    } catch (error) {
      event = {
        type: 'failed',
        reason: error instanceof Error ? error.message : String(error),
        failMode: failMode(),
      };
    }
    dispatch(h, event);
  };

  const release = async (h: Held) => {
    const key = h.window?.id ?? h.gesture.root;
    releasedAt.set(key, now());
    let sent = false;
    try {
      sent = await h.gesture.release(deps.releaseClick);
    } catch {
      sent = false;
    } finally {
      releasedAt.set(key, now());
    }
    dispatch(h, { type: 'released', sent });
  };

  const applyFix = (h: Held, finding: Finding) => {
    const window = h.window;
    if (window && finding.field === 'recipients' && finding.suggestion !== undefined) {
      void applyRecipientFix(h, window, finding, finding.suggestion);
      return;
    }
    if (
      !window ||
      finding.suggestion === undefined ||
      (finding.field !== 'body' && finding.field !== 'subject')
    ) {
      dispatch(h, { type: 'fix-applied', ok: false, reason: 'this issue has no fix here' });
      return;
    }
    const text = finding.field === 'body' ? (h.draft?.body ?? '') : (h.draft?.subject ?? '');
    const outcome = window.applySuggestion(
      finding.field,
      finding.start,
      finding.end,
      text.slice(finding.start, finding.end),
      finding.suggestion,
    );
    if (!outcome.ok) {
      dispatch(h, { type: 'fix-applied', ok: false, reason: outcome.reason });
      return;
    }
    // The person sees the fixed passage before anything is sent.
    const after = window.readDraft();
    const field = finding.field === 'body' ? after.body : after.subject;
    const from = Math.max(0, finding.start - 60);
    const to = Math.min(field.length, finding.start + finding.suggestion.length + 60);
    const passage = `${from > 0 ? '…' : ''}${field.slice(from, to).trim()}${to < field.length ? '…' : ''}`;
    dispatch(h, { type: 'fix-applied', ok: true, replacement: passage });
  };

  const standAside = <T>(edit: () => Promise<T>): Promise<T> =>
    deps.view.standAside ? deps.view.standAside(edit) : edit();

  /** A recipient fix: the person sees which field now holds which address before anything is sent. */
  const applyRecipientFix = async (h: Held, window: ComposeWindow, finding: Finding, suggestion: string) => {
    const { outcome, at } = await standAside(() => changeRecipient(window, finding, suggestion));
    if (!outcome.ok || !at) {
      dispatch(h, {
        type: 'fix-applied',
        ok: false,
        reason: outcome.ok ? 'the address is gone' : outcome.reason,
      });
      return;
    }
    const label = { to: 'To', cc: 'Cc', bcc: 'Bcc' }[at.list];
    dispatch(h, {
      type: 'fix-applied',
      ok: true,
      replacement: `${label}: ${window.readDraft()[at.list].join(', ')}`,
    });
  };

  const run = (h: Held, effect: Effect) => {
    switch (effect.type) {
      case 'check':
        void runCheck(h);
        return;
      case 'verify': {
        // What goes must be what was checked: the text is read again now, at release.
        const same = !h.window || h.checked === undefined || fingerprint(h.window.readDraft()) === h.checked;
        dispatch(h, { type: 'verified', same });
        return;
      }
      case 'record': {
        const waits = h.state.phase.kind === 'recording';
        void record(h, effect).then(
          (ok) => waits && dispatch(h, { type: 'recorded', ok }),
          () => waits && dispatch(h, { type: 'recorded', ok: false }),
        );
        return;
      }
      case 'release':
        void release(h);
        return;
      case 'apply-fix':
        applyFix(h, effect.finding);
        return;
      case 'select-finding': {
        selectFinding(h, effect.finding);
        const hooks = h.window && hooksOf.get(h.window);
        const all = h.allFindings.length > 0 ? h.allFindings : currentFindings(h);
        hooks?.openFinding?.(effect.finding, all);
        return;
      }
      case 'return-to-editor':
        returnToEditor(h);
        return;
      case 'notify':
        deps.view.notify(effect.text);
        return;
      case 'cooldown':
        releasedAt.set(h.window?.id ?? h.gesture.root, now());
        return;
    }
  };

  const selectFinding = (h: Held, finding: Finding) => {
    const window = h.window;
    if (!window) return;
    if (finding.field === 'subject') {
      const subject = window.subjectElement();
      subject?.focus();
      subject?.setSelectionRange(finding.start, finding.end);
      return;
    }
    const editor = window.bodyElement();
    if (!editor) return;
    editor.focus({ preventScroll: true });
    const map = finding.field === 'body' ? window.bodyMap() : null;
    const range = map ? rangeFor(map, finding.start, finding.end, editor.ownerDocument) : null;
    if (!range) return;
    const selection = editor.ownerDocument.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
  };

  return {
    register(window, signal, hooks) {
      windows.set(window.root, window);
      if (hooks) hooksOf.set(window, hooks);
      signal.addEventListener('abort', () => windows.delete(window.root), { once: true });
    },
    onGesture(gesture) {
      // One held send at a time: presses while a check or the dialog is up are swallowed (no double send),
      // and each one puts the dialog off until the pressing has settled.
      if (held) {
        held.lastPressAt = now();
        return;
      }
      if (!gesture.trigger) return;
      const last = releasedAt.get(composeKey(gesture.root));
      if (last !== undefined && now() - last < RELEASE_COOLDOWN_MS) return;
      fetchSettings();
      const window = windowFor(gesture.root);
      const doc = gesture.root.ownerDocument;
      const current = doc?.getSelection?.();
      const selection = current && current.rangeCount > 0 ? current.getRangeAt(0).cloneRange() : null;
      const first = start(failMode());
      const h: Held = {
        gesture,
        window,
        state: first.state,
        selection,
        lastPressAt: now(),
        startedAt: now(),
        shown: null,
        allFindings: [],
      };
      held = h;
      render(h);
      for (const effect of first.effects) run(h, effect);
    },
    busy: () => held !== null,
    unsavedAudit: () => unsaved,
    skippedAudit: () => skipped,
    settings: () => settings,
  };
}
