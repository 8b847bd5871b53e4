/**
 * One comparison renderer, loaded on demand. Why: importing every renderer (render/index.ts)
 * loads the hast tooling and csv-stringify, ~30 ms of start-up that `compare --format json`
 * never uses (issue 5: fixed overhead).
 */
import type { ComparisonFormat } from '../formats.js';
import type { Renderer } from './index.js';

/** The renderer of `format`, importing only its own module. */
export async function loadComparisonRenderer(format: ComparisonFormat): Promise<Renderer> {
  switch (format) {
    case 'terminal':
      return (await import('./render-terminal.js')).renderTerminal;
    case 'markdown':
      return (await import('./render-markdown.js')).renderMarkdown;
    case 'json':
      return (await import('./render-json.js')).renderJson;
    case 'csv':
      return (await import('./render-csv.js')).renderCsv;
    case 'digest':
      return (await import('./render-digest.js')).renderDigest;
    case 'html':
      return (await import('./render-html.js')).renderHtml;
  }
}
