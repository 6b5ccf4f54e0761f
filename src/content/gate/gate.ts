// The send gate: every send attempt gets a fresh, complete check of the text as it is now; nothing blocking
// lets the site's own send run at once, exactly once; anything else is a person's decision, on the record.
import type { Draft } from '../../engine/schemas/draft.ts';
import type { CheckResult, Finding } from '../../engine/schemas/finding.ts';
import type { AuditDecision, AuditEntryInput, GateSettings, Result } from '../../shared/messages.ts';
import type { ComposeWindow, ReleaseClick, SendGesture, Site } from '../adapters/types.ts';
import { checkTimeoutFor } from '../session.ts';
import { rangeFor } from '../text-map.ts';
import { auditEntry, decide } from './decide.ts';

export type DialogState =
  | { kind: 'checking' }
  | { kind: 'held'; findings: Finding[]; canOverride: boolean; fixable: boolean[]; note?: string }
  | { kind: 'unavailable'; reason: string; allowUnchecked: boolean };

export interface DialogActions {
  cancel(): void;
  sendAnyway(justification: string): void;
  retry(): void;
  sendUnchecked(): void;
  goTo(index: number): void;
  fix(index: number): void;
}

export interface GateView {
  show(state: DialogState, actions: DialogActions): void;
  close(): void;
  /** A short message after the dialog is gone (e.g. the audit log could not be written). */
  notify(text: string): void;
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

interface Held {
  gesture: SendGesture;
  window: ComposeWindow | undefined;
  draft?: Draft;
  findings: Finding[];
  /** The editor's caret when Send was pressed, to give it back on cancel. */
  selection: Range | null;
  fixed: boolean;
  cancelled: boolean;
  /** When the person last pressed (any part of a send gesture) while this send was held. */
  lastPressAt: number;
  /** The dialog state waiting for the pressing to settle. */
  pending?: DialogState | undefined;
  /** The latest complete check's findings (all of them), for "go to" to open the card of one. */
  allFindings: Finding[];
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
  let settings: GateSettings | undefined;
  let held: Held | null = null;

  void deps.gateSettings().then((answer) => {
    if (answer.ok && !settings) settings = answer.data.gate;
  });

  const windowFor = (root: Element): ComposeWindow | undefined => {
    const direct = windows.get(root);
    if (direct) return direct;
    for (const [known, window] of windows) if (known.contains(root) || root.contains(known)) return window;
    return undefined;
  };

  const writeAudit = async (entry: AuditEntryInput): Promise<boolean> => {
    // Older decisions kept in memory go first, in order.
    while (unsaved.length > 0) {
      const first = unsaved[0] as AuditEntryInput;
      if (!(await deps.audit(first)).ok) break;
      unsaved.shift();
    }
    if (unsaved.length === 0 && (await deps.audit(entry)).ok) return true;
    unsaved.push(entry);
    return false;
  };

  const record = async (h: Held, decision: AuditDecision, extra: Partial<AuditEntryInput> = {}) => {
    const draft = h.draft ?? h.window?.readDraft() ?? { subject: '', body: '', to: [], cc: [], bcc: [] };
    const entry = await auditEntry({
      site: deps.site,
      via: h.gesture.via,
      decision,
      ruleIds: h.findings.map((f) => f.ruleId),
      draft,
      decidedAt: new Date(now()).toISOString(),
      ...(extra.justification ? { justification: extra.justification } : {}),
      ...(extra.checkerFailure ? { checkerFailure: extra.checkerFailure } : {}),
    });
    const written = await writeAudit(entry);
    if (!written) {
      deps.view.notify(
        'Preflight could not write this decision to its audit log. It is kept in this tab and written when ' +
          'the checker answers again; closing the tab loses it.',
      );
    }
    return written;
  };

  const finish = () => {
    held = null;
    deps.view.close();
  };

  const release = async (h: Held) => {
    const key = h.window?.id ?? h.gesture.root;
    releasedAt.set(key, now());
    let sent = false;
    try {
      sent = await h.gesture.release(deps.releaseClick);
    } finally {
      releasedAt.set(key, now());
      if (held === h) finish();
    }
    if (!sent) deps.view.notify('Preflight could not find the Send button again. Please send once more.');
  };

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

  /** Shows the dialog for `h` once the pressing has settled (PRESS_SETTLE_MS after the last press). */
  const show = (h: Held, state: DialogState) => {
    const wait = h.lastPressAt + PRESS_SETTLE_MS - now();
    if (wait > 0) {
      setTimeout(() => {
        if (held === h && !h.cancelled && h.pending === state) show(h, state);
      }, wait);
      h.pending = state;
      return;
    }
    h.pending = undefined;
    deps.view.show(state, actionsFor(h));
  };

  const showHeld = (h: Held, blocking: Finding[], canOverride: boolean, note?: string) => {
    h.findings = blocking;
    const fixable = blocking.map(
      (f) => f.suggestion !== undefined && (f.field === 'body' || f.field === 'subject') && !!h.window,
    );
    show(h, { kind: 'held', findings: blocking, canOverride, fixable, ...(note ? { note } : {}) });
  };

  const showUnavailable = (h: Held, reason: string) => {
    h.findings = [];
    const allowUnchecked = (settings?.failMode ?? 'ask') !== 'closed';
    show(h, { kind: 'unavailable', reason, allowUnchecked });
  };

  const runCheck = async (h: Held) => {
    const timer = setTimeout(() => {
      if (held === h && !h.cancelled && !h.pending) show(h, { kind: 'checking' });
    }, deps.checkingDelayMs ?? 400);
    let answer: Result<{ result: CheckResult; gate: GateSettings }>;
    try {
      if (!h.window) {
        answer = { ok: false, reason: 'Preflight has not found this compose window yet' };
      } else {
        h.draft = h.window.readDraft();
        // A long email gets longer to be checked (checkTimeoutFor), not "no answer".
        const wait = checkTimeoutFor(h.draft, timeoutMs);
        answer = await deps.gateCheck(h.draft, wait);
        // A worker stopped while idle wakes on the first message; a second try covers a slow wake.
        if (!answer.ok && held === h && !h.cancelled) answer = await deps.gateCheck(h.draft, wait);
      }
    } catch (error) {
      answer = { ok: false, reason: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
    if (held !== h || h.cancelled) return;
    if (!answer.ok) {
      showUnavailable(h, answer.reason);
      return;
    }
    settings = answer.data.gate;
    h.allFindings = answer.data.result.findings;
    const decision = decide(answer.data.result, answer.data.gate);
    if (decision.kind === 'release') {
      if (h.fixed) await record(h, 'fixed-and-sent');
      await release(h);
    } else if (decision.kind === 'incomplete') {
      showUnavailable(h, `some rules failed to run (${decision.ruleIds.join(', ')})`);
    } else {
      showHeld(
        h,
        decision.blocking,
        decision.canOverride,
        h.fixed ? 'Fix applied. Still blocking:' : undefined,
      );
    }
  };

  const actionsFor = (h: Held): DialogActions => ({
    cancel() {
      if (held !== h) return;
      h.cancelled = true;
      finish();
      returnToEditor(h);
      if (h.draft) void record(h, 'cancelled');
    },
    sendAnyway(justification) {
      if (held !== h || justification.trim().length === 0) return;
      void (async () => {
        await record(h, 'sent-anyway', { justification });
        await release(h);
      })();
    },
    retry() {
      if (held !== h) return;
      void runCheck(h);
    },
    sendUnchecked() {
      if (held !== h || (settings?.failMode ?? 'ask') === 'closed') return;
      const failure = 'the checker did not answer';
      void (async () => {
        await record(h, 'sent-unchecked', { checkerFailure: failure });
        await release(h);
      })();
    },
    goTo(index) {
      const finding = h.findings[index];
      if (held !== h || !finding) return;
      h.cancelled = true;
      finish();
      void record(h, 'went-to-finding');
      selectFinding(h, finding);
      const hooks = h.window && hooksOf.get(h.window);
      hooks?.openFinding?.(finding, h.allFindings.length > 0 ? h.allFindings : h.findings);
    },
    fix(index) {
      const finding = h.findings[index];
      const window = h.window;
      if (held !== h || !finding || !window || finding.suggestion === undefined) return;
      if (finding.field !== 'body' && finding.field !== 'subject') return;
      const text = finding.field === 'body' ? (h.draft?.body ?? '') : (h.draft?.subject ?? '');
      const outcome = window.applySuggestion(
        finding.field,
        finding.start,
        finding.end,
        text.slice(finding.start, finding.end),
        finding.suggestion,
      );
      if (!outcome.ok) {
        showHeld(
          h,
          h.findings,
          h.findings.every((f) => f.overridable !== false),
          `Not applied: ${outcome.reason}.`,
        );
        return;
      }
      h.fixed = true;
      show(h, { kind: 'checking' });
      void runCheck(h);
    },
  });

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
      const window = windowFor(gesture.root);
      const doc = gesture.root.ownerDocument;
      const current = doc.getSelection?.();
      const selection = current && current.rangeCount > 0 ? current.getRangeAt(0).cloneRange() : null;
      const h: Held = {
        gesture,
        window,
        findings: [],
        selection,
        fixed: false,
        cancelled: false,
        lastPressAt: now(),
        allFindings: [],
      };
      held = h;
      void runCheck(h);
    },
    busy: () => held !== null,
    unsavedAudit: () => unsaved,
  };
}
