/** Renders one parsed statement: an outline (`tree`) or its JSON form. */
import type {
  Commitment,
  Paragraph,
  Section,
  SourceSpan,
  Statement,
} from '../../model/statement.js';
import { stableJson } from './stable-json.js';

/** Schema version of the statement JSON (docs/report-schema.md). */
export const STATEMENT_SCHEMA_VERSION = 2;

/** The JSON form of a statement: everything but the source text. */
export function statementToJson(statement: Statement): string {
  return stableJson({
    schemaVersion: STATEMENT_SCHEMA_VERSION,
    file: statement.file,
    format: statement.format,
    meta: statement.meta,
    sections: statement.sections,
    commitments: statement.commitments,
    diagnostics: statement.diagnostics,
  });
}

/** The citation label of a paragraph: its number, else its ordinal (`¶4`). */
export function paragraphLabel(paragraph: Paragraph): string {
  return paragraph.number ?? String(paragraph.ordinal);
}

function describe(commitment: Commitment | undefined): string {
  if (!commitment) return '';
  if (commitment.isContext) return '  [context]';
  const parts = [commitment.actor.name, commitment.act, `strength ${commitment.strength.level}`];
  if (commitment.items.length > 0) parts.push(`items: ${commitment.items.join('; ')}`);
  return `  — ${parts.join(' · ')}`;
}

/** An indented outline: sections, numbered paragraphs, sentences with actor, act and strength. */
export function statementToTree(statement: Statement): string {
  const byId = new Map(statement.commitments.map((c) => [c.sentenceId, c]));
  const lines: string[] = [];
  const meta = statement.meta;
  const head = [
    meta.title ?? statement.file,
    meta.date,
    meta.round !== undefined ? `round ${meta.round}` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  lines.push(
    head,
    `${statement.file} (${statement.format}, ${statement.commitments.length} sentences)`,
    '',
  );
  const section = (s: Section, indent: string): void => {
    let inner = indent;
    if (s.heading !== null) {
      lines.push(`${indent}§ ${s.heading}  (${lineOf(s.span)})`);
      inner = `${indent}  `;
    }
    for (const p of s.paragraphs) {
      lines.push(`${inner}¶${paragraphLabel(p)}  (${lineOf(p.span)})`);
      p.sentences.forEach((sentence, k) => {
        lines.push(
          `${inner}  ${paragraphLabel(p)}.${k + 1}  ${sentence.text}${describe(byId.get(sentence.id))}`,
        );
      });
    }
    for (const child of s.sections) section(child, inner);
  };
  for (const s of statement.sections) section(s, '');
  for (const d of statement.diagnostics)
    lines.push(`${d.severity}: ${d.message}${d.line ? ` (line ${d.line})` : ''}`);
  return `${lines.join('\n')}\n`;
}

/** `line 5`, or for a PDF `p. 2, line 14`. */
function lineOf(span: SourceSpan): string {
  return span.page !== undefined && span.pageLine !== undefined
    ? `p. ${span.page}, line ${span.pageLine}`
    : `line ${span.line}`;
}
