/** Parse stage entry: text of any supported format → Statement structure (sections, paragraphs, sentences). */
import { isUserError, UserError } from '../model/errors.js';
import type { Diagnostic, InputFormat, Statement } from '../model/statement.js';
import type { Block } from './blocks.js';
import { buildSections } from './build-statement.js';
import { detectFormat } from './detect-format.js';
import { htmlToMarkdown } from './html-to-markdown.js';
import { readFrontmatter } from './read-frontmatter.js';
import { readMarkdown } from './read-markdown.js';
import { readText } from './read-text.js';
import { blankSetAsideLines, setAsideRules } from './set-aside.js';

/** A set-aside text as a diagnostic shows it: at most 60 characters. */
function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
import { LineIndex } from '../util/line-index.js';

/** Options for {@link parseStatement}. */
export interface ParseOptions {
  /** Name of the input shown in reports and errors (default: `-`). */
  readonly file?: string;
  /** Force a format instead of detecting it from the name and content. */
  readonly format?: InputFormat | string;
  /** Notes gathered while reading the input (e.g. by {@link decodeInput}). */
  readonly diagnostics?: readonly Diagnostic[];
  /** Line openings of plain text that are not the statement, beyond the default list (series.yaml `setAside:`). */
  readonly setAside?: readonly string[];
}

/**
 * Parses `text` into a {@link Statement} without commitments (see `analyseStatement`).
 * For HTML input the statement's `source` is the Markdown the page converts to.
 */
export function parseStatement(text: string, options: ParseOptions = {}): Statement {
  const file = options.file ?? '-';
  // A lone CR (classic Mac OS) ends a line as LF does; as LF it keeps every offset and lets the
  // readers and line numbers count one kind of line break.
  const input = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  const format = detectFormat(file, input, options.format);
  let source = input;
  let blocks: Block[];
  let frontmatter: { yaml: string; line: number } | undefined;
  let htmlTitle: string | undefined;
  const readerNotes: Diagnostic[] = [];
  try {
    if (format === 'html') {
      const converted = htmlToMarkdown(input);
      const blanked = blankSetAsideLines(converted.markdown, setAsideRules(options.setAside));
      source = blanked.markdown;
      for (const aside of blanked.setAside)
        readerNotes.push({
          severity: 'info',
          message: `set aside ${aside.what} "${clip(aside.text)}": not part of the statement`,
          line: aside.line,
        });
      htmlTitle = converted.title;
      ({ blocks } = readMarkdown(source));
    } else if (format === 'text') {
      const content = readText(source, setAsideRules(options.setAside));
      ({ blocks, frontmatter } = content);
      const lines = new LineIndex(source);
      for (const aside of content.setAside) {
        readerNotes.push({
          severity: 'info',
          message: `set aside ${aside.what} "${clip(aside.text)}": not part of the statement`,
          line: lines.lineOf(aside.offset),
        });
      }
    } else {
      ({ blocks, frontmatter } = readMarkdown(source));
    }
  } catch (error) {
    // Readers do not know the file's name: add it to their errors.
    if (isUserError(error) && error.location?.file === '') {
      throw new UserError(error.code, error.message, {
        location: { ...error.location, file },
        ...(error.expected ? { expected: error.expected } : {}),
      });
    }
    if (error instanceof RangeError) {
      throw new UserError('E_TOO_DEEP', 'the input is nested too deeply to read', {
        location: { file },
        expected: 'fewer levels of nested lists, quotes or HTML elements',
      });
    }
    throw error;
  }
  let meta = frontmatter ? readFrontmatter(frontmatter.yaml, file, frontmatter.line) : {};
  if (htmlTitle !== undefined && meta.title === undefined) meta = { ...meta, title: htmlTitle };
  const bodyStart = frontmatter
    ? firstBodyOffset(source, frontmatter.line + frontmatter.yaml.split('\n').length)
    : 0;
  const language = meta.language ?? 'en';
  const sections = buildSections(blocks, source, bodyStart, language);
  return {
    file,
    format,
    meta,
    sections,
    source,
    commitments: [],
    diagnostics: [...(options.diagnostics ?? []), ...readerNotes],
  };
}

/** Offset of the line after the closing `---` of the frontmatter (line `closingLine`). */
function firstBodyOffset(source: string, closingLine: number): number {
  let offset = 0;
  for (let line = 1; line <= closingLine; line++) {
    const next = source.indexOf('\n', offset);
    if (next === -1) return source.length;
    offset = next + 1;
  }
  return offset;
}
