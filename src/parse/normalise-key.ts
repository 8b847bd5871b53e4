/** The normalised comparison form of a sentence: what "normalised-identical" means. */

/**
 * Case-folds, applies NFKC, unifies quotes and dashes, drops punctuation that is not part of a
 * number, and folds whitespace. Two sentences with equal keys differ only cosmetically.
 */
export function normaliseKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‛`´]/g, "'")
    .replace(/[“”„«»]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/(?<![\p{L}\p{N}])'|'(?![\p{L}\p{N}])/gu, ' ')
    .replace(/(?<!\d)[.,](?!\d)|[^\p{L}\p{N}\s'.,%/$-]/gu, ' ')
    .replace(/(?<![\p{L}\p{N}])-|-(?![\p{L}\p{N}])/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
