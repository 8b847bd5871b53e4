/** Series renderers: the round churn table and the lineage matrix, as terminal text, Markdown, CSV and JSON. */
import { stringify } from 'csv-stringify/sync';
import { createColors } from 'picocolors';
import type { Lineage, OccurrenceStatus, SeriesReport } from '../../model/series.js';
import { escapeMarkdown } from './render-markdown.js';
import type { RenderOptions } from './render-options.js';
import { stableJson } from './stable-json.js';

/** The mark of a lineage in one round. */
export const MARKS: Readonly<Record<OccurrenceStatus | 'absent', string>> = {
  first: '●',
  new: '●',
  carried: '●',
  changed: '~',
  revived: '↺',
  absent: '·',
};

/** The lineages a reader sees first: commitments (not context), standing first, then the longest-lived, then by first appearance. */
export function orderedLineages(report: SeriesReport): Lineage[] {
  return report.lineages
    .filter((l) => !l.isContext)
    .map((l, i) => ({ l, i }))
    .sort(
      (x, y) =>
        Number(y.l.standing) - Number(x.l.standing) ||
        y.l.occurrences.length - x.l.occurrences.length ||
        (x.l.occurrences[0]?.round ?? 0) - (y.l.occurrences[0]?.round ?? 0) ||
        x.i - y.i,
    )
    .map(({ l }) => l);
}

/** One lineage's marks across the rounds. */
export function marksOf(report: SeriesReport, lineage: Lineage): string[] {
  const byRound = new Map(lineage.occurrences.map((o) => [o.round, o.status]));
  return report.rounds.map((_, r) => MARKS[byRound.get(r) ?? 'absent']);
}

/** A one-line history: "new 2020-08-21; changed 2021-07-24; dropped 2023-05-06". */
export function historyOf(report: SeriesReport, lineage: Lineage): string {
  const events: string[] = [];
  const dateOf = (r: number) => report.rounds[r]?.date ?? String(r);
  for (const o of lineage.occurrences) {
    if (o.status === 'first') continue;
    if (o.status !== 'carried') events.push(`${o.status} ${dateOf(o.round)}`);
  }
  for (const r of lineage.droppedIn) events.push(`dropped ${dateOf(r)}`);
  if (lineage.standing) events.unshift('standing');
  return events.sort((a, b) => a.slice(-10).localeCompare(b.slice(-10))).join('; ');
}

const COUNT_ROWS = ['new', 'dropped', 'changed', 'carried', 'revived'] as const;

/** The terminal series report. */
export function renderSeriesTerminal(report: SeriesReport, options: RenderOptions): string {
  const c = createColors(options.color);
  const dates = report.rounds.map((r) => r.date.slice(0, 7));
  const lines = [
    c.bold(
      `${report.title}: ${report.summary.rounds} rounds, ${report.summary.lineages} lineages (${report.summary.standing} standing, ${report.summary.revived} revived)`,
    ),
    '',
  ];
  lines.push(`${'round'.padEnd(10)} ${dates.map((d) => d.padStart(8)).join('')}`);
  for (const row of COUNT_ROWS) {
    lines.push(
      `${row.padEnd(10)} ${report.rounds.map((r, i) => (i === 0 ? '—' : String(r.counts[row])).padStart(8)).join('')}`,
    );
  }
  lines.push(
    '',
    c.dim(
      `● present  ~ changed  ↺ revived  · absent   (commitments only; JSON and CSV carry every sentence)`,
    ),
  );
  const width = Math.max(30, options.width - report.rounds.length * 2 - 40);
  for (const lineage of orderedLineages(report)) {
    const label =
      lineage.label.length > width
        ? `${lineage.label.slice(0, width - 1)}…`
        : lineage.label.padEnd(width);
    lines.push(
      `${c.cyan(lineage.id.padEnd(9))} ${label} ${marksOf(report, lineage).join(' ')}  ${c.dim(historyOf(report, lineage))}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The Markdown series report. */
export function renderSeriesMarkdown(report: SeriesReport): string {
  const out = [`# ${escapeMarkdown(report.title)}: ${report.summary.rounds} rounds`, ''];
  out.push(
    `| round | ${report.rounds.map((r) => r.date).join(' | ')} |`,
    `| --- | ${report.rounds.map(() => '---:').join(' | ')} |`,
  );
  for (const row of COUNT_ROWS)
    out.push(
      `| ${row} | ${report.rounds.map((r, i) => (i === 0 ? '—' : r.counts[row])).join(' | ')} |`,
    );
  out.push(
    '',
    `${report.summary.lineages} lineages, ${report.summary.standing} standing (in every round), ${report.summary.revived} revived.`,
    '',
  );
  out.push('## Commitments across rounds', '', '● present · ~ changed · ↺ revived · · absent', '');
  out.push(
    `| id | commitment | ${report.rounds.map((r) => r.date.slice(0, 7)).join(' | ')} | history |`,
  );
  out.push(`| --- | --- | ${report.rounds.map(() => ':-:').join(' | ')} | --- |`);
  for (const lineage of orderedLineages(report)) {
    out.push(
      `| ${lineage.id} | ${escapeMarkdown(lineage.label)} | ${marksOf(report, lineage).join(' | ')} | ${escapeMarkdown(historyOf(report, lineage))} |`,
    );
  }
  out.push('');
  return out.join('\n');
}

/** The series CSV: one row per lineage occurrence (and per drop). */
export function renderSeriesCsv(report: SeriesReport): string {
  const rows: (string | number | boolean)[][] = [
    [
      'lineage_id',
      'standing',
      'is_context',
      'round',
      'date',
      'file',
      'status',
      'paragraph',
      'line',
      'score',
      'text',
    ],
  ];
  for (const lineage of report.lineages) {
    const events = [
      ...lineage.occurrences.map((o) => ({
        round: o.round,
        row: [o.status, o.paragraph, o.line, o.score, o.text] as (string | number)[],
      })),
      ...lineage.droppedIn.map((r) => ({
        round: r,
        row: ['dropped', '', '', '', ''] as (string | number)[],
      })),
    ].sort((a, b) => a.round - b.round);
    for (const e of events) {
      const round = report.rounds[e.round];
      rows.push([
        lineage.id,
        lineage.standing,
        lineage.isContext,
        e.round + 1,
        round?.date ?? '',
        round?.file ?? '',
        ...e.row,
      ]);
    }
  }
  return stringify(rows, { record_delimiter: '\n' });
}

/** The series JSON. */
export function renderSeriesJson(report: SeriesReport): string {
  return stableJson(report);
}
