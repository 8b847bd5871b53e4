/**
 * PDF → Markdown through the text layer that pdfjs-dist reads: text items → lines (by baseline)
 * → paragraphs (by spacing, paragraph numbers and font size), headings by size, running headers,
 * footers and page numbers removed when they repeat, hyphenated line breaks mended when the joined
 * word is a word. Each Markdown line keeps the page and line it came from (docs/decisions/021).
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { UserError } from '../model/errors.js';

/** Where one line of the Markdown came from. */
export interface PdfLineOrigin {
  /** 1-based page. */
  readonly page: number;
  /** 1-based line on that page, counting the lines kept (headers and footers are not counted). */
  readonly line: number;
}

/** A PDF read as Markdown. */
export interface PdfMarkdown {
  readonly markdown: string;
  /** The origin of each Markdown line (index 0 is line 1); blank lines carry the next line's. */
  readonly origins: readonly PdfLineOrigin[];
  /** The title from the document's metadata, when it has one. */
  readonly title?: string;
  /** What was removed: running headers, footers and page numbers, as line texts. */
  readonly removed: readonly { readonly text: string; readonly page: number }[];
}

/** One line of a page as laid out: its text and geometry. */
interface Line {
  text: string;
  readonly page: number;
  /** Baseline height from the bottom of the page, in points. */
  readonly y: number;
  readonly x: number;
  /** Font size in points (the largest on the line). */
  readonly size: number;
  /** Height of the page, in points. */
  readonly pageHeight: number;
  /** 1-based line on its page among the kept lines (set once headers and footers are removed). */
  pageLine: number;
}

interface TextItem {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
  readonly hasEOL?: boolean;
}

type PdfJs = typeof PdfJsModule;

let pdfjs: Promise<PdfJs> | undefined;

/** The pdfjs legacy build (the one that runs on Node 20), loaded on the first PDF. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/** The standard font data bundled with pdfjs-dist, so no font warning is printed. */
function standardFontDataUrl(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';
}

/** Share of the page height at its top and bottom where running headers and footers live. */
const MARGIN_SHARE = 0.12;

/** A line that is only a page number: "7", "- 7 -", "Page 7", "Page 7 of 12", "7/12". */
const PAGE_NUMBER = /^[-–—\s]*(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?[-–—\s]*$/i;

/** A paragraph number opening a line: "1.", "12)", "(3)". */
const PARAGRAPH_NUMBER = /^(?:\(?\d{1,3}[.)]|\(\d{1,3}\))\s+\S/;

/** Reads the text layer of `bytes` (a PDF read from `file`) as Markdown. */
export async function pdfToMarkdown(bytes: Uint8Array, file: string): Promise<PdfMarkdown> {
  const { getDocument } = await loadPdfJs();
  let doc;
  try {
    doc = await getDocument({
      data: new Uint8Array(bytes),
      standardFontDataUrl: standardFontDataUrl(),
      verbosity: 0,
      isEvalSupported: false,
      useSystemFonts: false,
    }).promise;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError('E_PDF', `cannot be read as a PDF (${reason})`, {
      location: { file },
      expected: 'a PDF with a text layer',
    });
  }
  try {
    const lines: Line[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const height = page.view[3] ?? 842;
      const content = await page.getTextContent();
      lines.push(...linesOf(content.items as TextItem[], p, height));
      page.cleanup();
    }
    if (!lines.some((l) => /\p{L}/u.test(l.text))) {
      throw new UserError(
        'E_PDF_NO_TEXT',
        `the PDF has no text layer (${doc.numPages} page${doc.numPages === 1 ? '' : 's'} of images: a scan?)`,
        { location: { file }, expected: 'a PDF with a text layer (run OCR on a scan first)' },
      );
    }
    const metadata = await doc.getMetadata().catch(() => undefined);
    const info = metadata?.info as { Title?: unknown } | undefined;
    const title =
      typeof info?.Title === 'string' && info.Title.trim() ? info.Title.trim() : undefined;
    const { kept, removed } = removeRunningLines(lines, doc.numPages);
    const { markdown, origins } = toMarkdown(kept);
    return { markdown, origins, removed, ...(title ? { title } : {}) };
  } finally {
    await doc.destroy();
  }
}

/** The lines of one page, top to bottom: items on one baseline joined left to right. */
function linesOf(items: readonly TextItem[], page: number, pageHeight: number): Line[] {
  const placed = items
    .filter((i) => i.str.trim() !== '')
    .map((i) => ({
      str: i.str,
      x: i.transform[4] ?? 0,
      y: i.transform[5] ?? 0,
      size: Math.hypot(i.transform[2] ?? 0, i.transform[3] ?? 0) || 10,
      width: i.width,
    }));
  placed.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  let run: typeof placed = [];
  const flush = () => {
    if (run.length === 0) return;
    run.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const item of run) {
      const gap = item.x - end;
      if (text !== '' && gap > item.size * 0.15 && !text.endsWith(' ') && !item.str.startsWith(' '))
        text += ' ';
      text += item.str;
      end = item.x + item.width;
    }
    const first = run[0] as (typeof placed)[number];
    lines.push({
      text: text.replace(/\s+/g, ' ').trim(),
      page,
      y: first.y,
      x: first.x,
      size: Math.max(...run.map((r) => r.size)),
      pageHeight,
      pageLine: 0,
    });
    run = [];
  };
  for (const item of placed) {
    const last = run[0];
    if (last && Math.abs(last.y - item.y) > Math.min(last.size, item.size) * 0.4) flush();
    run.push(item);
  }
  flush();
  return lines;
}

/** A line's text with its digits generalised, so "Page 1 of 2" and "Page 2 of 2" repeat. */
const shape = (text: string) => text.replace(/\d+/g, '#').toLowerCase();

/**
 * Removes running headers and footers (a line in the top or bottom margin whose shape repeats
 * on at least two pages and half of them) and page numbers in the margins.
 */
function removeRunningLines(
  lines: readonly Line[],
  pages: number,
): { kept: Line[]; removed: { text: string; page: number }[] } {
  const inMargin = (l: Line) =>
    l.y > l.pageHeight * (1 - MARGIN_SHARE) || l.y < l.pageHeight * MARGIN_SHARE;
  const pagesOf = new Map<string, Set<number>>();
  for (const l of lines) {
    if (!inMargin(l)) continue;
    const key = shape(l.text);
    let set = pagesOf.get(key);
    if (!set) pagesOf.set(key, (set = new Set()));
    set.add(l.page);
  }
  const running = (l: Line) => {
    if (!inMargin(l)) return false;
    if (PAGE_NUMBER.test(l.text)) return true;
    const seen = pagesOf.get(shape(l.text))?.size ?? 0;
    return pages >= 2 && seen >= 2 && seen * 2 >= pages;
  };
  const kept: Line[] = [];
  const removed: { text: string; page: number }[] = [];
  const count = new Map<number, number>();
  for (const l of lines) {
    if (running(l)) {
      removed.push({ text: l.text, page: l.page });
      continue;
    }
    const n = (count.get(l.page) ?? 0) + 1;
    count.set(l.page, n);
    l.pageLine = n;
    kept.push(l);
  }
  return { kept, removed };
}

/** The most common value of `values`, each weighted (ties: the smaller value). */
function mode(values: readonly { value: number; weight: number }[]): number {
  const totals = new Map<number, number>();
  for (const { value, weight } of values) totals.set(value, (totals.get(value) ?? 0) + weight);
  let best = 0;
  let bestWeight = -1;
  for (const [value, weight] of [...totals].sort((a, b) => a[0] - b[0])) {
    if (weight > bestWeight) {
      best = value;
      bestWeight = weight;
    }
  }
  return best;
}

/** Characters that would start Markdown syntax at the head of a line, or inside it. */
function escapeMarkdown(text: string, head: boolean): string {
  let out = text.replace(/([\\`*_[\]<>|])/g, '\\$1');
  if (head) out = out.replace(/^([#>+-]|=+$)/, '\\$1').replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
  return out;
}

/** Lines → Markdown: headings, paragraphs separated by a blank line, wrapped lines kept as lines. */
function toMarkdown(lines: readonly Line[]): { markdown: string; origins: PdfLineOrigin[] } {
  const round = (n: number) => Math.round(n * 2) / 2;
  const body = mode(lines.map((l) => ({ value: round(l.size), weight: l.text.length })));
  const headingSizes = [
    ...new Set(
      lines
        .filter((l) => isHeading(l, body))
        .map((l) => round(l.size))
        .sort((a, b) => b - a),
    ),
  ];
  // The usual distance between two lines of one paragraph: the most common baseline step.
  const steps: { value: number; weight: number }[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1] as Line;
    const b = lines[i] as Line;
    if (a.page === b.page && !isHeading(a, body) && !isHeading(b, body))
      steps.push({ value: round(a.y - b.y), weight: 1 });
  }
  const leading = steps.length ? mode(steps) : body * 1.2;
  const margin = mode(lines.map((l) => ({ value: round(l.x), weight: 1 })));

  const out: string[] = [];
  const origins: PdfLineOrigin[] = [];
  const push = (text: string, origin: PdfLineOrigin) => {
    out.push(text);
    origins.push(origin);
  };
  const blank = (origin: PdfLineOrigin) => {
    if (out.length > 0 && out[out.length - 1] !== '') push('', origin);
  };
  let previous: Line | undefined;
  const words = documentWords(lines);
  for (const line of lines) {
    const origin = { page: line.page, line: line.pageLine };
    if (isHeading(line, body)) {
      blank(origin);
      const level = Math.min(6, headingSizes.indexOf(round(line.size)) + 1);
      push(`${'#'.repeat(level)} ${escapeMarkdown(line.text, false)}`, origin);
      push('', origin);
      previous = undefined;
      continue;
    }
    const ended = previous !== undefined && /[.!?;:]["'”’)]?$/.test(previous.text);
    const startsParagraph =
      previous === undefined ||
      PARAGRAPH_NUMBER.test(line.text) ||
      (previous.page === line.page
        ? // a wider gap than the usual leading, or a first-line indent after a full stop
          previous.y - line.y > leading * 1.4 || (ended && round(line.x) > margin)
        : // at a page break the paragraph goes on unless the last one ended
          ended);
    if (startsParagraph) {
      blank(origin);
      const numbered = /^(\d{1,3})[.)]\s+(.*)$/.exec(line.text);
      push(
        numbered
          ? `${numbered[1]}. ${escapeMarkdown(numbered[2] ?? '', false)}`
          : escapeMarkdown(line.text, true),
        origin,
      );
    } else {
      // A wrapped line: mend a hyphenated break when the joined word is a word.
      const last = out.length - 1;
      const mended = mendHyphen(previous?.text ?? '', line.text, words);
      if (mended) {
        out[last] = `${out[last]?.slice(0, -1)}${escapeMarkdown(mended.moved, false)}`;
        if (mended.rest !== '') push(escapeMarkdown(mended.rest, false), origin);
        line.text =
          mended.rest === '' ? `${previous?.text.slice(0, -1)}${mended.moved}` : mended.rest;
      } else push(escapeMarkdown(line.text, false), origin);
    }
    previous = line;
  }
  while (out.length && out[out.length - 1] === '') {
    out.pop();
    origins.pop();
  }
  return { markdown: `${out.join('\n')}\n`, origins };
}

/** A heading: larger than the body text and short, not a sentence run on. */
function isHeading(line: Line, body: number): boolean {
  return line.size >= body * 1.15 && line.text.length <= 150 && !/[,;]$/.test(line.text);
}

/** The words of the document, lower case, as they stand whole (not at a line break). */
function documentWords(lines: readonly Line[]): Set<string> {
  const words = new Set<string>();
  for (const l of lines)
    for (const w of l.text.toLowerCase().match(/[\p{L}]+(?:-[\p{L}]+)*/gu) ?? []) words.add(w);
  return words;
}

let dictionary: Set<string> | undefined;

/** The English word list of the `word-list` package, read on the first hyphenated break. */
function isDictionaryWord(word: string): boolean {
  if (!dictionary) {
    const require = createRequire(import.meta.url);
    const file = join(dirname(require.resolve('word-list')), 'words.txt');
    dictionary = new Set(readFileSync(file, 'utf8').split('\n'));
  }
  return dictionary.has(word);
}

/**
 * When `previous` ends with a word broken at a hyphen and `next` opens with its rest, the rest to
 * move up (`moved`, the hyphen dropped when the joined word is a word, else kept: "long-term", or
 * a compound the document writes with its hyphen elsewhere) and what stays on the line (`rest`).
 */
function mendHyphen(
  previous: string,
  next: string,
  words: ReadonlySet<string>,
): { moved: string; rest: string } | undefined {
  const head = /(\p{L}+)-$/u.exec(previous);
  const tail = /^(\p{Ll}+)(\S*)\s*(.*)$/u.exec(next);
  if (!head || !tail) return undefined;
  const first = (head[1] ?? '').toLowerCase();
  const second = tail[1] ?? '';
  const joined = `${first}${second}`;
  const isWord =
    !words.has(`${first}-${second}`) && (words.has(joined) || isDictionaryWord(joined));
  return { moved: `${isWord ? '' : '-'}${second}${tail[2] ?? ''}`, rest: tail[3] ?? '' };
}
