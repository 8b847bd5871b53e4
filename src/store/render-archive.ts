/** Search results and commitment histories as terminal text, Markdown, JSON, CSV and HTML. */
import { stringify } from 'csv-stringify/sync';
import pc from 'picocolors';
import type { WordEdit } from '../model/changes.js';
import type { Lineage, SeriesReport } from '../model/series.js';
import { escapeMarkdown, markdownDiff } from '../report/render/render-markdown.js';
import { withEdits } from './query-archive.js';
import { ROUND_STATUS } from './schema.js';
import { diffNodes, el, renderPage } from '../report/render/html-page.js';
import type { History, SearchResult, TextPart } from './query-archive.js';

/** Output formats of `search`. */
export const SEARCH_FORMATS = ['terminal', 'markdown', 'json', 'csv'] as const;
/** Output formats of `history`. */
export const HISTORY_FORMATS = ['terminal', 'markdown', 'json', 'html'] as const;

type Colors = ReturnType<typeof pc.createColors>;

const plain = (parts: readonly TextPart[]) => parts.map((p) => p.text).join('');

function statusLine(
  rounds: readonly { date: string | null; round: number; status: string }[],
): string {
  return rounds.map((r) => `${r.date ?? `round ${r.round + 1}`} ${r.status}`).join(' · ');
}

/** `search` output in `format`. */
export function renderSearch(
  result: SearchResult,
  format: (typeof SEARCH_FORMATS)[number],
  color = false,
): string {
  if (format === 'json')
    return `${JSON.stringify({ schemaVersion: 1, ...result, groups: result.groups.map((g) => ({ ...g, hits: g.hits.map((h) => ({ ...h, text: plain(h.parts) })) })) }, null, 2)}\n`;
  if (format === 'csv') {
    const rows: (string | number | null)[][] = [
      [
        'series',
        'lineage',
        'round',
        'date',
        'file',
        'paragraph',
        'line',
        'actor',
        'text',
        'matched',
      ],
    ];
    for (const g of result.groups)
      for (const h of g.hits)
        rows.push([
          g.series,
          g.lineage,
          h.round + 1,
          h.date,
          h.file,
          h.paragraph,
          h.line,
          h.actor,
          plain(h.parts),
          h.parts
            .filter((p) => p.match)
            .map((p) => p.text)
            .join(' | '),
        ]);
    return stringify(rows);
  }
  const c: Colors = pc.createColors(color);
  const lines: string[] = [];
  if (format === 'markdown') {
    lines.push(
      `# Search: ${escapeMarkdown(result.query)}`,
      '',
      `${result.hits} sentences in ${result.groups.length} lineages.`,
      '',
    );
    for (const g of result.groups) {
      lines.push(
        `## ${g.lineage ?? '(no lineage)'} — ${g.series}`,
        '',
        `Rounds: ${statusLine(g.rounds)}`,
        '',
      );
      for (const h of g.hits)
        lines.push(
          `- ${h.date ?? ''} ¶${escapeMarkdown(h.paragraph)} (\`${h.file}:${h.line}\`): ${h.parts.map((p) => (p.match ? `**${escapeMarkdown(p.text)}**` : escapeMarkdown(p.text))).join('')}`,
        );
      lines.push('');
    }
    return `${lines.join('\n').trimEnd()}\n`;
  }
  lines.push(
    `${result.hits} sentences in ${result.groups.length} lineages for ${c.bold(result.query)}`,
    '',
  );
  for (const g of result.groups) {
    lines.push(
      `${c.bold(g.lineage ?? '(no lineage)')}  ${g.series}`,
      `  ${c.dim(statusLine(g.rounds))}`,
    );
    for (const h of g.hits)
      lines.push(
        `  ${h.date ?? ''} ¶${h.paragraph}  ${h.parts.map((p) => (p.match ? c.bold(c.yellow(p.text)) : p.text)).join('')}`,
        `      ${c.dim(`${h.file}:${h.line}`)}`,
      );
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function editsText(edits: readonly WordEdit[], c: Colors, markdown: boolean): string {
  if (markdown) return markdownDiff(edits);
  return edits
    .map((e) =>
      e.op === 'equal'
        ? e.text
        : e.op === 'insert'
          ? c.green(`{+${e.text}+}`)
          : c.red(`[-${e.text}-]`),
    )
    .join('');
}

/** `history` output in `format`. */
export function renderHistory(
  history: History,
  format: (typeof HISTORY_FORMATS)[number],
  color = false,
): string {
  if (format === 'json') return `${JSON.stringify({ schemaVersion: 1, ...history }, null, 2)}\n`;
  if (format === 'html') return historyHtml(history);
  const c: Colors = pc.createColors(color);
  const markdown = format === 'markdown';
  const lines: string[] = [];
  const present = history.rounds.filter((r) => r.text !== null).length;
  if (markdown)
    lines.push(
      `# ${history.lineage}: ${escapeMarkdown(history.label)}`,
      '',
      `Series \`${history.series}\`; present in ${present} of ${history.rounds.length} rounds.`,
      '',
    );
  else
    lines.push(
      `${c.bold(history.lineage)}  ${history.series}  (present in ${present} of ${history.rounds.length} rounds)`,
      '',
    );
  for (const r of history.rounds) {
    const when = r.date ?? `round ${r.round + 1}`;
    if (r.text === null) {
      lines.push(markdown ? `- **${when}** — ${r.status}` : `${when}  ${c.dim(r.status)}`);
      continue;
    }
    const where = `¶${r.paragraph ?? ''} ${r.file}:${r.line ?? ''}`;
    const body = r.edits
      ? editsText(r.edits, c, markdown)
      : markdown
        ? escapeMarkdown(r.text)
        : r.text;
    if (markdown) lines.push(`- **${when}** — ${r.status} (\`${where}\`): ${body}`);
    else lines.push(`${when}  ${r.status}  ${c.dim(where)}`, `    ${body}`);
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

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
