/**
 * Search results and commitment histories as terminal text, Markdown, JSON and CSV; the HTML page of
 * a history is store/history-page.ts, kept apart so that `search` and `history` load no HTML code.
 */
import { createRequire } from 'node:module';
import type { stringify } from 'csv-stringify/sync';
import pc from 'picocolors';
import type { WordEdit } from '../model/changes.js';
import { escapeMarkdown, markdownDiff } from '../report/render/markdown-text.js';
import type { History } from './history-query.js';
import type { SearchResult, TextPart } from './query-archive.js';

/** Output formats of `search`. */
export const SEARCH_FORMATS = ['terminal', 'markdown', 'json', 'csv'] as const;
/** Output formats of `history` (`html`: store/history-page.ts). */
export const HISTORY_FORMATS = ['terminal', 'markdown', 'json', 'html'] as const;

type Colors = ReturnType<typeof pc.createColors>;

/** csv-stringify, loaded for CSV output only: a query in another format does not pay for it. */
function csvStringify(): typeof stringify {
  const require = createRequire(import.meta.url);
  return (require('csv-stringify/sync') as { stringify: typeof stringify }).stringify;
}

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
    return csvStringify()(rows);
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
  format: Exclude<(typeof HISTORY_FORMATS)[number], 'html'>,
  color = false,
): string {
  if (format === 'json') return `${JSON.stringify({ schemaVersion: 1, ...history }, null, 2)}\n`;
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
