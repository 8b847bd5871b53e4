/** Names of report formats and change kinds: light constants the CLI declares options with. */
import type { ChangeKind } from '../model/changes.js';

/** Every change kind, in the order reports list counts. */
export const CHANGE_KINDS: readonly ChangeKind[] = [
  'new',
  'dropped',
  'reworded',
  'moved',
  'split',
  'merged',
  'cosmetic',
  'unchanged',
];

/** Formats of a comparison report. */
export const COMPARISON_FORMATS = [
  'terminal',
  'markdown',
  'json',
  'csv',
  'digest',
  'html',
] as const;

/** A comparison format name. */
export type ComparisonFormat = (typeof COMPARISON_FORMATS)[number];

/** Formats of a series report. */
export const SERIES_FORMATS = ['terminal', 'markdown', 'json', 'csv', 'html'] as const;

/** Format implied by an output file's extension, if any. */
export function formatFromExtension(file: string): ComparisonFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  const map: Record<string, ComparisonFormat> = {
    md: 'markdown',
    markdown: 'markdown',
    json: 'json',
    csv: 'csv',
    html: 'html',
    htm: 'html',
    txt: 'digest',
  };
  return ext ? map[ext] : undefined;
}
