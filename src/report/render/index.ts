/** The renderers of a comparison, chosen by name. */
import type { ComparisonReport } from '../../model/changes.js';
import { renderCsv } from './render-csv.js';
import { renderDigest } from './render-digest.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import type { RenderOptions } from './render-options.js';
import { renderTerminal } from './render-terminal.js';
import { stableJson } from './stable-json.js';

/** A renderer: a pure function of the report. */
export type Renderer = (report: ComparisonReport, options: RenderOptions) => string;

/** Every comparison format by name. */
export const COMPARISON_RENDERERS = {
  terminal: renderTerminal,
  markdown: renderMarkdown,
  json: (report: ComparisonReport, _options: RenderOptions) => stableJson(report),
  csv: renderCsv,
  digest: renderDigest,
  html: renderHtml,
} as const satisfies Record<string, Renderer>;

/** A comparison format name. */
export type ComparisonFormat = keyof typeof COMPARISON_RENDERERS;

/** Format implied by an output file's extension, if any. */
export function formatFromExtension(file: string): ComparisonFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  const map: Record<string, ComparisonFormat> = { md: 'markdown', markdown: 'markdown', json: 'json', csv: 'csv', html: 'html', htm: 'html', txt: 'digest' };
  return ext ? map[ext] : undefined;
}
