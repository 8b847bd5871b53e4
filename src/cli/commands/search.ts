/** `statement-diff search QUERY`: full-text search of the archive database, hits grouped by lineage. */
import { UserError } from '../../model/errors.js';
import type { Command } from '../command.js';
import type { CommandSpec } from '../option-spec.js';
import { declareOptions } from '../option-spec.js';
import { EXIT_DIFFERENT, EXIT_SAME } from '../exit-codes.js';
import { useColor } from '../options.js';
import { DEFAULT_DB } from './index-archive.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function dateOption(args: Record<string, unknown>, name: string): string | undefined {
  const value = args[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !DATE.test(value))
    throw new UserError('E_OPTION', `--${name} is ${JSON.stringify(value)}`, {
      expected: 'a date YYYY-MM-DD',
    });
  return value;
}

/** The query and options of `search`, as data (src/cli/option-spec.ts). */
export const SEARCH_SPEC: CommandSpec = {
  positional: { name: 'query', describe: 'FTS5 query: words, "a phrase", AND, OR, NOT, prefix*' },
  options: {
    db: { type: 'string', default: DEFAULT_DB, describe: 'The database (statement-diff index)' },
    series: { type: 'string', describe: 'Only this series' },
    since: { type: 'string', describe: 'Only rounds on or after this date (YYYY-MM-DD)' },
    until: { type: 'string', describe: 'Only rounds on or before this date (YYYY-MM-DD)' },
    actor: {
      type: 'string',
      describe: 'Only commitments of this actor (e.g. Pakistan, "both sides")',
    },
    kind: {
      type: 'string',
      choices: ['new', 'dropped', 'changed'],
      describe: 'Only lineages new, dropped or changed in a round of the window',
    },
    limit: { type: 'number', default: 200, describe: 'Most sentences shown' },
    format: {
      alias: 'f',
      type: 'string',
      choices: ['terminal', 'markdown', 'json', 'csv'],
      default: 'terminal',
      describe: 'Output format',
    },
    color: { type: 'boolean', describe: 'Colour the terminal output (default: when a TTY)' },
  },
};

export const searchCommand: Command = {
  command: 'search <query>',
  describe: 'Search every sentence of the archive database (FTS5), grouped by commitment lineage',
  builder: (yargs) =>
    declareOptions(yargs, SEARCH_SPEC)
      .example('$0 search Kashmir', 'Every round that mentions Kashmir, by lineage')
      .example(
        '$0 search \'"strategic partnership" NOT cooperative\' --since 2021-01-01',
        'A phrase, one word left out',
      )
      .example(
        '$0 search patient --db fomc.sqlite --format csv',
        'FOMC statements with "patient", as CSV',
      )
      .example(
        '$0 search corridor --actor Pakistan --kind dropped',
        "Pakistan's dropped commitments about the corridor",
      ),
  execute: async (args, io) => {
    // Loaded together: one after the other, each waits for its files (start-up is most of a query).
    const [{ openForReading, withDatabase }, { searchArchive }, { renderSearch }] =
      await Promise.all([
        import('../../store/open-database.js'),
        import('../../store/query-archive.js'),
        import('../../store/render-archive.js'),
      ]);
    const limit = args['limit'];
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1)
      throw new UserError('E_OPTION', `--limit is ${String(limit)}`, {
        expected: 'a whole number from 1',
      });
    const since = dateOption(args, 'since');
    const until = dateOption(args, 'until');
    const filters = {
      ...(typeof args['series'] === 'string' ? { series: args['series'] } : {}),
      ...(since ? { since } : {}),
      ...(until ? { until } : {}),
      ...(typeof args['actor'] === 'string' ? { actor: args['actor'] } : {}),
      ...(typeof args['kind'] === 'string'
        ? { kind: args['kind'] as 'new' | 'dropped' | 'changed' }
        : {}),
      limit,
    };
    return withDatabase(String(args['db']), openForReading, (db) => {
      const result = searchArchive(db, String(args['query'] ?? ''), filters);
      const format = args['format'] as 'terminal' | 'markdown' | 'json' | 'csv';
      io.stdout(renderSearch(result, format, format === 'terminal' && useColor(args, io)));
      return result.hits > 0 ? EXIT_SAME : EXIT_DIFFERENT;
    });
  },
};
