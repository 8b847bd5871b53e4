/** `statement-diff index [statements] [--db FILE]`: the archive into one SQLite database. */
import type { Command } from '../command.js';
import { EXIT_SAME } from '../exit-codes.js';
import { loadOptionsOf, withCacheOption, withInputOptions } from '../options.js';

/** Where the database goes by default (what `npm start` writes). */
export const DEFAULT_DB = 'reports/archive.sqlite';

export const indexCommand: Command = {
  command: 'index [statements]',
  describe: 'Index every round of the archive into a SQLite database (full-text search, histories)',
  builder: (yargs) =>
    withCacheOption(withInputOptions(yargs))
      .positional('statements', {
        type: 'string',
        default: 'statements',
        describe: 'The archive: one folder per series',
      })
      .option('db', { type: 'string', default: DEFAULT_DB, describe: 'The database file' })
      .option('rebuild', {
        type: 'boolean',
        default: false,
        describe: 'Re-index series whose inputs did not change',
      })
      .example('$0 index', `statements/ → ${DEFAULT_DB} (what \`npm start\` runs)`)
      .example('$0 index my-archive --db my.sqlite', 'Another archive, another database')
      .example(
        'sqlite3 reports/archive.sqlite "SELECT * FROM commitment_history LIMIT 5"',
        'Read it with any SQLite client',
      ),
  execute: async (args, io) => {
    const { default: cliProgress } = await import('cli-progress');
    const { indexArchive } = await import('../../store/index-archive.js');
    const { checkWritable } = await import('../../archive/write-atomic.js');
    const db = String(args['db']);
    checkWritable(db);
    const bar = io.isTTY
      ? new cliProgress.SingleBar(
          { format: 'index {bar} {value}/{total} {label}', hideCursor: true },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
    const result = await indexArchive(String(args['statements']), db, {
      load: loadOptionsOf(args, io),
      rebuild: args['rebuild'] === true,
      onSeries: (name, i, total) => {
        if (bar && i === 0) bar.start(total, 0, { label: name });
        bar?.update(i, { label: name });
      },
    });
    bar?.stop();
    const r = result.rows;
    io.stdout(
      `statement-diff: ${result.indexed.length} series indexed, ${result.skipped.length} unchanged${result.removed.length ? `, ${result.removed.length} removed` : ''}; ${r['statements']} rounds, ${r['sentences']} sentences, ${r['lineages']} lineages, ${r['changes']} changes → ${db}\n`,
    );
    return EXIT_SAME;
  },
};
