/**
 * Writes PDFs for the tests with pdf-lib: lines placed where a word processor would put them, a
 * running header and a page footer on every page, headings in a larger bold font.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** One line of a page: its text and how it is set. */
export interface PdfLine {
  readonly text: string;
  /** Font size in points (default 11). */
  readonly size?: number;
  readonly bold?: boolean;
  /** Left indent in points beyond the margin (default 0). */
  readonly indent?: number;
  /** Space above the line in points beyond the line height (default 0): a paragraph break. */
  readonly gap?: number;
}

/** A page: its lines, top to bottom. */
export type PdfPage = readonly PdfLine[];

/** Options of {@link makePdf}. */
export interface MakePdfOptions {
  /** A running header printed at the top of every page. */
  readonly header?: string;
  /** A footer for page `n` of `total`, printed at the bottom of every page. */
  readonly footer?: (n: number, total: number) => string;
}

/** The bytes of a PDF holding `pages`. */
export async function makePdf(
  pages: readonly PdfPage[],
  options: MakePdfOptions = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setCreationDate(new Date(Date.UTC(2026, 0, 1)));
  doc.setModificationDate(new Date(Date.UTC(2026, 0, 1)));
  const regular = await doc.embedFont(StandardFonts.TimesRoman);
  const bold = await doc.embedFont(StandardFonts.TimesRomanBold);
  const margin = 72;
  pages.forEach((lines, n) => {
    const page = doc.addPage([595, 842]);
    if (options.header)
      page.drawText(options.header, { x: margin, y: 842 - 40, size: 9, font: regular });
    let y = 842 - margin;
    for (const line of lines) {
      const size = line.size ?? 11;
      y -= size * 1.25 + (line.gap ?? 0);
      page.drawText(line.text, {
        x: margin + (line.indent ?? 0),
        y,
        size,
        font: line.bold ? bold : regular,
      });
    }
    if (options.footer)
      page.drawText(options.footer(n + 1, pages.length), { x: 280, y: 30, size: 9, font: regular });
  });
  return doc.save({ useObjectStreams: false });
}
