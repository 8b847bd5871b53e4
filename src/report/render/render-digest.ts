/** Digest renderer: at most 15 plain lines with the most significant changes, for an article or a chat. */
import type { CommitmentChange, ComparisonReport, WordEdit } from '../../model/changes.js';
import {
  citation,
  countsLine,
  headline,
  qualifiersText,
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
      const q = qualifiersText(change);
      return `${change.kind} ${where}: ${q ? `${q}; ` : ''}${fragments(change.edits)}`;
    }
  }
}

/** The digest. */
export function renderDigest(report: ComparisonReport, options: RenderOptions): string {
  const changes = visibleChanges(report, options.only).filter((c) => c.kind !== 'cosmetic');
  const lines = [`${headline(report)}: ${countsLine(report)}`];
  if (changes.length === 0) lines.push(noChangesLine(report));
  for (const change of changes.slice(0, DIGEST_MAX_LINES - 2)) lines.push(`- ${line(change)}`);
  if (changes.length > DIGEST_MAX_LINES - 2)
    lines.push(`(+${changes.length - (DIGEST_MAX_LINES - 2)} more changes; see the full report)`);
  return `${lines.join('\n')}\n`;
}
