/** The renderers of a comparison, chosen by name. */
import type { ComparisonReport } from '../../model/changes.js';
import { renderCsv } from './render-csv.js';
import { renderDigest } from './render-digest.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';
import type { RenderOptions } from './render-options.js';
import { renderTerminal } from './render-terminal.js';

/** A renderer: a pure function of the report. */
export type Renderer = (report: ComparisonReport, options: RenderOptions) => string;

/** Every comparison format by name. */
export const COMPARISON_RENDERERS = {
  terminal: renderTerminal,
  markdown: renderMarkdown,
  json: renderJson,
  csv: renderCsv,
  digest: renderDigest,
  html: renderHtml,
} as const satisfies Record<string, Renderer>;

export type { ComparisonFormat } from '../formats.js';
export { formatFromExtension } from '../formats.js';
