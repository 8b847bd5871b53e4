/** Paragraph and section alignment derived bottom-up from the sentence alignment. */
import type { AlignedPair, ParagraphPair, SectionPair } from '../model/alignment.js';
import type { Paragraph, Section, Statement } from '../model/statement.js';
import { normaliseKey } from '../parse/normalise-key.js';
import { paragraphsOf, sectionsOf } from '../parse/walk-statement.js';
import { longestIncreasingRun } from './longest-increasing-run.js';

interface Container {
  readonly id: string;
  readonly index: number;
  readonly size: number;
  readonly sentenceIds: readonly string[];
}

/**
 * Pairs containers that share the most paired sentences, mutually (best of each other).
 * Returns the pairs as [before index, after index, shared].
 */
function pairContainers(
  before: Container[],
  after: Container[],
  pairs: readonly AlignedPair[],
): [number, number, number][] {
  const ownerB = new Map<string, number>();
  before.forEach((c) => c.sentenceIds.forEach((id) => ownerB.set(id, c.index)));
  const ownerA = new Map<string, number>();
  after.forEach((c) => c.sentenceIds.forEach((id) => ownerA.set(id, c.index)));
  const shared = new Map<string, number>();
  for (const pair of pairs) {
    for (const b of pair.before) {
      for (const a of pair.after) {
        const cb = ownerB.get(b);
        const ca = ownerA.get(a);
        if (cb === undefined || ca === undefined) continue;
        const key = `${cb} ${ca}`;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  const bestB = new Map<number, [number, number]>();
  const bestA = new Map<number, [number, number]>();
  for (const [key, count] of [...shared.entries()].sort()) {
    const [cb, ca] = key.split(' ').map(Number) as [number, number];
    const currentB = bestB.get(cb);
    if (!currentB || count > currentB[1] || (count === currentB[1] && ca < currentB[0]))
      bestB.set(cb, [ca, count]);
    const currentA = bestA.get(ca);
    if (!currentA || count > currentA[1] || (count === currentA[1] && cb < currentA[0]))
      bestA.set(ca, [cb, count]);
  }
  const out: [number, number, number][] = [];
  for (const [cb, [ca, count]] of bestB) if (bestA.get(ca)?.[0] === cb) out.push([cb, ca, count]);
  return out.sort((x, y) => x[0] - y[0]);
}

/** Paragraph pairs: shared sentences decide; numbers tell renumbering; order tells moves. */
export function alignParagraphs(
  before: Statement,
  after: Statement,
  pairs: readonly AlignedPair[],
): ParagraphPair[] {
  const pb = paragraphsOf(before);
  const pa = paragraphsOf(after);
  const asContainer = (p: Paragraph, index: number): Container => ({
    id: p.id,
    index,
    size: p.sentences.length,
    sentenceIds: p.sentences.map((s) => s.id),
  });
  const matched = pairContainers(pb.map(asContainer), pa.map(asContainer), pairs);
  const run = longestIncreasingRun(matched.map(([, a]) => a));
  const out: { pair: ParagraphPair; order: number }[] = [];
  // Order: paired and added paragraphs by their after position; removed ones first.
  const pairedB = new Set<number>();
  const pairedA = new Set<number>();
  matched.forEach(([b, a, count], i) => {
    const x = pb[b] as Paragraph;
    const y = pa[a] as Paragraph;
    pairedB.add(b);
    pairedA.add(a);
    out.push({
      pair: {
        before: x.id,
        after: y.id,
        ...(x.number !== undefined ? { beforeNumber: x.number } : {}),
        ...(y.number !== undefined ? { afterNumber: y.number } : {}),
        renumbered: x.number !== undefined && y.number !== undefined && x.number !== y.number,
        moved: !run.has(i),
        overlap:
          Math.round((count / Math.max(x.sentences.length, y.sentences.length)) * 1000) / 1000,
      },
      order: a,
    });
  });
  pb.forEach((p, b) => {
    if (pairedB.has(b)) return;
    out.push({
      pair: {
        before: p.id,
        after: null,
        ...(p.number !== undefined ? { beforeNumber: p.number } : {}),
        renumbered: false,
        moved: false,
        overlap: 0,
      },
      order: -1,
    });
  });
  pa.forEach((p, a) => {
    if (pairedA.has(a)) return;
    out.push({
      pair: {
        before: null,
        after: p.id,
        ...(p.number !== undefined ? { afterNumber: p.number } : {}),
        renumbered: false,
        moved: false,
        overlap: 0,
      },
      order: a,
    });
  });
  return out.sort((x, y) => x.order - y.order).map((o) => o.pair);
}

/**
 * Least word overlap (Jaccard) of two headings for sections that share no sentence to pair
 * ("Economic cooperation" → "Economic and trade cooperation": 2 of 4 words). Why: a section whose
 * every sentence was rewritten is still the same section when its heading barely changed.
 */
export const MIN_HEADING_SIMILARITY = 0.5;
/** Above this many candidate pairs of unpaired sections, similar headings are not looked for. */
const MAX_HEADING_CANDIDATES = 1_000_000;

/** Pairs the sections left unpaired by the most similar headings, best first (mutates the sets). */
function pairSimilarHeadings(
  sb: readonly Section[],
  sa: readonly Section[],
  pairedB: Set<number>,
  pairedA: Set<number>,
  headingKey: (s: Section) => string,
  matched: [number, number, 'content' | 'heading'][],
): void {
  const words = (s: Section): Set<string> => new Set(headingKey(s).split(' ').filter(Boolean));
  const freeB = sb.flatMap((s, b) => (pairedB.has(b) || s.heading === null ? [] : [b]));
  const freeA = sa.flatMap((s, a) => (pairedA.has(a) || s.heading === null ? [] : [a]));
  if (freeB.length * freeA.length > MAX_HEADING_CANDIDATES) return;
  const wordsA = new Map(freeA.map((a) => [a, words(sa[a] as Section)]));
  const candidates: [number, number, number][] = [];
  for (const b of freeB) {
    const x = words(sb[b] as Section);
    for (const a of freeA) {
      const y = wordsA.get(a) as Set<string>;
      let shared = 0;
      for (const w of x) if (y.has(w)) shared++;
      const union = x.size + y.size - shared;
      const similarity = union === 0 ? 0 : shared / union;
      if (similarity >= MIN_HEADING_SIMILARITY) candidates.push([similarity, b, a]);
    }
  }
  candidates.sort((p, q) => q[0] - p[0] || p[1] - q[1] || p[2] - q[2]);
  for (const [, b, a] of candidates) {
    if (pairedB.has(b) || pairedA.has(a)) continue;
    matched.push([b, a, 'heading']);
    pairedB.add(b);
    pairedA.add(a);
  }
}

/**
 * Section pairs: shared sentences first, then equal headings, then similar headings; renamed,
 * moved, added, removed.
 */
export function alignSections(
  before: Statement,
  after: Statement,
  pairs: readonly AlignedPair[],
): SectionPair[] {
  const sb = sectionsOf(before);
  const sa = sectionsOf(after);
  const asContainer = (s: Section, index: number): Container => ({
    id: s.id,
    index,
    size: s.paragraphs.length,
    sentenceIds: s.paragraphs.flatMap((p) => p.sentences.map((x) => x.id)),
  });
  const matched: [number, number, 'content' | 'heading'][] = pairContainers(
    sb.map(asContainer),
    sa.map(asContainer),
    pairs,
  ).map(([b, a]) => [b, a, 'content']);
  const pairedB = new Set(matched.map(([b]) => b));
  const pairedA = new Set(matched.map(([, a]) => a));
  const headingKey = (s: Section): string => (s.heading === null ? '' : normaliseKey(s.heading));
  const freeA = new Map<string, number[]>();
  sa.forEach((s, a) => {
    if (pairedA.has(a)) return;
    const list = freeA.get(headingKey(s)) ?? [];
    list.push(a);
    freeA.set(headingKey(s), list);
  });
  sb.forEach((s, b) => {
    if (pairedB.has(b)) return;
    const a = freeA.get(headingKey(s))?.shift();
    if (a === undefined) return;
    matched.push([b, a, 'heading']);
    pairedB.add(b);
    pairedA.add(a);
  });
  pairSimilarHeadings(sb, sa, pairedB, pairedA, headingKey, matched);
  matched.sort((x, y) => x[0] - y[0]);
  const run = longestIncreasingRun(matched.map(([, a]) => a));
  const out: SectionPair[] = matched.map(([b, a, by], i) => {
    const x = sb[b] as Section;
    const y = sa[a] as Section;
    return {
      before: x.id,
      after: y.id,
      beforeHeading: x.heading,
      afterHeading: y.heading,
      renamed: headingKey(x) !== headingKey(y),
      moved: !run.has(i),
      matchedBy: by,
    };
  });
  sb.forEach((s, b) => {
    if (!pairedB.has(b)) {
      out.push({
        before: s.id,
        after: null,
        beforeHeading: s.heading,
        afterHeading: null,
        renamed: false,
        moved: false,
        matchedBy: 'none',
      });
    }
  });
  sa.forEach((s, a) => {
    if (!pairedA.has(a)) {
      out.push({
        before: null,
        after: s.id,
        beforeHeading: null,
        afterHeading: s.heading,
        renamed: false,
        moved: false,
        matchedBy: 'none',
      });
    }
  });
  return out;
}
