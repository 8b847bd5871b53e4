import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { TOOL_VERSION } from '../src/version.js';

describe('public API', () => {
  it('exports the documented functions (README § Library)', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'COMPARISON_RENDERERS',
        'DEFAULT_ALIGN_OPTIONS',
        'TOOL_VERSION',
        'UserError',
        'alignStatements',
        'analyseStatement',
        'buildArchive',
        'buildSeries',
        'compareStatements',
        'compileLexicon',
        'decodeInput',
        'defaultLexiconSpec',
        'diffWords',
        'isUserError',
        'loadSeries',
        'loadStatement',
        'mergeLexicon',
        'parseStatement',
        'renderSeriesCsv',
        'renderSeriesHtml',
        'renderSeriesJson',
        'renderSeriesMarkdown',
        'renderSeriesTerminal',
        'run',
        'segmentSentences',
        'statementFromBytes',
        'statementFromInput',
        'indexArchive',
        'openForReading',
        'openForWriting',
        'findLineages',
        'historyOf',
        'searchArchive',
        'exportArchive',
        'ARCHIVE_SCHEMA_VERSION',
      ].sort(),
    );
  });

  it('runs the README library example as written', async () => {
    const readme = readFileSync('README.md', 'utf8');
    const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(example).toContain("from 'statement-diff'");
    const file = join('test', `.readme-example-${process.pid}.ts`);
    writeFileSync(file, example.replace("from 'statement-diff'", "from '../src/index.js'"));
    try {
      const { firstChange } = (await import(`../${file}`)) as { firstChange: api.CommitmentChange };
      expect(firstChange.kind).toBe('reworded');
      expect(firstChange.qualifiers).toContainEqual({
        kind: 'strengthened',
        from: 4,
        to: 5,
        markers: ['firmly'],
      });
      expect(firstChange.qualifiers).toContainEqual({
        kind: 'figure-changed',
        from: [],
        to: ['by 2027'],
      });
    } finally {
      rmSync(file, { force: true });
    }
  });

  it('reports the version of package.json', () => {
    expect(TOOL_VERSION).toBe(
      (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version,
    );
  });
});
