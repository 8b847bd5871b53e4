/** The format-neutral block list that every reader (Markdown, text, HTML) produces for the tree builder. */

/**
 * Plain text with the source offset of each of its characters, so that sentence ranges found in
 * the plain text map back to exact source spans.
 */
export interface MappedText {
  /** Text without markup. */
  readonly plain: string;
  /** `offsets[i]` is the source offset of `plain[i]`; same length as `plain`. */
  readonly offsets: readonly number[];
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
  const offsets = new Array<number>(end - start);
  for (let i = 0; i < offsets.length; i++) offsets[i] = start + i;
  return { plain: source.slice(start, end), offsets };
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
