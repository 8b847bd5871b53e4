/** Builders of small statements for tests, and a seeded generator for property tests. */
import fc from 'fast-check';
import { analyseStatement } from '../../src/analyse/analyse-statement.js';
import type { Statement } from '../../src/model/statement.js';
import { parseStatement } from '../../src/parse/parse-statement.js';

/** Parses and analyses Markdown text. */
export function statement(markdown: string, file = 'test.md'): Statement {
  return analyseStatement(parseStatement(markdown, { file }));
}

/** A statement from numbered paragraphs under one heading. */
export function numbered(paragraphs: readonly string[], title = 'Joint statement'): string {
  return [`# ${title}`, '', ...paragraphs.map((p, i) => `${i + 1}. ${p}\n`)].join('\n');
}

const ACTORS = ['The two sides', 'Freedonia', 'Sylvania', 'Both sides', 'The Committee'];
const ACTS = ['agreed to', 'pledged to', 'decided to', 'will', 'may'];
const VERBS = ['expand', 'review', 'protect', 'finance', 'upgrade', 'support', 'deepen'];
const THINGS = [
  'the railway',
  'port works',
  'the grid',
  'customs rules',
  'the dam',
  'trade links',
  'the school plan',
  'flood relief',
];
const PLACES = ['Vantor', 'Kelby', 'Marrow', 'Ostrand', 'Pellin', 'Rusk', 'Tolvin', 'Umber'];

/** A plausible sentence from small word pools (distinct sentences via a serial number). */
export const sentenceArb = fc
  .tuple(
    fc.constantFrom(...ACTORS),
    fc.constantFrom(...ACTS),
    fc.constantFrom(...VERBS),
    fc.constantFrom(...THINGS),
    fc.constantFrom(...PLACES),
    fc.integer({ min: 1, max: 9999 }),
  )
  .map(([a, b, c, d, e, n]) => `${a} ${b} ${c} ${d} in ${e} under plan ${n}.`);

/** A list of paragraphs, each one to three sentences, all sentences distinct. */
export const paragraphsArb = fc
  .uniqueArray(sentenceArb, { minLength: 2, maxLength: 24 })
  .chain((sentences) =>
    fc
      .array(fc.integer({ min: 1, max: 3 }), {
        minLength: sentences.length,
        maxLength: sentences.length,
      })
      .map((sizes) => {
        const out: string[] = [];
        let i = 0;
        for (const size of sizes) {
          if (i >= sentences.length) break;
          out.push(sentences.slice(i, i + size).join(' '));
          i += size;
        }
        return out;
      }),
  );
