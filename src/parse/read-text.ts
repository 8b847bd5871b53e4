/** Plain-text reader: paragraphs at blank lines, numbered paragraphs and short title lines recognised. */
import type { Block } from './blocks.js';
import { dropPrefix, mapSlice, readParagraphLabel } from './blocks.js';
import { trimMapped } from './read-markdown.js';

/** What the text reader found. */
export interface TextContent {
  readonly blocks: Block[];
  readonly frontmatter?: { readonly yaml: string; readonly line: number };
}

/**
 * A line that reads as a heading: short, no sentence-final punctuation.
 * Why: plain-text statements saved from ministry pages put titles and section names on lines of
 * their own (test/fixtures/parse/plain-text).
 */
function isHeadingLine(line: string): boolean {
  const trimmed = line.trim();
  return (
    trimmed.length > 0 &&
    trimmed.length <= 90 &&
    !/[.;:,!?。！？)"”]$/u.test(trimmed) &&
    trimmed.split(/\s+/).length <= 12 &&
    /^\p{Lu}|^[IVXLC]+\.\s|^\d+(\.\d+)*\.?\s+\p{Lu}/u.test(trimmed)
  );
}

/** Reads plain `source` into blocks. A leading `---` YAML block is frontmatter. */
export function readText(source: string): TextContent {
  let bodyStart = 0;
  let frontmatter: TextContent['frontmatter'];
  const fm = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (fm) {
    frontmatter = { yaml: fm[1] ?? '', line: 2 };
    bodyStart = fm[0].length;
  }
  const blocks: Block[] = [];
  // Lines with their offsets; paragraphs end at blank lines or at a line opening a new label.
  const lineRe = /[^\n]*(?:\n|$)/g;
  lineRe.lastIndex = bodyStart;
  let group: { start: number; end: number; lines: number } | null = null;
  const flush = (): void => {
    if (!group) return;
    const mapped = trimMapped(mapSlice(source, group.start, group.end));
    const start = mapped.offsets.at(0) ?? group.start;
    const end = (mapped.offsets.at(mapped.offsets.length - 1) ?? start) + 1;
    if (group.lines === 1 && isHeadingLine(mapped.plain)) {
      const depth = blocks.some((b) => b.kind === 'heading') ? 2 : 1;
      blocks.push({ kind: 'heading', depth, text: mapped, start, end });
    } else if (mapped.plain !== '') {
      const label = readParagraphLabel(mapped.plain);
      if (label && label.length < mapped.plain.length) {
        blocks.push({
          kind: 'paragraph',
          number: label.number,
          pieces: [dropPrefix(mapped, label.length)],
          start,
          end,
        });
      } else blocks.push({ kind: 'paragraph', pieces: [mapped], start, end });
    }
    group = null;
  };
  for (let m = lineRe.exec(source); m && m[0] !== ''; m = lineRe.exec(source)) {
    const line = m[0];
    const start = m.index;
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (group && readParagraphLabel(line) && !/^\s/.test(line)) flush();
    if (!group) group = { start, end: start + line.length, lines: 1 };
    else {
      group.end = start + line.length;
      group.lines++;
    }
  }
  flush();
  return frontmatter ? { blocks, frontmatter } : { blocks };
}
