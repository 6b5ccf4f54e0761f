// Preflight's UI lives in a shadow root outside the editor: the site's DOM and the user's text are never
// rewritten, and the site's styles and page-wide handlers do not reach it. Positions are measured once per
// animation frame, after any change, scroll or resize: reads first (measure.ts), then one render (layer.tsx).
// This file wires them to the compose window, the pointer and the keyboard.
import { render } from 'preact';
import type { Finding } from '../../engine/schemas/finding.ts';
import type { FalsePositiveReport, Result } from '../../shared/messages.ts';
import type { ComposeWindow, Site } from '../adapters/types.ts';
import { changeRecipient, recipientAt } from '../recipient-at.ts';
import type { ChipState, Counts, SessionView } from '../session.ts';
import { rangeFor } from '../text-map.ts';
import { createCardControl } from './card-control.ts';
import { countFindings, dismissalKey } from './findings.ts';
import { type Box, visibleArea } from './geometry.ts';
import { createGuardWatch } from './guard.ts';
import { type ChipPosition, OverlayLayer } from './layer.tsx';
import { controlAt, measureLines, placementInput, viewportBox } from './measure.ts';
// The overlay's stylesheet, as text for its shadow root (shipped as written: no comments, they would ship too).
import STYLE from './overlay.css?raw';
import { createChipPlacer, samplePoints } from './placement.ts';
import { type GuardState, rememberedCounts } from './status-chip.tsx';
import {
  findingAt,
  sameFinding,
  shownFindings,
  stillMatches,
  type Tracked,
  trackFindings,
} from './tracked.ts';

export { GUARD_SETTLE_MS } from './guard.ts';

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

const GUARD_POLL_MS = 1000;
/** A placement is measured again at least this often, even when nothing it depends on moved. */
const PLACEMENT_REFRESH_MS = 1000;

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
  let panelOpen = false;
  // Measured in the last frame.
  let lines = new Map<string, Box[]>();
  let chipBox: Box | null = null;
  let remembered: Counts | null = null;
  const guard = deps.guarded ? createGuardWatch(deps.guarded, deps.onUnguarded) : null;

  const shown = () => shownFindings(tracked, dismissed, applied);

  // ---- measuring and drawing, once per frame ----
  let frame = 0;
  const schedule = () => {
    if (frame || signal.aborted || !view) return;
    frame = view.requestAnimationFrame(() => {
      frame = 0;
      if (!signal.aborted) measureAndDraw();
    });
  };
  const cards = createCardControl(schedule);

  let observed: Element | null = null;
  const resizeObserver = typeof ResizeObserver === 'function' ? new ResizeObserver(schedule) : null;

  // Where the chip goes: covering no control of the compose or the page.
  const placeChip = createChipPlacer(
    (candidate) => samplePoints(candidate).filter(([x, y]) => controlAt(doc, x, y)).length,
    PLACEMENT_REFRESH_MS,
  );

  const measureAndDraw = () => {
    // Reads.
    guard?.read();
    const editor = window.bodyElement();
    if (resizeObserver && editor !== observed) {
      if (observed) resizeObserver.unobserve(observed);
      if (editor) resizeObserver.observe(editor);
      observed = editor;
    }
    lines = measureLines(
      shown(),
      editor ? visibleArea(editor) : null,
      window.subjectElement(),
      viewportBox(view),
    );
    const editorRect = window.editorRect();
    const chip = mountPoint.querySelector('.chip') as HTMLElement | null;
    const chipWidth = chip?.offsetWidth ?? 0;
    const chipHeight = chip?.offsetHeight ?? 0;
    let chipPos: ChipPosition | null = null;
    if (editorRect) {
      const chipSize = { width: chipWidth || 160, height: chipHeight || 26 };
      const send = deps.sendControl?.() ?? null;
      const placed = placeChip(placementInput(window, send, chipSize, viewportBox(view), editorRect));
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

  const draw = (chipPos: ChipPosition | null) => {
    const items = shown();
    const counts = countFindings(items.map((t) => t.finding));
    remembered = rememberedCounts(state, state.kind === 'result' ? counts : undefined, remembered);
    const card = cards.current;
    const open = card ? items.find((t) => t.key === card.key) : undefined;
    if (card && !open) cards.drop();
    // The card points at the first line of its text, or at the chip when its text is not on screen.
    const anchor = open ? (lines.get(open.key)?.[0] ?? chipBox) : null;
    render(
      <OverlayLayer
        state={state}
        items={items}
        lines={lines}
        chipPos={chipPos}
        chipBox={chipBox}
        card={cards.current}
        open={open}
        anchor={anchor}
        panelOpen={panelOpen}
        guard={guard?.state}
        counts={counts}
        remembered={remembered}
        viewport={{ width: view?.innerWidth ?? 0, height: view?.innerHeight ?? 0 }}
        onToggle={() => {
          panelOpen = !panelOpen;
          schedule();
        }}
        onGoTo={goTo}
        canChangeRecipients={window.replaceRecipient !== undefined}
        onApply={apply}
        onDismiss={dismiss}
        onReport={(t) => void report(t)}
        onClose={cards.close}
        onHoverCard={cards.pointerInCard}
      />,
      mountPoint,
    );
  };

  // ---- card actions ----
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
      cards.close();
    } else {
      cards.note(t.key, `Not applied: ${outcome.reason}. The next check will show where it is now.`);
    }
  };

  /** A recipient fix: the address changed in the To/Cc/Bcc field by the site's own controls. */
  const applyToRecipient = async (t: Tracked, suggestion: string) => {
    const { outcome } = await changeRecipient(window, t.finding, suggestion);
    if (signal.aborted) return;
    if (outcome.ok) {
      applied.add(t.key);
      cards.close();
    } else cards.note(t.key, `Not changed: ${outcome.reason}.`);
  };

  const dismiss = (t: Tracked) => {
    dismissed.add(dismissalKey(t.finding));
    void deps.countDismissal?.(t.finding.ruleId);
    cards.close();
  };

  const report = async (t: Tracked) => {
    const send = deps.report;
    if (!send) return;
    cards.note(t.key, 'Reporting…');
    const answer = await send({
      ruleId: t.finding.ruleId,
      category: t.finding.category,
      excerptLength: t.finding.excerpt.length,
      site: deps.site ?? 'fake',
    });
    if (signal.aborted) return;
    cards.note(
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
    cards.open(key, true);
  };

  /** A finding on an address: its chip in the To/Cc/Bcc field, scrolled to and focused. */
  const goToRecipient = (finding: Finding) => {
    const at = recipientAt(window.readDraft(), finding);
    if (at) window.focusRecipient?.(at.list, at.index);
  };

  // ---- pointer and keyboard: the editor keeps every event; Preflight only watches ----
  let pointer: { x: number; y: number } | null = null;
  let pointerFrame = 0;
  const onPointerFrame = () => {
    pointerFrame = 0;
    if (!pointer || signal.aborted) return;
    cards.pointerOn(findingAt(lines, pointer.x, pointer.y));
  };
  const fromOverlay = (event: Event) => event.composedPath().includes(host);
  if (view) {
    const opts = { capture: true, passive: true, signal } as const;
    view.addEventListener(
      'mousemove',
      (event) => {
        if (lines.size === 0 && !cards.current) return;
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
        const key = findingAt(lines, event.clientX, event.clientY);
        if (panelOpen) {
          panelOpen = false;
          schedule();
        }
        // A click on flagged text opens its card (after the editor has placed the caret); anywhere else
        // closes it.
        if (key) cards.open(key, true);
        else if (cards.current) cards.close();
      },
      opts,
    );
    view.addEventListener(
      'keydown',
      (event) => {
        if (event.key !== 'Escape' || (!cards.current && !panelOpen)) return;
        cards.drop();
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
  const guardTimer = guard
    ? setInterval(() => {
        if (guard.read()) schedule();
      }, GUARD_POLL_MS)
    : undefined;

  signal.addEventListener(
    'abort',
    () => {
      if (guardTimer !== undefined) clearInterval(guardTimer);
      cards.dispose();
      if (frame && view) view.cancelAnimationFrame(frame);
      if (pointerFrame && view) view.cancelAnimationFrame(pointerFrame);
      resizeObserver?.disconnect();
      render(null, mountPoint);
      host.remove();
    },
    { once: true },
  );
  measureAndDraw();

  const track = (findings: readonly Finding[]): Tracked[] => {
    const map = window.bodyMap();
    return trackFindings(findings, {
      body: map?.text ?? null,
      subject: window.subjectElement()?.value ?? '',
      rangeOf: (start, end) => (map ? (rangeFor(map, start, end, doc) ?? undefined) : undefined),
    });
  };

  return {
    guardState: () => guard?.state ?? 'pending',
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
      cards.open(t.key, true);
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
}
