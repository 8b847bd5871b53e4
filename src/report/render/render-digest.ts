/** Digest renderer: at most 15 plain lines with the most significant changes, for an article or a chat. */
import type { CommitmentChange, ComparisonReport, WordEdit } from '../../model/changes.js';
import {
  citation,
  countsLine,
  headline,
  reasonsText,
  visibleChanges,
  noChangesLine,
} from '../describe-change.js';
import type { RenderOptions } from './render-options.js';

/** Most lines a digest has (the issue's limit). */
export const DIGEST_MAX_LINES = 15;

function clip(text: string, max = 140): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The changed fragments of an edit list: `"was" → "now"`. */
function fragments(edits: readonly WordEdit[]): string {
  const removed = edits
    .filter((e) => e.op === 'delete')
    .map((e) => e.text.trim())
    .filter(Boolean)
    .join(' … ');
  const added = edits
    .filter((e) => e.op === 'insert')
    .map((e) => e.text.trim())
    .filter(Boolean)
    .join(' … ');
  if (removed && added) return `"${clip(added, 70)}" (was "${clip(removed, 70)}")`;
  if (added) return `adds "${clip(added, 100)}"`;
  return `drops "${clip(removed, 100)}"`;
}

function line(change: CommitmentChange): string {
  const where = citation(change);
  switch (change.kind) {
    case 'new':
      return `new ${where}: ${clip(change.after?.text ?? '')}`;
    case 'dropped':
      return `dropped ${where}: ${clip(change.before?.text ?? '')}`;
    default: {
      const q = reasonsText(change);
      return `${change.kind} ${where}: ${q ? `${q}; ` : ''}${fragments(change.edits)}`;
    }
  }
}

/** One line for the context changes: how many, and the first of them. */
function contextLine(changes: readonly CommitmentChange[]): string {
  const first = changes[0] as CommitmentChange;
  const more = changes.length > 1 ? ` (+${changes.length - 1} more)` : '';
  const what =
    first.kind === 'new' || first.kind === 'dropped'
      ? `${first.kind} "${clip((first.after ?? first.before)?.text ?? '', 90)}"`
      : fragments(first.edits);
  return `context: ${what}${more}`;
}

/**
 * The digest: the most significant commitments first (the report's rank order), then one line
 * for the context changes, at most {@link DIGEST_MAX_LINES} lines in all.
 */
export function renderDigest(report: ComparisonReport, options: RenderOptions): string {
  const visible = visibleChanges(report, options.only).filter((c) => c.kind !== 'cosmetic');
  const changes = visible.filter((c) => !c.isContext);
  const context = visible.filter((c) => c.isContext);
  const lines = [`${headline(report)}: ${countsLine(report)}`];
  if (visible.length === 0) lines.push(noChangesLine(report));
  // Headline, the context line and the "more" line take three of the lines.
  const room = DIGEST_MAX_LINES - 1 - (context.length > 0 ? 1 : 0) - 1;
  const shown = changes.length > room + 1 ? changes.slice(0, room) : changes.slice(0, room + 1);
  for (const change of shown) lines.push(`- ${line(change)}`);
  if (changes.length > shown.length)
    lines.push(`(+${changes.length - shown.length} more changes; see the full report)`);
  if (context.length > 0) lines.push(`- ${contextLine(context)}`);
  return `${lines.join('\n')}\n`;
}
