/** Figures written in words: compounds are one figure, number words inside names are not figures. */
import { describe, expect, it } from 'vitest';
import { analyseStatement } from '../../src/analyse/analyse-statement.js';
import { parseStatement } from '../../src/parse/parse-statement.js';

function figures(sentence: string): string[] {
  const statement = analyseStatement(parseStatement(`${sentence}\n`, { file: 'x.md' }));
  return (statement.commitments[0]?.entities ?? [])
    .filter((e) => e.kind === 'figure')
    .map((e) => `${e.text}=${e.value}`);
}

describe('figures in words', () => {
  it('does not read a number word inside a hyphenated name as a figure', () => {
    expect(figures('Pakistan reaffirmed its commitment to the One-China policy.')).toEqual([]);
  });

  it('reads tens and units joined by a hyphen as one figure', () => {
    expect(figures('They agreed on twenty-five projects and three corridors.')).toEqual([
      'twenty-five=25',
      'three=3',
    ]);
  });

  it('keeps ordinals and plain number words', () => {
    expect(figures('The ministers held the second round with ten experts.')).toEqual([
      'second=2',
      'ten=10',
    ]);
  });
});

describe('deadlines in words and months', () => {
  it('reads a condition for an end ("until …") as a figure, as it does a date', () => {
    expect(
      figures(
        'The Committee anticipates doing so until normalization of the level of the federal funds rate is well under way.',
      ),
    ).toEqual([
      'until normalization of the level of the federal funds rate is well under way=until normalization of the level of the federal funds rate is well under way',
    ]);
    expect(figures('Decides to extend the mandate until 31 May 2026.')).toEqual([
      'until 31 May 2026=until 31 may 2026',
    ]);
  });

  it('reads "May" after a preposition as a month, and the modal as no figure', () => {
    expect(
      figures('Information received since the Committee met in May indicates growth.'),
    ).toEqual(['May=may']);
    expect(figures('The two sides may meet again.')).toEqual([]);
  });
});
