/** The HTML page of one commitment's history, and the history and search entries `report` ships. */
import type { Lineage, SeriesReport } from '../model/series.js';
import { diffNodes, el, renderPage } from '../report/render/html-page.js';
import type { History } from './history-query.js';
import { withEdits } from './history-query.js';
import { ROUND_STATUS } from './schema.js';

const HISTORY_CSS = `
ol.history{list-style:none;padding:0}
ol.history li{margin:.8em 0;padding:.4em .6em;border-left:4px solid #ccc}
ol.history li.absent,ol.history li.dropped{color:#777;border-color:#eee}
ol.history li.new,ol.history li.revived{border-color:#2a7}
ol.history li.changed{border-color:#d80}
.when{font-weight:600;margin-right:.6em}
.where{color:#666;font-size:.9em;margin-left:.6em}
`;

/** A self-contained HTML page of one commitment's history. */
export function historyHtml(history: History, back?: { href: string; label: string }): string {
  const items = history.rounds.map((r) =>
    el(
      'li',
      { className: [r.text === null ? (r.status === 'dropped' ? 'dropped' : 'absent') : r.status] },
      el('span', { className: ['when'] }, r.date ?? `round ${r.round + 1}`),
      el('span', { className: ['status'] }, r.status),
      r.text !== null &&
        el('span', { className: ['where'] }, `¶${r.paragraph ?? ''} · ${r.file}:${r.line ?? ''}`),
      r.text !== null &&
        el('p', { className: ['text'] }, ...(r.edits ? diffNodes(r.edits, 'inline') : [r.text])),
    ),
  );
  return renderPage({
    title: `${history.lineage}: ${history.label}`,
    css: HISTORY_CSS,
    body: [
      back && el('p', null, el('a', { href: back.href }, back.label)),
      el('h1', null, `${history.lineage}: ${history.label}`),
      el(
        'p',
        null,
        `Series ${history.series}; present in ${history.rounds.filter((r) => r.text !== null).length} of ${history.rounds.length} rounds.`,
      ),
      el('ol', { className: ['history'] }, ...items),
    ],
  });
}

/** The history of one lineage of a series report, as `history` gives it from the database. */
export function historyFromSeries(report: SeriesReport, lineage: Lineage): History {
  const byRound = new Map(lineage.occurrences.map((o) => [o.round, o]));
  const dropped = new Set(lineage.droppedIn);
  const rounds = withEdits(
    report.rounds.map((r, round) => {
      const o = byRound.get(round);
      return {
        round,
        date: r.date || null,
        file: r.file,
        status: o ? ROUND_STATUS[o.status] : dropped.has(round) ? 'dropped' : 'absent',
        text: o ? o.text : null,
        paragraph: o?.paragraph ?? null,
        line: o?.line ?? null,
      };
    }),
  );
  return {
    series: report.series,
    lineage: lineage.id,
    label: lineage.label,
    standing: lineage.standing,
    isContext: lineage.isContext,
    rounds,
  };
}

/**
 * The search index `reports/index.html` carries: one entry per distinct wording of every lineage
 * (a wording carried unchanged is listed once), `[series, lineage id, date, paragraph, text]`.
 */
export function searchEntries(report: SeriesReport): [string, string, string, string, string][] {
  const entries: [string, string, string, string, string][] = [];
  for (const lineage of report.lineages) {
    let last = '';
    for (const o of lineage.occurrences) {
      if (o.text === last) continue;
      last = o.text;
      entries.push([
        report.series,
        lineage.id,
        report.rounds[o.round]?.date ?? '',
        o.paragraph,
        o.text,
      ]);
    }
  }
  return entries;
}
