// What the overlay of one compose draws in a frame, from what it measured: the underlines, the status chip,
// the findings panel when it is open and the open finding's card.
import type { ChipState, Counts } from '../session.ts';
import type { CardState } from './card-control.ts';
import { FindingCard } from './finding-card.tsx';
import { panelOrder } from './findings.ts';
import { FindingsPanel } from './findings-panel.tsx';
import type { Box } from './geometry.ts';
import { type GuardState, StatusChip } from './status-chip.tsx';
import type { Tracked } from './tracked.ts';
import { type DrawnUnderline, Underlines } from './underlines.tsx';

export interface ChipPosition {
  top: number;
  left: number;
  hidden: boolean;
}

export interface LayerProps {
  state: ChipState;
  /** The compose window can change a recipient (ComposeWindow.replaceRecipient). */
  canChangeRecipients?: boolean;
  /** The findings drawn (shownFindings) and where their text is on screen. */
  items: readonly Tracked[];
  lines: ReadonlyMap<string, Box[]>;
  chipPos: ChipPosition | null;
  chipBox: Box | null;
  /** The open card, its finding among `items`, and what it points at. */
  card: CardState | null;
  open: Tracked | undefined;
  anchor: Box | null;
  panelOpen: boolean;
  /** Undefined when this compose has no send gate to show. */
  guard: GuardState | undefined;
  /** The drawn findings' counts, and those the chip showed with the last result (rememberedCounts). */
  counts: Counts;
  remembered: Counts | null;
  viewport: { width: number; height: number };
  onToggle(): void;
  onGoTo(key: string): void;
  onApply(t: Tracked): void;
  onDismiss(t: Tracked): void;
  onReport(t: Tracked): void;
  onClose(): void;
  onHoverCard(inside: boolean): void;
}

/** Whether the card of `t` offers its fix: a suggestion on text Preflight can edit, or on an address where
 * the site lets Preflight change recipients. */
export function canApply(t: Tracked, canChangeRecipients = false): boolean {
  const { field, suggestion } = t.finding;
  if (suggestion === undefined) return false;
  return field === 'body' || field === 'subject' || (field === 'recipients' && canChangeRecipients);
}

export function OverlayLayer(props: LayerProps) {
  const { items, lines, card, open, anchor, chipBox, state } = props;
  const underlines: DrawnUnderline[] = [];
  for (const t of items) {
    const boxes = lines.get(t.key);
    if (boxes) underlines.push({ key: t.key, finding: t.finding, lines: boxes, active: card?.key === t.key });
  }
  return (
    <>
      <Underlines items={underlines} />
      <StatusChip
        state={state}
        counts={state.kind === 'result' ? props.counts : undefined}
        expanded={props.panelOpen}
        onToggle={props.onToggle}
        position={props.chipPos}
        guard={props.guard}
        remembered={props.remembered}
      />
      {props.panelOpen && chipBox && (
        <FindingsPanel
          items={panelOrder(items.map((t) => t.finding)).map((finding) => ({
            key: items.find((t) => t.finding === finding)?.key ?? '',
            finding,
          }))}
          anchor={chipBox}
          viewport={props.viewport}
          onGoTo={props.onGoTo}
        />
      )}
      {open && anchor && card && (
        <FindingCard
          finding={open.finding}
          anchor={anchor}
          viewport={props.viewport}
          note={card.note}
          canApply={canApply(open, props.canChangeRecipients)}
          onApply={() => props.onApply(open)}
          onDismiss={() => props.onDismiss(open)}
          onReport={() => props.onReport(open)}
          onClose={props.onClose}
          onHover={props.onHoverCard}
        />
      )}
    </>
  );
}
