// Small timing helpers for scripts/bench.mjs.

export function quantile(sorted, q) {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

export function summary(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, median: quantile(s, 0.5), p95: quantile(s, 0.95), min: s[0] ?? Number.NaN };
}

/** Times `fn(i)` for i in [0, n): one sample per call, after `warmup` untimed calls. */
export function timeEach(fn, n, warmup = 3) {
  for (let i = 0; i < warmup; i++) fn(-1 - i);
  const out = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

export const fmt = (ms) =>
  ms === undefined || Number.isNaN(ms)
    ? '—'
    : ms >= 100
      ? ms.toFixed(0)
      : ms >= 10
        ? ms.toFixed(1)
        : ms.toFixed(2);
