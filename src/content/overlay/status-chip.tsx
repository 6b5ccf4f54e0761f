import type { ChipState } from '../session.ts';

const COLORS = { block: '#b3261e', warn: '#8a5a00', ok: '#1b6e3a', idle: '#5f6368' } as const;

export interface StatusChipProps {
  state: ChipState;
  /** Counts after this window's dismissals (the session's own counts otherwise). */
  counts?: { blocking: number; warnings: number };
  expanded?: boolean;
  onToggle?: () => void;
  /** Viewport position; hidden when the editor is not shown (a minimised compose). */
  position?: { top: number; left: number; hidden: boolean } | null;
}

export function StatusChip({ state, counts, expanded = false, onToggle, position }: StatusChipProps) {
  let text: string;
  let color: string;
  let blocking = 0;
  let warnings = 0;
  let title: string;
  if (state.kind === 'checking') {
    text = 'Preflight: checking…';
    color = COLORS.idle;
    title = 'Checking this email against the Customer Policy';
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
    </button>
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
