// A one-line progress count on a terminal's standard error during a long run ("checked 1,234 files"), drawn
// at most ten times a second and wiped before any report text is written, so it never lands in a report,
// a CI log (CI set, or not a terminal) or a machine-readable format.

export interface Progress {
  /** Called after each input. */
  tick(): void;
  /** Wipes the line (before report text is written, and at the end). */
  clear(): void;
  /** Draws the line again after report text was written, when it was showing. */
  restore(): void;
}

const NONE: Progress = { tick() {}, clear() {}, restore() {} };

export function createProgress(
  enabled: boolean,
  write: (text: string) => void,
  clock: () => number = () => performance.now(),
  /** The line's text, for a run that says more than a count (the audit: rate and time left). */
  line?: (count: number) => string,
): Progress {
  if (!enabled) return NONE;
  let count = 0;
  let shown = false;
  let wiped = false;
  let last = clock();
  const draw = () => {
    write(
      `\r\u001b[2K${line ? line(count) : `checked ${count.toLocaleString('en-US')} ${count === 1 ? 'file' : 'files'}…`}`,
    );
    shown = true;
    wiped = false;
  };
  return {
    tick() {
      count++;
      const now = clock();
      if (now - last < 100) return;
      last = now;
      draw();
    },
    clear() {
      if (!shown) return;
      write('\r\u001b[2K');
      shown = false;
      wiped = true;
    },
    restore() {
      if (wiped) draw();
    },
  };
}
