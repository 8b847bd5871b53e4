// Small statistics for the speed benchmark: medians and the log-log growth exponent.

/** Median of the finite numbers in `values` (NaN when there are none). */
export function median(values) {
  const xs = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (xs.length === 0) return NaN;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/**
 * Least-squares slope of log(time) against log(size): time ∝ size^k. Needs two points or more.
 * @param {{ size: number, time: number }[]} points
 */
export function growthExponent(points) {
  const ps = points.filter((p) => p.size > 0 && p.time > 0 && Number.isFinite(p.time));
  if (ps.length < 2) return NaN;
  const xs = ps.map((p) => Math.log(p.size));
  const ys = ps.map((p) => Math.log(p.time));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  return sxx === 0 ? NaN : sxy / sxx;
}

/**
 * Time expected at `size` from the measured points: the local exponent of the two largest sizes
 * (at least 1, since no tool gets cheaper per byte), applied to the largest one. When the largest
 * point is a limited jsdiff run that gave up (`aborted`), its cost is bounded by the edit limit
 * and grows slowly with size (10.5 s at 300k, 12.9 s at 1m, 25.6 s at 10m here): exponent 0.5.
 */
export function extrapolate(points, size) {
  const ps = points
    .filter((p) => Number.isFinite(p.time) && p.time > 0)
    .sort((a, b) => a.size - b.size);
  if (ps.length === 0) return NaN;
  const last = ps[ps.length - 1];
  let k = 1;
  if (last.aborted) k = 0.5;
  else if (ps.length >= 2) {
    const prev = ps[ps.length - 2];
    k = Math.max(1, Math.log(last.time / prev.time) / Math.log(last.size / prev.size));
  }
  return last.time * (size / last.size) ** k;
}
