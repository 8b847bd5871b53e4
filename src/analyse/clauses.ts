/** Clauses and asides that do not carry a sentence's act or object: shared by the analysis, the identity pass and the ranking. */
import type { Commitment } from '../model/statement.js';
import { lemmatiseVerb } from './lemmatise-verb.js';

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

/**
 * An object without the aside that opens it ("that, even after employment and inflation are near
 * mandate-consistent levels, economic conditions may …" → "that economic conditions may …"): a
 * condition, not what is held or judged.
 */
export function withoutOpeningAside(object: string): string {
  return object.replace(/^(\s*that)?\s*,[^,]{0,200},/i, '$1');
}

/** Adverbs (and "continue to") that may stand between "will" and its verb, as a pattern source. */
export const ADVERBS_BEFORE_VERB =
  '(?:(?:[a-z]+ly|also|further|jointly|together|now|again|still|continue\\s+to)\\s+)*';

/** The verb of a clause of its own: "… and will [act] as needed", "…; it will [review] …". */
const CLAUSE_VERB = new RegExp(
  `(?:\\band|;)\\s+(?:(?:it|they|we)\\s+)?${ADVERBS_BEFORE_VERB}(?:will|shall)\\s+${ADVERBS_BEFORE_VERB}([a-z]+)\\b`,
  'g',
);

/** True when `text` undertakes `lemma` in a clause of its own ("… and will act as needed"). */
export function holdsAction(text: string, lemma: string): boolean {
  for (const m of text.matchAll(CLAUSE_VERB))
    if (m[1] && lemmatiseVerb(m[1]) === lemma) return true;
  return false;
}

/**
 * The family of what a sentence undertakes: its act's, or `commit` when its action is undertaken
 * in a clause of its own ("The Committee will monitor developments and will [act] as needed" is
 * an undertaking to act, whatever the first clause's act).
 */
export function undertakingFamily(c: Pick<Commitment, 'family' | 'action' | 'text'>): string {
  return c.action !== undefined && c.family !== 'commit' && holdsAction(c.text, c.action)
    ? 'commit'
    : c.family;
}
