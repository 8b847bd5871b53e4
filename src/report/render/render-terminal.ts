/** Terminal renderer: coloured, grouped by section, inline word diff, summary first. */
import { createColors } from 'picocolors';
import type { CommitmentChange, ComparisonReport, WordEdit } from '../../model/changes.js';
import {
  citation,
  countsLine,
  groupChanges,
  headline,
  kindLabel,
  mostSignificant,
  reasonsText,
  visibleChanges,
  noChangesLine,
} from '../describe-change.js';
import type { RenderOptions } from './render-options.js';

/** Renders edits inline: `[-deleted-]{+inserted+}`, coloured red and green when colour is on. */
export function inlineDiff(edits: readonly WordEdit[], color: boolean): string {
  const c = createColors(color);
  return edits
    .map((e) => {
      if (e.op === 'equal') return e.text;
      if (e.op === 'delete') return color ? c.red(c.strikethrough(e.text)) : `[-${e.text}-]`;
      return color ? c.green(c.underline(e.text)) : `{+${e.text}+}`;
    })
    .join('');
}

function wrap(text: string, width: number, indent: string): string {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  // eslint-disable-next-line no-control-regex -- ANSI colour codes are not visible width.
  const visible = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').length;
  for (const word of words) {
    if (line && visible(line) + 1 + visible(word) > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

function body(change: CommitmentChange, color: boolean): string {
  if (change.kind === 'new') return change.after?.text ?? '';
  if (change.kind === 'dropped') return change.before?.text ?? '';
  return inlineDiff(change.edits, color);
}

/** The terminal report. */
export function renderTerminal(report: ComparisonReport, options: RenderOptions): string {
  const c = createColors(options.color);
  const lines: string[] = [];
  const s = report.summary;
  lines.push(c.bold(headline(report)));
  lines.push(
    `${countsLine(report)}    ${c.dim(`(sentences: ${s.sentencesBefore} before, ${s.sentencesAfter} after)`)}`,
  );
  if (s.budgetExhausted)
    lines.push(c.yellow('warning: alignment budget reached; the report may be incomplete'));
  const changes = visibleChanges(report, options.only);
  if (changes.length === 0) {
    lines.push('', noChangesLine(report));
    return `${lines.join('\n')}\n`;
  }
  const tag = (change: CommitmentChange): string => {
    const label = kindLabel(change).padEnd(9);
    if (change.kind === 'new') return c.green(label);
    if (change.kind === 'dropped') return c.red(label);
    return c.yellow(label);
  };
  const entry = (change: CommitmentChange): string[] => {
    const reasons = reasonsText(change);
    const head = `  ${c.cyan(citation(change).padEnd(6))}  ${tag(change)}${reasons ? ` ${c.dim(reasons)}` : ''}`;
    return [head, wrap(body(change, options.color), options.width - 8, '        ')];
  };
  const top = mostSignificant(changes);
  if (top.length > 0) {
    lines.push('', c.bold('▲ most significant'));
    for (const change of top) lines.push(...entry(change));
  }
  for (const [heading, group] of groupChanges(report, changes)) {
    lines.push('', c.bold(`§ ${heading}`));
    for (const change of group) lines.push(...entry(change));
  }
  return `${lines.join('\n')}\n`;
}
