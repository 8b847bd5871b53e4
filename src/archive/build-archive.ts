/** Archive stage: every series folder of statements/ → reports/ (pairs, series timeline, index, manifest). */
import { existsSync, readdirSync, readFileSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { UserError } from '../model/errors.js';
import type { Diagnostic, Statement } from '../model/statement.js';
import { compareStatements } from '../report/build-comparison.js';
import type { ComparisonReport } from '../model/changes.js';
import { citation, countsLine, kindLabel } from '../report/describe-change.js';
import type { IndexSeries, PairSummary } from '../report/render/render-index-html.js';
import { renderIndexHtml } from '../report/render/render-index-html.js';
import type { SearchEntry } from '../report/render/render-index-html.js';
import { historyHref } from '../report/render/render-series-html.js';
import { historyFromSeries, historyHtml, searchEntries } from '../store/history-page.js';
import type { Lineage } from '../model/series.js';
import { COMPARISON_RENDERERS } from '../report/render/index.js';
import { renderSeriesHtml } from '../report/render/render-series-html.js';
import {
  renderSeriesCsv,
  renderSeriesJson,
  renderSeriesMarkdown,
} from '../report/render/render-series.js';
import { buildSeries, roundDate } from '../series/build-series.js';
import { TOOL_VERSION } from '../version.js';
import type { LoadOptions } from './load-statement.js';
import { readSeriesFolder, seriesFiles, statementsOfFolder } from './load-series.js';
import { sha256 } from '../util/sha256.js';
import { toolFingerprint } from './tool-fingerprint.js';
import { writeAtomic } from './write-atomic.js';

/** The manifest written to reports/manifest.json: what was read and written, and by which version. */
export interface Manifest {
  readonly tool: { readonly name: string; readonly version: string };
  /** Input file (relative to the statements folder's parent) → SHA-256. */
  readonly inputs: Readonly<Record<string, string>>;
  /** Output file (relative to the reports folder) → SHA-256. */
  readonly outputs: Readonly<Record<string, string>>;
  /** Pair report (its `.html`, relative to the reports folder) → what the index shows of it. */
  readonly summaries?: Readonly<Record<string, PairSummary>>;
}

/** Progress of an archive run, for a progress bar. */
export interface ArchiveProgress {
  readonly done: number;
  readonly total: number;
  readonly label: string;
}

/** Options of {@link buildArchive}. */
export interface ArchiveOptions extends LoadOptions {
  /** Regenerate even when inputs are unchanged (default: false). */
  readonly force?: boolean;
  /** Called after each series. */
  readonly onProgress?: (progress: ArchiveProgress) => void;
}

/** What an archive run did. */
export interface ArchiveResult {
  readonly series: number;
  readonly written: readonly string[];
  readonly skipped: readonly string[];
  /**
   * Reports of the previous run that this run no longer makes (a series or a round removed from
   * the statements), deleted because they were unchanged since written; sorted.
   */
  readonly removed: readonly string[];
  /** The warnings about the statements read (such as invalid UTF-8), each with its file. */
  readonly diagnostics: readonly (Diagnostic & { readonly file: string })[];
}

/**
 * Deletes the outputs of the `last` manifest that are not among `outputs`, when the file is still
 * what the last run wrote (a file edited since is left alone), then the folders this empties.
 */
function removeStale(
  outDir: string,
  last: Manifest | undefined,
  outputs: Readonly<Record<string, string>>,
): string[] {
  const removed: string[] = [];
  for (const [file, hash] of Object.entries(last?.outputs ?? {})) {
    if (outputs[file] !== undefined || file.split(/[\\/]/).includes('..')) continue;
    const path = join(outDir, file);
    if (!existsSync(path) || sha256(readFileSync(path)) !== hash) continue;
    unlinkSync(path);
    removed.push(file);
    for (
      let dir = dirname(path);
      relative(outDir, dir) !== '' && !relative(outDir, dir).startsWith('..');
      dir = dirname(dir)
    ) {
      if (readdirSync(dir).length > 0) break;
      rmdirSync(dir);
    }
  }
  return removed.sort();
}

/** A copy of `value` with object keys sorted, for deterministic JSON. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]),
  );
}

/** The series folders of `statementsDir`: sub-folders holding at least one statement file, sorted. */
export function seriesFolders(statementsDir: string): string[] {
  if (!existsSync(statementsDir) || !statSync(statementsDir).isDirectory()) {
    throw new UserError('E_NOT_FOUND', 'no such folder', {
      location: { file: statementsDir },
      expected: 'a folder of series folders (statements/<series>/<date>.md)',
    });
  }
  return readdirSync(statementsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
    .map((d) => join(statementsDir, d.name))
    .filter((dir) => seriesFiles(dir).length > 0)
    .sort();
}

/** What the index shows of a pair report: its counts and its lead change. */
function summarise(report: ComparisonReport): PairSummary {
  const lead = report.changes.find((c) => !c.isContext);
  return {
    counts: countsLine(report),
    ...(lead
      ? {
          lead: `${kindLabel(lead)} ${citation(lead)}: ${lead.reasons[0] ?? ''} — ${clip((lead.after ?? lead.before)?.text ?? '', 110)}`,
        }
      : {}),
  };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function readManifest(file: string): Manifest | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/**
 * Regenerates `outDir` from `statementsDir`: per series, the consecutive-pair reports (md, html,
 * json), the series timeline (md, html, json, csv); then `index.html` and `manifest.json`.
 * A series whose inputs and outputs match the previous manifest is skipped. Every write is atomic.
 */
export async function buildArchive(
  statementsDir: string,
  outDir: string,
  options: ArchiveOptions = {},
): Promise<ArchiveResult> {
  const folders = seriesFolders(statementsDir);
  const last = readManifest(join(outDir, 'manifest.json'));
  const previous = options.force ? undefined : last;
  // The manifest names the version; the code's fingerprint (kept beside it, not in it, since
  // dist/ and src/ differ) says whether the same code wrote the reports.
  const stateFile = join(outDir, '.statement-diff-state');
  const fingerprint = toolFingerprint();
  const sameTool =
    previous?.tool.version === TOOL_VERSION &&
    existsSync(stateFile) &&
    readFileSync(stateFile, 'utf8').trim() === fingerprint;
  const inputs: Record<string, string> = {};
  const outputs: Record<string, string> = {};
  const summaries: Record<string, PairSummary> = {};
  const written: string[] = [];
  const skipped: string[] = [];
  const index: IndexSeries[] = [];
  const diagnostics: (Diagnostic & { file: string })[] = [];
  const searchIndex: SearchEntry[] = [];
  const base = join(statementsDir, '..');
  for (const [i, folder] of folders.entries()) {
    const name = relative(statementsDir, folder);
    const input = readSeriesFolder(folder, options.maxBytes);
    const seriesInputs: Record<string, string> = {};
    for (const [f, h] of input.sha256) seriesInputs[relative(base, f)] = h;
    Object.assign(inputs, seriesInputs);
    const { statements, title } = await statementsOfFolder(input, base, options);
    // Kept for every series, skipped ones too: a cached statement carries its diagnostics.
    for (const statement of statements)
      for (const d of statement.diagnostics) diagnostics.push({ ...d, file: statement.file });
    const planned: Record<string, () => string> = {};
    const pairs: IndexSeries['pairs'][number][] = [];
    const pairSummaries: (() => PairSummary)[] = [];
    for (let k = 1; k < statements.length; k++) {
      const before = statements[k - 1] as Statement;
      const after = statements[k] as Statement;
      const stem = `${name}/${roundDate(before) ?? k - 1}--${roundDate(after) ?? k}`;
      let report: ReturnType<typeof compareStatements> | undefined;
      const get = () => (report ??= compareStatements(before, after));
      planned[`${stem}.md`] = () =>
        COMPARISON_RENDERERS.markdown(get(), { color: false, width: 100 });
      planned[`${stem}.html`] = () =>
        COMPARISON_RENDERERS.html(get(), { color: false, width: 100 });
      planned[`${stem}.json`] = () =>
        COMPARISON_RENDERERS.json(get(), { color: false, width: 100 });
      pairs.push({
        label: `${roundDate(before) ?? before.file} → ${roundDate(after) ?? after.file}`,
        html: `${stem}.html`,
        markdown: `${stem}.md`,
        json: `${stem}.json`,
      });
      pairSummaries.push(() => summarise(get()));
    }
    let series: ReturnType<typeof buildSeries> | undefined;
    const getSeries = () => (series ??= buildSeries(statements, title ? { title } : {}));
    planned[`${name}/series.md`] = () => renderSeriesMarkdown(getSeries());
    planned[`${name}/series.html`] = () =>
      renderSeriesHtml(getSeries(), { pairLinks: true, historyLinks: true });
    planned[`${name}/series.json`] = () => renderSeriesJson(getSeries());
    planned[`${name}/series.csv`] = () => renderSeriesCsv(getSeries());
    // What index.html searches (from file://, without a server): kept beside the series, so a
    // skipped series gives its entries without being compared again.
    const searchFile = `${name}/search.json`;
    planned[searchFile] = () => `${JSON.stringify(searchEntries(getSeries()))}\n`;
    const inputsUnchanged =
      sameTool &&
      previous !== undefined &&
      Object.entries(seriesInputs).every(([f, h]) => previous.inputs[f] === h) &&
      Object.keys(previous.inputs).filter((f) => f.startsWith(`${relative(base, folder)}/`))
        .length === Object.keys(seriesInputs).length;
    // One history page per lineage; for unchanged inputs the pages of the previous run.
    const historyPrefix = `${name}/history/`;
    const historyFiles =
      inputsUnchanged && previous
        ? Object.keys(previous.outputs).filter((f) => f.startsWith(historyPrefix))
        : getSeries().lineages.map((l) => `${name}/${historyHref(l.id)}`);
    let lineageByFile: Map<string, Lineage> | undefined;
    for (const file of historyFiles)
      planned[file] = () => {
        lineageByFile ??= new Map(
          getSeries().lineages.map((l) => [`${name}/${historyHref(l.id)}`, l]),
        );
        const lineage = lineageByFile.get(file) as Lineage;
        return historyHtml(historyFromSeries(getSeries(), lineage), {
          href: '../series.html',
          label: `← ${getSeries().title}`,
        });
      };
    const unchanged =
      inputsUnchanged &&
      previous !== undefined &&
      Object.keys(planned).every((f) => {
        const path = join(outDir, f);
        return (
          previous.outputs[f] !== undefined &&
          existsSync(path) &&
          sha256(readFileSync(path)) === previous.outputs[f]
        );
      });
    for (const [file, render] of Object.entries(planned)) {
      if (unchanged) {
        outputs[file] = previous.outputs[file] as string;
        skipped.push(file);
        continue;
      }
      const text = render();
      writeAtomic(join(outDir, file), text);
      outputs[file] = sha256(text);
      written.push(file);
    }
    // A skipped series keeps the summaries of the previous run (its reports are the same).
    const withSummaries = pairs.map((p, k) => {
      const summary =
        (unchanged ? previous.summaries?.[p.html] : undefined) ??
        (pairSummaries[k] as () => PairSummary)();
      summaries[p.html] = summary;
      return { ...p, summary };
    });
    searchIndex.push(
      ...(JSON.parse(
        unchanged
          ? readFileSync(join(outDir, searchFile), 'utf8')
          : (planned[searchFile] as () => string)(),
      ) as SearchEntry[]),
    );
    index.push({
      series: name,
      title: title ?? name,
      rounds: statements.length,
      timeline: `${name}/series.html`,
      pairs: withSummaries,
      downloads: [
        { label: 'Markdown', href: `${name}/series.md` },
        { label: 'CSV', href: `${name}/series.csv` },
        { label: 'JSON', href: `${name}/series.json` },
      ],
    });
    options.onProgress?.({ done: i + 1, total: folders.length, label: name });
  }

  const indexHtml = renderIndexHtml(index, TOOL_VERSION, searchIndex);
  writeAtomic(join(outDir, 'index.html'), indexHtml);
  outputs['index.html'] = sha256(indexHtml);
  const removed = removeStale(outDir, last, outputs);
  const manifest: Manifest = {
    tool: { name: 'statement-diff', version: TOOL_VERSION },
    inputs,
    outputs,
    summaries,
  };
  writeAtomic(join(outDir, 'manifest.json'), `${JSON.stringify(sortedKeys(manifest), null, 2)}\n`);
  writeAtomic(stateFile, `${fingerprint}\n`);
  return { series: folders.length, written, skipped, removed, diagnostics };
}
