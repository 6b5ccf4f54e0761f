import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCardControl, HOVER_CLOSE_MS, HOVER_OPEN_MS } from './card-control.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function setup() {
  let redraws = 0;
  const cards = createCardControl(() => redraws++);
  return { cards, redraws: () => redraws };
}

describe('the finding card: hover and click', () => {
  it('opens a hovered finding after a pause, unpinned', () => {
    const { cards } = setup();
    cards.pointerOn('a');
    vi.advanceTimersByTime(HOVER_OPEN_MS - 1);
    expect(cards.current).toBeNull();
    vi.advanceTimersByTime(1);
    expect(cards.current).toEqual({ key: 'a', pinned: false });
  });

  it('does not open a finding the pointer only passed over', () => {
    const { cards } = setup();
    cards.pointerOn('a');
    vi.advanceTimersByTime(HOVER_OPEN_MS / 2);
    cards.pointerOn(null);
    vi.advanceTimersByTime(HOVER_OPEN_MS);
    expect(cards.current).toBeNull();
  });

  it('closes an unpinned card after the pointer left its text', () => {
    const { cards } = setup();
    cards.pointerOn('a');
    vi.advanceTimersByTime(HOVER_OPEN_MS);
    cards.pointerOn(null);
    vi.advanceTimersByTime(HOVER_CLOSE_MS - 1);
    expect(cards.current?.key).toBe('a');
    vi.advanceTimersByTime(1);
    expect(cards.current).toBeNull();
  });

  it('keeps the card open while the pointer is in it, and closes it after the pointer leaves it', () => {
    const { cards } = setup();
    cards.pointerOn('a');
    vi.advanceTimersByTime(HOVER_OPEN_MS);
    cards.pointerOn(null);
    cards.pointerInCard(true);
    vi.advanceTimersByTime(HOVER_CLOSE_MS * 3);
    expect(cards.current?.key).toBe('a');
    cards.pointerInCard(false);
    vi.advanceTimersByTime(HOVER_CLOSE_MS);
    expect(cards.current).toBeNull();
  });

  it('a pinned card (a click) stays open, and hovering another finding does not replace it', () => {
    const { cards } = setup();
    cards.open('a', true);
    cards.pointerOn('b');
    vi.advanceTimersByTime(HOVER_OPEN_MS * 3);
    cards.pointerOn(null);
    vi.advanceTimersByTime(HOVER_CLOSE_MS * 3);
    expect(cards.current).toEqual({ key: 'a', pinned: true });
  });

  it('a note goes on the open card only, and pins it', () => {
    const { cards, redraws } = setup();
    cards.open('a', false);
    cards.note('b', 'Reported.');
    expect(cards.current).toEqual({ key: 'a', pinned: false });
    cards.note('a', 'Reported.');
    expect(cards.current).toEqual({ key: 'a', pinned: true, note: 'Reported.' });
    expect(redraws()).toBe(3);
  });

  it('drop forgets the card without a redraw; close redraws', () => {
    const { cards, redraws } = setup();
    cards.open('a', true);
    cards.drop();
    expect(cards.current).toBeNull();
    expect(redraws()).toBe(1);
    cards.open('a', true);
    cards.close();
    expect(cards.current).toBeNull();
    expect(redraws()).toBe(3);
  });

  it('nothing opens after dispose', () => {
    const { cards } = setup();
    cards.pointerOn('a');
    cards.dispose();
    vi.advanceTimersByTime(HOVER_OPEN_MS * 2);
    expect(cards.current).toBeNull();
  });
});
