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
