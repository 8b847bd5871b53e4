/** Align stage: pairs the sentences of two statements (anchors, indexed candidates, splits, merges, moves). */
import type { AlignedPair, Alignment, MatchedBy } from '../model/alignment.js';
import type { Statement } from '../model/statement.js';
import type { AlignOptions } from './align-options.js';
import { DEFAULT_ALIGN_OPTIONS } from './align-options.js';
import { alignParagraphs, alignSections } from './align-structure.js';
import { longestIncreasingRun } from './longest-increasing-run.js';
import type { Unit } from './units.js';
import {
  containment,
  gramDice,
  unionBag,
  unitsOf,
  Vocabulary,
  quantise,
  weigh,
  wordSimilarity,
} from './units.js';

/** Similarity of two units: IDF-weighted Dice over content words blended with character-trigram Dice (`gramWeight`). */
export function unitSimilarity(x: Unit, y: Unit, gramWeight: number): number {
  return quantise(
    (1 - gramWeight) * wordSimilarity(x, y) + gramWeight * gramDice(x.grams, y.grams),
  );
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
export function alignStatements(
  before: Statement,
  after: Statement,
  overrides: Partial<AlignOptions> = {},
  session: AlignSession = new AlignSession(),
): Alignment {
  const options: AlignOptions = { ...DEFAULT_ALIGN_OPTIONS, ...overrides };
  const B = session.unitsOf(before);
  const A = session.unitsOf(after);
  const vocabulary = session.vocabulary;
  // The heuristics break ties by side; running them in one canonical direction (the side whose
  // keys sort first is "before") and flipping the result makes the alignment exactly symmetric:
  // what is added from A to B is what is removed from B to A.
  const keysB = B.map((u) => u.key).join('\n');
  const keysA = A.map((u) => u.key).join('\n');
  const flipped = keysA < keysB;
  const df = weigh(B, A, vocabulary);
  const core = flipped ? alignUnits(A, B, df, options) : alignUnits(B, A, df, options);
  const pairs = flipped ? reorder(core.pairs.map(flipPair), A, B) : core.pairs;
  return {
    pairs,
    paragraphs: alignParagraphs(before, after, pairs),
    sections: alignSections(before, after, pairs),
    stats: core.stats,
  };
}

/**
 * Shared work for several alignments of the same statements (a series aligns each round twice):
 * one vocabulary and each statement's units, computed once. Each alignment first sets the
 * units' weights for its own pair (`weigh`), so alignments of one session must run one at a time.
 */
export class AlignSession {
  readonly vocabulary = new Vocabulary();
  private readonly units = new WeakMap<Statement, Unit[]>();

  /** The units of `statement`, computed on first use. */
  unitsOf(statement: Statement): Unit[] {
    let units = this.units.get(statement);
    if (!units) {
      units = unitsOf(statement, this.vocabulary);
      this.units.set(statement, units);
    }
    return units;
  }
}

const FLIPPED_KIND: Record<AlignedPair['kind'], AlignedPair['kind']> = {
  unchanged: 'unchanged',
  reworded: 'reworded',
  moved: 'moved',
  split: 'merged',
  merged: 'split',
  added: 'removed',
  removed: 'added',
};
const FLIPPED_BY: Record<MatchedBy, MatchedBy> = {
  exact: 'exact',
  normalized: 'normalized',
  fuzzy: 'fuzzy',
  split: 'merge',
  merge: 'split',
  commitment: 'commitment',
  none: 'none',
};

function flipPair(pair: AlignedPair): AlignedPair {
  return {
    ...pair,
    before: pair.after,
    after: pair.before,
    kind: FLIPPED_KIND[pair.kind],
    matchedBy: FLIPPED_BY[pair.matchedBy],
  };
}

/** Orders pairs by after position, removed ones where they stood (after sides given as `A`, before as `B`). */
function reorder(pairs: AlignedPair[], A: readonly Unit[], B: readonly Unit[]): AlignedPair[] {
  const indexA = new Map(A.map((u, i) => [u.id, i]));
  const indexB = new Map(B.map((u, i) => [u.id, i]));
  const afterPlaceOfB = new Array<number>(B.length).fill(0);
  const partner = new Map<number, number>();
  for (const p of pairs) {
    const a = p.after[0] === undefined ? undefined : indexA.get(p.after[0]);
    if (a === undefined) continue;
    for (const id of p.before) partner.set(indexB.get(id) ?? -1, a);
  }
  let last = -0.5;
  for (let b = 0; b < B.length; b++) {
    const a = partner.get(b);
    if (a !== undefined) last = Math.max(last, a);
    afterPlaceOfB[b] = last + 0.5;
  }
  const keyOf = (p: AlignedPair): [number, number] => {
    const a = p.after[0] === undefined ? undefined : indexA.get(p.after[0]);
    const b = p.before[0] === undefined ? undefined : indexB.get(p.before[0]);
    if (a !== undefined) return [a, b ?? B.length + a];
    return [afterPlaceOfB[b ?? 0] ?? 0, b ?? 0];
  };
  return [...pairs].sort((x, y) => {
    const [xa, xb] = keyOf(x);
    const [ya, yb] = keyOf(y);
    return xa - ya || xb - yb;
  });
}

/** The sentence alignment of units `B` (before) and `A` (after), in that direction. */
function alignUnits(
  B: Unit[],
  A: Unit[],
  df: Int32Array,
  options: AlignOptions,
): { pairs: AlignedPair[]; stats: Alignment['stats'] } {
  const groupOfB: (Group | undefined)[] = new Array(B.length).fill(undefined);
  const groupOfA: (Group | undefined)[] = new Array(A.length).fill(undefined);
  const groups: Group[] = [];
  const link = (b: number, a: number, matchedBy: MatchedBy, score: number): void => {
    const group: Group = { before: [b], after: [a], matchedBy, score };
    groups.push(group);
    groupOfB[b] = group;
    groupOfA[a] = group;
  };

  // 1. Anchors: identical and normalised-identical sentences. A key found once on each side pairs
  // at once; the copies of a repeated key pair in order by position (pairRepeats), so one changed
  // copy among many leaves exactly that copy unpaired.
  const countB = new Map<string, number>();
  const countA = new Map<string, number>();
  // A sentence of punctuation only has an empty key; its text stands in (fuzzer: identity).
  const anchorKey = (u: Unit): string => (u.key !== '' ? u.key : `\u0000${u.text}`);
  for (const u of B) countB.set(anchorKey(u), (countB.get(anchorKey(u)) ?? 0) + 1);
  for (const u of A) countA.set(anchorKey(u), (countA.get(anchorKey(u)) ?? 0) + 1);
  const anchor = (b: number, a: number): void =>
    link(b, a, B[b]?.text === A[a]?.text ? 'exact' : 'normalized', 1);
  const onlyA = new Map<string, number>();
  A.forEach((u, a) => {
    if (countA.get(anchorKey(u)) === 1 && countB.get(anchorKey(u)) === 1)
      onlyA.set(anchorKey(u), a);
  });
  B.forEach((u, b) => {
    const a = onlyA.get(anchorKey(u));
    if (a !== undefined) anchor(b, a);
  });
  // Repeated keys: copies pair in order by position, a copy nearer to the other side's next copy
  // being skipped, so that one changed copy among many leaves exactly that copy unpaired.
  const positionsB = new Map<string, number[]>();
  const positionsA = new Map<string, number[]>();
  const pushTo = (map: Map<string, number[]>, key: string, at: number): void => {
    const list = map.get(key);
    if (list) list.push(at);
    else map.set(key, [at]);
  };
  B.forEach((u, b) => {
    if (!groupOfB[b] && (countA.get(anchorKey(u)) ?? 0) > 0) pushTo(positionsB, anchorKey(u), b);
  });
  A.forEach((u, a) => {
    if (!groupOfA[a] && (countB.get(anchorKey(u)) ?? 0) > 0) pushTo(positionsA, anchorKey(u), a);
  });
  const scaleBA = A.length / Math.max(1, B.length);
  for (const [key, pb] of positionsB) {
    const pa = positionsA.get(key) ?? [];
    for (const [b, a] of pairRepeats(pb, pa, scaleBA)) anchor(b, a);
  }

  // 2. Candidates for the rest, looked up from both sides (so that the result is symmetric):
  // an inverted index over informative tokens, plus the gap window between anchors.
  const proposed = new Set<number>();
  const propose = (b: number, a: number): void => {
    proposed.add(b * A.length + a);
  };
  proposeCandidates(
    B,
    A,
    groupOfB,
    groupOfA,
    (g) => g.after[0] ?? -1,
    df,
    options,
    (q, t) => propose(q, t),
  );
  proposeCandidates(
    A,
    B,
    groupOfA,
    groupOfB,
    (g) => g.before[0] ?? -1,
    df,
    options,
    (q, t) => propose(t, q),
  );
  let comparisons = 0;
  let budgetExhausted = false;
  const candidatesOf = new Map<number, Candidate[]>();
  const all: Candidate[] = [];
  for (const code of [...proposed].sort((x, y) => x - y)) {
    if (comparisons >= options.maxComparisons) {
      budgetExhausted = true;
      break;
    }
    comparisons++;
    const b = Math.floor(code / A.length);
    const a = code % A.length;
    let score = unitSimilarity(B[b] as Unit, A[a] as Unit, options.gramWeight);
    // Weak candidates are kept only as split/merge seeds, which need real overlap (see minContainment).
    if (score < options.minSimilarity / 3) continue;
    if (contextAgrees(b, a, groupOfB, groupOfA)) score = Math.min(1, score + options.contextBonus);
    const distance = Math.abs(a / Math.max(1, A.length) - b / Math.max(1, B.length));
    const candidate = { b, a, score, distance };
    const list = candidatesOf.get(b);
    if (list) list.push(candidate);
    else candidatesOf.set(b, [candidate]);
    if (score >= options.minSimilarity) all.push(candidate);
  }

  // 3. One-to-one, best first; ties broken by distance from the expected place, then by order.
  all.sort(
    (x, y) => y.score - x.score || x.distance - y.distance || x.a + x.b - (y.a + y.b) || x.b - y.b,
  );
  for (const c of all) {
    if (groupOfB[c.b] || groupOfA[c.a]) continue;
    link(c.b, c.a, 'fuzzy', round(c.score));
  }

  // 4. Splits (one before, several after) and merges (several before, one after).
  attachParts(
    { units: B, groupOf: groupOfB },
    { units: A, groupOf: groupOfA },
    'after',
    groups,
    options,
    candidatesOf,
  );
  const reverse = invertCandidates(candidatesOf);
  attachParts(
    { units: A, groupOf: groupOfA },
    { units: B, groupOf: groupOfB },
    'before',
    groups,
    options,
    reverse,
  );

  // 5. What is left between two in-order pairs is paired in order when similar enough.
  alignGaps(B, A, groupOfB, groupOfA, link, options);

  // 6. Moves: pairs out of the longest increasing run; weak ones are undone (a false move is worse).
  const live = groups.filter((g) => g.before.length > 0 && g.after.length > 0);
  live.sort((x, y) => (x.before[0] ?? 0) - (y.before[0] ?? 0));
  const weightOf = (g: Group): number => 1 + g.score / 1000;
  let inRun = longestIncreasingRun(
    live.map((g) => g.after[0] ?? 0),
    live.map(weightOf),
  );
  const runnerUp = (list: readonly Candidate[] | undefined, except: number): number =>
    Math.max(0, ...(list ?? []).filter((c) => c.a !== except).map((c) => c.score));
  const isClearWinner = (g: Group): boolean => {
    const b = g.before[0] ?? -1;
    const a = g.after[0] ?? -1;
    const margin =
      g.score - Math.max(runnerUp(candidatesOf.get(b), a), runnerUp(reverse.get(a), b));
    return g.score >= options.minSimilarity && margin >= options.moveMargin;
  };
  const undone = live.filter(
    (g, i) =>
      !inRun.has(i) &&
      g.matchedBy === 'fuzzy' &&
      g.score < options.minMoveSimilarity &&
      !isClearWinner(g),
  );
  for (const g of undone) {
    for (const b of g.before) groupOfB[b] = undefined;
    for (const a of g.after) groupOfA[a] = undefined;
    g.before = [];
    g.after = [];
  }
  const kept = live.filter((g) => g.before.length > 0);
  inRun = longestIncreasingRun(
    kept.map((g) => g.after[0] ?? 0),
    kept.map(weightOf),
  );
  const movedGroups = new Set(kept.filter((_, i) => !inRun.has(i)));

  const pairs: AlignedPair[] = [];
  for (const g of kept) {
    const reworded =
      g.before.map((b) => (B[b] as Unit).key).join(' ') !==
      g.after.map((a) => (A[a] as Unit).key).join(' ');
    const moved = movedGroups.has(g);
    const kind =
      g.after.length > 1
        ? 'split'
        : g.before.length > 1
          ? 'merged'
          : moved
            ? 'moved'
            : reworded
              ? 'reworded'
              : 'unchanged';
    const before = g.before.map((b) => (B[b] as Unit).id);
    const after = g.after.map((a) => (A[a] as Unit).id);
    pairs.push({ before, after, kind, matchedBy: g.matchedBy, score: g.score, moved, reworded });
  }
  B.forEach((unit, b) => {
    if (!groupOfB[b])
      pairs.push({
        before: [unit.id],
        after: [],
        kind: 'removed',
        matchedBy: 'none',
        score: 0,
        moved: false,
        reworded: false,
      });
  });
  A.forEach((unit, a) => {
    if (!groupOfA[a])
      pairs.push({
        before: [],
        after: [unit.id],
        kind: 'added',
        matchedBy: 'none',
        score: 0,
        moved: false,
        reworded: false,
      });
  });
  return { pairs: reorder(pairs, A, B), stats: { comparisons, budgetExhausted } };
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
      if (
        gapB.length > 0 &&
        gapA.length > 0 &&
        gapB.length <= options.maxGap &&
        gapA.length <= options.maxGap
      ) {
        for (const [x, y, score] of bestInOrder(gapB, gapA, B, A, options))
          link(x, y, 'fuzzy', round(score));
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
  const min =
    xs.length === 1 && ys.length === 1 ? options.minGapSimilarity : options.minGapSimilarityWide;
  const n = xs.length;
  const m = ys.length;
  const sim = (i: number, j: number): number => {
    const x = B[xs[i] as number] as Unit;
    const y = A[ys[j] as number] as Unit;
    // Position is the evidence here, but the two must still share content words, not only an actor phrase.
    if (wordSimilarity(x, y) < options.minGapWordSimilarity) return 0;
    return unitSimilarity(x, y, options.gramWeight);
  };
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const sims: number[][] = Array.from({ length: n }, (_, i) =>
    Array.from({ length: m }, (_, j) => sim(i, j)),
  );
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const s = sims[i - 1]?.[j - 1] ?? 0;
      const row = best[i] as number[];
      const up = best[i - 1] as number[];
      row[j] = Math.max(up[j] ?? 0, row[j - 1] ?? 0, s >= min ? (up[j - 1] ?? 0) + s : -1);
    }
  }
  const out: [number, number, number][] = [];
  for (let i = n, j = m; i > 0 && j > 0;) {
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

/**
 * Pairs the positions of one repeated key in order: walking both sorted lists, a copy is
 * skipped when the other side's current copy is nearer to its own next copy (positions of
 * the before side scaled to the after side). Linear in the number of copies.
 */
export function pairRepeats(
  pb: readonly number[],
  pa: readonly number[],
  scale: number,
): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < pb.length && j < pa.length) {
    const x = (pb[i] as number) * scale;
    const y = pa[j] as number;
    const nextX = i + 1 < pb.length ? (pb[i + 1] as number) * scale : Infinity;
    const nextY = j + 1 < pa.length ? (pa[j + 1] as number) : Infinity;
    if (Math.abs(nextX - y) < Math.abs(x - y) && Math.abs(x - nextY) >= Math.abs(x - y)) i++;
    else if (Math.abs(x - nextY) < Math.abs(x - y) && Math.abs(nextX - y) >= Math.abs(x - y)) j++;
    else out.push([pb[i++] as number, pa[j++] as number]);
  }
  return out;
}

/**
 * Proposes candidates for every unmatched query unit: the targets sharing the most informative
 * token weight (at most `maxCandidates`, tokens in more than `maxPostings` units left out), and
 * the unmatched targets nearest its expected place between the surrounding anchors (`gapWindow`).
 */
function proposeCandidates(
  queries: readonly Unit[],
  targets: readonly Unit[],
  groupOfQ: readonly (Group | undefined)[],
  groupOfT: readonly (Group | undefined)[],
  targetOf: (group: Group) => number,
  df: Int32Array,
  options: AlignOptions,
  propose: (q: number, t: number) => void,
): void {
  const postings = new Map<number, number[]>();
  targets.forEach((unit, t) => {
    if (groupOfT[t]) return;
    for (const token of unit.ids) {
      if ((df[token] ?? 0) > options.maxPostings) continue;
      const list = postings.get(token);
      if (list) list.push(t);
      else postings.set(token, [t]);
    }
  });
  const free = targets.map((_, t) => t).filter((t) => !groupOfT[t]);
  // The anchor partner of the nearest anchored query on each side of q.
  const prevAnchor = new Array<number>(queries.length);
  const nextAnchor = new Array<number>(queries.length);
  let last = -1;
  for (let q = 0; q < queries.length; q++) {
    prevAnchor[q] = last;
    const g = groupOfQ[q];
    if (g) last = targetOf(g);
  }
  last = targets.length;
  for (let q = queries.length - 1; q >= 0; q--) {
    nextAnchor[q] = last;
    const g = groupOfQ[q];
    if (g) last = targetOf(g);
  }
  const scale = targets.length / Math.max(1, queries.length);
  const acc = new Float64Array(targets.length);
  const touched: number[] = [];
  for (let q = 0; q < queries.length; q++) {
    if (groupOfQ[q]) continue;
    const unit = queries[q] as Unit;
    // Accumulate shared weight in one reused array (no allocation per sentence).
    touched.length = 0;
    for (let k = 0; k < unit.ids.length; k++) {
      const list = postings.get(unit.ids[k] as number);
      if (!list) continue;
      const weight = unit.w[k] as number;
      for (const t of list) {
        if (acc[t] === 0) touched.push(t);
        acc[t] = (acc[t] as number) + weight;
      }
    }
    touched.sort((x, y) => (acc[y] as number) - (acc[x] as number) || x - y);
    for (let k = 0; k < touched.length && k < options.maxCandidates; k++)
      propose(q, touched[k] as number);
    for (const t of touched) acc[t] = 0;
    const lo = Math.min(prevAnchor[q] ?? -1, nextAnchor[q] ?? targets.length);
    const hi = Math.max(prevAnchor[q] ?? -1, nextAnchor[q] ?? targets.length);
    const expected = Math.min(Math.max(Math.round(q * scale), lo + 1), hi);
    const inGap = (x: number | undefined): x is number => x !== undefined && x > lo && x < hi;
    const at = lowerBound(free, expected);
    for (let left = at - 1, right = at, taken = 0; taken < options.gapWindow; taken++) {
      const l = free[left];
      const r = free[right];
      if (inGap(l) && (!inGap(r) || expected - l <= r - expected)) {
        propose(q, l);
        left--;
      } else if (inGap(r)) {
        propose(q, r);
        right++;
      } else break;
    }
  }
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
function contextAgrees(
  b: number,
  a: number,
  groupOfB: readonly (Group | undefined)[],
  groupOfA: readonly (Group | undefined)[],
): boolean {
  const prev = groupOfB[b - 1];
  const next = groupOfB[b + 1];
  return (
    (prev !== undefined && prev === groupOfA[a - 1]) ||
    (next !== undefined && next === groupOfA[a + 1])
  );
}

function invertCandidates(
  candidatesOf: ReadonlyMap<number, Candidate[]>,
): Map<number, Candidate[]> {
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
    return wordSimilarity(whole, unionBag(group[partsField].map((p) => parts.units[p] as Unit)));
  };
  const contained = (p: number, w: number): boolean => {
    return containment(parts.units[p] as Unit, wholes.units[w] as Unit) >= options.minContainment;
  };
  const grow = (group: Group): void => {
    const w = group[wholeField][0] ?? 0;
    for (let changed = true; changed;) {
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
    const seeds = list
      .filter((c) => !parts.groupOf[c.a] && contained(c.a, w))
      .sort((x, y) => y.score - x.score || x.a - y.a);
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
