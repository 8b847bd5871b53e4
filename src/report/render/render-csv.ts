/** CSV renderer: one row per commitment change, for spreadsheets, R and pandas. */
import { stringify } from 'csv-stringify/sync';
import type { ComparisonReport } from '../../model/changes.js';
import { qualifiersText, visibleChanges } from '../describe-change.js';
import type { RenderOptions } from './render-options.js';

/** Column names, in order (docs/report-schema.md § CSV). */
export const CSV_COLUMNS = [
  'change_id',
  'kind',
  'significance',
  'qualifiers',
  'reasons',
  'is_context',
  'before_file',
  'before_paragraph',
  'before_sentence',
  'before_line',
  'after_file',
  'after_paragraph',
  'after_sentence',
  'after_line',
  'before_text',
  'after_text',
  'before_actor',
  'after_actor',
  'before_act',
  'after_act',
  'before_action',
  'after_action',
  'before_strength',
  'after_strength',
  'score',
  'matched_by',
  'moved',
] as const;

/** The CSV report (RFC 4180 quoting, LF line ends, a header row). */
export function renderCsv(report: ComparisonReport, options: RenderOptions): string {
  const rows = visibleChanges(report, options.only).map((c) => [
    c.id,
    c.kind,
    c.significance,
    qualifiersText(c),
    c.reasons.join(' · '),
    c.isContext,
    c.before ? report.before.file : '',
    c.before?.paragraph ?? '',
    c.before?.sentence ?? '',
    c.before?.span.line ?? '',
    c.after ? report.after.file : '',
    c.after?.paragraph ?? '',
    c.after?.sentence ?? '',
    c.after?.span.line ?? '',
    c.before?.text ?? '',
    c.after?.text ?? '',
    c.before?.actor ?? '',
    c.after?.actor ?? '',
    c.before?.act ?? '',
    c.after?.act ?? '',
    c.before?.action ?? '',
    c.after?.action ?? '',
    c.before?.strength ?? '',
    c.after?.strength ?? '',
    c.score,
    c.matchedBy,
    c.moved,
  ]);
  return stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: '\n' });
}
