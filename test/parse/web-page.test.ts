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

  it("keeps the page's first heading above the statement's sections, once", () => {
    const body = (h1: string) =>
      `<html><head><title>Ministry site</title></head><body><nav><a href="/">Home</a></nav>
<div><h1>${h1}</h1>
<p>The two sides agreed to build an upgraded version of the corridor and to expand trade in agriculture, mining and information technology over the next five years.</p>
<h2>Security</h2><p>Both sides agreed to strengthen counter-terrorism cooperation and to hold the next round of talks in Islamabad in the coming year at a mutually convenient date.</p></div>
<footer>Copyright</footer></body></html>`;
    for (const h1 of ['Joint Statement on the Talks', 'Ministry site']) {
      const statement = parseStatement(body(h1), { file: 'page.html' });
      const headed = statement.sections.filter((s) => s.heading !== null);
      expect(headed.map((s) => s.heading)).toEqual([h1]);
      expect(statement.sections.filter((s) => s.heading === null && s.paragraphs.length)).toEqual(
        [],
      );
      expect(headed[0]?.sections.map((s) => s.heading)).toEqual(['Security']);
    }
  });

  it('reads a page nested deeper than Readability is run on, whole and at once', () => {
    const depth = 150;
    const html = `<html><body><h1>Joint statement</h1>${'<div>'.repeat(depth)}<p>The sides agreed to meet in 2027.</p>${'</div>'.repeat(depth)}</body></html>`;
    const statement = parseStatement(html, { file: 'deep.html' });
    expect(sentencesOf(statement).map((s) => s.text)).toEqual([
      'The sides agreed to meet in 2027.',
    ]);
  });
});
