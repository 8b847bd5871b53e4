/** Builds the section tree from blocks: headings nest by depth, paragraphs split into sentences. */
import type { Paragraph, Section, Sentence, SourceSpan } from '../model/statement.js';
import { LineIndex } from '../util/line-index.js';
import type { Block, MappedText } from './blocks.js';
import { referenceLengthAt } from './character-references.js';
import { normaliseKey } from './normalise-key.js';
import { segmentSentences } from './segment-sentences.js';

interface OpenSection {
  id: string;
  heading: string | null;
  depth: number;
  number?: string;
  start: number;
  end: number;
  paragraphs: Paragraph[];
  sections: OpenSection[];
}

const HEADING_NUMBER = /^\s*((?:[IVXLC]{1,6}|\d{1,3}(?:\.\d{1,3})*|[A-Z])[.)]?)\s+(?=\S)/;

function close(section: OpenSection, lines: LineIndex): Section {
  const base = {
    id: section.id,
    heading: section.heading,
    depth: section.depth,
    paragraphs: section.paragraphs,
    sections: section.sections.map((child) => close(child, lines)),
    span: lines.span(section.start, section.end),
  };
  return section.number === undefined
    ? base
    : { ...base, number: section.number.replace(/[.)]$/, '') };
}

function foldSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function sentencesOf(
  pieces: readonly MappedText[],
  paragraphId: string,
  source: string,
  lines: LineIndex,
  language: string,
): Sentence[] {
  const sentences: Sentence[] = [];
  let previousEnd = 0;
  for (const piece of pieces) {
    for (const range of segmentSentences(piece.plain, language)) {
      // Offsets mapped through escapes can stall on mangled input; spans stay ordered and disjoint.
      const start = Math.max(piece.offsets.at(range.start) ?? 0, previousEnd);
      const last = piece.offsets.at(range.end - 1) ?? start;
      // A character reference (`&#8212;`) is one character of the text but several of the source.
      const lastLength = source[last] === '&' ? (referenceLengthAt(source, last) ?? 1) : 1;
      const end = Math.max(last + lastLength, start + 1);
      previousEnd = end;
      const text = foldSpaces(piece.plain.slice(range.start, range.end));
      sentences.push({
        id: `${paragraphId}/${sentences.length + 1}`,
        text,
        key: normaliseKey(text),
        span: lines.span(start, end),
      });
    }
  }
  return sentences;
}

/** A safe id part from a paragraph number (`12(a)` → `12a`). */
function idPart(number: string): string {
  return number.replace(/[^\p{L}\p{N}.]/gu, '');
}

/**
 * Builds the section tree of `blocks` read from `source`. The first returned section is the
 * implicit root (heading `null`), holding the paragraphs before the first heading.
 */
export function buildSections(
  blocks: readonly Block[],
  source: string,
  bodyStart: number,
  language: string,
): Section[] {
  const lines = new LineIndex(source);
  const root: OpenSection = {
    id: 's0',
    heading: null,
    depth: 0,
    start: bodyStart,
    end: bodyStart,
    paragraphs: [],
    sections: [],
  };
  const top: OpenSection[] = [];
  const stack: OpenSection[] = [root];
  const usedIds = new Set<string>();
  let ordinal = 0;
  const extend = (end: number): void => {
    for (const open of stack)
      if (open !== root || stack.length === 1) open.end = Math.max(open.end, end);
  };
  for (const block of blocks) {
    if (block.kind === 'heading') {
      while (stack.length > 1 && (stack[stack.length - 1]?.depth ?? 0) >= block.depth) stack.pop();
      const parent = stack[stack.length - 1] ?? root;
      const siblings = parent === root ? top : parent.sections;
      const id =
        parent === root ? `s${siblings.length + 1}` : `${parent.id}.${siblings.length + 1}`;
      const text = foldSpaces(block.text.plain);
      const numbered = HEADING_NUMBER.exec(text);
      const section: OpenSection = {
        id,
        heading: text,
        depth: block.depth,
        start: block.start,
        end: block.end,
        paragraphs: [],
        sections: [],
      };
      if (numbered?.[1] && numbered[0].length < text.length) section.number = numbered[1];
      siblings.push(section);
      stack.push(section);
      extend(block.end);
      continue;
    }
    const section = stack[stack.length - 1] ?? root;
    let id =
      block.number !== undefined
        ? `${section.id}/n${idPart(block.number)}`
        : `${section.id}/p${section.paragraphs.length + 1}`;
    for (let k = 2; usedIds.has(id); k++) id = `${id.replace(/~\d+$/, '')}~${k}`;
    usedIds.add(id);
    const sentences = sentencesOf(block.pieces, id, source, lines, language);
    if (sentences.length === 0) continue;
    const span: SourceSpan = lines.span(block.start, block.end);
    ordinal++;
    section.paragraphs.push(
      block.number === undefined
        ? { id, ordinal, sentences, span }
        : { id, number: block.number, ordinal, sentences, span },
    );
    extend(block.end);
  }
  return [close(root, lines), ...top.map((section) => close(section, lines))];
}
