// Which finding's card is open, and how pointing opens and closes it: hovering flagged text opens its card
// after a short pause (unpinned), leaving it closes it after another unless the pointer went into the card;
// a click pins it open. Timers only, no DOM: the overlay tells it where the pointer is.

export const HOVER_OPEN_MS = 250;
export const HOVER_CLOSE_MS = 350;

export interface CardState {
  key: string;
  pinned: boolean;
  note?: string;
}

export interface CardControl {
  readonly current: CardState | null;
  open(key: string, pinned: boolean): void;
  close(): void;
  /** Forgets the card without a redraw (the caller is drawing, or draws next). */
  drop(): void;
  /** A note under the card's text (an action's outcome); pins it. */
  note(key: string, note: string): void;
  /** The finding under the pointer (null: none), after the pointer moved. */
  pointerOn(key: string | null): void;
  /** The pointer went into (true) or out of the card. */
  pointerInCard(inside: boolean): void;
  dispose(): void;
}

/** `changed` is called after every change that needs a redraw. */
export function createCardControl(changed: () => void): CardControl {
  let card: CardState | null = null;
  let hoveringCard = false;
  let hoverKey: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const clearTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const open = (key: string, pinned: boolean) => {
    card = { key, pinned };
    changed();
  };
  const close = () => {
    card = null;
    hoveringCard = false;
    changed();
  };
  const scheduleClose = () => {
    clearTimer();
    timer = setTimeout(() => {
      if (card && !card.pinned && !hoveringCard && hoverKey !== card.key) close();
    }, HOVER_CLOSE_MS);
  };
  return {
    get current() {
      return card;
    },
    open,
    close,
    drop() {
      card = null;
    },
    note(key, note) {
      if (card?.key === key) card = { ...card, note, pinned: true };
      changed();
    },
    pointerOn(key) {
      if (key === hoverKey) return;
      hoverKey = key;
      if (key) {
        if (card?.pinned) return;
        clearTimer();
        timer = setTimeout(() => {
          if (hoverKey === key && !card?.pinned) open(key, false);
        }, HOVER_OPEN_MS);
      } else if (card && !card.pinned) scheduleClose();
    },
    pointerInCard(inside) {
      hoveringCard = inside;
      if (!inside) scheduleClose();
    },
    dispose: clearTimer,
  };
}
