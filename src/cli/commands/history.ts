/** `statement-diff history ID|TEXT`: one commitment across every round of its series. */
import { UserError } from '../../model/errors.js';
import type { Command } from '../command.js';
import type { CommandSpec } from '../option-spec.js';
import { declareOptions } from '../option-spec.js';
import { EXIT_DIFFERENT, EXIT_SAME } from '../exit-codes.js';
import { useColor } from '../options.js';
import { DEFAULT_DB } from './index-archive.js';

/** The commitment and options of `history`, as data (src/cli/option-spec.ts). */
export const HISTORY_SPEC: CommandSpec = {
  positional: { name: 'commitment', describe: 'A lineage id (L…) or words of the commitment' },
  options: {
    db: { type: 'string', default: DEFAULT_DB, describe: 'The database (statement-diff index)' },
    series: { type: 'string', describe: 'The series, when the id or the words are in several' },
    format: {
      alias: 'f',
      type: 'string',
      choices: ['terminal', 'markdown', 'json', 'html'],
      default: 'terminal',
      describe: 'Output format',
    },
    out: { alias: 'o', type: 'string', describe: 'Write to this file (atomically)' },
    color: { type: 'boolean', describe: 'Colour the terminal output (default: when a TTY)' },
  },
};

export const historyCommand: Command = {
  command: 'history <commitment>',
  describe: 'One commitment across every round of its series: wordings, word diffs, absences',
  builder: (yargs) =>
    declareOptions(yargs, HISTORY_SPEC)
      .example('$0 history "disputes in South Asia Kashmir"', 'The Kashmir clause, round by round')
      .example(
        '$0 history L3f9a1c0 --format html --out kashmir.html',
        'One lineage as an HTML page',
      ),
  execute: async (args, io) => {
    // Loaded together: one after the other, each waits for its files (start-up is most of a query).
    const [{ openForReading, withDatabase }, { findLineages }, { historyOf }, { renderHistory }] =
      await Promise.all([
        import('../../store/open-database.js'),
        import('../../store/query-archive.js'),
        import('../../store/history-query.js'),
        import('../../store/render-archive.js'),
      ]);
    const format = args['format'] as 'terminal' | 'markdown' | 'json' | 'html';
    // The HTML code (hast) is loaded only for an HTML page: start-up is most of a query.
    const page = format === 'html' ? await import('../../store/history-page.js') : undefined;
    const out = typeof args['out'] === 'string' ? args['out'] : undefined;
    const atomic = out ? await import('../../archive/write-atomic.js') : undefined;
    if (out) atomic?.checkWritable(out);
    return withDatabase(String(args['db']), openForReading, (db) => {
      const series = typeof args['series'] === 'string' ? args['series'] : undefined;
      const found = findLineages(db, String(args['commitment'] ?? ''), series);
      if (found.length === 0) {
        io.stderr('statement-diff: no commitment of the archive matches those words\n');
        return EXIT_DIFFERENT;
      }
      if (found.length > 1)
        throw new UserError(
          'E_USAGE',
          `${found[0]?.id} is a lineage of ${found.length} series (${found.map((f) => f.series).join(', ')})`,
          {
            expected: '--series to say which',
          },
        );
      const { series: name, id } = found[0] as { series: string; id: string };
      const history = historyOf(db, name, id);
      const text = page
        ? page.historyHtml(history)
        : renderHistory(
            history,
            format as 'terminal' | 'markdown' | 'json',
            format === 'terminal' && !out && useColor(args, io),
          );
      if (out && atomic) atomic.writeAtomic(out, text);
      else io.stdout(text);
      return EXIT_SAME;
    });
  },
};
