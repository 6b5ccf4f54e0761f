import type { ChipState } from '../session.ts';

const COLORS = { block: '#b3261e', warn: '#8a5a00', ok: '#1b6e3a', idle: '#5f6368' } as const;

export function StatusChip({ state }: { state: ChipState }) {
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
    blocking = state.blocking;
    warnings = state.warnings;
    color = blocking > 0 ? COLORS.block : warnings > 0 ? COLORS.warn : COLORS.ok;
    text =
      blocking + warnings === 0
        ? 'Preflight: no issues'
        : `Preflight: ${plural(blocking, 'blocking issue')}, ${plural(warnings, 'warning')}`;
    title = 'Findings from the latest check of this email';
  }
  return (
    <div
      class="chip"
      role="status"
      aria-live="polite"
      title={title}
      data-preflight-chip=""
      data-state={state.kind}
      data-blocking={String(blocking)}
      data-warnings={String(warnings)}
      style={{ borderColor: color, color }}
    >
      <span class="dot" style={{ background: color }} />
      {text}
    </div>
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
