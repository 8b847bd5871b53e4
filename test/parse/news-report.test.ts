/** Plain-text news reports: headings without a blank line, quoted headlines, lines that are not the statement. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadStatement } from '../../src/archive/load-statement.js';
import { describe, expect, it } from 'vitest';
import { sentencesOf } from '../../src/analyse/analyse-statement.js';
import { sectionsOf } from '../../src/parse/walk-statement.js';
import { parseStatement } from '../../src/parse/parse-statement.js';

const read = (name: string) => readFileSync(`test/fixtures/news/${name}`, 'utf8');

describe('a news report of a round, saved as plain text', () => {
  const statement = parseStatement(read('round7-report.txt'), { file: 'round7-report.txt' });
  const headings = sectionsOf(statement)
    .map((s) => s.heading)
    .filter((h): h is string => h !== null);
  const sentences = sentencesOf(statement).map((s) => s.text);

  it('finds the headline and the section headings, quoted or written right above their paragraph', () => {
    expect(headings).toEqual([
      '"Pakistan and China agree to deepen strategic communication"',
      'Security cooperation',
      'Economic corridor',
      'Regional issues',
      'People-to-people exchanges',
    ]);
  });

  it('sets aside related-article links, the byline, the publication stamp, the photo credit and the dateline', () => {
    expect(
      sentences.filter((s) =>
        /Also Read|Read more|Related:|Staff Reporter|Published|Photo/.test(s),
      ),
    ).toEqual([]);
    expect(sentences[0]).toMatch(/^Pakistan and China agreed on Sunday/);
    const notes = statement.diagnostics.map((d) => [d.line, d.message]);
    expect(notes).toEqual([
      [2, 'set aside byline "By Staff Reporter": not part of the statement'],
      [3, 'set aside publication stamp "Published: January 5, 2026": not part of the statement'],
      [5, 'set aside dateline "BEIJING (Wire) -": not part of the statement'],
      [
        7,
        'set aside photo credit "Photo: The two foreign ministers at the start of the talks.": not part of the statement',
      ],
      [
        12,
        'set aside related-article link "Also Read: Pakistan\'s trade deficit narrows in December": not part of the statement',
      ],
      [
        17,
        'set aside related-article link "Read more: Five things to know about the corridor": not part of the statement',
      ],
      [
        23,
        'set aside related-article link "Related: Analysts weigh the outcome of the dialogue": not part of the statement',
      ],
    ]);
  });

  it('keeps every sentence of the statement', () => {
    expect(sentences).toHaveLength(8);
    expect(sentences.at(-1)).toMatch(/75th anniversary/);
  });

  it('does not take the first line of a hard-wrapped paragraph for a heading', () => {
    const wrapped = parseStatement(read('round7-report-wrapped.txt'), { file: 'w.txt' });
    expect(sectionsOf(wrapped).filter((s) => s.heading !== null)).toEqual([]);
    expect(sentencesOf(wrapped)).toHaveLength(2);
  });

  it('sets aside the line openings a series adds (series.yaml setAside)', () => {
    const text = 'The two sides agreed to meet again.\n\nSponsored content from our partners\n';
    const extended = parseStatement(text, { file: 'x.txt', setAside: ['Sponsored content'] });
    expect(sentencesOf(extended).map((s) => s.text)).toEqual([
      'The two sides agreed to meet again.',
    ]);
    expect(extended.diagnostics[0]?.line).toBe(3);
  });

  it('reads the setAside openings of series.yaml for the rounds of its folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sd-news-'));
    writeFileSync(join(dir, 'series.yaml'), 'setAside: ["Sponsored content"]\n');
    writeFileSync(
      join(dir, '2026-01-04.txt'),
      'The two sides agreed to meet again.\n\nSponsored content from our partners\n',
    );
    const round = await loadStatement(join(dir, '2026-01-04.txt'));
    expect(sentencesOf(round).map((s) => s.text)).toEqual(['The two sides agreed to meet again.']);
  });
});
