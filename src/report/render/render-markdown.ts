/** Markdown renderer: summary table, then changes by significance and by section; readable on GitHub. */
import type { CommitmentChange, ComparisonReport } from '../../model/changes.js';
import { CHANGE_KINDS } from '../formats.js';
import {
  citation,
  fileLine,
  groupChanges,
  headline,
  kindLabel,
  mostSignificant,
  reasonsText,
  visibleChanges,
  noChangesLine,
} from '../describe-change.js';
import { escapeMarkdown, markdownDiff } from './markdown-text.js';
import type { RenderOptions } from './render-options.js';

export { escapeMarkdown, markdownDiff } from './markdown-text.js';

function text(change: CommitmentChange): string {
  if (change.kind === 'new') return `**${escapeMarkdown(change.after?.text ?? '')}**`;
  if (change.kind === 'dropped') return `~~${escapeMarkdown(change.before?.text ?? '')}~~`;
  return markdownDiff(change.edits);
}

function entry(report: ComparisonReport, change: CommitmentChange): string {
  const reasons = reasonsText(change);
  const qualifiers = reasons ? ` — ${escapeMarkdown(reasons)}` : '';
  return `- **${citation(change)} ${kindLabel(change)}**${qualifiers} (\`${fileLine(report, change)}\`)\n  ${text(change)}`;
}

/** The Markdown report. */
export function renderMarkdown(report: ComparisonReport, options: RenderOptions): string {
  const out: string[] = [`# ${escapeMarkdown(headline(report))}`, ''];
  out.push(
    `Compared \`${report.before.file}\` (before) with \`${report.after.file}\` (after).`,
    '',
  );
  out.push('| change | count |', '| --- | ---: |');
  for (const kind of CHANGE_KINDS) out.push(`| ${kind} | ${report.summary.counts[kind]} |`);
  out.push(`| renumbered paragraphs | ${report.summary.renumberedParagraphs} |`);
  out.push(
    `| sentences before / after | ${report.summary.sentencesBefore} / ${report.summary.sentencesAfter} |`,
    '',
  );
  if (report.summary.budgetExhausted)
    out.push('> **Warning:** the alignment budget was reached; some pairs may be missing.', '');
  const changes = visibleChanges(report, options.only);
  if (changes.length === 0) {
    out.push(noChangesLine(report), '');
    return out.join('\n');
  }
  const top = mostSignificant(changes);
  if (top.length > 0) {
    out.push('## Most significant changes', '');
    for (const change of top) out.push(entry(report, change));
    out.push('');
  }
  out.push('## Changes by section', '');
  for (const [heading, group] of groupChanges(report, changes)) {
    out.push(`### ${escapeMarkdown(heading)}`, '');
    for (const change of group) out.push(entry(report, change));
    out.push('');
  }
  out.push(
    'Legend: ~~struck~~ text was removed, **bold** text was added. ¶ cites paragraph.sentence.',
    '',
  );
  return out.join('\n');
}
