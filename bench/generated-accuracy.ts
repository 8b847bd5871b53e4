/** Scores the aligner on seeded generated pairs with ground truth (moves, splits, merges, renumbering, sections). */
import { analyseStatement, sentencesOf } from '../src/analyse/analyse-statement.js';
import type { AlignOptions } from '../src/align/align-options.js';
import { alignStatements } from '../src/align/align-statements.js';
import { parseStatement } from '../src/parse/parse-statement.js';
import { generatePair } from './generate-pairs.js';

interface Tally {
  predicted: number;
  correct: number;
  truth: number;
  found: number;
}

const tally = (): Tally => ({ predicted: 0, correct: 0, truth: 0, found: 0 });
const ratio = (a: number, b: number): number => (b === 0 ? 1 : Math.round((a / b) * 1000) / 1000);

export interface GeneratedScore {
  pairs: number;
  measures: Record<string, { precision: number; recall: number; goal: string }>;
}

/** Runs `count` seeded pairs (default 40) and scores each kind of structural change. */
export function scoreGenerated(
  options: Partial<AlignOptions> = {},
  count = 40,
  firstSeed = 1,
): GeneratedScore {
  const t = {
    pairs: tally(),
    moves: tally(),
    splits: tally(),
    merges: tally(),
    renumbering: tally(),
    sections: tally(),
  };
  for (let seed = firstSeed; seed < firstSeed + count; seed++) {
    const gen = generatePair(seed);
    const before = analyseStatement(parseStatement(gen.before, { file: `gen-${seed}-before.md` }));
    const after = analyseStatement(parseStatement(gen.after, { file: `gen-${seed}-after.md` }));
    const sb = sentencesOf(before);
    const sa = sentencesOf(after);
    if (sb.length !== gen.beforeIds.length || sa.length !== gen.afterIds.length) {
      throw new Error(
        `seed ${seed}: segmentation differs from the generator (${sb.length}/${gen.beforeIds.length})`,
      );
    }
    const truthOfB = new Map(sb.map((s, i) => [s.id, gen.beforeIds[i] as number]));
    const truthOfA = new Map(sa.map((s, i) => [s.id, gen.afterIds[i] as number]));
    const alignment = alignStatements(before, after, options);
    const truthPairs = new Set<string>();
    for (const [b, as] of gen.truth.pairs) for (const a of as) truthPairs.add(`${b} ${a}`);
    t.pairs.truth += truthPairs.size;
    const movedFound = new Set<number>();
    for (const pair of alignment.pairs) {
      const bs = pair.before.map((id) => truthOfB.get(id) as number);
      const as = pair.after.map((id) => truthOfA.get(id) as number);
      for (const b of bs) {
        for (const a of as) {
          t.pairs.predicted++;
          if (truthPairs.has(`${b} ${a}`)) {
            t.pairs.correct++;
            t.pairs.found++;
          }
        }
      }
      if (pair.moved) {
        t.moves.predicted += bs.length;
        for (const b of bs) {
          if (gen.truth.moved.has(b)) {
            t.moves.correct++;
            if (as.every((a) => truthPairs.has(`${b} ${a}`))) movedFound.add(b);
          }
        }
      }
      if (pair.kind === 'split') {
        t.splits.predicted++;
        const expected = gen.truth.splits.get(bs[0] as number);
        if (expected && expected.join() === as.join()) t.splits.correct++;
      }
      if (pair.kind === 'merged') {
        t.merges.predicted++;
        const expected = gen.truth.merges.get(as[0] as number);
        if (expected && expected.join() === bs.join()) t.merges.correct++;
      }
    }
    t.moves.truth += gen.truth.moved.size;
    t.moves.found += movedFound.size;
    t.splits.truth += gen.truth.splits.size;
    t.splits.found = t.splits.correct;
    t.merges.truth += gen.truth.merges.size;
    t.merges.found = t.merges.correct;
    const renumberedTruth = gen.truth.renumbered;
    t.renumbering.truth += renumberedTruth.size;
    for (const p of alignment.paragraphs) {
      if (!p.renumbered || p.beforeNumber === undefined) continue;
      t.renumbering.predicted++;
      if (renumberedTruth.get(p.beforeNumber) === p.afterNumber) {
        t.renumbering.correct++;
        t.renumbering.found++;
      }
    }
    if (gen.truth.movedSection) t.sections.truth++;
    for (const s of alignment.sections) {
      if (!s.moved) continue;
      t.sections.predicted++;
      if (s.beforeHeading === gen.truth.movedSection) {
        t.sections.correct++;
        t.sections.found++;
      }
    }
  }
  const m = (x: Tally, goal: string) => ({
    precision: ratio(x.correct, x.predicted),
    recall: ratio(x.found, x.truth),
    goal,
  });
  return {
    pairs: count,
    measures: {
      'all pairs': m(t.pairs, ''),
      moves: m(t.moves, 'P ≥ 0.98, R ≥ 0.90'),
      splits: m(t.splits, 'R ≥ 0.80'),
      merges: m(t.merges, 'R ≥ 0.80'),
      renumbered: m(t.renumbering, ''),
      'reordered sections': m(t.sections, ''),
    },
  };
}
