// Preflight's UI lives in a shadow root outside the editor: the site's DOM and the user's text are never
// rewritten, and the site's styles and page-wide handlers do not reach it. Positions are measured once per
// animation frame, after any change, scroll or resize: reads first, then one render.
import { render } from 'preact';
import type { Finding } from '../../engine/schemas/finding.ts';
import type { FalsePositiveReport, Result } from '../../shared/messages.ts';
import type { ComposeWindow, Site } from '../adapters/types.ts';
import { recipientAt } from '../recipient-at.ts';
import type { ChipState, SessionView } from '../session.ts';
import { rangeFor } from '../text-map.ts';
import { FindingCard } from './finding-card.tsx';
import { countFindings, dismissalKey, panelOrder, visibleFindings } from './findings.ts';
import { FindingsPanel } from './findings-panel.tsx';
import { type Box, contains, inputTextBox, intersect, rangeBoxes, toBox, visibleArea } from './geometry.ts';
import { INTERACTIVE, type PlacementInput, placeChip, samplePoints } from './placement.ts';
import { type GuardState, StatusChip } from './status-chip.tsx';
import { type DrawnUnderline, Underlines } from './underlines.tsx';

const STYLE = `
:host { all: initial; }
* { box-sizing: border-box; }
.layer { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f1f1f; }
.chip { position: fixed; z-index: 2147483646; display: inline-flex; align-items: center; gap: 6px;
  font: 500 12px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; padding: 4px 10px;
  border: 1px solid; border-radius: 999px; background: #fff; box-shadow: 0 1px 3px rgba(0,0,0,.2);
  white-space: nowrap; pointer-events: auto; cursor: pointer; }
.dot { width: 8px; height: 8px; border-radius: 50%; flex: none; }
.guarded { font-weight: 700; color: #1b6e3a; }
.finding { position: fixed; z-index: 2147483645; pointer-events: none; }
.strip { position: absolute; height: 3px; }
.highlight { position: absolute; border-radius: 2px; }
.sev-block .strip { background: #d93025; }
.sev-warn .strip { background: #e37400; }
.sev-info .strip { height: 0; border-bottom: 2px dotted #1a73e8; }
.sev-block .highlight { background: rgba(217,48,37,.14); }
.sev-warn .highlight { background: rgba(227,116,0,.16); }
.sev-info .highlight { background: rgba(26,115,232,.12); }
.card, .panel { position: fixed; z-index: 2147483647; pointer-events: auto; background: #fff;
  border: 1px solid #dadce0; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.18); }
.card { width: 340px; padding: 10px 12px; border-top: 4px solid #5f6368; }
.card.sev-block { border-top-color: #d93025; }
.card.sev-warn { border-top-color: #e37400; }
.card.sev-info { border-top-color: #1a73e8; }
.card-head { display: flex; align-items: center; gap: 8px; }
.badge { font-weight: 600; }
.category { color: #5f6368; font-size: 12px; flex: 1; }
.close { border: 0; background: none; font-size: 18px; line-height: 1; cursor: pointer; color: #5f6368; padding: 0 2px; }
.message { margin: 6px 0; }
.clause { margin: 6px 0; color: #3c4043; font-size: 12px; }
.label { font-weight: 600; }
.suggestion { margin: 8px 0; display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.note { margin: 6px 0; font-size: 12px; color: #3c4043; }
.actions { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 8px; }
button { font: inherit; font-size: 12px; }
.actions button, .suggestion button, .row button { border: 1px solid #dadce0; background: #fff; border-radius: 4px;
  padding: 3px 8px; cursor: pointer; color: #1f1f1f; }
.suggestion button.primary { background: #1a73e8; border-color: #1a73e8; color: #fff; }
.panel { width: 380px; max-height: 320px; overflow: auto; padding: 6px 0; }
.panel ul { list-style: none; margin: 0; padding: 0; }
.row { display: flex; align-items: center; gap: 8px; padding: 6px 12px; }
.row .dot { background: #5f6368; }
.row.sev-block .dot { background: #d93025; }
.row.sev-warn .dot { background: #e37400; }
.row.sev-info .dot { background: #1a73e8; }
.row-text { flex: 1; display: flex; flex-direction: column; }
.row-field { font-size: 11px; color: #5f6368; }
.empty { margin: 6px 12px; }
`;

const HOVER_OPEN_MS = 250;
const HOVER_CLOSE_MS = 350;

export interface OverlayDeps {
  site?: Site;
  report?(report: FalsePositiveReport): Promise<Result<unknown>>;
  /** Counts a dismissal for the rule's statistics (rule id only, never the text). */
  countDismissal?(ruleId: string): Promise<Result<unknown>>;
  /** The compose's Send control as the gate finds it (the chip sits in its toolbar row when it can). */
  sendControl?(): Element | null;
  /** Whether the send gate can guard this compose now (its Send is found, its sends are read). */
  guarded?(): boolean;
  /** Called once when the compose stays unguarded past GUARD_SETTLE_MS (to count it, locally). */
  onUnguarded?(): void;
}

/** A compose just opened may draw its toolbar a little after its editor: not guarded only if it lasts. */
export const GUARD_SETTLE_MS = 1500;
const GUARD_POLL_MS = 1000;
/** A placement is measured again at least this often, even when nothing it depends on moved. */
const PLACEMENT_REFRESH_MS = 1000;

interface Tracked {
  key: string;
  finding: Finding;
  /** The text the finding was computed on: a fix is applied only while this still stands at its offsets. */
  expected: string;
  /** Live: the browser moves it with edits, so underlines follow typing until the next check. */
  range?: Range;
}

interface CardState {
  key: string;
  pinned: boolean;
  note?: string;
}

/** The overlay of one compose window: what the session draws, and what the send gate may ask of it. */
export interface OverlayView extends SessionView {
  /**
   * Opens the card of `finding` (pinned), as "go to issue" in the send dialog does. `all` is the complete
   * set the finding came from (the send gate's fresh check): it is drawn first when the overlay's own
   * findings do not hold this one. False when there is nothing to open it on.
   */
  openFinding(finding: Finding, all: readonly Finding[]): boolean;
  /** Whether the send gate guards this compose, as the chip shows it. */
  guardState(): GuardState;
}

export function mountOverlay(
  window: ComposeWindow,
  signal: AbortSignal,
  deps: OverlayDeps = {},
): OverlayView {
  const doc = window.root.ownerDocument;
  const view = doc.defaultView;
  const host = doc.createElement('preflight-overlay');
  host.setAttribute('data-preflight-root', '');
  host.setAttribute('data-compose-id', window.id);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const mountPoint = doc.createElement('div');
  mountPoint.className = 'layer';
  shadow.append(style, mountPoint);
  doc.documentElement.append(host);

  let state: ChipState = { kind: 'checking' };
  let tracked: Tracked[] = [];
  const dismissed = new Set<string>();
  /** Applied fixes: hidden until the next check answers. */
  const applied = new Set<string>();
  let card: CardState | null = null;
  let panelOpen = false;
  let hoveringCard = false;
  // Measured in the last frame.
  let lines = new Map<string, Box[]>();
  let chipBox: Box | null = null;
  let guard: GuardState = 'pending';
  let unguardedSince: number | null = null;
  let reportedUnguarded = false;

  /** Re-reads whether the gate guards this compose; true when the state shown changed. */
  const readGuard = (): boolean => {
    if (!deps.guarded) return false;
    let raw = false;
    try {
      raw = deps.guarded();
    } catch {
      raw = false;
    }
    const before = guard;
    if (raw) {
      guard = 'guarded';
      unguardedSince = null;
    } else {
      const now = Date.now();
      unguardedSince ??= now;
      if (now - unguardedSince >= GUARD_SETTLE_MS) {
        guard = 'unguarded';
        if (!reportedUnguarded) {
          reportedUnguarded = true;
          deps.onUnguarded?.();
        }
      }
    }
    return guard !== before;
  };

  const shown = (): Tracked[] => {
    const visible = new Set(
      visibleFindings(
        tracked.map((t) => t.finding),
        dismissed,
      ),
    );
    return tracked.filter((t) => visible.has(t.finding) && !applied.has(t.key));
  };

  // ---- measuring and drawing, once per frame ----
  let frame = 0;
  const schedule = () => {
    if (frame || signal.aborted || !view) return;
    frame = view.requestAnimationFrame(() => {
      frame = 0;
      if (!signal.aborted) measureAndDraw();
    });
  };

  let observed: Element | null = null;
  const resizeObserver = typeof ResizeObserver === 'function' ? new ResizeObserver(schedule) : null;

  const measureAndDraw = () => {
    // Reads.
    readGuard();
    const editor = window.bodyElement();
    if (resizeObserver && editor !== observed) {
      if (observed) resizeObserver.unobserve(observed);
      if (editor) resizeObserver.observe(editor);
      observed = editor;
    }
    const area = editor ? visibleArea(editor) : null;
    const subject = window.subjectElement();
    const subjectArea = subject ? intersect(toBox(subject.getBoundingClientRect()), viewportBox()) : null;
    const next = new Map<string, Box[]>();
    for (const t of shown()) {
      if (t.finding.field === 'body' && t.range && area && stillMatches(t)) {
        const boxes = rangeBoxes(t.range)
          .map((b) => intersect(b, area))
          .filter((b): b is Box => b !== null);
        if (boxes.length > 0) next.set(t.key, boxes);
      } else if (t.finding.field === 'subject' && subject && subjectArea) {
        if (subject.value.slice(t.finding.start, t.finding.end) !== t.expected) continue;
        const box = inputTextBox(subject, t.finding.start, t.finding.end);
        const clipped = box && intersect(box, subjectArea);
        if (clipped) next.set(t.key, [clipped]);
      }
    }
    lines = next;
    const editorRect = window.editorRect();
    const chip = mountPoint.querySelector('.chip') as HTMLElement | null;
    const chipWidth = chip?.offsetWidth ?? 0;
    const chipHeight = chip?.offsetHeight ?? 0;
    let chipPos: { top: number; left: number; hidden: boolean } | null = null;
    if (editorRect) {
      const placed = placeChipNow(editorRect, chipWidth || 160, chipHeight || 26);
      if (placed) {
        chipPos = { top: placed.top, left: placed.left, hidden: editorRect.width === 0 };
        chipBox = {
          left: placed.left,
          top: placed.top,
          right: placed.left + chipWidth,
          bottom: placed.top + chipHeight,
        };
      }
    }
    // Writes.
    draw(chipPos);
    // The chip was placed with its width from before this render; when its text grew or shrank ("5 blocking
    // issues, 1 warning"), place it again next frame so it never runs past the editor's right edge.
    const drawnChip = mountPoint.querySelector('.chip') as HTMLElement | null;
    if (drawnChip && Math.abs(drawnChip.offsetWidth - chipWidth) > 1) schedule();
  };

  // ---- where the chip goes: covering no control of the compose or the page ----
  let placement: { key: string; at: number; box: Box } | null = null;

  /** Whether a click at (x, y) would land on something a person uses (not Preflight's own UI). */
  const controlAt = (x: number, y: number): boolean => {
    for (const el of doc.elementsFromPoint(x, y)) {
      if (el.closest('[data-preflight-root]')) continue;
      return el.closest(INTERACTIVE) !== null;
    }
    return false;
  };

  const placeChipNow = (editorRect: DOMRect, width: number, height: number): Box | null => {
    const rootRect = window.root.getBoundingClientRect?.();
    const send = deps.sendControl?.() ?? null;
    const row = send?.closest('[role="group"], [role="toolbar"]') ?? send?.parentElement ?? null;
    const input: PlacementInput = {
      chip: { width, height },
      viewport: viewportBox(),
      compose: rootRect && rootRect.width > 0 ? toBox(rootRect) : null,
      toolbar: row && window.root.contains(row) ? toBox(row.getBoundingClientRect()) : null,
      send: send ? toBox(send.getBoundingClientRect()) : null,
      editor: toBox(editorRect),
    };
    const key = JSON.stringify([input, Math.round(width), Math.round(height)], (_k, v) =>
      typeof v === 'number' ? Math.round(v) : v,
    );
    const now = Date.now();
    // The same layout keeps its place (measuring hits costs a little); a moved compose is placed again.
    if (placement && placement.key === key && now - placement.at < PLACEMENT_REFRESH_MS) return placement.box;
    const box = placeChip(
      input,
      (candidate) => samplePoints(candidate).filter(([x, y]) => controlAt(x, y)).length,
    );
    if (box) placement = { key, at: now, box };
    return box;
  };

  const viewportBox = (): Box => ({
    left: 0,
    top: 0,
    right: view?.innerWidth ?? 0,
    bottom: view?.innerHeight ?? 0,
  });

  const stillMatches = (t: Tracked): boolean => {
    const range = t.range;
    if (!range || range.collapsed || !range.startContainer.isConnected) return false;
    // The range's text has no line breaks between paragraphs; compare what was typed, not the spacing.
    return range.toString().replace(/\s+/g, '') === t.expected.replace(/\s+/g, '');
  };

  const anchorFor = (key: string): Box | null => {
    const boxes = lines.get(key);
    if (boxes?.[0]) return boxes[0];
    return chipBox;
  };

  const draw = (chipPos: { top: number; left: number; hidden: boolean } | null) => {
    const items = shown();
    const counts = countFindings(items.map((t) => t.finding));
    const underlines: DrawnUnderline[] = [];
    for (const t of items) {
      const boxes = lines.get(t.key);
      if (boxes)
        underlines.push({ key: t.key, finding: t.finding, lines: boxes, active: card?.key === t.key });
    }
    const open = card ? items.find((t) => t.key === card?.key) : undefined;
    if (card && !open) card = null;
    const anchor = open ? anchorFor(open.key) : null;
    const viewport = { width: view?.innerWidth ?? 0, height: view?.innerHeight ?? 0 };
    render(
      <>
        <Underlines items={underlines} />
        <StatusChip
          state={state}
          counts={state.kind === 'result' ? counts : undefined}
          expanded={panelOpen}
          onToggle={() => {
            panelOpen = !panelOpen;
            schedule();
          }}
          position={chipPos}
          guard={deps.guarded ? guard : undefined}
        />
        {panelOpen && chipBox && (
          <FindingsPanel
            items={panelOrder(items.map((t) => t.finding)).map((finding) => ({
              key: items.find((t) => t.finding === finding)?.key ?? '',
              finding,
            }))}
            anchor={chipBox}
            viewport={viewport}
            onGoTo={goTo}
          />
        )}
        {open && anchor && card && (
          <FindingCard
            finding={open.finding}
            anchor={anchor}
            viewport={viewport}
            note={card.note}
            canApply={
              open.finding.suggestion !== undefined &&
              (open.finding.field === 'body' ||
                open.finding.field === 'subject' ||
                (open.finding.field === 'recipients' && window.replaceRecipient !== undefined))
            }
            onApply={() => apply(open)}
            onDismiss={() => dismiss(open)}
            onReport={() => void report(open)}
            onClose={closeCard}
            onHover={(inside) => {
              hoveringCard = inside;
              if (!inside) scheduleHoverClose();
            }}
          />
        )}
      </>,
      mountPoint,
    );
  };

  // ---- card actions ----
  const openCard = (key: string, pinned: boolean) => {
    card = { key, pinned };
    schedule();
  };
  const closeCard = () => {
    card = null;
    hoveringCard = false;
    schedule();
  };
  const setNote = (key: string, note: string) => {
    if (card?.key === key) card = { ...card, note, pinned: true };
    schedule();
  };

  const apply = (t: Tracked) => {
    const { field, start, end, suggestion } = t.finding;
    if (suggestion !== undefined && field === 'recipients') {
      void applyToRecipient(t, suggestion);
      return;
    }
    if (suggestion === undefined || (field !== 'body' && field !== 'subject')) return;
    const outcome = window.applySuggestion(field, start, end, t.expected, suggestion);
    if (outcome.ok) {
      applied.add(t.key);
      closeCard();
    } else {
      setNote(t.key, `Not applied: ${outcome.reason}. The next check will show where it is now.`);
    }
  };

  /** A recipient fix: the address changed in the To/Cc/Bcc field by the site's own controls. */
  const applyToRecipient = async (t: Tracked, suggestion: string) => {
    const at = recipientAt(window.readDraft(), t.finding);
    const outcome =
      at && window.replaceRecipient
        ? await window.replaceRecipient(at.list, at.index, t.finding.excerpt, suggestion)
        : { ok: false as const, reason: 'the address is no longer there' };
    if (signal.aborted) return;
    if (outcome.ok) {
      applied.add(t.key);
      closeCard();
    } else setNote(t.key, `Not changed: ${outcome.reason}.`);
  };

  const dismiss = (t: Tracked) => {
    dismissed.add(dismissalKey(t.finding));
    void deps.countDismissal?.(t.finding.ruleId);
    closeCard();
  };

  const report = async (t: Tracked) => {
    const send = deps.report;
    if (!send) return;
    setNote(t.key, 'Reporting…');
    const answer = await send({
      ruleId: t.finding.ruleId,
      category: t.finding.category,
      excerptLength: t.finding.excerpt.length,
      site: deps.site ?? 'fake',
    });
    if (signal.aborted) return;
    setNote(
      t.key,
      answer.ok
        ? 'Reported. The report stays on this computer and holds no email text.'
        : `Could not report: ${answer.reason}`,
    );
  };

  const goTo = (key: string) => {
    panelOpen = false;
    const t = tracked.find((item) => item.key === key);
    if (!t) return;
    if (t.finding.field === 'body' && t.range && stillMatches(t)) {
      const target = t.range.startContainer.parentElement;
      target?.scrollIntoView({ block: 'center', inline: 'nearest' });
    } else if (t.finding.field === 'subject') {
      window.subjectElement()?.scrollIntoView({ block: 'nearest' });
    } else if (t.finding.field === 'recipients') {
      goToRecipient(t.finding);
    }
    openCard(key, true);
  };

  /** A finding on an address: its chip in the To/Cc/Bcc field, scrolled to and focused. */
  const goToRecipient = (finding: Finding) => {
    const at = recipientAt(window.readDraft(), finding);
    if (at) window.focusRecipient?.(at.list, at.index);
  };

  // ---- pointer and keyboard: the editor keeps every event; Preflight only watches ----
  const hitTest = (x: number, y: number): string | null => {
    for (const [key, boxes] of lines) for (const box of boxes) if (contains(box, x, y, 1)) return key;
    return null;
  };
  let hoverTimer: ReturnType<typeof setTimeout> | undefined;
  let hoverKey: string | null = null;
  const clearHoverTimer = () => {
    if (hoverTimer !== undefined) clearTimeout(hoverTimer);
    hoverTimer = undefined;
  };
  const scheduleHoverClose = () => {
    clearHoverTimer();
    hoverTimer = setTimeout(() => {
      if (card && !card.pinned && !hoveringCard && hoverKey !== card.key) closeCard();
    }, HOVER_CLOSE_MS);
  };
  let pointer: { x: number; y: number } | null = null;
  let pointerFrame = 0;
  const onPointerFrame = () => {
    pointerFrame = 0;
    if (!pointer || signal.aborted) return;
    const key = hitTest(pointer.x, pointer.y);
    if (key === hoverKey) return;
    hoverKey = key;
    if (key) {
      if (card?.pinned) return;
      clearHoverTimer();
      hoverTimer = setTimeout(() => {
        if (hoverKey === key && !card?.pinned) openCard(key, false);
      }, HOVER_OPEN_MS);
    } else if (card && !card.pinned) scheduleHoverClose();
  };
  const fromOverlay = (event: Event) => event.composedPath().includes(host);
  if (view) {
    const opts = { capture: true, passive: true, signal } as const;
    view.addEventListener(
      'mousemove',
      (event) => {
        if (lines.size === 0 && !card) return;
        if (fromOverlay(event)) return;
        pointer = { x: event.clientX, y: event.clientY };
        if (!pointerFrame) pointerFrame = view.requestAnimationFrame(onPointerFrame);
      },
      opts,
    );
    view.addEventListener(
      'pointerdown',
      (event) => {
        if (fromOverlay(event)) return;
        const key = hitTest(event.clientX, event.clientY);
        if (panelOpen) {
          panelOpen = false;
          schedule();
        }
        // A click on flagged text opens its card (after the editor has placed the caret); anywhere else
        // closes it.
        if (key) openCard(key, true);
        else if (card) closeCard();
      },
      opts,
    );
    view.addEventListener(
      'keydown',
      (event) => {
        if (event.key !== 'Escape' || (!card && !panelOpen)) return;
        card = null;
        panelOpen = false;
        schedule();
      },
      opts,
    );
    view.addEventListener('resize', schedule, opts);
    view.addEventListener('scroll', schedule, opts);
  }
  window.onChange(schedule, signal);
  // The gate's hold on this compose is watched on its own: Send can go without the compose changing.
  const guardTimer = deps.guarded
    ? setInterval(() => {
        if (readGuard()) schedule();
      }, GUARD_POLL_MS)
    : undefined;

  signal.addEventListener(
    'abort',
    () => {
      if (guardTimer !== undefined) clearInterval(guardTimer);
      clearHoverTimer();
      if (frame && view) view.cancelAnimationFrame(frame);
      if (pointerFrame && view) view.cancelAnimationFrame(pointerFrame);
      resizeObserver?.disconnect();
      render(null, mountPoint);
      host.remove();
    },
    { once: true },
  );
  measureAndDraw();

  const sameFinding = (a: Finding, b: Finding) =>
    a.ruleId === b.ruleId && a.field === b.field && a.start === b.start && a.end === b.end;

  return {
    guardState: () => guard,
    openFinding(finding, all) {
      if (signal.aborted) return false;
      let t = tracked.find((item) => sameFinding(item.finding, finding));
      if (!t && all.length > 0) {
        tracked = track(all);
        applied.clear();
        t = tracked.find((item) => sameFinding(item.finding, finding));
      }
      if (!t) return false;
      dismissed.delete(dismissalKey(t.finding));
      panelOpen = false;
      if (t.finding.field === 'recipients') goToRecipient(t.finding);
      openCard(t.key, true);
      return true;
    },
    show(next) {
      state = next;
      if (next.kind === 'result') {
        tracked = track(next.result.findings);
        applied.clear();
      } else if (next.kind === 'unavailable') {
        tracked = [];
      }
      schedule();
    },
  };

  function track(findings: readonly Finding[]): Tracked[] {
    const map = window.bodyMap();
    const subject = window.subjectElement()?.value ?? '';
    return findings.map((finding, i) => {
      const key = `${i}:${finding.ruleId}:${finding.field}:${finding.start}`;
      if (finding.field === 'body' && map) {
        const expected = map.text.slice(finding.start, finding.end);
        return { key, finding, expected, range: rangeFor(map, finding.start, finding.end, doc) ?? undefined };
      }
      if (finding.field === 'subject')
        return { key, finding, expected: subject.slice(finding.start, finding.end) };
      return { key, finding, expected: finding.excerpt };
    });
  }
}
