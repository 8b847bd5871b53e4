/** Public API of statement-diff (re-exports only); see README.md § Library. */
export type * from './model/statement.js';
export type * from './model/alignment.js';
export type * from './model/changes.js';
export type * from './model/series.js';
export { UserError, isUserError } from './model/errors.js';
export type { ErrorLocation } from './model/errors.js';
export { parseStatement } from './parse/parse-statement.js';
export type { ParseOptions } from './parse/parse-statement.js';
export { decodeInput } from './parse/decode-input.js';
export { segmentSentences } from './parse/segment-sentences.js';
export { analyseStatement } from './analyse/analyse-statement.js';
export type { AnalyseOptions, ActorConfig } from './analyse/analyse-statement.js';
export { compileLexicon, defaultLexiconSpec, mergeLexicon } from './analyse/lexicon.js';
export type { Lexicon, LexiconSpec } from './analyse/lexicon.js';
export { alignStatements } from './align/align-statements.js';
export { DEFAULT_ALIGN_OPTIONS } from './align/align-options.js';
export type { AlignOptions } from './align/align-options.js';
export { diffWords } from './diff/word-diff.js';
export { compareStatements } from './report/build-comparison.js';
export type { CompareOptions } from './report/build-comparison.js';
export { COMPARISON_RENDERERS } from './report/render/index.js';
export type { Renderer } from './report/render/index.js';
export {
  renderSeriesCsv,
  renderSeriesJson,
  renderSeriesMarkdown,
  renderSeriesTerminal,
} from './report/render/render-series.js';
export { renderSeriesHtml } from './report/render/render-series-html.js';
export { buildSeries } from './series/build-series.js';
export type { SeriesOptions } from './series/build-series.js';
export { loadStatement, statementFromBytes, statementFromInput } from './archive/load-statement.js';
export type { LoadOptions, SeriesConfig } from './archive/load-statement.js';
export { loadSeries } from './archive/load-series.js';
export { buildArchive } from './archive/build-archive.js';
export { run } from './cli/run.js';
export type { Io } from './cli/io.js';
export { TOOL_VERSION } from './version.js';
export { indexArchive } from './store/index-archive.js';
export type { IndexOptions, IndexResult } from './store/index-archive.js';
export { openForReading, openForWriting } from './store/open-database.js';
export { findLineages, searchArchive } from './store/query-archive.js';
export type { SearchFilters, SearchResult } from './store/query-archive.js';
export { historyOf } from './store/history-query.js';
export type { History } from './store/history-query.js';
export { exportArchive } from './store/export-archive.js';
export { ARCHIVE_SCHEMA_VERSION } from './store/schema.js';
