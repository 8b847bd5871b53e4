/** The title that rounds of one statement share, from their metadata (used by reports and series). */
import type { StatementMeta } from '../model/statement.js';

/**
 * The title two rounds share: the common leading words of their titles ("FOMC statement" from
 * "FOMC statement, October 29, 2025" and "FOMC statement, December 10, 2025"), else the series.
 */
export function sharedTitle(metas: readonly StatementMeta[]): string {
  const titles = metas.map((m) => m.title).filter((t): t is string => t !== undefined);
  if (titles.length === metas.length && titles.length > 0) {
    const words = titles.map((t) => t.split(/\s+/));
    const first = words[0] as string[];
    let n = 0;
    while (n < first.length && words.every((w) => w[n] === first[n])) n++;
    const common = first
      .slice(0, n)
      .join(' ')
      .replace(/[\s,;:–-]+$/, '');
    if (common.split(/\s+/).length >= 2 || (n === first.length && common)) return common;
    // Else the shared ending ("… Round of the China-Pakistan … Dialogue"), without its leading "of the".
    let m = 0;
    while (
      m < first.length &&
      words.every((w) => w[w.length - 1 - m] === first[first.length - 1 - m])
    )
      m++;
    const ending = first
      .slice(first.length - m)
      .join(' ')
      .replace(/^(?:(?:of|the|a|an|in|on|for|round)\s+)+/i, '');
    if (ending.split(/\s+/).length >= 3) return ending;
  }
  return metas.find((m) => m.series)?.series ?? 'Statement';
}
