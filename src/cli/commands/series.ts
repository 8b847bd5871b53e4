/** `statement-diff series <dir | files…>`: every commitment followed across the rounds of a series. */
import { SERIES_FORMATS } from '../../report/formats.js';
import { dirname, join } from 'node:path';
import type { Command } from '../command.js';
import { diagnosticsOf, printDiagnostics } from '../diagnostics.js';
import { EXIT_DIFFERENT, EXIT_SAME } from '../exit-codes.js';
import type { CommandSpec } from '../option-spec.js';
import { declareOptions } from '../option-spec.js';
import {
  CACHE_OPTION,
  INPUT_OPTIONS,
  JOBS_OPTION,
  jobsOf,
  loadOptionsOf,
  outputOptions,
  useColor,
  widthOf,
} from '../options.js';

const FORMATS = SERIES_FORMATS;

/** The inputs and options of `series`, as data (src/cli/option-spec.ts). */
export const SERIES_SPEC: CommandSpec = {
  positional: {
    name: 'inputs',
    array: true,
    describe: 'A series folder, or two or more statement files',
  },
  options: {
    ...INPUT_OPTIONS,
    ...CACHE_OPTION,
    ...outputOptions(FORMATS),
    ...JOBS_OPTION,
    color: { type: 'boolean', describe: 'Colour the terminal output (default: when a TTY)' },
    width: { type: 'number', default: 120, describe: 'Width of the terminal table' },
  },
};

export const seriesCommand: Command = {
  command: 'series <inputs..>',
  describe: 'Follow every commitment across the rounds of a series (a folder, or files)',
  builder: (yargs) =>
    declareOptions(yargs, SERIES_SPEC)
      .example(
        '$0 series statements/china-pakistan-fm-strategic-dialogue',
        'Timeline of every commitment',
      )
      .example(
        '$0 series ../shared/corpus/fomc --format csv --out fomc.csv',
        'One row per commitment and round',
      ),
  execute: async (args, io) => {
    // Only what the run needs is loaded: a warm run (a cache hit) loads no parsing or aligning
    // code, and each format its own renderer (start-up is most of a warm run).
    const { expandInputs } = await import('../../archive/series-files.js');
    const { checkWritable, writeAtomic } = await import('../../archive/write-atomic.js');
    if (typeof args['out'] === 'string') checkWritable(args['out']);
    const width = widthOf(args, 40, 120);
    const jobs = jobsOf(args);
    const load = loadOptionsOf(args, io);
    const inputs = (args['inputs'] as unknown[]).map(String);
    // A whole series result is cached beside the parse cache, keyed by its inputs' bytes.
    const cache = load.cacheDir ? await import('../../archive/series-cache.js') : undefined;
    const cacheDir = load.cacheDir ? join(dirname(load.cacheDir), 'series') : undefined;
    const key = cache && cacheDir ? cache.seriesCacheKey(expandInputs(inputs), load) : undefined;
    const kept = cache && cacheDir && key ? { cache, dir: cacheDir, key } : undefined;
    const out = typeof args['out'] === 'string' ? args['out'] : undefined;
    const ext = out ? /\.([a-z]+)$/i.exec(out)?.[1]?.toLowerCase() : undefined;
    const byExt: Record<string, (typeof FORMATS)[number]> = {
      md: 'markdown',
      json: 'json',
      csv: 'csv',
      html: 'html',
    };
    const format =
      (args['format'] as (typeof FORMATS)[number] | undefined) ??
      (ext ? byExt[ext] : undefined) ??
      (out ? 'json' : 'terminal');
    const color = format === 'terminal' && !out && useColor(args, io);
    // Everything the text depends on besides the report: the renderer and its options.
    const variant = format === 'terminal' ? `terminal color=${color} width=${width}` : format;
    let rendering = kept?.cache.readCachedRendering(kept.dir, kept.key, variant);
    if (!rendering) {
      let cached = kept?.cache.readCachedSeries(kept.dir, kept.key);
      if (!cached) {
        const { loadSeries } = await import('../../archive/load-series.js');
        const { readSeriesConfig } = await import('../../archive/load-statement.js');
        const { buildSeries } = await import('../../series/build-series.js');
        const folder = inputs.length === 1 ? inputs[0] : undefined;
        const title = folder !== undefined ? readSeriesConfig(folder).title : undefined;
        const statements = await loadSeries(inputs, load, jobs);
        cached = {
          report: buildSeries(statements, title ? { title } : {}),
          diagnostics: diagnosticsOf(statements),
        };
        kept?.cache.writeCachedSeries(kept.dir, kept.key, cached);
      }
      const report = cached.report;
      const { renderSeriesCsv, renderSeriesJson, renderSeriesMarkdown, renderSeriesTerminal } =
        await import('../../report/render/render-series.js');
      const text =
        format === 'markdown'
          ? renderSeriesMarkdown(report)
          : format === 'json'
            ? renderSeriesJson(report)
            : format === 'csv'
              ? renderSeriesCsv(report)
              : format === 'html'
                ? (await import('../../report/render/render-series-html.js')).renderSeriesHtml(
                    report,
                  )
                : renderSeriesTerminal(report, { color, width });
      rendering = {
        text,
        diagnostics: cached.diagnostics,
        changed: report.rounds.some(
          (r) => r.counts.new + r.counts.dropped + r.counts.changed + r.counts.revived > 0,
        ),
      };
      kept?.cache.writeCachedRendering(kept.dir, kept.key, variant, rendering);
    }
    if (out) writeAtomic(out, rendering.text);
    else io.stdout(rendering.text);
    // As `compare`: the warnings about the inputs after the report (docs/errors.md).
    printDiagnostics(io, rendering.diagnostics);
    return rendering.changed ? EXIT_DIFFERENT : EXIT_SAME;
  },
};
