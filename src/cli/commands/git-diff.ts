/**
 * `statement-diff git-diff <path> <old-file> <old-hex> <old-mode> <new-file> <new-hex> <new-mode>`:
 * the seven arguments git gives an external diff driver (`diff.statement.command`), so `git diff`
 * and `git log -p` on statements show the commitment report (docs/git.md).
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from '../command.js';
import { EXIT_SAME } from '../exit-codes.js';
import { loadOptionsOf, useColor, widthOf, withInputOptions } from '../options.js';
import { isUserError } from '../../model/errors.js';

/** What git passes for the missing side of an added or deleted file. */
const NO_FILE = '/dev/null';

export const gitDiffCommand: Command = {
  command: 'git-diff <path> <old-file> <old-hex> <old-mode> <new-file> <new-hex> <new-mode>',
  describe: 'Act as a git diff driver (set up in .gitattributes and git config; see docs/git.md)',
  builder: (yargs) =>
    withInputOptions(yargs)
      .positional('path', { type: 'string', describe: 'The path in the repository' })
      .positional('old-file', { type: 'string', describe: 'The old version (a temporary file)' })
      .positional('old-hex', { type: 'string', describe: 'Its blob id' })
      .positional('old-mode', { type: 'string', describe: 'Its file mode' })
      .positional('new-file', { type: 'string', describe: 'The new version' })
      .positional('new-hex', { type: 'string', describe: 'Its blob id' })
      .positional('new-mode', { type: 'string', describe: 'Its file mode' })
      .option('color', {
        type: 'boolean',
        describe: 'Colour the report (default: when a TTY; --no-color to turn off)',
      })
      .option('width', { type: 'number', default: 100, describe: 'Wrap at this width' })
      .example(
        'git config diff.statement.command "statement-diff git-diff"',
        'Then, with "*.md diff=statement" in .gitattributes, git diff shows commitment reports',
      ),
  execute: async (args, io) => {
    const { statementFromInput } = await import('../../archive/load-statement.js');
    const { compareStatements } = await import('../../report/build-comparison.js');
    const { loadComparisonRenderer } = await import('../../report/render/load-renderer.js');
    const path = String(args['path']);
    const load = { ...loadOptionsOf(args, io), configDir: dirname(path) };
    const read = async (file: string, label: string) =>
      file === NO_FILE ? undefined : statementFromInput(readFileSync(file), label, load);
    // git stops the whole diff at a driver that fails: a statement that cannot be read is
    // reported in the output, and the next file is shown (docs/decisions/021).
    try {
      const before = await read(String(args['old-file']), `a/${path}`);
      const after = await read(String(args['new-file']), `b/${path}`);
      const heading = `statement-diff ${before ? `a/${path}` : NO_FILE} ${after ? `b/${path}` : NO_FILE}\n`;
      if (!before || !after) {
        const sentences = (before ?? after)?.commitments.length ?? 0;
        io.stdout(`${heading}${before ? 'deleted' : 'new'} statement: ${sentences} sentences\n`);
        return EXIT_SAME;
      }
      const render = await loadComparisonRenderer('terminal');
      io.stdout(heading);
      io.stdout(
        render(compareStatements(before, after), {
          color: useColor(args, io),
          width: widthOf(args, 20, 100),
        }),
      );
    } catch (error) {
      if (!isUserError(error)) throw error;
      io.stdout(`statement-diff a/${path} b/${path}\nnot compared: ${error.format()}\n`);
    }
    return EXIT_SAME;
  },
};
