// The send gate: every send attempt gets a fresh, complete check of the text as it is now; nothing blocking
// lets the site's own send run at once, exactly once; anything else is a person's decision, on the record.
import type { Draft } from '../../engine/schemas/draft.ts';
import type { CheckResult, Finding } from '../../engine/schemas/finding.ts';
import type { AuditDecision, AuditEntryInput, GateSettings, Result } from '../../shared/messages.ts';
import type { ComposeWindow, ReleaseClick, SendGesture, Site } from '../adapters/types.ts';
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

interface Held {
  gesture: SendGesture;
  window: ComposeWindow | undefined;
  draft?: Draft;
  findings: Finding[];
  /** The editor's caret when Send was pressed, to give it back on cancel. */
  selection: Range | null;
  fixed: boolean;
  cancelled: boolean;
}

export interface SendGate {
  register(window: ComposeWindow, signal: AbortSignal): void;
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
  const releasedAt = new Map<Element, number>();
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
    releasedAt.set(h.gesture.root, now());
    let sent = false;
    try {
      sent = await h.gesture.release(deps.releaseClick);
    } finally {
      releasedAt.set(h.gesture.root, now());
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

  const showHeld = (h: Held, blocking: Finding[], canOverride: boolean, note?: string) => {
    h.findings = blocking;
    const fixable = blocking.map(
      (f) => f.suggestion !== undefined && (f.field === 'body' || f.field === 'subject') && !!h.window,
    );
    deps.view.show(
      { kind: 'held', findings: blocking, canOverride, fixable, ...(note ? { note } : {}) },
      actionsFor(h),
    );
  };

  const showUnavailable = (h: Held, reason: string) => {
    h.findings = [];
    const allowUnchecked = (settings?.failMode ?? 'ask') !== 'closed';
    deps.view.show({ kind: 'unavailable', reason, allowUnchecked }, actionsFor(h));
  };

  const runCheck = async (h: Held) => {
    const timer = setTimeout(() => {
      if (held === h && !h.cancelled) {
        deps.view.show({ kind: 'checking' }, actionsFor(h));
      }
    }, deps.checkingDelayMs ?? 400);
    let answer: Result<{ result: CheckResult; gate: GateSettings }>;
    try {
      if (!h.window) {
        answer = { ok: false, reason: 'Preflight has not found this compose window yet' };
      } else {
        h.draft = h.window.readDraft();
        answer = await deps.gateCheck(h.draft, timeoutMs);
        // A worker stopped while idle wakes on the first message; a second try covers a slow wake.
        if (!answer.ok && held === h && !h.cancelled) answer = await deps.gateCheck(h.draft, timeoutMs);
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
      deps.view.show({ kind: 'checking' }, actionsFor(h));
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
    register(window, signal) {
      windows.set(window.root, window);
      signal.addEventListener('abort', () => windows.delete(window.root), { once: true });
    },
    onGesture(gesture) {
      // One held send at a time: presses while a check or the dialog is up are swallowed (no double send).
      if (held) return;
      const last = releasedAt.get(gesture.root);
      if (last !== undefined && now() - last < RELEASE_COOLDOWN_MS) return;
      const window = windowFor(gesture.root);
      const doc = gesture.root.ownerDocument;
      const current = doc.getSelection?.();
      const selection = current && current.rangeCount > 0 ? current.getRangeAt(0).cloneRange() : null;
      const h: Held = { gesture, window, findings: [], selection, fixed: false, cancelled: false };
      held = h;
      void runCheck(h);
    },
    busy: () => held !== null,
    unsavedAudit: () => unsaved,
  };
}
