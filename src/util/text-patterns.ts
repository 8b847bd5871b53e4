/** Small text helpers shared by the lexicon, the set-aside rules, the qualifiers and the ranking. */

/** `text` with every regular-expression metacharacter escaped, to match it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** English month names, lower case, January first: a month's number is its index + 1. */
export const MONTH_NAMES: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
