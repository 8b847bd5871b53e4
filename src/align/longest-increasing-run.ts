/** Heaviest strictly increasing subsequence in O(n log n): the pairs that did not move. */

/**
 * Indices of a strictly increasing subsequence of `values` with the greatest total weight
 * (default weight 1 each: a longest one). With weights `1 + score / 1000` the run is a longest
 * one and, among those, the one whose pairs are most similar; this makes the choice of what
 * "moved" independent of which side is called before (test/align: symmetry).
 */
export function longestIncreasingRun(
  values: readonly number[],
  weights?: readonly number[],
): Set<number> {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  const rank = new Map(distinct.map((v, i) => [v, i + 1]));
  const size = distinct.length;
  // Fenwick tree over ranks holding [best total, index of the element that ends it].
  const treeBest = new Array<number>(size + 1).fill(0);
  const treeIndex = new Array<number>(size + 1).fill(-1);
  const total = new Array<number>(values.length).fill(0);
  const previous = new Array<number>(values.length).fill(-1);
  const better = (a: number, ai: number, b: number, bi: number): boolean =>
    a > b + 1e-12 || (Math.abs(a - b) <= 1e-12 && ai !== -1 && (bi === -1 || ai < bi));
  values.forEach((value, i) => {
    const r = rank.get(value) ?? 1;
    let best = 0;
    let bestIndex = -1;
    for (let k = r - 1; k > 0; k -= k & -k) {
      if (better(treeBest[k] ?? 0, treeIndex[k] ?? -1, best, bestIndex)) {
        best = treeBest[k] ?? 0;
        bestIndex = treeIndex[k] ?? -1;
      }
    }
    total[i] = best + (weights?.[i] ?? 1);
    previous[i] = bestIndex;
    for (let k = r; k <= size; k += k & -k) {
      if (better(total[i] ?? 0, i, treeBest[k] ?? 0, treeIndex[k] ?? -1)) {
        treeBest[k] = total[i] ?? 0;
        treeIndex[k] = i;
      }
    }
  });
  let end = -1;
  values.forEach((_, i) => {
    if (end === -1 || better(total[i] ?? 0, i, total[end] ?? 0, end)) end = i;
  });
  const run = new Set<number>();
  for (let i = end; i !== -1; i = previous[i] ?? -1) run.add(i);
  return run;
}
