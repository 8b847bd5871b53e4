/** Plain-text reader: paragraphs at blank lines, numbered paragraphs and short title lines recognised. */
import type { Block } from './blocks.js';
import { dropPrefix, mapSlice, readParagraphLabel } from './blocks.js';
import { trimMapped } from './read-markdown.js';
import type { SetAside } from './set-aside.js';
import { setAsideOf, setAsideRules } from './set-aside.js';

/** A line (or the start of one) that the reader set aside as not the statement. */
export interface SetAsideLine extends SetAside {
  /** Offset of the line's first character in the source. */
  readonly offset: number;
  /** The text set aside. */
  readonly text: string;
}

/** What the text reader found. */
export interface TextContent {
  readonly blocks: Block[];
  readonly frontmatter?: { readonly yaml: string; readonly line: number };
  /** Lines that are not the statement (related-article links, bylines, datelines …). */
  readonly setAside: readonly SetAsideLine[];
}

/**
 * A line that reads as a heading: short, no sentence-final punctuation.
 * Why: plain-text statements saved from ministry pages put titles and section names on lines of
 * their own (test/fixtures/parse/plain-text).
 */
function isHeadingLine(line: string): boolean {
  // A quoted headline ("“Pakistan, China vow …”") is a heading too: judge what the quotes hold.
  const trimmed = line
    .trim()
    .replace(/^["'“‘]+/u, '')
    .replace(/["'”’]+$/u, '');
  return (
    trimmed.length > 0 &&
    trimmed.length <= 90 &&
    !/[.;:,!?。！？)"”]$/u.test(trimmed) &&
    trimmed.split(/\s+/).length <= 12 &&
    /^\p{Lu}|^[IVXLC]+\.\s|^\d+(\.\d+)*\.?\s+\p{Lu}/u.test(trimmed)
  );
}

/**
 * True when the first line of a group is a heading written right above its paragraph (no blank
 * line between, as news sites save): heading-like, clearly shorter than the next line, and the next
 * line opens a sentence. A hard-wrapped paragraph's first line is about as long as the next.
 */
function isHeadingAbove(first: string, next: string): boolean {
  const a = first.trim();
  const b = next.trim();
  return (
    isHeadingLine(a) && /^[\p{Lu}\d"“‘']/u.test(b) && a.length < 0.7 * b.length && b.length >= 30
  );
}

/**
 * Reads plain `source` into blocks. A leading `---` YAML block is frontmatter. Lines that are not
 * the statement (`rules`, default {@link setAsideRules}) are set aside and reported.
 */
export function readText(source: string, rules = setAsideRules()): TextContent {
  let bodyStart = 0;
  let frontmatter: TextContent['frontmatter'];
  const fm = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (fm) {
    frontmatter = { yaml: fm[1] ?? '', line: 2 };
    bodyStart = fm[0].length;
  }
  const blocks: Block[] = [];
  const setAside: SetAsideLine[] = [];
  // Lines with their offsets; paragraphs end at blank lines or at a line opening a new label.
  const lineRe = /[^\n]*(?:\n|$)/g;
  lineRe.lastIndex = bodyStart;
  let group: { start: number; end: number; lines: number; second?: number } | null = null;
  const flush = (): void => {
    if (!group) return;
    if (group.lines > 1 && group.second !== undefined) {
      const first = source.slice(group.start, group.second);
      const next = source.slice(group.second, source.indexOf('\n', group.second) + 1 || group.end);
      if (isHeadingAbove(first, next)) {
        const heading = trimMapped(mapSlice(source, group.start, group.second));
        const hs = heading.offsets.at(0) ?? group.start;
        const he = (heading.offsets.at(heading.offsets.length - 1) ?? hs) + 1;
        const depth = blocks.some((b) => b.kind === 'heading') ? 2 : 1;
        blocks.push({ kind: 'heading', depth, text: heading, start: hs, end: he });
        group = { start: group.second, end: group.end, lines: group.lines - 1 };
      }
    }
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
    let start = m.index;
    if (line.trim() === '') {
      flush();
      continue;
    }
    const aside = setAsideOf(line, rules);
    const lead = start + (line.length - line.trimStart().length);
    if (aside?.kind === 'line') {
      flush();
      setAside.push({ ...aside, offset: lead, text: line.trim() });
      continue;
    }
    if (aside?.kind === 'prefix' && !group) {
      setAside.push({ ...aside, offset: lead, text: line.trim().slice(0, aside.length).trim() });
      start = lead + aside.length;
    }
    if (group && readParagraphLabel(line) && !/^\s/.test(line)) flush();
    if (!group) group = { start, end: m.index + line.length, lines: 1 };
    else {
      if (group.lines === 1) group.second = start;
      group.end = start + line.length;
      group.lines++;
    }
  }
  flush();
  return frontmatter ? { blocks, frontmatter, setAside } : { blocks, setAside };
}
