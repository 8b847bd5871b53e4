/** `statement-diff parse <file|->`: shows how a statement is read. */
import type { Command } from '../command.js';
import { EXIT_SAME } from '../exit-codes.js';
import { fileArg, loadOptionsOf, withInputOptions } from '../options.js';

export const parseCommand: Command = {
  command: 'parse <file>',
  describe: 'Show the section tree, sentences and commitments of one statement',
  builder: (yargs) =>
    withInputOptions(yargs)
      .positional('file', {
        type: 'string',
        describe: 'Statement file (Markdown, text or HTML), or - for stdin',
      })
      .option('format', {
        type: 'string',
        choices: ['tree', 'json'],
        default: 'tree',
        describe: 'Output format',
      })
      .example(
        '$0 parse statements/china-pakistan-fm-strategic-dialogue/2026-01-04.md',
        'Outline with commitments',
      )
      .example(
        '$0 parse page.html --format json',
        'The whole statement as JSON (docs/report-schema.md)',
      )
      .example('cat round.txt | $0 parse - --input-format text', 'Read plain text from stdin'),
  execute: async (args, io) => {
    const { loadStatement } = await import('../../archive/load-statement.js');
    const { statementToJson, statementToTree } =
      await import('../../report/render/render-statement.js');
    const statement = await loadStatement(fileArg(args, 'file'), loadOptionsOf(args, io));
    io.stdout(args['format'] === 'json' ? statementToJson(statement) : statementToTree(statement));
    return EXIT_SAME;
  },
};
