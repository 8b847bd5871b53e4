/** Align stage: pairs the sentences of two statements (anchors, indexed candidates, splits, merges, moves). */
import type { AlignedPair, Alignment, MatchedBy } from '../model/alignment.js';
import type { Statement } from '../model/statement.js';
import type { AlignOptions } from './align-options.js';
import { DEFAULT_ALIGN_OPTIONS } from './align-options.js';
import { alignParagraphs, alignSections } from './align-structure.js';
import { longestIncreasingRun } from './longest-increasing-run.js';
import type { Unit } from './units.js';
import { unitsOf, weigh } from './units.js';

/** Weighted Dice similarity of two weighted token sets, 0–1. */
export function similarity(x: ReadonlyMap<string, number>, y: ReadonlyMap<string, number>, wx: number, wy: number): number {
  if (wx + wy === 0) return 0;
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  let shared = 0;
  for (const [token, weight] of small) if (large.has(token)) shared += weight;
  return (2 * shared) / (wx + wy);
}

/** Dice coefficient of two sets. */
export function setDice(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  if (x.size + y.size === 0) return 0;
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  let shared = 0;
  for (const g of small) if (large.has(g)) shared++;
  return (2 * shared) / (x.size + y.size);
}

/** Similarity of two units: IDF-weighted token Dice blended with character-trigram Dice (`gramWeight`). */
export function unitSimilarity(x: Unit, y: Unit, gramWeight: number): number {
  return (1 - gramWeight) * similarity(x.weights, y.weights, x.total, y.total) + gramWeight * setDice(x.grams, y.grams);
}

/** Share of `x`'s weight that is also in `y`, 0–1. */
export function containment(x: ReadonlyMap<string, number>, y: ReadonlyMap<string, number>, wx: number): number {
  if (wx === 0) return 0;
  let shared = 0;
  for (const [token, weight] of x) if (y.has(token)) shared += weight;
  return shared / wx;
}

function unionOf(units: readonly Unit[]): { weights: Map<string, number>; total: number } {
  const weights = new Map<string, number>();
  for (const unit of units) for (const [t, w] of unit.weights) weights.set(t, w);
  let total = 0;
  for (const w of weights.values()) total += w;
  return { weights, total };
}

interface Group {
  before: number[];
  after: number[];
  matchedBy: MatchedBy;
  score: number;
}

interface Candidate {
  readonly b: number;
  readonly a: number;
  readonly score: number;
  readonly distance: number;
}

/** The side-neutral state of one direction of split/merge detection. */
interface Side {
  readonly units: readonly Unit[];
  readonly groupOf: (Group | undefined)[];
}

/**
 * Aligns the sentences of `before` and `after`. Every sentence of both sides appears in exactly
 * one pair; cost grows near-linearly (no n×m matrix: candidates come from an inverted index over
 * informative tokens and from a small window between anchors).
 */
export function alignStatements(before: Statement, after: Statement, overrides: Partial<AlignOptions> = {}): Alignment {
  const options: AlignOptions = { ...DEFAULT_ALIGN_OPTIONS, ...overrides };
  const B = unitsOf(before);
  const A = unitsOf(after);
  const df = weigh(B, A);
  const groupOfB: (Group | undefined)[] = new Array(B.length).fill(undefined);
  const groupOfA: (Group | undefined)[] = new Array(A.length).fill(undefined);
  const groups: Group[] = [];
  const link = (b: number, a: number, matchedBy: MatchedBy, score: number): void => {
    const group: Group = { before: [b], after: [a], matchedBy, score };
    groups.push(group);
    groupOfB[b] = group;
    groupOfA[a] = group;
  };

  // 1. Anchors: identical and normalised-identical sentences, k-th occurrence with k-th.
  const byKey = new Map<string, number[]>();
  A.forEach((unit, a) => {
    const list = byKey.get(unit.key);
    if (list) list.push(a);
    else byKey.set(unit.key, [a]);
  });
  const nextOfKey = new Map<string, number>();
  B.forEach((unit, b) => {
    const list = byKey.get(unit.key);
    if (!list || unit.key === '') return;
    const k = nextOfKey.get(unit.key) ?? 0;
    const a = list[k];
    if (a === undefined) return;
    nextOfKey.set(unit.key, k + 1);
    const exact = unit.text === A[a]?.text;
    link(b, a, exact ? 'exact' : 'normalized', 1);
  });

  // 2. Candidates for the rest: inverted index over informative tokens + the gap window.
  const postings = new Map<string, number[]>();
  A.forEach((unit, a) => {
    if (groupOfA[a]) return;
    for (const token of unit.weights.keys()) {
      if ((df.get(token) ?? 0) > options.maxPostings) continue;
      const list = postings.get(token);
      if (list) list.push(a);
      else postings.set(token, [a]);
    }
  });
  const unmatchedA = A.map((_, a) => a).filter((a) => !groupOfA[a]);
  const anchorAfterOf = (b: number, step: -1 | 1): number => {
    for (let k = b + step; k >= 0 && k < B.length; k += step) {
      const g = groupOfB[k];
      if (g) return g.after[0] ?? -1;
    }
    return step < 0 ? -1 : A.length;
  };
  let comparisons = 0;
  let budgetExhausted = false;
  const candidatesOf = new Map<number, Candidate[]>();
  const all: Candidate[] = [];
  const scale = A.length / Math.max(1, B.length);
  for (let b = 0; b < B.length; b++) {
    if (groupOfB[b]) continue;
    const unit = B[b] as Unit;
    const shared = new Map<number, number>();
    for (const [token, weight] of unit.weights) {
      const list = postings.get(token);
      if (!list) continue;
      for (const a of list) shared.set(a, (shared.get(a) ?? 0) + weight);
    }
    const picked = new Set(
      [...shared.entries()]
        .sort((x, y) => y[1] - x[1] || x[0] - y[0])
        .slice(0, options.maxCandidates)
        .map(([a]) => a),
    );
    // Gap window: unmatched after sentences between the anchors around b, nearest first.
    const lo = anchorAfterOf(b, -1);
    const hi = anchorAfterOf(b, 1);
    const expected = Math.round(b * scale);
    const at = lowerBound(unmatchedA, Math.min(Math.max(expected, Math.min(lo, hi) + 1), Math.max(lo, hi)));
    for (let left = at - 1, right = at, taken = 0; taken < options.gapWindow && (left >= 0 || right < unmatchedA.length); taken++) {
      const l = unmatchedA[left];
      const r = unmatchedA[right];
      const inGap = (x: number | undefined): x is number => x !== undefined && x > Math.min(lo, hi) && x < Math.max(lo, hi);
      const pickLeft = inGap(l) && (!inGap(r) || expected - l <= r - expected);
      if (pickLeft) {
        picked.add(l);
        left--;
      } else if (inGap(r)) {
        picked.add(r);
        right++;
      } else break;
    }
    const list: Candidate[] = [];
    for (const a of picked) {
      if (comparisons >= options.maxComparisons) {
        budgetExhausted = true;
        break;
      }
      comparisons++;
      const other = A[a] as Unit;
      let score = unitSimilarity(unit, other, options.gramWeight);
      if (score <= 0) continue;
      if (contextAgrees(b, a, groupOfB, groupOfA)) score = Math.min(1, score + options.contextBonus);
      const candidate = { b, a, score, distance: Math.abs(a - expected) };
      list.push(candidate);
      if (score >= options.minSimilarity) all.push(candidate);
    }
    candidatesOf.set(b, list);
  }

  // 3. One-to-one, best first; ties broken by distance from the expected place, then by order.
  all.sort((x, y) => y.score - x.score || x.distance - y.distance || x.b - y.b || x.a - y.a);
  for (const c of all) {
    if (groupOfB[c.b] || groupOfA[c.a]) continue;
    link(c.b, c.a, 'fuzzy', round(c.score));
  }

  // 4. Splits (one before, several after) and merges (several before, one after).
  attachParts({ units: B, groupOf: groupOfB }, { units: A, groupOf: groupOfA }, 'after', groups, options, candidatesOf);
  const reverse = invertCandidates(candidatesOf);
  attachParts({ units: A, groupOf: groupOfA }, { units: B, groupOf: groupOfB }, 'before', groups, options, reverse);

  // 5. What is left between two in-order pairs is paired in order when similar enough.
  alignGaps(B, A, groupOfB, groupOfA, link, options);

  // 6. Moves: pairs out of the longest increasing run; weak ones are undone (a false move is worse).
  const live = groups.filter((g) => g.before.length > 0 && g.after.length > 0);
  live.sort((x, y) => (x.before[0] ?? 0) - (y.before[0] ?? 0));
  let inRun = longestIncreasingRun(live.map((g) => g.after[0] ?? 0));
  const undone = live.filter((g, i) => !inRun.has(i) && g.matchedBy === 'fuzzy' && g.score < options.minMoveSimilarity);
  for (const g of undone) {
    for (const b of g.before) groupOfB[b] = undefined;
    for (const a of g.after) groupOfA[a] = undefined;
    g.before = [];
    g.after = [];
  }
  const kept = live.filter((g) => g.before.length > 0);
  inRun = longestIncreasingRun(kept.map((g) => g.after[0] ?? 0));
  const movedGroups = new Set(kept.filter((_, i) => !inRun.has(i)));

  const pairs: { pair: AlignedPair; order: number; tie: number }[] = [];
  const afterPlaceOfB = new Array<number>(B.length);
  let lastAfter = -0.5;
  for (let b = 0; b < B.length; b++) {
    const g = groupOfB[b];
    if (g) lastAfter = Math.max(lastAfter, g.after[0] ?? lastAfter);
    afterPlaceOfB[b] = lastAfter + 0.5;
  }
  for (const g of kept) {
    const beforeIds = g.before.map((b) => (B[b] as Unit).id);
    const afterIds = g.after.map((a) => (A[a] as Unit).id);
    const textBefore = g.before.map((b) => (B[b] as Unit).key).join(' ');
    const textAfter = g.after.map((a) => (A[a] as Unit).key).join(' ');
    const reworded = textBefore !== textAfter;
    const moved = movedGroups.has(g);
    const kind =
      g.after.length > 1 ? 'split' : g.before.length > 1 ? 'merged' : moved ? 'moved' : reworded ? 'reworded' : 'unchanged';
    pairs.push({
      pair: { before: beforeIds, after: afterIds, kind, matchedBy: g.matchedBy, score: g.score, moved, reworded },
      order: g.after[0] ?? 0,
      tie: g.before[0] ?? 0,
    });
  }
  B.forEach((unit, b) => {
    if (groupOfB[b]) return;
    pairs.push({
      pair: { before: [unit.id], after: [], kind: 'removed', matchedBy: 'none', score: 0, moved: false, reworded: false },
      order: afterPlaceOfB[b] ?? 0,
      tie: b,
    });
  });
  A.forEach((unit, a) => {
    if (groupOfA[a]) return;
    pairs.push({
      pair: { before: [], after: [unit.id], kind: 'added', matchedBy: 'none', score: 0, moved: false, reworded: false },
      order: a,
      tie: B.length + a,
    });
  });
  pairs.sort((x, y) => x.order - y.order || x.tie - y.tie);
  const sentencePairs = pairs.map((p) => p.pair);
  return {
    pairs: sentencePairs,
    paragraphs: alignParagraphs(before, after, sentencePairs),
    sections: alignSections(before, after, sentencePairs),
    stats: { comparisons, budgetExhausted },
  };
}

/**
 * Pairs, in order, the unmatched sentences that stand between the same two pairs on both sides,
 * maximising total similarity (a small dynamic programme per gap, bounded by `maxGap`).
 */
function alignGaps(
  B: readonly Unit[],
  A: readonly Unit[],
  groupOfB: readonly (Group | undefined)[],
  groupOfA: readonly (Group | undefined)[],
  link: (b: number, a: number, matchedBy: MatchedBy, score: number) => void,
  options: AlignOptions,
): void {
  let b = 0;
  let lastA = -1;
  while (b <= B.length) {
    const gapB: number[] = [];
    while (b < B.length && !groupOfB[b]) gapB.push(b++);
    const group = b < B.length ? groupOfB[b] : undefined;
    const nextA = group ? Math.min(...group.after) : A.length;
    if (nextA > lastA) {
      const gapA: number[] = [];
      for (let a = lastA + 1; a < nextA; a++) if (!groupOfA[a]) gapA.push(a);
      if (gapB.length > 0 && gapA.length > 0 && gapB.length <= options.maxGap && gapA.length <= options.maxGap) {
        for (const [x, y, score] of bestInOrder(gapB, gapA, B, A, options)) link(x, y, 'fuzzy', round(score));
      }
      lastA = group ? Math.max(...group.after) : lastA;
    }
    b++;
  }
}

/** The in-order pairing of `xs` with `ys` of greatest total similarity, each pair above `min`. */
function bestInOrder(
  xs: number[],
  ys: number[],
  B: readonly Unit[],
  A: readonly Unit[],
  options: AlignOptions,
): [number, number, number][] {
  const min = options.minGapSimilarity;
  const n = xs.length;
  const m = ys.length;
  const sim = (i: number, j: number): number => {
    return unitSimilarity(B[xs[i] as number] as Unit, A[ys[j] as number] as Unit, options.gramWeight);
  };
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const sims: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => sim(i, j)));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const s = sims[i - 1]?.[j - 1] ?? 0;
      const row = best[i] as number[];
      const up = best[i - 1] as number[];
      row[j] = Math.max(up[j] ?? 0, row[j - 1] ?? 0, s >= min ? (up[j - 1] ?? 0) + s : -1);
    }
  }
  const out: [number, number, number][] = [];
  for (let i = n, j = m; i > 0 && j > 0; ) {
    const s = sims[i - 1]?.[j - 1] ?? 0;
    const here = best[i]?.[j] ?? 0;
    if (s >= min && Math.abs(here - ((best[i - 1]?.[j - 1] ?? 0) + s)) < 1e-12) {
      out.push([xs[i - 1] as number, ys[j - 1] as number, s]);
      i--;
      j--;
    } else if (Math.abs(here - (best[i - 1]?.[j] ?? 0)) < 1e-12) i--;
    else j--;
  }
  return out.reverse();
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when b's previous or next sentence is paired with a's previous or next sentence. */
function contextAgrees(b: number, a: number, groupOfB: readonly (Group | undefined)[], groupOfA: readonly (Group | undefined)[]): boolean {
  const prev = groupOfB[b - 1];
  const next = groupOfB[b + 1];
  return (prev !== undefined && prev === groupOfA[a - 1]) || (next !== undefined && next === groupOfA[a + 1]);
}

function invertCandidates(candidatesOf: ReadonlyMap<number, Candidate[]>): Map<number, Candidate[]> {
  const out = new Map<number, Candidate[]>();
  for (const list of candidatesOf.values()) {
    for (const c of list) {
      const flipped = { b: c.a, a: c.b, score: c.score, distance: c.distance };
      const existing = out.get(c.a);
      if (existing) existing.push(flipped);
      else out.set(c.a, [flipped]);
    }
  }
  return out;
}

/**
 * Attaches unmatched `parts` sentences to a `whole` sentence they were cut from (or merged into).
 * `partsField` names which side of a group holds the parts: `after` for splits, `before` for merges.
 * A part must be adjacent to the group's other parts, mostly contained in the whole
 * (`minContainment`), and raise the whole's similarity by `minSplitGain`.
 */
function attachParts(
  wholes: Side,
  parts: Side,
  partsField: 'before' | 'after',
  groups: Group[],
  options: AlignOptions,
  candidatesOf: ReadonlyMap<number, Candidate[]>,
): void {
  const wholeField = partsField === 'after' ? 'before' : 'after';
  const scoreOf = (group: Group): number => {
    const whole = wholes.units[group[wholeField][0] ?? 0] as Unit;
    const union = unionOf(group[partsField].map((p) => parts.units[p] as Unit));
    return similarity(whole.weights, union.weights, whole.total, union.total);
  };
  const contained = (p: number, w: number): boolean => {
    const part = parts.units[p] as Unit;
    const whole = wholes.units[w] as Unit;
    return containment(part.weights, whole.weights, part.total) >= options.minContainment;
  };
  const grow = (group: Group): void => {
    const w = group[wholeField][0] ?? 0;
    for (let changed = true; changed; ) {
      changed = false;
      const members = group[partsField];
      for (const p of [Math.min(...members) - 1, Math.max(...members) + 1]) {
        if (p < 0 || p >= parts.units.length || parts.groupOf[p] || !contained(p, w)) continue;
        const old = scoreOf(group);
        members.push(p);
        members.sort((x, y) => x - y);
        const gained = scoreOf(group);
        if (gained - old >= options.minSplitGain) {
          parts.groupOf[p] = group;
          group.score = round(gained);
          group.matchedBy = partsField === 'after' ? 'split' : 'merge';
          changed = true;
        } else members.splice(members.indexOf(p), 1);
      }
    }
  };
  // A whole already paired one-to-one may have lost part of itself to a neighbour.
  for (const group of [...groups]) {
    if (group[wholeField].length === 1 && group[partsField].length >= 1) grow(group);
  }
  // An unpaired whole may be covered by two or more unpaired parts, none similar enough alone.
  for (let w = 0; w < wholes.units.length; w++) {
    if (wholes.groupOf[w]) continue;
    const list = candidatesOf.get(w) ?? [];
    const seeds = list.filter((c) => !parts.groupOf[c.a] && contained(c.a, w)).sort((x, y) => y.score - x.score || x.a - y.a);
    const seed = seeds[0];
    if (!seed) continue;
    const group: Group = {
      before: partsField === 'after' ? [w] : [seed.a],
      after: partsField === 'after' ? [seed.a] : [w],
      matchedBy: partsField === 'after' ? 'split' : 'merge',
      score: seed.score,
    };
    parts.groupOf[seed.a] = group;
    grow(group);
    if (group[partsField].length >= 2 && scoreOf(group) >= options.minSimilarity) {
      wholes.groupOf[w] = group;
      groups.push(group);
    } else {
      for (const p of group[partsField]) parts.groupOf[p] = undefined;
    }
  }
}
