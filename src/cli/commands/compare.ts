/** `statement-diff compare <before> <after>`: what changed between two rounds. */
import type { LoadOptions } from '../../archive/load-statement.js';
import type { ComparisonReport } from '../../model/changes.js';
import type { Statement } from '../../model/statement.js';
import { UserError } from '../../model/errors.js';
import type { ComparisonFormat } from '../../report/formats.js';
import { CHANGE_KINDS, COMPARISON_FORMATS, formatFromExtension } from '../../report/formats.js';
import type { Command } from '../command.js';
import { printDiagnostics } from '../diagnostics.js';
import { EXIT_DIFFERENT, EXIT_SAME } from '../exit-codes.js';
import {
  fileArg,
  jobsOf,
  loadOptionsOf,
  useColor,
  widthOf,
  withInputOptions,
  withJobsOption,
  withOutputOptions,
} from '../options.js';

const FORMATS = [...COMPARISON_FORMATS];

/** Parses `--only new,dropped` into a set of kinds, refusing unknown ones. */
export function parseKinds(value: unknown): Set<string> | undefined {
  if (value === undefined) return undefined;
  const kinds = String(value)
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  const unknown = kinds.filter((k) => !(CHANGE_KINDS as readonly string[]).includes(k));
  if (unknown.length > 0) {
    throw new UserError('E_OPTION', `--only has unknown kind "${unknown.join(', ')}"`, {
      expected: CHANGE_KINDS.join(', '),
    });
  }
  return new Set(kinds);
}

/** Loads both sides and compares them; the statements go out of scope (and memory) on return. */
async function buildReport(
  beforeFile: string,
  afterFile: string,
  load: LoadOptions,
  minSimilarity: number | undefined,
  jobs: number,
): Promise<ComparisonReport> {
  const { loadStatements } = await import('../../archive/load-statements.js');
  const { compareStatements } = await import('../../report/build-comparison.js');
  const [before, after] = (await loadStatements([beforeFile, afterFile], load, jobs)) as [
    Statement,
    Statement,
  ];
  return compareStatements(
    before,
    after,
    minSimilarity === undefined ? {} : { align: { minSimilarity } },
  );
}

export const compareCommand: Command = {
  command: 'compare <before> <after>',
  describe: 'What changed between two rounds: new, dropped and changed commitments',
  builder: (yargs) =>
    withJobsOption(withOutputOptions(withInputOptions(yargs), FORMATS))
      .positional('before', {
        type: 'string',
        describe: 'The earlier round (file, or - for stdin)',
      })
      .positional('after', { type: 'string', describe: 'The later round (file, or - for stdin)' })
      .option('only', {
        type: 'string',
        describe: `Only these change kinds, comma-separated (${CHANGE_KINDS.join(', ')})`,
      })
      .option('min-similarity', {
        type: 'number',
        describe: 'Least similarity for a reworded pair, 0–1 (default: 0.55)',
      })
      .option('color', {
        type: 'boolean',
        describe: 'Colour the terminal output (default: when a TTY; --no-color to turn off)',
      })
      .option('width', {
        type: 'number',
        default: 100,
        describe: 'Wrap terminal output at this width',
      })
      .example('$0 compare 2025-10-29.md 2025-12-10.md', 'Terminal report, most significant first')
      .example('$0 compare a.md b.md --format digest', 'At most 15 lines for an article or chat')
      .example('$0 compare a.md b.md --out changes.csv', 'One CSV row per commitment change')
      .example(
        '$0 compare a.md b.md --only new,dropped --format markdown',
        'Only new and dropped commitments',
      ),
  execute: async (args, io) => {
    const minSimilarity = args['min-similarity'];
    if (
      minSimilarity !== undefined &&
      (typeof minSimilarity !== 'number' || !(minSimilarity >= 0 && minSimilarity <= 1))
    ) {
      throw new UserError('E_OPTION', `--min-similarity is ${String(minSimilarity)}`, {
        expected: 'a number from 0 to 1',
      });
    }
    const width = widthOf(args, 20, 100);
    const jobs = jobsOf(args);
    const load = loadOptionsOf(args, io);
    const beforeFile = fileArg(args, 'before');
    const afterFile = fileArg(args, 'after');
    if (beforeFile === '-' && afterFile === '-') {
      throw new UserError('E_USAGE', 'both inputs are stdin', {
        expected: 'at most one of before and after to be -',
      });
    }
    const only = parseKinds(args['only']);
    const out = typeof args['out'] === 'string' ? args['out'] : undefined;
    const format =
      (args['format'] as ComparisonFormat | undefined) ??
      (out ? formatFromExtension(out) : undefined) ??
      (out ? 'json' : 'terminal');
    // Heavy modules load only when a command runs (issue 5: startup).
    const streamJson = format === 'json' && !only;
    const { writeStableJson } = await import('../../report/render/stable-json.js');
    const { loadComparisonRenderer } = await import('../../report/render/load-renderer.js');
    const render = streamJson ? undefined : await loadComparisonRenderer(format);
    const atomic = out ? await import('../../archive/write-atomic.js') : undefined;
    // A bad output path fails at once, before the inputs are read (issue 14).
    if (out) atomic?.checkWritable(out);
    const writeAtomic = atomic?.writeAtomic;
    const report = await buildReport(
      beforeFile,
      afterFile,
      load,
      minSimilarity as number | undefined,
      jobs,
    );
    // JSON goes out in pieces: a report of a 10 MB pair is ~100 MB of text (issue 5, memory).
    const text = !render
      ? (sink: (chunk: string) => void) => writeStableJson(report, sink)
      : render(report, {
          color: format === 'terminal' && !out && useColor(args, io),
          width,
          ...(only ? { only } : {}),
        });
    if (out && writeAtomic) writeAtomic(out, text);
    else io.stdout(text);
    printDiagnostics(io, report.diagnostics);
    return report.summary.differs ? EXIT_DIFFERENT : EXIT_SAME;
  },
};
