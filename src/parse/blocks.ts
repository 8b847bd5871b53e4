/** The format-neutral block list that every reader (Markdown, text, HTML) produces for the tree builder. */

/**
 * Plain text with the source offset of each of its characters, so that sentence ranges found in
 * the plain text map back to exact source spans.
 */
export interface MappedText {
  /** Text without markup. */
  readonly plain: string;
  /** `offsets.at(i)` is the source offset of `plain[i]`; same length as `plain`. */
  readonly offsets: OffsetMap;
}

/**
 * The source offsets of a mapped text's characters. Why not a plain array: most text is a slice
 * taken as is (the fast path, plain text), whose offsets need no storage; an array of one number
 * per character of a 10 MB input was 160 MB of garbage for the collector (issue 5, memory).
 */
export interface OffsetMap {
  readonly length: number;
  /** Offset of character `i`, or undefined outside `[0, length)`. */
  at(i: number): number | undefined;
  slice(from: number, to?: number): OffsetMap;
}

/** Offsets of a slice taken as is: `first`, `first + 1`, … */
class SliceOffsets implements OffsetMap {
  constructor(
    private readonly first: number,
    readonly length: number,
  ) {}

  at(i: number): number | undefined {
    return i >= 0 && i < this.length ? this.first + i : undefined;
  }

  slice(from: number, to = this.length): OffsetMap {
    const a = Math.max(0, Math.min(from, this.length));
    const b = Math.max(a, Math.min(to, this.length));
    return new SliceOffsets(this.first + a, b - a);
  }
}

/** Offsets listed one by one (text read through remark, with escapes and references). */
class ListedOffsets implements OffsetMap {
  constructor(private readonly values: Int32Array) {}

  get length(): number {
    return this.values.length;
  }

  at(i: number): number | undefined {
    return this.values[i];
  }

  slice(from: number, to = this.values.length): OffsetMap {
    return new ListedOffsets(this.values.subarray(from, to));
  }
}

/** An {@link OffsetMap} of the given offsets. */
export function listedOffsets(values: readonly number[]): OffsetMap {
  return new ListedOffsets(Int32Array.from(values));
}

/** A heading: opens a section of its depth. */
export interface HeadingBlock {
  readonly kind: 'heading';
  /** 1–6. */
  readonly depth: number;
  /** Heading text. */
  readonly text: MappedText;
  /** Source offsets of the whole heading line(s). */
  readonly start: number;
  readonly end: number;
}

/** A paragraph: one or more pieces of text that sentences never cross. */
export interface ParagraphBlock {
  readonly kind: 'paragraph';
  /** Number as written in the source (e.g. `4`, `12(a)`), if any. */
  readonly number?: string;
  /** Text pieces in order (a list item's own text, then its sub-items). */
  readonly pieces: readonly MappedText[];
  /** Source offsets of the whole paragraph, number included. */
  readonly start: number;
  readonly end: number;
}

/** One block of a statement. */
export type Block = HeadingBlock | ParagraphBlock;

/** Builds a {@link MappedText} of a source slice taken as is (identity mapping). */
export function mapSlice(source: string, start: number, end: number): MappedText {
  return {
    plain: source.slice(start, end),
    offsets: new SliceOffsets(start, Math.max(0, end - start)),
  };
}

/** Drops the first `count` characters of a mapped text. */
export function dropPrefix(text: MappedText, count: number): MappedText {
  return { plain: text.plain.slice(count), offsets: text.offsets.slice(count) };
}

/**
 * Paragraph labels written in the text: `4.`, `8)`, `7.2`, `12(a)`, `(iii)`, `(b)`, `IV.`, `c)`.
 * Why strict: a paragraph opening "12 members …" or "2.5 percent …" must not get a number
 * (test/fixtures/parse/numbered-paragraphs).
 */
const LABEL =
  /^\s*(?:(\d{1,3}(?:\.\d{1,3})*)[.)]\s+|(\d{1,3}(?:\.\d{1,3})+)\s+(?=\p{Lu})|(\d{1,3}\([a-z0-9]{1,4}\))\.?\s+|\(((?:[ivxlc]{1,6})|[a-z]|\d{1,3})\)\s+|([IVXLC]{1,6})\.\s+|([a-z])\)\s+)/u;

/** Reads a paragraph label at the start of `plain`: the number and how many characters it takes. */
export function readParagraphLabel(plain: string): { number: string; length: number } | undefined {
  const m = LABEL.exec(plain);
  if (!m) return undefined;
  const number = m.slice(1).find((group) => group !== undefined);
  if (number === undefined) return undefined;
  return { number, length: m[0].length };
}
