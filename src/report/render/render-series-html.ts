/** Series HTML renderer (being written): the Markdown report in a page, escaped. */
import type { SeriesReport } from '../../model/series.js';
import { renderSeriesMarkdown } from './render-series.js';

/** Temporary page until the timeline chart lands. */
export function renderSeriesHtml(report: SeriesReport): string {
  const escaped = renderSeriesMarkdown(report).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>\n<html lang="en"><meta charset="utf-8"><title>statement-diff series</title><pre>${escaped}</pre></html>\n`;
}
