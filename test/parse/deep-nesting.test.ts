/** Lists nested on one line: read up to the limit, refused above it before remark runs. */
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../src/model/errors.js';
import { parseStatement } from '../../src/parse/parse-statement.js';
import {
  MAX_DELIMITERS,
  MAX_LIST_DEPTH,
  MAX_LIST_MARKERS_PER_LINE,
  MAX_NESTED_QUOTE_MARKERS,
  readMarkdown,
} from '../../src/parse/read-markdown.js';
import { checkStatement } from '../support/check-statement.js';
import { analyseStatement } from '../../src/analyse/analyse-statement.js';

const nested = (markers: string, depth: number): string =>
  `# Joint statement\n\nThe ministers met.\n\n${markers.repeat(depth)}The two sides agreed.\n`;

function refusal(text: string): { code: string; line: number | undefined } | undefined {
  try {
    parseStatement(text, { file: 'deep.md' });
    return undefined;
  } catch (error) {
    if (!isUserError(error)) throw error;
    return { code: error.code, line: error.location?.line };
  }
}

describe('lists nested on one line', () => {
  it.each(['- ', '* ', '1. ', '2) ', '> - '])('reads %j nested to the limit', (marker) => {
    const statement = parseStatement(nested(marker, MAX_LIST_MARKERS_PER_LINE), {
      file: 'deep.md',
    });
    const texts = statement.sections.flatMap((s) =>
      [...s.paragraphs, ...s.sections.flatMap((c) => c.paragraphs)].flatMap((p) =>
        p.sentences.map((x) => x.text),
      ),
    );
    expect(texts).toContain('The two sides agreed.');
  });

  it.each(['- ', '+ ', '10. ', ' - '])(
    'refuses %j nested one level deeper, naming the line',
    (marker) => {
      expect(refusal(nested(marker, MAX_LIST_MARKERS_PER_LINE + 1))).toEqual({
        code: 'E_TOO_DEEP',
        line: 5,
      });
    },
  );

  it('does not count block quotes, which remark reads cheaply', () => {
    expect(refusal(nested('> ', 3 * MAX_LIST_MARKERS_PER_LINE))).toBeUndefined();
  });

  it.each(['1. 1. 1. ', '10. 10. ', '2) 2) ', '3. - '])(
    'reads %j the same way on the fast path as through remark',
    (markers) => {
      const text = `# T\n\n${markers}The sides agreed.\n`;
      const blocks = (fastPath: boolean): unknown =>
        readMarkdown(text, { fastPath }).blocks.map((b) =>
          b.kind === 'paragraph' ? [b.number, b.pieces.map((p) => p.plain)] : b.kind,
        );
      expect(blocks(true)).toEqual(blocks(false));
      expect(blocks(true)).toEqual(['heading', [/\d+/.exec(markers)?.[0], ['The sides agreed.']]]);
    },
  );
});

describe('paragraphs of emphasis delimiters (quadratic in micromark)', () => {
  const sentence = (text: string): string[] =>
    analyseStatement(parseStatement(`# T\n\n${text}\n`, { file: 'soup.md' })).sections.flatMap(
      (s) => s.paragraphs.flatMap((p) => p.sentences.map((x) => x.text)),
    );

  it('reads a paragraph with more than MAX_DELIMITERS of them as plain text, spans true', () => {
    const stars = '*'.repeat(MAX_DELIMITERS);
    const text = `${stars}The two sides agreed.${stars}`;
    expect(sentence(text).join('')).toBe(text);
    expect(sentence(text)[0]).toMatch(/^\*+The two sides agreed\.$/);
    const statement = analyseStatement(parseStatement(`# T\n\n${text}\n`, { file: 'soup.md' }));
    expect(checkStatement(statement)).toEqual([]);
  });

  it('still reads ordinary emphasis through remark', () => {
    expect(sentence('The two sides *firmly* agreed.')).toEqual(['The two sides firmly agreed.']);
    const stars = '*'.repeat(MAX_DELIMITERS / 2 - 1);
    expect(sentence(`${stars}The two sides agreed.${stars}`)).toEqual(['The two sides agreed.']);
  });

  it('leaves rules and list items made of delimiters to remark', () => {
    const rule = `${'* '.repeat(MAX_DELIMITERS + 1)}`;
    expect(sentence(`Before.\n\n${rule}\n\nAfter.`)).toEqual(['Before.', 'After.']);
  });
});

describe('lists nested by indentation', () => {
  const indented = (depth: number, step = 2): string =>
    `# T\n\n${Array.from({ length: depth }, (_, i) => `${' '.repeat(step * i)}- Item ${i} was agreed.`).join('\n')}\n`;

  it('reads MAX_LIST_DEPTH levels', () => {
    const statement = parseStatement(indented(MAX_LIST_DEPTH + 1), { file: 'deep.md' });
    const last = statement.sections
      .flatMap((s) => s.paragraphs)
      .at(-1)
      ?.sentences.at(-1)?.text;
    expect(last).toBe(`Item ${MAX_LIST_DEPTH} was agreed.`);
  });

  it('refuses one level more, naming the line, for any indentation step', () => {
    for (const step of [2, 3, 4]) {
      expect(refusal(indented(MAX_LIST_DEPTH + 2, step))).toEqual({
        code: 'E_TOO_DEEP',
        line: MAX_LIST_DEPTH + 4,
      });
    }
  });

  it('does not count lines that leave the lists, nor indented text that is not a list', () => {
    const flat = `# T\n\n${'- a\n  - b\n    - c\n'.repeat(200)}${' '.repeat(300)}- d\n`;
    expect(refusal(flat)).toBeUndefined();
  });
});

describe('nested block quotes over many lines (micromark keeps ~3 KB per marker)', () => {
  const head = '# T\n\nThe ministers met.\n\n';

  it('reads a staircase of 200 levels, one level more on each line', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `${'> '.repeat(i + 1)}Step ${i} agreed.`);
    const statement = parseStatement(`${head}${lines.join('\n')}\n`, { file: 'deep.md' });
    const texts = statement.sections.flatMap((s) =>
      s.paragraphs.flatMap((p) => p.sentences.map((x) => x.text)),
    );
    expect(texts.at(-1)).toBe('Step 199 agreed.');
  });

  it('refuses the line where the nested markers pass MAX_NESTED_QUOTE_MARKERS', () => {
    const perLine = 10;
    const count = MAX_NESTED_QUOTE_MARKERS / perLine + 5;
    const line = `${'> '.repeat(perLine + 1)}x`;
    const text = `${head}${Array.from({ length: count }, () => line).join('\n')}\n`;
    // Head lines 1–4; the first quoted line is 5, and line 5 + k brings the total to 10 (k + 1).
    expect(refusal(text)).toEqual({
      code: 'E_TOO_DEEP',
      line: 5 + MAX_NESTED_QUOTE_MARKERS / perLine,
    });
  });

  it('does not count the first marker of a line (a quoted text costs nothing extra)', () => {
    // Two markers a line count one each: the limit is passed on line MAX + 1 of the quote.
    const lines = Array.from({ length: MAX_NESTED_QUOTE_MARKERS + 10 }, () => '> > x');
    expect(refusal(`${head}${lines.join('\n')}\n`)).toEqual({
      code: 'E_TOO_DEEP',
      line: 5 + MAX_NESTED_QUOTE_MARKERS,
    });
  });
});
