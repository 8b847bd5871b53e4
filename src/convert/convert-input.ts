/**
 * Documents that are not text: recognised by their first bytes (never by the name alone) and
 * converted to the text the parse stage reads: PDF → Markdown (pdf-to-markdown.ts), DOCX → HTML
 * (mammoth). Everything else is left to the text decoder, which refuses other binary data.
 */
import type { Diagnostic, SourceSpan, Statement } from '../model/statement.js';
import type { Section } from '../model/statement.js';
import { UserError } from '../model/errors.js';
import type { PdfLineOrigin } from './pdf-to-markdown.js';

/** A kind of document recognised by its bytes. */
export type DocumentKind = 'pdf' | 'docx';

/** The kind of document `bytes` hold, or undefined for text (and for binary data of no known kind). */
export function documentKind(bytes: Uint8Array, file: string): DocumentKind | undefined {
  // A PDF may carry a few bytes before its header (the specification allows 1,024).
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    // A ZIP archive: a Word document names its main part in a local header near the start.
    const names = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 1 << 20))).toString(
      'latin1',
    );
    if (names.includes('word/document.xml')) return 'docx';
    throw new UserError('E_BINARY', 'a ZIP archive that is not a Word document (.docx)', {
      location: { file },
      expected: 'a statement: Markdown, plain text, HTML, PDF or DOCX',
    });
  }
  return undefined;
}

/** A document converted to text, with what the parse stage needs to cite it. */
export interface ConvertedDocument {
  readonly kind: DocumentKind;
  /** The text to parse. */
  readonly text: string;
  /** The reader that parses `text`. */
  readonly readAs: 'markdown' | 'html';
  /** For a PDF: the page and line of each line of `text`. */
  readonly origins?: readonly PdfLineOrigin[];
  /** The document's own title (PDF metadata), when it has one. */
  readonly title?: string;
  /** What the conversion set aside or noticed. */
  readonly notes: readonly Diagnostic[];
}

/** Converts a document of `kind`. */
export async function convertDocument(
  bytes: Uint8Array,
  file: string,
  kind: DocumentKind,
): Promise<ConvertedDocument> {
  if (kind === 'pdf') {
    const { pdfToMarkdown } = await import('./pdf-to-markdown.js');
    const pdf = await pdfToMarkdown(bytes, file);
    return {
      kind,
      text: pdf.markdown,
      readAs: 'markdown',
      origins: pdf.origins,
      ...(pdf.title ? { title: pdf.title } : {}),
      notes: pdf.removed.map((r) => ({
        severity: 'info' as const,
        message: `set aside running header, footer or page number "${r.text.slice(0, 60)}" on page ${r.page}`,
      })),
    };
  }
  const mammoth = (await import('mammoth')).default;
  let result;
  try {
    result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UserError('E_DOCX', `cannot be read as a Word document (${reason})`, {
      location: { file },
      expected: 'a .docx file (Office Open XML)',
    });
  }
  return {
    kind,
    text: result.value,
    readAs: 'html',
    notes: result.messages
      .filter((m) => m.type === 'warning')
      .map((m) => ({ severity: 'info' as const, message: `DOCX: ${m.message}` })),
  };
}

/** `span` with the page and page line of its first line, when the document has pages. */
function withPage(span: SourceSpan, origins: readonly PdfLineOrigin[]): SourceSpan {
  const origin = origins[span.line - 1];
  return origin ? { ...span, page: origin.page, pageLine: origin.line } : span;
}

function sectionWithPages(section: Section, origins: readonly PdfLineOrigin[]): Section {
  return {
    ...section,
    span: withPage(section.span, origins),
    paragraphs: section.paragraphs.map((p) => ({
      ...p,
      span: withPage(p.span, origins),
      sentences: p.sentences.map((s) => ({ ...s, span: withPage(s.span, origins) })),
    })),
    sections: section.sections.map((s) => sectionWithPages(s, origins)),
  };
}

/** The statement parsed from a converted document, with its format, title and page citations. */
export function asDocument(statement: Statement, document: ConvertedDocument): Statement {
  const origins = document.origins;
  return {
    ...statement,
    format: document.kind,
    meta:
      statement.meta.title === undefined && document.title !== undefined
        ? { ...statement.meta, title: document.title }
        : statement.meta,
    sections: origins
      ? statement.sections.map((s) => sectionWithPages(s, origins))
      : statement.sections,
    commitments: origins
      ? statement.commitments.map((c) => ({ ...c, span: withPage(c.span, origins) }))
      : statement.commitments,
    diagnostics: [...document.notes, ...statement.diagnostics],
  };
}
