// Timing helpers: medians of several runs, each run long enough for the clock to mean something.
import { performance } from 'node:perf_hooks';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const round = (x, digits = 3) => (x === null || x === undefined || Number.isNaN(x) ? null : Number(x.toFixed(digits)));

/** Calls per run so that one run takes at least `minMs`. */
function calibrate(fn, minMs) {
  let reps = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) fn();
    if (performance.now() - t0 >= minMs || reps >= 1 << 20) return reps;
    reps *= 2;
  }
}

/**
 * Times several functions on alternating runs (so drift hits them alike): per call, median
 * of `runs` runs. Returns { [name]: ms per call }, plus the run count and calls per run.
 */
export function timeTogether(fns, { runs = 9, minMs = 20 } = {}) {
  const names = Object.keys(fns);
  const reps = Object.fromEntries(names.map((n) => [n, calibrate(fns[n], minMs)]));
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < runs; r++) {
    for (const n of names) {
      const fn = fns[n];
      const k = reps[n];
      const t0 = performance.now();
      for (let i = 0; i < k; i++) fn();
      samples[n].push((performance.now() - t0) / k);
    }
  }
  return { ms: Object.fromEntries(names.map((n) => [n, median(samples[n])])), runs, callsPerRun: reps };
}
