/** Markdown reader: the only place that calls remark. mdast is turned into our blocks at once. */
import type { Nodes, Root, RootContent, ListItem, Table } from 'mdast';
import type remarkFrontmatterType from 'remark-frontmatter';
import type * as GfmTableMdast from 'mdast-util-gfm-table';
import type * as GfmStrikethroughMdast from 'mdast-util-gfm-strikethrough';
import type * as GfmTaskListItemMdast from 'mdast-util-gfm-task-list-item';
import type * as GfmFootnoteMdast from 'mdast-util-gfm-footnote';
import type * as GfmTable from 'micromark-extension-gfm-table';
import type * as GfmStrikethrough from 'micromark-extension-gfm-strikethrough';
import type * as GfmTaskListItem from 'micromark-extension-gfm-task-list-item';
import type * as GfmFootnote from 'micromark-extension-gfm-footnote';
import type remarkParseType from 'remark-parse';
import type { Processor } from 'unified';
import type * as UnifiedModule from 'unified';
import { decodeReferenceAt } from './character-references.js';
import { loadDefault, loadModule } from './load-module.js';
import { UserError } from '../model/errors.js';
import type { Block, MappedText, ParagraphBlock } from './blocks.js';
import { dropPrefix, listedOffsets, mapSlice, readParagraphLabel } from './blocks.js';

/** What the Markdown reader found: blocks and the raw frontmatter, if any. */
export interface MarkdownContent {
  readonly blocks: Block[];
  /** YAML text between the `---` lines and the line it starts on. */
  readonly frontmatter?: { readonly yaml: string; readonly line: number };
}

let processor: Processor<Root> | undefined;

/**
 * GitHub Flavored Markdown without autolink literals: tables, strikethrough, task list items and
 * footnotes. Why not remark-gfm: its autolink literals (`www.x.org` as a link) are quadratic on a
 * long paragraph (a 112 kB line took 2.2 s instead of 0.15 s; fuzzer) and give their nodes no
 * position, while a bare address is text for us either way (decision 016).
 */
function gfmWithoutAutolinkLiterals(this: Processor): void {
  const data = this.data() as {
    micromarkExtensions?: unknown[];
    fromMarkdownExtensions?: unknown[];
  };
  const table = loadModule<typeof GfmTable>('micromark-extension-gfm-table');
  const strike = loadModule<typeof GfmStrikethrough>('micromark-extension-gfm-strikethrough');
  const task = loadModule<typeof GfmTaskListItem>('micromark-extension-gfm-task-list-item');
  const footnote = loadModule<typeof GfmFootnote>('micromark-extension-gfm-footnote');
  const tableMd = loadModule<typeof GfmTableMdast>('mdast-util-gfm-table');
  const strikeMd = loadModule<typeof GfmStrikethroughMdast>('mdast-util-gfm-strikethrough');
  const taskMd = loadModule<typeof GfmTaskListItemMdast>('mdast-util-gfm-task-list-item');
  const footnoteMd = loadModule<typeof GfmFootnoteMdast>('mdast-util-gfm-footnote');
  (data.micromarkExtensions ??= []).push(
    table.gfmTable(),
    strike.gfmStrikethrough(),
    task.gfmTaskListItem(),
    footnote.gfmFootnote(),
  );
  (data.fromMarkdownExtensions ??= []).push(
    tableMd.gfmTableFromMarkdown(),
    strikeMd.gfmStrikethroughFromMarkdown(),
    taskMd.gfmTaskListItemFromMarkdown(),
    footnoteMd.gfmFootnoteFromMarkdown(),
  );
}

/** The remark processor, built (and its packages loaded) on first use. */
function remark(): Processor<Root> {
  if (!processor) {
    const { unified } = loadDefault<typeof UnifiedModule>('unified');
    processor = unified()
      .use(loadDefault<typeof remarkParseType>('remark-parse'))
      .use(loadDefault<typeof remarkFrontmatterType>('remark-frontmatter'), ['yaml'])
      .use(gfmWithoutAutolinkLiterals) as unknown as Processor<Root>;
  }
  return processor;
}

/**
 * Target size of a chunk handed to remark at once (default: 32 KiB).
 * Why: remark-parse grows superlinearly on long documents (remarkjs/remark#1010); statements
 * are long runs of independent top-level blocks, so parsing them in chunks cut at blank lines
 * keeps the cost linear while giving the same tree (test/parse/read-markdown.test.ts).
 */
export const MARKDOWN_CHUNK_SIZE = 32 * 1024;

/** Options of {@link readMarkdown}. */
export interface ReadMarkdownOptions {
  /** Largest run of text handed to remark at once (default: {@link MARKDOWN_CHUNK_SIZE}). */
  readonly chunkSize?: number;
  /** Most top-level list items handed to remark at once (default: {@link MAX_ITEMS_PER_CHUNK}). */
  readonly chunkItems?: number;
  /**
   * Read plain blocks (prose paragraphs, ATX headings, numbered items without inline syntax)
   * directly instead of through remark (default: true). Why: remark costs about 1 s per MB and
   * statements are mostly plain prose; the blocks are identical either way
   * (test/parse/read-markdown.test.ts compares both paths on every corpus).
   */
  readonly fastPath?: boolean;
}

/** Reads Markdown `source` into blocks. */
export function readMarkdown(source: string, options: ReadMarkdownOptions = {}): MarkdownContent {
  const chunkSize = options.chunkSize ?? MARKDOWN_CHUNK_SIZE;
  const blocks: Block[] = [];
  let frontmatter: MarkdownContent['frontmatter'];
  const viaRemark = (start: number, end: number): void => {
    const cuts = splitChunks(source.slice(start, end), chunkSize, options.chunkItems);
    for (const [from, to] of cuts) {
      // micromark drops a U+FEFF at the start of what it is given, which would shift every
      // offset: the chunk is handed over from after its leading U+FEFFs (each would be dropped).
      let base = start + from;
      while (base < start + to && source.charCodeAt(base) === 0xfeff) base++;
      const deepLine = firstTooDeepLine(source, base, start + to);
      if (deepLine !== -1) throw tooDeep(lineAt(source, deepLine));
      let tree: Root;
      try {
        tree = remark().parse(source.slice(base, start + to)) as Root;
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        // Thousands of nested lists or quotes exhaust the stack of the Markdown parser (fuzzer).
        throw tooDeep(lineAt(source, base));
      }
      const walker = new Walker(source, base, blocks);
      for (const node of tree.children) {
        if (node.type === 'yaml' && base === 0 && frontmatter === undefined) {
          const at = offsetOf(node, 'start');
          const yamlStart = source.indexOf('\n', at) + 1;
          frontmatter = { yaml: node.value, line: lineAt(source, yamlStart) };
        } else walker.block(node);
      }
    }
  };
  if (options.fastPath === false) {
    viaRemark(0, source.length);
    return frontmatter ? { blocks, frontmatter } : { blocks };
  }
  let bodyStart = 0;
  if (source.startsWith('---')) {
    const fm = /^---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?=\r?\n|$)/.exec(source);
    if (!fm) {
      viaRemark(0, source.length);
      return frontmatter ? { blocks, frontmatter } : { blocks };
    }
    bodyStart = fm[0].length;
    viaRemark(0, bodyStart);
  }
  let pendingStart = -1;
  let pendingEnd = -1;
  const flush = (): void => {
    if (pendingStart !== -1) viaRemark(pendingStart, pendingEnd);
    pendingStart = -1;
  };
  for (const [start, end] of splitSegments(source, bodyStart)) {
    const simple = readSimpleSegment(source, start, end);
    if (simple) {
      flush();
      blocks.push(simple);
    } else {
      if (pendingStart === -1) pendingStart = start;
      pendingEnd = end;
      if (pendingEnd - pendingStart >= chunkSize) flush();
    }
  }
  flush();
  return frontmatter ? { blocks, frontmatter } : { blocks };
}

/**
 * Top-level segments of `source` from `from`: runs of non-blank lines; a run that starts
 * indented belongs to the one before (a list item's continuation), and fenced code is one
 * segment with its blank lines. Offsets exclude the final line break.
 */
export function splitSegments(source: string, from: number): [number, number][] {
  const segments: [number, number][] = [];
  let start = -1;
  let end = -1;
  let fence: string | null = null;
  let lineStart = from;
  while (lineStart < source.length) {
    let lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = source.length;
    const line = source.slice(lineStart, lineEnd).replace(/\r$/, '');
    const blank = line.trim() === '';
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== null) {
      end = lineEnd;
      if (marker?.startsWith(fence)) fence = null;
    } else if (blank) {
      if (start !== -1) segments.push([start, end]);
      start = -1;
    } else {
      if (start === -1) {
        const last = segments[segments.length - 1];
        if (/^[ \t]/.test(line) && last) {
          segments.pop();
          start = last[0];
        } else start = lineStart;
      }
      end = lineEnd;
      if (marker) fence = marker.slice(0, 3);
    }
    lineStart = lineEnd + 1;
  }
  if (start !== -1) segments.push([start, end]);
  return segments;
}

/**
 * Most emphasis and strikethrough delimiters (`*`, `_`, `~`) a paragraph may hold and still be read
 * through remark. Why: micromark pairs them in quadratic time (micromark/micromark#169; 24,000 in
 * one paragraph took 16 s); a paragraph with more is no prose anyone formatted, so it is read as
 * plain text, its delimiters kept as characters (docs/tricky-cases.md).
 */
export const MAX_DELIMITERS = 1000;

/** True when `text` holds more than {@link MAX_DELIMITERS} delimiter characters. */
function isDelimiterSoup(text: string): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === 42 || c === 95 || c === 126) && ++count > MAX_DELIMITERS) return true;
  }
  return false;
}

/** Characters of Markdown inline syntax, entities, escapes, HTML and tables. */
const INLINE_SYNTAX = /[*_`[\]<>&\\|~\t]/;
/** A line that would open another block inside the segment. */
const INNER_BLOCK = /\n(?: *(?:[-+*>#]|\d{1,9}[.)])(?:\s|$)|[ =-]*$|\s*[=-]+\s*(?:\n|$))/;

/**
 * Reads a segment that is plain prose, an ATX heading or a numbered item, without remark;
 * returns undefined for anything else (which then goes through remark).
 */
export function readSimpleSegment(source: string, start: number, end: number): Block | undefined {
  const text = source.slice(start, end);
  if (
    (INLINE_SYNTAX.test(text) && !isDelimiterSoup(text)) ||
    /[ \r]\n|[ \r]$|\n\s*\n/.test(text) ||
    /^\s/.test(text) ||
    INNER_BLOCK.test(text)
  )
    return undefined;
  const heading = /^(#{1,6})(?: +|$)/.exec(text);
  if (heading) {
    if (text.includes('\n')) return undefined;
    let contentEnd = text.length;
    const closing = / +#+$/.exec(text);
    if (closing) contentEnd = closing.index;
    const contentStart = Math.min(heading[0].length, contentEnd);
    return {
      kind: 'heading',
      depth: (heading[1] as string).length,
      text: trimMapped(mapSlice(source, start + contentStart, start + contentEnd)),
      start,
      end,
    };
  }
  if (
    isDelimiterSoup(text)
      ? // Only what really opens another block: a list marker, a quote, a rule, a setext line.
        /^(?:#|[-+*](?:[ \t]|$)|>|=+$)/.test(text) || /^(?:[*_-][ \t]*){3,}$/m.test(text)
      : /^(?:#|[-+*>]|=+$)/.test(text)
  )
    return undefined;
  const item = /^(\d{1,9})[.)]( +)(?=\S)/.exec(text);
  if (/^\d{1,9}[.)](?:\s|$)/.test(text) && !item) return undefined;
  const contentStart = item ? item[0].length : 0;
  // `1. 1. text` opens a list inside the item: remark's reading, not ours.
  if (item && /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/.test(text.slice(contentStart))) return undefined;
  const piece = dropIndents(trimMapped(mapSlice(source, start + contentStart, end)));
  if (piece.plain === '') return undefined;
  if (item) return { kind: 'paragraph', number: item[1] as string, pieces: [piece], start, end };
  const label = readParagraphLabel(piece.plain);
  if (label && label.length < piece.plain.length) {
    return {
      kind: 'paragraph',
      number: label.number,
      pieces: [dropPrefix(piece, label.length)],
      start,
      end,
    };
  }
  return { kind: 'paragraph', pieces: [piece], start, end };
}

/**
 * Most list markers one line may open (`- - - … text`). Why: micromark's cost grows with the
 * square of the depth and its stack gives out near 1,860 levels after seconds of work (fuzzer);
 * refusing at once is the same answer, sooner. Block quotes (`> > >`) are counted apart
 * ({@link MAX_NESTED_QUOTE_MARKERS}).
 */
export const MAX_LIST_MARKERS_PER_LINE = 1000;

/**
 * Most nested block-quote markers (each `>` of a line after its first) in one chunk handed to
 * remark. Why: micromark keeps ~3 KB of events per marker until the chunk is read, so 640 KB of
 * `> > > … x` lines took 0.9 GB and a 9 MB staircase of quotes ran out of memory after five
 * minutes (fuzzing by hand); one line of 3,000 is cheap. 100,000 bounds a chunk near 300 MB.
 */
export const MAX_NESTED_QUOTE_MARKERS = 100_000;

/**
 * Most levels of lists nested by indentation (`- a` / `  - b` / `    - c` …). Why: remark's cost per
 * byte grows with the depth (each nested list walks its events again: 160 levels cost ~9 µs a
 * byte, prose ~1.5 µs; fuzzer); statements use three or four levels.
 */
export const MAX_LIST_DEPTH = 100;

const THEMATIC_BREAK = /^[ \t>]*(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})\r?$/;

/**
 * Offset of the first line in `source[from, to)` that opens too many lists, or at which the nested
 * block-quote markers exceed {@link MAX_NESTED_QUOTE_MARKERS}, or -1.
 */
function firstTooDeepLine(source: string, from: number, to: number): number {
  let nestedQuotes = 0;
  // Content columns of the list items open at this line, as far as indentation tells (a lower
  // bound of the depth: lazy lines pop items they would continue).
  const open: number[] = [];
  let lineStart = from;
  while (lineStart < to) {
    let indent = 0;
    let p = lineStart;
    for (; p < to && (source[p] === ' ' || source[p] === '\t'); p++)
      indent += source[p] === '\t' ? 4 - (indent % 4) : 1;
    const blank = p >= to || source[p] === '\n' || source[p] === '\r';
    if (!blank && source[p] !== '>') {
      while (open.length > 0 && (open[open.length - 1] as number) > indent) open.pop();
    }
    let quotes = 0;
    for (let q = p; q < to; q++) {
      const ch = source[q];
      if (ch === '>') quotes++;
      else if (ch !== ' ' && ch !== '\t') break;
    }
    if (quotes > 1 && (nestedQuotes += quotes - 1) > MAX_NESTED_QUOTE_MARKERS) return lineStart;
    // Lists open from earlier lines that this line is indented into.
    const carried = open.length;
    let k = lineStart;
    let markers = 0;
    for (;;) {
      while (source[k] === ' ' || source[k] === '\t' || source[k] === '>') k++;
      const c = source.charCodeAt(k);
      let after = k;
      if (c === 45 || c === 43 || c === 42)
        after = k + 1; // - + *
      else {
        while (
          after < to &&
          after - k < 9 &&
          source.charCodeAt(after) >= 48 &&
          source.charCodeAt(after) <= 57
        )
          after++;
        if (after === k || (source[after] !== '.' && source[after] !== ')')) break;
        after++;
      }
      if (after === k || (source[after] !== ' ' && source[after] !== '\t')) break;
      markers++;
      if (source[p] !== '>') open.push(indent + (after - lineStart) - (p - lineStart) + 1);
      k = after;
    }
    if (carried > MAX_LIST_DEPTH) return lineStart;
    if (markers >= 3) {
      // A line of `* * * …` or `- - - …` alone is a thematic break, not lists.
      let lineEnd = source.indexOf('\n', lineStart);
      if (lineEnd === -1 || lineEnd > to) lineEnd = to;
      if (THEMATIC_BREAK.test(source.slice(lineStart, lineEnd))) open.length = carried;
      else if (markers > MAX_LIST_MARKERS_PER_LINE) return lineStart;
    }
    const next = source.indexOf('\n', k);
    if (next === -1 || next >= to) break;
    lineStart = next + 1;
  }
  return -1;
}

function tooDeep(line: number): UserError {
  return new UserError('E_TOO_DEEP', 'the Markdown is nested too deeply to read', {
    location: { file: '', line },
    expected: 'fewer levels of nested lists or block quotes',
  });
}

function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1))
    line++;
  return line;
}

function offsetOf(node: Nodes, side: 'start' | 'end'): number {
  return node.position?.[side].offset ?? 0;
}

/**
 * Most top-level list items remark is given in one chunk. Why: micromark's cost grows with the
 * square of the items of one list when they hold nested lists (`- a` / `  - b`, 4,000 items of
 * 40 KB: 8.7 s; fuzzing by hand), and a tight list has no blank line to cut at.
 */
export const MAX_ITEMS_PER_CHUNK = 200;

/** The start of an HTML block that only its end marker closes (CommonMark kinds 1–5). */
const HTML_BLOCK_START = /^ {0,3}<(script|pre|style|textarea|!--|\?|!\[CDATA\[|![A-Za-z])/i;

/** What ends the HTML block opened by `opener` (see {@link HTML_BLOCK_START}). */
function htmlBlockEnd(opener: string): RegExp {
  switch (opener.toLowerCase()) {
    case '!--':
      return /-->/;
    case '?':
      return /\?>/;
    case '![cdata[':
      return /\]\]>/;
    case 'script':
    case 'pre':
    case 'style':
    case 'textarea':
      return /<\/(?:script|pre|style|textarea)>/i;
    default:
      return />/;
  }
}

/** A top-level list item line with text: its marker type (`-`, `+`, `*`, or `.`/`)` after a number). */
const LIST_ITEM_LINE = /^(?:([-+*])|\d{1,9}([.)]))[ \t]+\S/;

/**
 * Cuts `source` into chunks of about `chunkSize` characters (and at most
 * {@link MAX_ITEMS_PER_CHUNK} top-level list items), outside frontmatter and fenced code, at
 * lines that read the same either side of the cut: a non-indented line after a blank line, or a
 * non-indented list item of the list open above it (a new sibling item, never a continuation).
 * An item line counts as a list's only when that list is known to be open: the line follows a
 * blank line, the chunk's start or an item of the same marker type (after other text it might be
 * the text of an HTML block).
 */
export function splitChunks(
  source: string,
  chunkSize: number,
  maxItems = MAX_ITEMS_PER_CHUNK,
): [number, number][] {
  const chunks: [number, number][] = [];
  let chunkStart = 0;
  let fence: string | null = null;
  let previousBlank = false;
  let lineStart = 0;
  let inFrontmatter = source.startsWith('---');
  let lineNo = 0;
  // Marker type of the top-level list known to be open here, and its items in this chunk.
  let listType: string | null = null;
  let items = 0;
  // The end of the HTML block (kinds 1–5) open here, if any.
  let htmlEnd: RegExp | null = null;
  while (lineStart < source.length) {
    let lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = source.length;
    const line = source.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (inFrontmatter && lineNo > 0 && /^(---|\.\.\.)\s*$/.test(line)) inFrontmatter = false;
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (htmlEnd !== null) {
      // Inside an HTML block that may run over blank lines (comment, script, …): never cut.
      if (htmlEnd.test(line)) htmlEnd = null;
      previousBlank = false;
      lineStart = lineEnd + 1;
      lineNo++;
      continue;
    }
    if (!inFrontmatter && fence === null && line !== '' && !/^[ \t]/.test(line)) {
      const item = LIST_ITEM_LINE.exec(line);
      const type: string | null =
        item && !THEMATIC_BREAK.test(line) ? (item[1] ?? item[2] ?? null) : null;
      const sibling: boolean = type !== null && type === listType;
      if (
        (previousBlank || sibling) &&
        (lineStart - chunkStart >= chunkSize || (type !== null && items >= maxItems))
      ) {
        chunks.push([chunkStart, lineStart]);
        chunkStart = lineStart;
        items = 0;
      }
      listType =
        type !== null && (previousBlank || sibling || lineStart === chunkStart) ? type : null;
      if (listType !== null) items++;
    }
    const html = inFrontmatter || fence !== null ? null : HTML_BLOCK_START.exec(line);
    if (html) {
      const end = htmlBlockEnd(html[1] ?? '');
      if (!end.test(line.slice(html[0].length))) htmlEnd = end;
    }
    if (fenceMatch) {
      const marker = fenceMatch[1] ?? '';
      if (fence === null) fence = marker;
      else if (marker.startsWith(fence)) fence = null;
    }
    previousBlank = line.trim() === '';
    lineStart = lineEnd + 1;
    lineNo++;
  }
  chunks.push([chunkStart, source.length]);
  return chunks;
}

/** Walks one chunk's mdast, pushing blocks with offsets into the whole source. */
class Walker {
  constructor(
    private readonly source: string,
    private readonly base: number,
    private readonly out: Block[],
  ) {}

  private start(node: Nodes): number {
    return offsetOf(node, 'start') + this.base;
  }

  private end(node: Nodes): number {
    return offsetOf(node, 'end') + this.base;
  }

  block(node: RootContent): void {
    switch (node.type) {
      case 'heading':
        this.out.push({
          kind: 'heading',
          depth: node.depth,
          text: trimMapped(this.text(node)),
          start: this.start(node),
          end: this.end(node),
        });
        return;
      case 'paragraph':
        this.pushParagraph(this.start(node), this.end(node), [this.text(node)], undefined);
        return;
      case 'list':
        node.children.forEach((item, i) => {
          // An HTML block that ends an item can leave the item's end past the next item's start.
          const next = node.children[i + 1];
          this.listItem(item, node.ordered === true, next ? this.start(next) : Infinity);
        });
        return;
      case 'blockquote':
        for (const child of node.children) this.block(child);
        return;
      case 'table':
        this.table(node);
        return;
      default:
        // Code, raw HTML, thematic breaks and link definitions carry no statement prose.
        return;
    }
  }

  private listItem(item: ListItem, ordered: boolean, limit: number): void {
    const start = this.start(item);
    let number: string | undefined;
    if (ordered) {
      // remark keeps only the list's first number; read each item's own from the source.
      number = /^\s*(\d{1,9})[.)]/.exec(this.source.slice(start, start + 16))?.[1];
    }
    const pieces: MappedText[] = [];
    this.collectPieces(item, pieces);
    let end = Math.min(this.end(item), limit);
    while (end > start && /\s/.test(this.source[end - 1] ?? '')) end--;
    this.pushParagraph(start, end, pieces, number);
  }

  private collectPieces(node: Nodes, pieces: MappedText[]): void {
    if (!('children' in node)) return;
    for (const child of node.children) {
      if (child.type === 'paragraph' || child.type === 'heading') pieces.push(this.text(child));
      else if (child.type === 'list' || child.type === 'listItem' || child.type === 'blockquote') {
        this.collectPieces(child, pieces);
      } else if (child.type === 'table') {
        for (const row of child.children) pieces.push(this.text(row, ' | '));
      }
    }
  }

  private table(node: Table): void {
    for (const row of node.children) {
      this.pushParagraph(this.start(row), this.end(row), [this.text(row, ' | ')], undefined);
    }
  }

  private pushParagraph(
    start: number,
    end: number,
    raw: MappedText[],
    number: string | undefined,
  ): void {
    const pieces = raw.map(trimMapped).filter((piece) => piece.plain !== '');
    if (pieces.length === 0) return;
    let label = number;
    const first = pieces[0];
    if (label === undefined && first) {
      const found = readParagraphLabel(first.plain);
      if (found && found.length < first.plain.length) {
        label = found.number;
        pieces[0] = dropPrefix(first, found.length);
      }
    }
    const block: ParagraphBlock =
      label === undefined
        ? { kind: 'paragraph', pieces, start, end }
        : { kind: 'paragraph', number: label, pieces, start, end };
    this.out.push(block);
  }

  /**
   * Plain text of an inline subtree with each character's source offset.
   * Nodes without a position (remark-gfm's autolink literals had none; any plugin may create
   * some) are mapped from where the previous node ended to the end of the
   * nearest positioned ancestor.
   */
  private text(node: Nodes, cellSeparator = ' '): MappedText {
    const plain: string[] = [];
    const offsets: number[] = [];
    let cursor = this.start(node);
    const visit = (n: Nodes, enclosingEnd: number): void => {
      const positioned = n.position !== undefined;
      const lo = positioned ? this.start(n) : cursor;
      const hi = positioned ? this.end(n) : enclosingEnd;
      switch (n.type) {
        case 'text':
          cursor = this.sync(n.value, lo, hi, plain, offsets);
          return;
        case 'inlineCode': {
          // The value leaves out the backtick fences (and sometimes a padding space, which sync
          // skips as it skips any whitespace the value does not have).
          const fence = /^`+/.exec(this.source.slice(lo, Math.min(hi, lo + 1024)))?.[0].length;
          // Inside a code span, `&amp;` is text, not a reference.
          cursor = this.sync(n.value, lo + (fence ?? 0), hi, plain, offsets, false);
          return;
        }
        case 'break':
          plain.push('\n');
          offsets.push(Math.min(lo, Math.max(hi - 1, lo)));
          cursor = Math.max(cursor, hi);
          return;
        case 'html':
        case 'image':
        case 'imageReference':
        case 'footnoteReference':
          if (positioned) cursor = Math.max(cursor, hi);
          return;
        case 'tableCell':
          if (plain.length > 0) {
            for (const ch of cellSeparator) {
              plain.push(ch);
              offsets.push(lo);
            }
          }
          break;
        default:
          break;
      }
      if ('children' in n) for (const child of n.children) visit(child as Nodes, hi);
      if (positioned) cursor = Math.max(cursor, hi);
    };
    visit(node, this.end(node));
    return { plain: plain.join(''), offsets: listedOffsets(offsets) };
  }

  /**
   * Maps each UTF-16 unit of a text node's `value` to its place in `source[start, end)` and
   * returns the offset after the last unit mapped. The value is the slice with escapes
   * (`\*`), character references (`&amp;`, `&#8212;`) decoded and the indentation and trailing
   * spaces of its lines left out; anything else the value leaves out is skipped by a short
   * look-ahead.
   */
  private sync(
    value: string,
    start: number,
    end: number,
    plain: string[],
    offsets: number[],
    references = true,
  ): number {
    const source = this.source;
    let k = start;
    let i = 0;
    const map = (at: number, units: number): void => {
      const clamped = Math.max(start, Math.min(at, end - 1));
      for (let u = 0; u < units; u++) {
        plain.push(value[i + u] as string);
        offsets.push(clamped);
      }
      i += units;
    };
    // At the start of a source line, before its text: block quote markers there are not text.
    let linePrefix = false;
    while (i < value.length) {
      const ch = value[i] as string;
      if (k >= end) {
        map(k, 1);
        continue;
      }
      const s = source[k] as string;
      if (linePrefix && s === '>' && ch !== '>') {
        k++;
        continue;
      }
      const wasPrefix: boolean = linePrefix;
      linePrefix = false;
      if (s === '&' && references) {
        const decoded = decodeReferenceAt(source, k, end);
        if (decoded && value.startsWith(decoded.text, i)) {
          map(k, decoded.text.length);
          k += decoded.length;
          continue;
        }
      }
      if (s === ch) {
        map(k, 1);
        k++;
        linePrefix = ch === '\n';
      } else if (s === '\\' && source[k + 1] === ch && k + 1 < end && ASCII_PUNCTUATION.test(ch)) {
        map(k + 1, 1);
        k += 2;
      } else if (WHITESPACE.test(s)) {
        // A run of whitespace: the value keeps at most its line break, or one space of it.
        let runEnd = k;
        while (runEnd < end && WHITESPACE.test(source[runEnd] as string)) runEnd++;
        const from = k;
        if (WHITESPACE.test(ch)) {
          let at = source.indexOf(ch, k);
          if (at === -1 || at >= runEnd) at = k;
          map(at, 1);
          k = at + 1;
        } else k = runEnd;
        const brokeLine = source.lastIndexOf('\n', k - 1);
        linePrefix = wasPrefix || (brokeLine >= from && brokeLine < k);
      } else {
        let found = -1;
        for (let j = k + 1; j < end && j < k + LOOKAHEAD; j++) {
          if (source[j] === ch) {
            found = j;
            break;
          }
        }
        if (found === -1) map(k, 1);
        else {
          map(found, 1);
          k = found + 1;
        }
      }
    }
    return Math.max(k, start);
  }
}

/** Characters a backslash escapes in CommonMark. */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
/** Whitespace a Markdown text value may drop or fold (not U+00A0, which is text). */
const WHITESPACE = /[ \t\n\r\f\v]/;
/** How far {@link Walker.sync} looks for a character the value has but the source does not show next. */
const LOOKAHEAD = 64;

/** Drops the indentation after each line break, as remark does for continuation lines. */
function dropIndents(text: MappedText): MappedText {
  if (!/\n[ \t]/.test(text.plain)) return text;
  const plain: string[] = [];
  const offsets: number[] = [];
  let afterBreak = false;
  for (let i = 0; i < text.plain.length; i++) {
    const ch = text.plain[i] as string;
    if (afterBreak && (ch === ' ' || ch === '\t')) continue;
    afterBreak = ch === '\n';
    plain.push(ch);
    offsets.push(text.offsets.at(i) as number);
  }
  return { plain: plain.join(''), offsets: listedOffsets(offsets) };
}

/** Trims whitespace at both ends of a mapped text. */
export function trimMapped(text: MappedText): MappedText {
  const lead = text.plain.length - text.plain.trimStart().length;
  const kept = text.plain.trim().length;
  return {
    plain: text.plain.slice(lead, lead + kept),
    offsets: text.offsets.slice(lead, lead + kept),
  };
}
