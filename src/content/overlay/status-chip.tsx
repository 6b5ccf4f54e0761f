import type { ChipState, Counts } from '../session.ts';

const COLORS = { block: '#b3261e', warn: '#8a5a00', ok: '#1b6e3a', idle: '#5f6368' } as const;

export interface StatusChipProps {
  state: ChipState;
  /** Counts after this window's dismissals (the session's own counts otherwise). */
  counts?: { blocking: number; warnings: number };
  expanded?: boolean;
  onToggle?: () => void;
  /** Viewport position; hidden when the editor is not shown (a minimised compose). */
  position?: { top: number; left: number; hidden: boolean } | null;
  /** Whether the send gate guards this compose: 'unguarded' when it cannot find Send or read a send. */
  guard?: GuardState;
  /** The counts last shown with a result (rememberedCounts): a new check keeps them until it answers. */
  remembered?: Counts | null;
}

export type GuardState = 'pending' | 'guarded' | 'unguarded';

export const UNGUARDED_TEXT = 'Send not guarded here — report this';
export const UNGUARDED_TITLE =
  'Preflight cannot find the Send button of this compose (or could not read a send), so sending from it ' +
  'is not checked. Please report this to whoever looks after Preflight for you; the findings still show.';

/**
 * The counts the chip shows while a new check runs: those it showed with the last result (after this
 * window's dismissals), forgotten when the checker was unavailable. `before` is the value from the last draw.
 */
export function rememberedCounts(
  state: ChipState,
  counts: StatusChipProps['counts'],
  before: Counts | null,
): Counts | null {
  if (state.kind === 'unavailable') return null;
  if (state.kind === 'result')
    return { blocking: counts?.blocking ?? state.blocking, warnings: counts?.warnings ?? state.warnings };
  return before;
}

export function StatusChip({
  state,
  counts,
  expanded = false,
  onToggle,
  position,
  guard = 'pending',
  remembered = null,
}: StatusChipProps) {
  let text: string;
  let color: string;
  let blocking = 0;
  let warnings = 0;
  let title: string;
  if (state.kind === 'checking') {
    const previous = remembered ?? state.last;
    title = 'Checking this email against the Customer Policy';
    if (previous) {
      blocking = previous.blocking;
      warnings = previous.warnings;
      color = blocking > 0 ? COLORS.block : warnings > 0 ? COLORS.warn : COLORS.idle;
      text =
        blocking + warnings === 0
          ? 'Preflight: checking…'
          : `Preflight: ${plural(blocking, 'blocking issue')}, ${plural(warnings, 'warning')} · checking…`;
    } else {
      text = 'Preflight: checking…';
      color = COLORS.idle;
    }
  } else if (state.kind === 'unavailable') {
    text = 'Preflight: checker unavailable';
    color = COLORS.idle;
    title = state.reason;
  } else {
    blocking = counts?.blocking ?? state.blocking;
    warnings = counts?.warnings ?? state.warnings;
    color = blocking > 0 ? COLORS.block : warnings > 0 ? COLORS.warn : COLORS.ok;
    text =
      blocking + warnings === 0
        ? 'Preflight: no issues'
        : `Preflight: ${plural(blocking, 'blocking issue')}, ${plural(warnings, 'warning')}`;
    title = 'Findings from the latest check of this email: click for the list';
  }
  if (guard === 'unguarded') {
    // Never silently open: the chip says the gate is off here, whatever the findings.
    title = `${UNGUARDED_TITLE} (${text.replace(/^Preflight: /, '')})`;
    text = `Preflight: ${UNGUARDED_TEXT}`;
    color = COLORS.block;
  } else if (guard === 'guarded') {
    title = `${title}. Send is guarded: every send is checked first.`;
  }
  return (
    <button
      type="button"
      class="chip"
      aria-live="polite"
      aria-expanded={expanded}
      title={title}
      onClick={onToggle}
      data-preflight-chip=""
      data-state={state.kind}
      data-blocking={String(blocking)}
      data-warnings={String(warnings)}
      data-guard={guard}
      style={{
        borderColor: color,
        color,
        ...(position
          ? {
              top: `${position.top}px`,
              left: `${position.left}px`,
              visibility: position.hidden ? 'hidden' : 'visible',
            }
          : {}),
      }}
    >
      <span class="dot" style={{ background: color }} />
      {text}
      {guard === 'guarded' && (
        <span class="guarded" role="img" aria-label="Send guarded" data-preflight-guarded="">
          ✓
        </span>
      )}
    </button>
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
