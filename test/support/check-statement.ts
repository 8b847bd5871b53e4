/** Invariant checker for parsed statements: spans, ids, order, no text lost. Returns violations. */
import type { Section, SourceSpan, Statement } from '../../src/model/statement.js';
import { sentencesOf } from '../../src/analyse/analyse-statement.js';
import { LineIndex } from '../../src/util/line-index.js';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';

/** Markup that may stand between sentences or around them without being text. */
const MARKUP = /[\s*_`>|\\#~=+-]/g;
/** A list label or sub-item marker ("(a)", "5.", "iv)"). */
const LABEL = /^(?:\(?[a-z0-9]{1,6}[.)]|\d+(?:\.\d+)*\(?[a-z0-9]*\)?\.?)*$/i;

/** An inline HTML tag or a closed comment, as CommonMark reads them. */
const HTML_TAG = /<!--[\s\S]*?-->|<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g;

/** `text` with the characters of `ranges` replaced by spaces (offsets and line breaks kept). */
function blankOut(text: string, ranges: readonly (readonly [number, number])[]): string {
  if (ranges.length === 0) return text;
  const chars = text.split('');
  for (const [start, end] of ranges)
    for (let i = Math.max(0, start); i < Math.min(end, chars.length); i++)
      if (chars[i] !== '\n') chars[i] = ' ';
  return chars.join('');
}

/** A CommonMark autolink: a URI or an e-mail address in angle brackets. */
const AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s]+)(?:>|$)/g;

/** A line that opens an HTML block, and the rest of the gap after it (CommonMark drops it). */
const HTML_BLOCK = /(?:^|\n)[ \t>]*<[\s\S]*$/;

/** The checkbox of a GFM task list item (`- [x] text`), which remark keeps as a flag. */
const TASK_BOX = /\[[ xX]\](?=\s|$)/g;

/** Text without the markup that may stand around or inside it (link targets, brackets, MARKUP). */
export function fold(text: string): string {
  return text
    .replace(/\]\((?:[^()]|\([^()]*\))*\)/g, '')
    .replace(/[[\]]/g, '')
    .replace(MARKUP, '');
}

/** Decodes the character references (`&amp;`, `&#8212;`) a Markdown reader decodes in text. */
export function decodeReferences(text: string): string {
  return text.replace(
    /&(?:#[xX]([0-9a-fA-F]{1,6})|#(\d{1,7})|([A-Za-z][A-Za-z0-9]{0,31}));/g,
    (whole, hex?: string, decimal?: string, name?: string) => {
      if (name !== undefined) return decodeNamedCharacterReference(name) || whole;
      return decodeNumericCharacterReference(hex ?? decimal ?? '', hex !== undefined ? 16 : 10);
    },
  );
}

/** Options of {@link checkStatement}. */
export interface CheckOptions {
  /**
   * Source ranges whose text the reader is meant to drop (code blocks, raw HTML blocks), as a
   * Markdown parser found them: text there is not "lost".
   */
  readonly dropped?: readonly (readonly [number, number])[];
}

export function checkStatement(statement: Statement, options: CheckOptions = {}): string[] {
  const problems: string[] = [];
  const { source: original } = statement;
  // The angle brackets of autolinks are markup; blanked so that a sentence opening with one
  // loses no text before it.
  const brackets: [number, number][] = [];
  if (statement.format === 'markdown' || statement.format === 'html') {
    for (const m of original.matchAll(AUTOLINK)) {
      brackets.push([m.index, m.index + 1]);
      if (m[0].endsWith('>')) brackets.push([m.index + m[0].length - 1, m.index + m[0].length]);
    }
  }
  const source = blankOut(original, [...(options.dropped ?? []), ...brackets]);
  const lines = new LineIndex(source);
  const ids = new Set<string>();
  // Between sentences, Markdown may hold inline HTML tags and comments, which carry no text.
  const dropped = (text: string): string =>
    statement.format === 'markdown' || statement.format === 'html'
      ? decodeReferences(text.replace(HTML_BLOCK, '').replace(HTML_TAG, '').replace(TASK_BOX, ''))
      : text;
  const checkSpan = (what: string, span: SourceSpan): void => {
    if (!(span.start >= 0 && span.start <= span.end && span.end <= source.length)) {
      problems.push(`${what}: span ${span.start}-${span.end} out of range`);
      return;
    }
    const expected = lines.span(span.start, span.end);
    if (expected.line !== span.line || expected.column !== span.column) {
      problems.push(
        `${what}: line/column ${span.line}:${span.column}, expected ${expected.line}:${expected.column}`,
      );
    }
  };
  const unique = (id: string): void => {
    if (ids.has(id)) problems.push(`duplicate id ${id}`);
    ids.add(id);
  };
  const visit = (section: Section, parent: SourceSpan | null): void => {
    unique(section.id);
    checkSpan(`section ${section.id}`, section.span);
    if (parent && (section.span.start < parent.start || section.span.end > parent.end)) {
      problems.push(`section ${section.id} outside its parent`);
    }
    let last = section.span.start;
    for (const paragraph of section.paragraphs) {
      unique(paragraph.id);
      checkSpan(`paragraph ${paragraph.id}`, paragraph.span);
      if (paragraph.span.start < last || paragraph.span.end > section.span.end) {
        problems.push(`paragraph ${paragraph.id} out of order or outside section ${section.id}`);
      }
      last = paragraph.span.end;
      let cursor = paragraph.span.start;
      paragraph.sentences.forEach((sentence, k) => {
        unique(sentence.id);
        checkSpan(`sentence ${sentence.id}`, sentence.span);
        const raw = source.slice(sentence.span.start, sentence.span.end);
        if (sentence.text === '' || raw.trim() === '')
          problems.push(`sentence ${sentence.id} is empty`);
        // Inline HTML tags carry no text; a tag-like string inside a code span stays in the text,
        // so tags are dropped on both sides.
        const markdown = statement.format === 'markdown' || statement.format === 'html';
        // Autolinks (`<http://a>`) keep their text without the brackets, and character references
        // are decoded except inside autolink literals (`http://a&amp;b`).
        const shown = markdown ? raw.replace(AUTOLINK, '$1').replace(HTML_TAG, '') : raw;
        const text = markdown
          ? sentence.text.replace(AUTOLINK, '$1').replace(HTML_TAG, '')
          : sentence.text;
        if (
          statement.format !== 'html' &&
          fold(shown) !== fold(text) &&
          !(markdown && fold(decodeReferences(shown)) === fold(decodeReferences(text)))
        ) {
          problems.push(
            `sentence ${sentence.id}: span text ${JSON.stringify(raw)} ≠ ${JSON.stringify(sentence.text)}`,
          );
        }
        if (sentence.span.start < cursor)
          problems.push(`sentence ${sentence.id} overlaps the one before`);
        const gap = fold(dropped(source.slice(cursor, sentence.span.start)));
        if (gap !== '' && !LABEL.test(gap)) {
          problems.push(
            `text lost before ${sentence.id}: ${JSON.stringify(gap.slice(0, 80))} (sentence ${k + 1})`,
          );
        }
        cursor = sentence.span.end;
      });
      const tail = fold(dropped(source.slice(cursor, paragraph.span.end)));
      if (tail !== '')
        problems.push(
          `text lost at the end of ${paragraph.id}: ${JSON.stringify(tail.slice(0, 80))}`,
        );
    }
    for (const child of section.sections) visit(child, section.span);
  };
  for (const section of statement.sections) visit(section, null);
  const sentences = sentencesOf(statement);
  if (statement.commitments.length !== sentences.length) {
    problems.push(`${statement.commitments.length} commitments for ${sentences.length} sentences`);
  }
  statement.commitments.forEach((commitment, i) => {
    const sentence = sentences[i];
    if (
      !sentence ||
      commitment.sentenceId !== sentence.id ||
      commitment.span.start !== sentence.span.start
    ) {
      problems.push(`commitment ${commitment.id} does not follow sentence order`);
    }
  });
  return problems;
}
