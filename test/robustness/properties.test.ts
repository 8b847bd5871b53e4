/**
 * Properties of comparisons over generated Markdown statements (frontmatter, headings, numbered
 * paragraphs, sentences from word pools with abbreviations, fractions and some Chinese):
 * identity, symmetry, accounting, word edits, determinism, moves and renumbering.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { sentencesOf, analyseStatement } from '../../src/analyse/analyse-statement.js';
import { rebuild } from '../../src/diff/word-diff.js';
import type { ComparisonReport } from '../../src/model/changes.js';
import type { Statement } from '../../src/model/statement.js';
import { parseStatement } from '../../src/parse/parse-statement.js';
import { compareStatements } from '../../src/report/build-comparison.js';
import { COMPARISON_FORMATS } from '../../src/report/formats.js';
import { checkReport } from '../../bench/fuzz/invariants.js';
import { runCli } from '../support/run-cli.js';

const ACTORS = [
  'The two sides',
  'Both sides',
  'The Committee',
  'Freedonia',
  'Sylvania',
  'The U.S. side',
];
const ACTS = [
  'agreed to',
  'pledged to',
  'decided to',
  'will',
  'may',
  'reaffirmed their commitment to',
];
const VERBS = ['expand', 'review', 'protect', 'finance', 'upgrade', 'support', 'deepen', 'study'];
const THINGS = [
  'the railway',
  'port works',
  'the grid',
  'customs rules',
  'the dam',
  'trade links',
  'flood relief',
  'the U.S. Treasury accord',
];
const PLACES = ['Vantor', 'Kelby', 'Marrow', 'Ostrand', 'Pellin', 'Rusk', 'Tolvin', 'Umber'];
const TAILS = [
  '',
  ' at a rate of 3-1/2 percent',
  ' under Resolution No. 5',
  ', e.g. ports and roads,',
  ' with H.E. Mr. Dar',
  ' by 2.5 percent',
  ' for the U.N. mission',
];
const CJK_THINGS = ['铁路', '港口', '电网', '海关', '水坝', '贸易'];

/** One sentence; `n` makes it distinct from every other sentence of a statement. */
const sentenceArb = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...ACTORS),
        fc.constantFrom(...ACTS),
        fc.constantFrom(...VERBS),
        fc.constantFrom(...THINGS),
        fc.constantFrom(...PLACES),
        fc.constantFrom(...TAILS),
      )
      .map(
        ([actor, act, verb, thing, place, tail]) =>
          (n: number) =>
            `${actor} ${act} ${verb} ${thing} in ${place}${tail} under plan ${n}.`,
      ),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(...CJK_THINGS)
      .map((thing) => (n: number) => `双方同意加强第${n}号${thing}项目合作。`),
  },
);

/** A generated statement: sections of paragraphs of sentences, all sentences distinct. */
interface Generated {
  readonly title: string;
  readonly date: string;
  readonly round: number;
  readonly sections: readonly {
    readonly heading: string;
    readonly paragraphs: readonly (readonly string[])[];
  }[];
}

const HEADINGS = [
  'Political relations',
  'Economic cooperation',
  'Security',
  'Regional issues',
  'Monetary policy',
  'Next steps',
];

/** Groups `items` into consecutive runs whose sizes come from `sizes` (cycled), at least one each. */
function groups<T>(items: readonly T[], sizes: readonly number[]): T[][] {
  const out: T[][] = [];
  for (let i = 0, k = 0; i < items.length; k++) {
    const size = Math.max(1, sizes[k % Math.max(1, sizes.length)] ?? 1);
    out.push(items.slice(i, i + size));
    i += size;
  }
  return out;
}

/** Sentences from `makers`, numbered from `first` so that they are distinct. */
const texts = (makers: readonly ((n: number) => string)[], first = 1): string[] =>
  makers.map((make, i) => make(first + i));

const layoutArb = (count: number) =>
  fc.record({
    paragraphSizes: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: count }),
    sectionSizes: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
    headings: fc.shuffledSubarray(HEADINGS, {
      minLength: HEADINGS.length,
      maxLength: HEADINGS.length,
    }),
  });

/** Lays `sentences` out in paragraphs and sections. */
function layOut(
  sentences: readonly string[],
  layout: { paragraphSizes: number[]; sectionSizes: number[]; headings: string[] },
  meta: { date: string; round: number },
): Generated {
  const paragraphs = groups(sentences, layout.paragraphSizes);
  const sections = groups(paragraphs, layout.sectionSizes).map((ps, i) => ({
    heading: layout.headings[i % layout.headings.length] ?? 'Section',
    paragraphs: ps,
  }));
  return { title: 'Joint statement', ...meta, sections };
}

const metaArb = fc.record({
  date: fc
    .date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2030-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
  round: fc.integer({ min: 1, max: 40 }),
});

const generatedArb: fc.Arbitrary<Generated> = fc
  .array(sentenceArb, { minLength: 2, maxLength: 24 })
  .chain((makers) => fc.tuple(fc.constant(texts(makers)), layoutArb(makers.length), metaArb))
  .map(([sentences, layout, meta]) => layOut(sentences, layout, meta));

/**
 * Markdown of a generated statement. `numbers`: the number written before each paragraph, in
 * document order (undefined: no numbers).
 */
function toMarkdown(statement: Generated, numbers?: readonly number[]): string {
  const lines = [
    '---',
    `title: "${statement.title}"`,
    `date: ${statement.date}`,
    `round: ${statement.round}`,
    'series: generated',
    '---',
    '',
    `# ${statement.title}`,
    '',
  ];
  let k = 0;
  for (const section of statement.sections) {
    lines.push(`## ${section.heading}`, '');
    for (const paragraph of section.paragraphs) {
      const number = numbers?.[k++];
      lines.push(`${number === undefined ? '' : `${number}. `}${paragraph.join(' ')}`, '');
    }
  }
  return lines.join('\n');
}

const paragraphCount = (statement: Generated): number =>
  statement.sections.reduce((n, s) => n + s.paragraphs.length, 0);

function analysed(markdown: string, file: string): Statement {
  return analyseStatement(parseStatement(markdown, { file }));
}

const idsOf = (report: ComparisonReport, kind: 'new' | 'dropped'): string[] =>
  report.changes
    .filter((c) => c.kind === kind)
    .flatMap((c) => (kind === 'new' ? (c.after?.ids ?? []) : (c.before?.ids ?? [])))
    .sort();

/**
 * A pair of rounds: the after round keeps some sentences of the before round (some reworded),
 * drops others and adds new ones, with its own layout.
 */
const pairArb = fc
  .array(sentenceArb, { minLength: 2, maxLength: 20 })
  .chain((makers) =>
    fc.tuple(
      fc.constant(texts(makers)),
      fc.array(fc.constantFrom('keep', 'keep', 'keep', 'drop', 'reword'), {
        minLength: makers.length,
        maxLength: makers.length,
      }),
      fc.array(sentenceArb, { maxLength: 6 }),
      layoutArb(makers.length),
      layoutArb(makers.length + 6),
      metaArb,
      metaArb,
    ),
  )
  .map(([sentences, fates, added, layoutB, layoutA, metaB, metaA]) => {
    const kept: string[] = [];
    sentences.forEach((s, i) => {
      const fate = fates[i];
      if (fate === 'keep') kept.push(s);
      else if (fate === 'reword')
        kept.push(
          s
            .replace(/ (agreed to|pledged to|decided to|will|may) /, ' firmly resolved to ')
            .replace('双方同意', '双方决定'),
        );
    });
    const fresh = texts(added, 10_000);
    const after = [...kept];
    fresh.forEach((s, i) => after.splice((i * 7) % (after.length + 1), 0, s));
    return {
      before: toMarkdown(layOut(sentences, layoutB, metaB)),
      after: toMarkdown(layOut(after.length > 0 ? after : ['The sides met.'], layoutA, metaA)),
    };
  });

const dir = mkdtempSync(join(tmpdir(), 'sd-properties-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileCounter = 0;
function writeTemp(markdown: string): string {
  const file = join(dir, `round-${fileCounter++}.md`);
  writeFileSync(file, markdown);
  return file;
}

/** Asserts `check` on 60 generated pairs of statements (parsed and analysed). */
function forAllPairs(check: (before: Statement, after: Statement) => void): void {
  fc.assert(
    fc.property(pairArb, ({ before, after }) => {
      check(analysed(before, 'a.md'), analysed(after, 'b.md'));
    }),
    { numRuns: 60 },
  );
}

describe('comparison properties over generated statements', () => {
  it('identity: a statement compared with itself has nothing changed and exits 0', async () => {
    await fc.assert(
      fc.asyncProperty(generatedArb, fc.boolean(), async (generated, numbered) => {
        const markdown = toMarkdown(
          generated,
          numbered ? Array.from({ length: paragraphCount(generated) }, (_, i) => i + 1) : undefined,
        );
        const statement = analysed(markdown, 'a.md');
        const report = compareStatements(statement, statement);
        expect(report.changes).toEqual([]);
        expect(report.summary.differs).toBe(false);
        expect(report.summary.counts.unchanged).toBe(sentencesOf(statement).length);
        const file = writeTemp(markdown);
        const cli = await runCli(['compare', file, file]);
        expect(cli.code).toBe(0);
        expect(cli.stdout).toContain('No differences.');
        expect(cli.stderr).toBe('');
      }),
      { numRuns: 25 },
    );
  });

  it('symmetry: what is new from A to B is what is dropped from B to A, and the other way round', () => {
    forAllPairs((a, b) => {
      const forward = compareStatements(a, b);
      const backward = compareStatements(b, a);
      expect(idsOf(forward, 'new')).toEqual(idsOf(backward, 'dropped'));
      expect(idsOf(forward, 'dropped')).toEqual(idsOf(backward, 'new'));
    });
  });

  it('accounting: every sentence of both sides is in exactly one alignment pair', () => {
    forAllPairs((a, b) => {
      const report = compareStatements(a, b);
      const count = (ids: readonly string[]) => {
        const seen = new Map<string, number>();
        for (const id of ids) seen.set(id, (seen.get(id) ?? 0) + 1);
        return seen;
      };
      const usedBefore = count(report.alignment.flatMap((p) => p.before));
      const usedAfter = count(report.alignment.flatMap((p) => p.after));
      const expected = (statement: Statement) =>
        new Map(sentencesOf(statement).map((s) => [s.id, 1]));
      expect(usedBefore).toEqual(expected(a));
      expect(usedAfter).toEqual(expected(b));
      // And the rest of the report's invariants (paragraphs, sections, counts, change order).
      expect(checkReport(report, a, b)).toEqual([]);
    });
  });

  it('word edits rebuild the before and the after text of every change', () => {
    forAllPairs((a, b) => {
      for (const change of compareStatements(a, b).changes) {
        if (change.before && change.after) {
          expect(rebuild(change.edits, 'before')).toBe(change.before.text);
          expect(rebuild(change.edits, 'after')).toBe(change.after.text);
        } else expect(change.edits).toEqual([]);
      }
    });
  });

  it('determinism: two runs give byte-identical output in every format', async () => {
    await fc.assert(
      fc.asyncProperty(pairArb, async ({ before, after }) => {
        const a = writeTemp(before);
        const b = writeTemp(after);
        for (const format of COMPARISON_FORMATS) {
          const first = await runCli(['compare', a, b, '--format', format]);
          const second = await runCli(['compare', a, b, '--format', format]);
          expect([0, 1]).toContain(first.code);
          expect(second.code).toBe(first.code);
          expect(second.stdout).toBe(first.stdout);
          expect(second.stderr).toBe(first.stderr);
        }
      }),
      { numRuns: 8 },
    );
  });

  it('permuted paragraphs give only moves: nothing added, removed or reworded', () => {
    const arb = fc
      .array(sentenceArb, { minLength: 3, maxLength: 20 })
      .chain((makers) => {
        const sentences = texts(makers);
        return fc.tuple(
          fc.constant(sentences),
          fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: sentences.length }),
          fc.boolean(),
          metaArb,
        );
      })
      .chain(([sentences, sizes, numbered, meta]) => {
        const paragraphs = groups(sentences, sizes);
        const numbers = paragraphs.map((_, i) => i + 1);
        return fc
          .shuffledSubarray(
            paragraphs.map((_, i) => i),
            { minLength: paragraphs.length, maxLength: paragraphs.length },
          )
          .map((order) => {
            const flat = (indices: readonly number[]): Generated => ({
              title: 'Joint statement',
              ...meta,
              sections: [
                { heading: 'Outcomes', paragraphs: indices.map((i) => paragraphs[i] ?? []) },
              ],
            });
            const identity = paragraphs.map((_, i) => i);
            return {
              before: toMarkdown(flat(identity), numbered ? numbers : undefined),
              // Numbered paragraphs keep their numbers when they move.
              after: toMarkdown(
                flat(order),
                numbered ? order.map((i) => numbers[i] ?? 0) : undefined,
              ),
            };
          });
      });
    fc.assert(
      fc.property(arb, ({ before, after }) => {
        const report = compareStatements(analysed(before, 'a.md'), analysed(after, 'b.md'));
        for (const pair of report.alignment) {
          expect(['unchanged', 'moved']).toContain(pair.kind);
          expect(pair.reworded).toBe(false);
        }
        expect(report.changes.every((c) => c.kind === 'moved')).toBe(true);
        const { counts } = report.summary;
        expect(
          counts.new +
            counts.dropped +
            counts.reworded +
            counts.split +
            counts.merged +
            counts.cosmetic,
        ).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it('renumbering alone changes no commitment', () => {
    const arb = generatedArb.chain((generated) => {
      const n = paragraphCount(generated);
      return fc.tuple(
        fc.constant(generated),
        fc.uniqueArray(fc.integer({ min: 1, max: 999 }), { minLength: n, maxLength: n }),
        fc.uniqueArray(fc.integer({ min: 1, max: 999 }), { minLength: n, maxLength: n }),
      );
    });
    fc.assert(
      fc.property(arb, ([generated, numbersBefore, numbersAfter]) => {
        const report = compareStatements(
          analysed(toMarkdown(generated, numbersBefore), 'a.md'),
          analysed(toMarkdown(generated, numbersAfter), 'b.md'),
        );
        const differing = numbersBefore.filter((n, i) => numbersAfter[i] !== n).length;
        expect(report.changes).toEqual([]);
        expect(report.summary.renumberedParagraphs).toBe(differing);
        if (differing > 0) expect(report.summary.renumberedParagraphs).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });
});
