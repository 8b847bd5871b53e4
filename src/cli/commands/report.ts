/** `statement-diff report [statements-dir] [--out reports-dir]`: regenerate every report of the archive. */
import type { Command } from '../command.js';
import { printDiagnostics } from '../diagnostics.js';
import { EXIT_SAME } from '../exit-codes.js';
import { loadOptionsOf, withCacheOption, withInputOptions } from '../options.js';

export const reportCommand: Command = {
  command: 'report [statements]',
  describe: 'Regenerate reports/ from every series folder of the archive',
  builder: (yargs) =>
    withCacheOption(withInputOptions(yargs))
      .positional('statements', {
        type: 'string',
        default: 'statements',
        describe: 'The archive: one folder per series',
      })
      .option('out', {
        alias: 'o',
        type: 'string',
        default: 'reports',
        describe: 'Where the reports go',
      })
      .option('force', {
        type: 'boolean',
        default: false,
        describe: 'Regenerate series whose inputs did not change',
      })
      .example('$0 report', 'statements/ → reports/ (what `npm start` runs)')
      .example(
        '$0 report my-archive --out site/reports --force',
        'Another archive, everything regenerated',
      ),
  execute: async (args, io) => {
    const { default: cliProgress } = await import('cli-progress');
    const { buildArchive } = await import('../../archive/build-archive.js');
    const bar = io.isTTY
      ? new cliProgress.SingleBar(
          { format: 'series {bar} {value}/{total} {label}', hideCursor: true },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
    let started = false;
    const result = await buildArchive(String(args['statements']), String(args['out']), {
      ...loadOptionsOf(args, io),
      force: args['force'] === true,
      onProgress: (p) => {
        if (bar && !started) {
          bar.start(p.total, 0, { label: '' });
          started = true;
        }
        bar?.update(p.done, { label: p.label });
      },
    });
    bar?.stop();
    io.stdout(
      `statement-diff: ${result.series} series; ${result.written.length} files written, ${result.skipped.length} unchanged${result.removed.length > 0 ? `, ${result.removed.length} removed` : ''} → ${String(args['out'])}/\n`,
    );
    // Warnings wait for the progress bar (on stderr) to stop, and come after the summary as
    // `compare` prints them after its report.
    printDiagnostics(io, result.diagnostics);
    return EXIT_SAME;
  },
};
