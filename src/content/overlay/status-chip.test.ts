import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../engine/schemas/finding.ts';
import type { ChipState } from '../session.ts';
import { rememberedCounts, StatusChip } from './status-chip.tsx';

const result = (blocking: number, warnings: number): ChipState => ({
  kind: 'result',
  blocking,
  warnings,
  result: { findings: [] } as unknown as CheckResult,
});

/** The chip's data attributes, from the element it renders (no DOM needed: it is a plain function). */
function drawn(props: Parameters<typeof StatusChip>[0]) {
  const vnode = StatusChip(props) as unknown as { props: Record<string, unknown> };
  return {
    blocking: vnode.props['data-blocking'],
    warnings: vnode.props['data-warnings'],
    state: vnode.props['data-state'],
  };
}

describe('the counts the chip keeps while a check runs', () => {
  it('remembers the counts shown with a result, after dismissals', () => {
    expect(rememberedCounts(result(2, 3), { blocking: 2, warnings: 1 }, null)).toEqual({
      blocking: 2,
      warnings: 1,
    });
    expect(rememberedCounts(result(2, 3), undefined, null)).toEqual({ blocking: 2, warnings: 3 });
  });

  it('keeps them through a check and forgets them when the checker is unavailable', () => {
    const before = { blocking: 1, warnings: 0 };
    expect(rememberedCounts({ kind: 'checking' }, undefined, before)).toBe(before);
    expect(rememberedCounts({ kind: 'unavailable', reason: 'no answer' }, undefined, before)).toBeNull();
  });

  it('a checking chip shows the remembered counts, else the session’s last', () => {
    const checking: ChipState = { kind: 'checking', last: { blocking: 5, warnings: 5 } };
    expect(drawn({ state: checking, remembered: { blocking: 1, warnings: 2 } })).toEqual({
      blocking: '1',
      warnings: '2',
      state: 'checking',
    });
    expect(drawn({ state: checking })).toEqual({ blocking: '5', warnings: '5', state: 'checking' });
    expect(drawn({ state: result(2, 3), counts: { blocking: 2, warnings: 1 } })).toEqual({
      blocking: '2',
      warnings: '1',
      state: 'result',
    });
  });
});
