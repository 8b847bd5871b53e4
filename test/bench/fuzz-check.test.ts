/**
 * The fuzzer re-judges "span text ≠ sentence text" violations that only reflect markup a Markdown
 * reader drops (bench/fuzz/check.ts `isMarkupOnly`). It must accept those and nothing else: a
 * checker that excused real mismatches would hide span bugs from every fuzz run.
 */
import { describe, expect, it } from 'vitest';
import { allowance, isMarkupOnly } from '../../bench/fuzz/check.js';

const violation = (raw: string, text: string): string =>
  `sentence s1/p1/1: span text ${JSON.stringify(raw)} ≠ ${JSON.stringify(text)}`;

describe('fuzz checker: span-text violations excused as markup', () => {
  it('excuses inline tags, autolink brackets and character references', () => {
    expect(isMarkupOnly(violation('a <b>bold</b> word', 'a bold word'))).toBe(true);
    expect(isMarkupOnly(violation('see <http://a.org> now', 'see http://a.org now'))).toBe(true);
    expect(isMarkupOnly(violation('R&amp;D &#8212; up', 'R&D \u2014 up'))).toBe(true);
  });

  it('excuses blanked tags that break or make an autolink (fuzz inputs 72040 and 79402)', () => {
    // `<http://a</div>>`: the tag is blanked in the span, the text keeps `<http://a>` as text.
    expect(
      isMarkupOnly(violation('August <http://a      >8, 2006', 'August <http://a>8, 2006')),
    ).toBe(true);
    // `</scr<http://a>ipt>`: the autolink's brackets are blanked, which looks like a tag.
    expect(
      isMarkupOnly(
        violation(
          'measures of </scr http://a ipt>inflation',
          'measures of </scrhttp://aipt>inflation',
        ),
      ),
    ).toBe(true);
  });

  it('reads violations whose texts hold U+2028 (a line terminator for a regex dot)', () => {
    expect(isMarkupOnly(violation('title:\u2028"<i>FOMC</i>"', 'title:\u2028"FOMC"'))).toBe(true);
    expect(isMarkupOnly(violation('title:\u2028"FOMC"', 'title:\u2028"FOMD"'))).toBe(false);
  });

  it('does not excuse a span that lost, gained or changed text', () => {
    expect(isMarkupOnly(violation('he Committee decided', 'The Committee decided'))).toBe(false);
    expect(isMarkupOnly(violation('The Committee decided.', 'The Committee decided'))).toBe(false);
    expect(isMarkupOnly(violation('rate at 5 percent', 'rate at 6 percent'))).toBe(false);
    expect(isMarkupOnly(violation('<b>x</b> rate', 'x rates'))).toBe(false);
    expect(isMarkupOnly('sentence s1/p1/1 overlaps the one before')).toBe(false);
  });
});

describe('fuzz checker: time allowance of a stage (docs/errors.md § Fuzzing)', () => {
  it('is 1 + 6 per MB of input + 0.1 per MB of output, times the 5 s base bound', () => {
    expect(allowance(0, 0)).toBe(1);
    expect(5 * allowance(1_000_000, 0)).toBeCloseTo(35); // 5 s + 30 s per MB of input
    expect(5 * allowance(0, 10_000_000)).toBeCloseTo(10); // + 0.5 s per MB of output
    // The two inputs that set it: 698 KB parsed in 13.4 s; 458 KB rendering 120 MB in 27 s.
    expect(5 * allowance(698_067, 0)).toBeGreaterThan(13.4);
    expect(5 * allowance(458_230, 119_587_346)).toBeGreaterThan(27);
    // The quadratic case it must still catch: 40 KB of nested-list items in 8.7 s.
    expect(5 * allowance(40_005, 0)).toBeLessThan(8.7);
  });
});
