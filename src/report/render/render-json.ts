/** The JSON renderer of a comparison: stable JSON, with `--only` applied to `changes`. */
import type { ComparisonReport } from '../../model/changes.js';
import type { RenderOptions } from './render-options.js';
import { stableJson } from './stable-json.js';

/** The report as stable JSON; `options.only` keeps only those change kinds in `changes`. */
export function renderJson(report: ComparisonReport, options: RenderOptions): string {
  return stableJson(
    options.only
      ? { ...report, changes: report.changes.filter((c) => options.only?.has(c.kind)) }
      : report,
  );
}
