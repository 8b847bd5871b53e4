/** Longest strictly increasing subsequence in O(n log n): the pairs that did not move. */

/** Indices of one longest strictly increasing subsequence of `values` (the leftmost-ending one). */
export function longestIncreasingRun(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const tailIndex: number[] = [];
  const previous = new Array<number>(values.length).fill(-1);
  values.forEach((value, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tails[mid] ?? 0) < value) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = value;
    tailIndex[lo] = i;
    previous[i] = lo > 0 ? (tailIndex[lo - 1] ?? -1) : -1;
  });
  const run = new Set<number>();
  for (let i = tailIndex[tails.length - 1] ?? -1; i !== -1; i = previous[i] ?? -1) run.add(i);
  return run;
}
