/** The quick path of search and history reads a command line as yargs does, and leaves yargs every other. */
import { describe, expect, it } from 'vitest';
import { HISTORY_SPEC } from '../../src/cli/commands/history.js';
import { SEARCH_SPEC } from '../../src/cli/commands/search.js';
import { SERIES_SPEC } from '../../src/cli/commands/series.js';
import type { CommandSpec } from '../../src/cli/option-spec.js';
import { quickParse } from '../../src/cli/option-spec.js';
import { parseCommandLine } from '../../src/cli/run.js';

/** The values a command reads: its positional and every option, as yargs gives them. */
async function yargsValues(argv: string[], spec: CommandSpec): Promise<Record<string, unknown>> {
  const { args, error } = await parseCommandLine(argv);
  expect(error).toBeUndefined();
  const keys = [spec.positional.name, 'debug', ...Object.keys(spec.options)];
  return Object.fromEntries(keys.map((k) => [k, args[k]]).filter(([, v]) => v !== undefined));
}

const plain: [string[], CommandSpec][] = [
  [['search', 'Kashmir'], SEARCH_SPEC],
  [['search', '"strategic partnership" NOT cooperative', '--since', '2021-01-01'], SEARCH_SPEC],
  [['search', 'patient', '--db', 'fomc.sqlite', '-f', 'csv', '--limit', '5'], SEARCH_SPEC],
  [['search', 'corridor', '--actor=Pakistan', '--kind', 'dropped', '--no-color'], SEARCH_SPEC],
  [['search', '--series', 'x', 'settle*', '--color', '--debug'], SEARCH_SPEC],
  [['search', '2025', '--until', '2024-12-31', '--format=markdown'], SEARCH_SPEC],
  [['history', 'L3f9a1c0', '--format', 'html', '--out', 'k.html'], HISTORY_SPEC],
  [
    ['history', 'disputes in South Asia', '-o', 'x.md', '-f', 'markdown', '--series', 's'],
    HISTORY_SPEC,
  ],
];

describe('quickParse', () => {
  it.each(plain)('reads %j as yargs does', async (argv, spec) => {
    const quick = quickParse(argv, spec);
    expect(quick).toBeDefined();
    const keys = [spec.positional.name, 'debug', ...Object.keys(spec.options)];
    const values = Object.fromEntries(
      keys.map((k) => [k, quick?.[k]]).filter(([, v]) => v !== undefined),
    );
    expect(values).toEqual(await yargsValues(argv, spec));
  });

  it.each([
    ['search', '--help'],
    ['search'],
    ['search', 'a', 'b'],
    ['search', 'a', '--kind', 'renamed'],
    ['search', 'a', '--limit', 'many'],
    ['search', 'a', '--limit'],
    ['search', 'a', '--unknown', 'x'],
    ['search', 'a', '--constructor', 'x'],
    ['search', 'a', '--no-toString'],
    ['search', 'a', '--db', 'x', '--db', 'y'],
    ['search', 'a', '--color=yes'],
    ['search', '--', '-a'],
    ['history', 'L3f9a1c0', '-h'],
    ['history', 'L3f9a1c0', '--limit', '3'],
    ['series', '-'],
    ['series', 'dir', '--input-format', 'pdfx'],
    ['series', 'dir', '--cache=false'],
    ['series', '--help'],
  ])('leaves %j to yargs', (...argv) => {
    const spec = { search: SEARCH_SPEC, history: HISTORY_SPEC, series: SERIES_SPEC }[
      argv[0] as 'search' | 'history' | 'series'
    ];
    expect(quickParse(argv, spec)).toBeUndefined();
  });
});
