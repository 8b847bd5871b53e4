/**
 * Spans of sentences whose text differs from their source: what remark decodes, drops or creates
 * without a position (found by the fuzzer, docs/tricky-cases.md § Spans through markup).
 */
import { describe, expect, it } from 'vitest';
import { analyseStatement, sentencesOf } from '../../src/analyse/analyse-statement.js';
import type { Statement } from '../../src/model/statement.js';
import { parseStatement } from '../../src/parse/parse-statement.js';
import { MARKDOWN_CHUNK_SIZE } from '../../src/parse/read-markdown.js';
import { checkStatement } from '../support/check-statement.js';

function parsed(text: string, format = 'markdown'): Statement {
  return analyseStatement(parseStatement(text, { file: 'x.md', format }));
}

/** The source slice of each sentence, and its text. */
function slices(statement: Statement): [string, string][] {
  return sentencesOf(statement).map((s) => [
    statement.source.slice(s.span.start, s.span.end),
    s.text,
  ]);
}

describe('sentence spans through Markdown that remark rewrites', () => {
  it('maps the text around a bare www autolink (remark-gfm gives its nodes no position)', () => {
    const statement = parsed(
      'Both sides agreed. See www.example.org for the text. They will meet.\n',
    );
    expect(checkStatement(statement)).toEqual([]);
    expect(slices(statement)).toEqual([
      ['Both sides agreed.', 'Both sides agreed.'],
      ['See www.example.org for the text.', 'See www.example.org for the text.'],
      ['They will meet.', 'They will meet.'],
    ]);
  });

  it('maps an autolink literal that ends a paragraph converted from HTML', () => {
    const statement = parsed('<p>It was agreed.\nI/www.f</p>', 'html');
    expect(checkStatement(statement)).toEqual([]);
    expect(sentencesOf(statement).every((s) => s.span.end > s.span.start)).toBe(true);
    expect(slices(statement).at(-1)?.[0]).toMatch(/^I\/www\\?\.f$/);
  });

  it('covers whole character references, also when one ends a sentence', () => {
    const statement = parsed(
      'Trade rose 5&nbsp;percent &mdash; a record. The fund grew &#8212; fast&#33; Talks go on &amp;\n',
    );
    expect(checkStatement(statement)).toEqual([]);
    const [first, second, third] = slices(statement);
    expect(first).toEqual([
      'Trade rose 5&nbsp;percent &mdash; a record.',
      'Trade rose 5 percent — a record.',
    ]);
    expect(second).toEqual(['The fund grew &#8212; fast&#33;', 'The fund grew — fast!']);
    expect(third?.[0]).toBe('Talks go on &amp;');
  });

  it('ends the span after a reference that decodes to U+FFFD', () => {
    const statement = parsed('# Title\n\nThe parties agreed on lv&#0;\n');
    expect(checkStatement(statement)).toEqual([]);
    expect(slices(statement).at(-1)).toEqual([
      'The parties agreed on lv&#0;',
      'The parties agreed on lv\ufffd',
    ]);
  });

  it('follows list continuation lines indented by many spaces', () => {
    const indent = ' '.repeat(16);
    const statement = parsed(
      `1. The sides agreed to expand\n${indent}trade. They will\n${indent}meet again.\n`,
    );
    expect(checkStatement(statement)).toEqual([]);
    expect(sentencesOf(statement).map((s) => s.text)).toEqual([
      'The sides agreed to expand trade.',
      'They will meet again.',
    ]);
    expect(slices(statement)[1]?.[0]).toBe(`They will\n${indent}meet again.`);
  });

  it('keeps escapes and inline code inside the span', () => {
    const statement = parsed('The rate is 5\\* percent. The tool `run  it` was used.\n');
    expect(checkStatement(statement)).toEqual([]);
    expect(slices(statement).map(([raw]) => raw)).toEqual([
      'The rate is 5\\* percent.',
      'The tool `run  it` was used.',
    ]);
  });

  it('does not shift spans after a U+FEFF that starts a chunk handed to remark', () => {
    const filler = Array.from({ length: 1200 }, (_, i) => `Paragraph *${i}* was agreed.\n`).join(
      '\n',
    );
    expect(filler.length).toBeGreaterThan(MARKDOWN_CHUNK_SIZE);
    const statement = parsed(
      `${filler}\n\ufeff\ufeffInflation *remains* elevated. It will fall.\n`,
    );
    expect(checkStatement(statement)).toEqual([]);
    expect(slices(statement).slice(-2)).toEqual([
      // The chunk is read from after the U+FEFFs, which belong to no sentence.
      ['Inflation *remains* elevated.', 'Inflation remains elevated.'],
      ['It will fall.', 'It will fall.'],
    ]);
  });

  it('reads lone CR line endings as line breaks, keeping offsets', () => {
    const text =
      '---\rtitle: Round one\r---\r# Joint statement\r\r1. Both sides agreed.\r2. They will meet.\r';
    const statement = parsed(text);
    expect(checkStatement(statement)).toEqual([]);
    expect(statement.meta.title).toBe('Round one');
    const sentences = sentencesOf(statement);
    expect(sentences.map((s) => [s.text, s.span.line])).toEqual([
      ['Both sides agreed.', 6],
      ['They will meet.', 7],
    ]);
    expect(text.slice(sentences[0]?.span.start, sentences[0]?.span.end)).toBe('Both sides agreed.');
  });

  it('skips the block quote markers that open continuation lines', () => {
    const deep = '>'.repeat(64);
    const statement = parsed(
      `${deep} The sides agreed to\n${deep} meet. They will\n> > > > talk.\n`,
    );
    expect(checkStatement(statement)).toEqual([]);
    expect(sentencesOf(statement).map((s) => s.text)).toEqual([
      'The sides agreed to meet.',
      'They will talk.',
    ]);
    expect(slices(statement)[0]?.[0]).toBe(`The sides agreed to\n${deep} meet.`);
  });

  it('leaves the checkbox of a task list item out of its sentence', () => {
    const statement = parsed('- [x] The sides agreed.\n- [ ] They will meet.\n');
    expect(checkStatement(statement)).toEqual([]);
    expect(slices(statement)).toEqual([
      ['The sides agreed.', 'The sides agreed.'],
      ['They will meet.', 'They will meet.'],
    ]);
  });

  it('ends a list item before the next one when an HTML block ends it (remark overshoots)', () => {
    const statement = parsed('1. The sides agreed.\n   <script\n2. They will meet.\n');
    expect(checkStatement(statement)).toEqual([]);
    const [first, second] = statement.sections[0]?.paragraphs ?? [];
    expect(first?.span.end).toBeLessThanOrEqual(second?.span.start ?? -1);
    expect(slices(statement)).toEqual([
      ['The sides agreed.', 'The sides agreed.'],
      ['They will meet.', 'They will meet.'],
    ]);
  });

  it('keeps the text of autolinks, and reads bare addresses as text', () => {
    const statement = parsed('See <http://example.org>. Read http://w&nbsp;y &#169; now.\n');
    expect(checkStatement(statement)).toEqual([]);
    expect(sentencesOf(statement).map((s) => s.text)).toEqual([
      'See http://example.org.',
      'Read http://w y © now.',
    ]);
  });

  it('maps code spans with and without padding spaces', () => {
    const statement = parsed('The tool `` . i`` runs. The `  a  ` flag and `` b `` work.\n');
    expect(checkStatement(statement)).toEqual([]);
    expect(slices(statement)).toEqual([
      ['The tool `` . i`` runs.', 'The tool . i runs.'],
      ['The `  a  ` flag and `` b `` work.', 'The a flag and b work.'],
    ]);
  });

  it('keeps character references inside code spans as text', () => {
    const statement = parsed('The flag `&amp;da` and &amp; both stay.\n');
    expect(checkStatement(statement)).toEqual([]);
    expect(slices(statement)).toEqual([
      ['The flag `&amp;da` and &amp; both stay.', 'The flag &amp;da and & both stay.'],
    ]);
  });
});
