/** Clauses of a sentence that do not carry its act: shared by the analysis and the ranking. */

/** An opening clause of time or condition, up to its comma ("When the Committee decides to begin …, "). */
export const OPENING_CLAUSE =
  /^(?:When|Whenever|If|Once|Until|Unless|Before|After|As soon as|As long as)\b[^,;]{0,300},/;

/**
 * `text` with an opening clause of time or condition blanked (same length, so offsets hold): "When
 * the Committee decides to begin to remove policy accommodation, it will take a balanced
 * approach" takes no decision; what it commits to is in the main clause.
 */
export function mainClause(text: string): string {
  const clause = OPENING_CLAUSE.exec(text);
  return clause ? ' '.repeat(clause[0].length) + text.slice(clause[0].length) : text;
}
