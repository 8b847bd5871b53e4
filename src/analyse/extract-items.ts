/** Splits an enumeration ("agreed to expand cooperation in industry, agriculture and mining") into its items. */

/** Words after which a list's first item begins ("cooperation in | industry, …"). */
const LEAD_IN =
  /^(?:.*\b(?:in|on|of|for|to|with|including|include|includes|such as|namely|like|across|among|between|covering|particularly|especially|notably|regarding|concerning|on issues of|issues of)\s+|.*:\s*)/i;

/** Words at which a list's last item ends ("mining | in the next phase"). */
const TAIL = /\s+(?:in|to|for|through|by|with|that|which|so|under|at|during|within|from|as)\s+.*$/i;

/** Largest number of words an item may have; longer runs are clauses, not list items. */
const MAX_ITEM_WORDS = 8;

/**
 * Items of the first enumeration at or after `from` in `text`: three or more items separated by
 * commas with a final "and"/"or". Why three: "peace and stability" is a phrase, not a list
 * (test/analyse/extract-items.test.ts).
 */
export function extractItems(text: string, from = 0): string[] {
  // Cheap test first: a list needs a comma and a final "and"/"or" (keeps long texts linear).
  if (!text.includes(',') || !/\s(?:and|or)\s/.test(text)) return [];
  const clauses = text.slice(from).split(/[;:](?!\d)|\.(?=\s|$)/);
  for (const clause of clauses) {
    if (!clause.includes(',') || !/\s(?:and|or)\s/.test(clause) || clause.length > 2000) continue;
    // A match can only start at the clause start or right after a comma: a match starting inside
    // a comma-free run would also match from the run's start, which comes first. The lookbehind
    // says so, so the engine skips the other start positions (they made this quadratic in the
    // length of a comma-free run).
    const m =
      /(?<![^,])([^,]+(?:,\s+[^,]+)+?,?\s+(?:and|or)\s+[^,]+)$/.exec(clause) ??
      /(?<![^,])([^,]+(?:,\s+[^,]+)+,?\s+(?:and|or)\s+[^,]+)/.exec(clause);
    if (!m?.[1]) continue;
    const parts = m[1]
      .split(/,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+(?=[^,]*$)/)
      .map((part) => part.trim());
    // "…, including A, B and C": the list starts at the part that opens with a lead-in word.
    const opener = parts.findLastIndex((part) =>
      /^(?:including|such as|namely|notably|especially)\s/i.test(part),
    );
    if (opener > 0) parts.splice(0, opener);
    if (parts.length < 3) continue;
    parts[0] = (parts[0] ?? '').replace(LEAD_IN, '');
    const lastIndex = parts.length - 1;
    parts[lastIndex] = (parts[lastIndex] ?? '').replace(TAIL, '');
    const items = parts
      .map((part) =>
        part
          .replace(/^(?:the|a|an)\s+/i, '')
          .replace(/[.,]$/, '')
          .trim(),
      )
      .filter(Boolean);
    if (items.length >= 3 && items.every((item) => item.split(/\s+/).length <= MAX_ITEM_WORDS))
      return items;
  }
  return [];
}
