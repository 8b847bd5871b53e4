/** Web pages saved from a site: main content by Readability, then what is left of the chrome set aside. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sentencesOf } from '../../src/analyse/analyse-statement.js';
import { paragraphsOf } from '../../src/parse/walk-statement.js';
import { parseStatement } from '../../src/parse/parse-statement.js';

const page = (name: string) =>
  parseStatement(readFileSync(`test/fixtures/web/${name}`, 'utf8'), { file: name });

/** Words of page chrome that must never reach a sentence. */
const CHROME =
  /Home|Share|Print|Also Read|Related|Latest News|Skip to|Copyright|©|Privacy|Release Date|Last Update|Press Release No|SC\/\d|Media contacts|official website|Careers|Fraud/;

describe('web pages', () => {
  it.each([
    ['ministry-press-release.html', 7],
    ['un-press-page.html', 3],
    ['central-bank-statement.html', 5],
  ])('%s: every sentence of the statement, none of the page chrome', (name, count) => {
    const statement = page(name);
    const sentences = sentencesOf(statement).map((s) => s.text);
    expect(sentences.filter((s) => CHROME.test(s))).toEqual([]);
    expect(sentences).toHaveLength(count);
    // What Readability left of the chrome is set aside with a note, never dropped silently.
    expect(statement.diagnostics.length).toBeGreaterThan(0);
    expect(statement.diagnostics.every((d) => d.severity === 'info' && d.line !== undefined)).toBe(
      true,
    );
  });

  it('keeps the paragraph numbers of the statement and the page title', () => {
    const statement = page('ministry-press-release.html');
    expect(paragraphsOf(statement).map((p) => p.number)).toEqual(['1', '2', '3', '4']);
    expect(statement.meta.title).toMatch(/^Joint Press Release on the Seventh Round/);
  });

  it('keeps a fragment without <body> whole (Readability is for whole pages)', () => {
    const statement = parseStatement('<p>The two sides agreed to meet again in 2027.</p>', {
      file: 'f.html',
    });
    expect(sentencesOf(statement).map((s) => s.text)).toEqual([
      'The two sides agreed to meet again in 2027.',
    ]);
  });
});
