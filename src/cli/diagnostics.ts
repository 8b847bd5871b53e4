/** Warnings about the inputs a command read, printed on stderr in the form of docs/errors.md. */
import type { Diagnostic, Statement } from '../model/statement.js';
import type { Io } from './io.js';

/** A diagnostic with the file it is about. */
export type FileDiagnostic = Diagnostic & { readonly file: string };

/** The diagnostics of `statements`, each with its statement's file, in order. */
export function diagnosticsOf(statements: readonly Statement[]): FileDiagnostic[] {
  return statements.flatMap((s) => s.diagnostics.map((d) => ({ ...d, file: s.file })));
}

/**
 * Prints each diagnostic once as `statement-diff: <file>[:<line>]: <severity>: <message>`: a
 * file read twice (`compare a.md a.md`) or a statement that comes back from the parse cache
 * gives one line, not two.
 */
export function printDiagnostics(io: Io, diagnostics: Iterable<FileDiagnostic>): void {
  const seen = new Set<string>();
  for (const d of diagnostics) {
    const text = `statement-diff: ${d.file}${d.line ? `:${d.line}` : ''}: ${d.severity}: ${d.message}\n`;
    if (seen.has(text)) continue;
    seen.add(text);
    io.stderr(text);
  }
}
