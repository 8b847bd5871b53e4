import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffWords, rebuild, tokeniseForDiff } from '../../src/diff/word-diff.js';

const show = (edits: ReturnType<typeof diffWords>['edits']) =>
  edits
    .map((e) => (e.op === 'equal' ? e.text : e.op === 'delete' ? `[-${e.text}-]` : `{+${e.text}+}`))
    .join('');

describe('diffWords', () => {
  it('rebuilds both sides from its edits, whatever the texts', () => {
    const words = fc.constantFrom(
      'the',
      'Committee',
      'will',
      'may',
      '3-1/2',
      '2.5',
      'percent',
      ',',
      '.',
      'firmly',
      'support',
      '中巴',
      '合作',
      ' ',
      '  ',
    );
    const text = fc.array(words, { maxLength: 30 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const { edits } = diffWords(a, b);
        expect(rebuild(edits, 'before')).toBe(a);
        expect(rebuild(edits, 'after')).toBe(b);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps numbers whole: fractions, decimals, thousands, percents', () => {
    expect(tokeniseForDiff('to 3-1/2 to 3-3/4 percent, 2.5% of 1,000')).toEqual([
      'to',
      ' ',
      '3-1/2',
      ' ',
      'to',
      ' ',
      '3-3/4',
      ' ',
      'percent',
      ',',
      ' ',
      '2.5%',
      ' ',
      'of',
      ' ',
      '1,000',
    ]);
    expect(
      show(
        diffWords('by 1/4 point to 3-3/4 to 4 percent.', 'by 1/4 point to 3-1/2 to 3-3/4 percent.')
          .edits,
      ),
    ).toBe('by 1/4 point to [-3-3/4 to 4-]{+3-1/2 to 3-3/4+} percent.');
  });

  it('diffs Chinese by words, not characters', () => {
    expect(show(diffWords('双方同意加强战略沟通。', '双方同意深化战略沟通。').edits)).toBe(
      '双方同意[-加强-]{+深化+}战略沟通。',
    );
  });

  it('folds short equal runs between edits into the change', () => {
    const { edits } = diffWords(
      'the unemployment rate has edged up but remained low through August; more recent indicators',
      'the unemployment rate has edged up through September. More recent indicators',
    );
    expect(edits.filter((e) => e.op !== 'equal')).toHaveLength(2);
  });

  it('shows a sentence with too little in common as a whole replacement', () => {
    const r = diffWords(
      'The two sides welcomed the completion of ten years of CPEC.',
      'Pakistan thanked China for vaccines.',
    );
    expect(r.replaced).toBe(true);
    expect(r.edits.map((e) => e.op)).toEqual(['delete', 'insert']);
  });
});
