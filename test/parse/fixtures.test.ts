import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sentencesOf } from '../../src/analyse/analyse-statement.js';
import { statementFromBytes } from '../../src/archive/load-statement.js';
import type { Statement } from '../../src/model/statement.js';
import { paragraphsOf } from '../../src/parse/walk-statement.js';
import { statementToJson } from '../../src/report/render/render-statement.js';

const root = 'test/fixtures/parse';

function load(name: string): Statement {
  const file = readdirSync(join(root, name)).find((f) => f.startsWith('input.'));
  if (!file) throw new Error(`no input in ${name}`);
  const path = join(root, name, file);
  return statementFromBytes(readFileSync(path), path);
}

const texts = (statement: Statement): string[] => sentencesOf(statement).map((s) => s.text);

describe('parse fixtures (golden files: update with `npx vitest -u`)', () => {
  for (const name of readdirSync(root)) {
    it(`${name} matches expected.json`, async () => {
      await expect(statementToJson(load(name))).toMatchFileSnapshot(
        join('..', 'fixtures', 'parse', name, 'expected.json'),
      );
    });
  }
});

describe('parse fixtures: the facts each case is about', () => {
  it('reads every label style and refuses look-alikes', () => {
    const numbers = paragraphsOf(load('numbered-paragraphs')).map((p) => p.number ?? null);
    expect(numbers).toEqual(['4', '12(a)', 'iii', 'IV', '7.2', null, null]);
  });

  it('reads each ordered-list item number from the source, not the list start', () => {
    const ps = paragraphsOf(load('ordered-list-numbers'));
    expect(ps.map((p) => p.number)).toEqual(['1', '3', '8', '10']);
    expect(ps[3]?.sentences.map((s) => s.text)).toEqual([
      'Both sides reaffirmed their commitment to the treaty.',
      'They will review it every two years.',
    ]);
  });

  it('keeps sub-items under their paragraph', () => {
    const ps = paragraphsOf(load('sub-items'));
    expect(ps.map((p) => p.number)).toEqual(['5', '6']);
    expect(ps[0]?.sentences).toHaveLength(3);
  });

  it('splits only at real sentence ends', () => {
    expect(texts(load('abbreviations'))).toEqual([
      'H.E. Mr. Wang Yi met Jerome H. Powell at the U.S. Treasury on Jan. 4 at 10 a.m.',
      'The two sides agreed to meet again.',
      'They discussed Art. 12 of the treaty, e.g. the clause on No. 5 lines, i.e. the main routes, etc.',
      'The Committee decided to lower the target range by 1/4 percentage point to 3-1/2 to 3-3/4 percent.',
      'Trade grew 2.5 percent in 2019.',
      '2020 saw a fall.',
      'The ministers spoke of a "community of shared future."',
      'Both sides welcomed it…',
      'The next round will be held in the U.S.',
      'The date is to be fixed.',
    ]);
  });

  it('reads plain text: title line as heading, numbered paragraphs without blank lines', () => {
    const statement = load('plain-text');
    expect(statement.format).toBe('text');
    expect(statement.sections[1]?.heading).toBe('JOINT PRESS RELEASE');
    expect(paragraphsOf(statement).map((p) => p.number)).toEqual(['1', '2', '3', '4']);
  });

  it('keeps the statement of an HTML page and drops its chrome', () => {
    const statement = load('html-page');
    expect(statement.format).toBe('html');
    expect(statement.meta.title).toBe('Joint Statement of the Fifth Round');
    const all = texts(statement).join(' ');
    expect(all).not.toMatch(/Home|Copyright|alert|color/);
    expect(paragraphsOf(statement).map((p) => p.number)).toEqual(['1', '2', '3', '4']);
  });

  it('reads CRLF and a BOM, with spans into the text as read', () => {
    const statement = load('crlf-bom');
    expect(statement.meta.title).toBe('CRLF and BOM');
    expect(statement.source.startsWith('---\r\n')).toBe(true);
    const second = sentencesOf(statement)[1];
    expect(second?.text).toBe('They will meet in May.');
    expect(second?.span.line).toBe(9);
  });

  it('splits Chinese at 。！？ and after closing quotes, not at ；or ，', () => {
    expect(texts(load('cjk'))).toEqual([
      '双方同意加强战略沟通。',
      '双方重申全天候战略合作伙伴关系！',
      '中方支持巴方维护主权；巴方支持中方。',
      '双方表示，将“推进中巴经济走廊建设。”',
      '会议取得成功？',
      '是的。',
    ]);
  });

  it('keeps the text of block quotes and table rows, without markup', () => {
    const all = texts(load('tables-and-quotes'));
    expect(all).toContain('The Committee decided to maintain the target range.');
    expect(all).toContain('Target range | 3-3/4 to 4 percent | 3-1/2 to 3-3/4 percent');
    expect(all).toContain('Paragraph with bold text, a link and code.');
  });
});
