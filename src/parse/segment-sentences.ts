/** Splits a paragraph's plain text into sentences: Intl.Segmenter proposes, abbreviation rules decide. */

/** A sentence as `[start, end)` offsets into the paragraph text, whitespace trimmed. */
export interface SentenceRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Abbreviations that never end a sentence in statements: titles, reference words that take a
 * number, months, Latin "e.g."/"i.e.". Why: Intl.Segmenter splits after each of them
 * (test/fixtures/segmentation/hard.txt).
 */
const NEVER_FINAL = new Set(
  (
    'mr mrs ms dr prof h.e h.r.h h.m amb gen lt col maj capt cmdr adm sen rep gov st messrs mme mlle rev hon ' +
    'no nos art arts para paras sec secs ch cl p pp vol vols fig figs approx cf vs viz esp incl dept min ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e op cit ibid et al'
  ).split(' '),
);

/**
 * Abbreviations that may end a sentence ("… with the U.S. The Committee …") or not
 * ("the U.S. Treasury"): a boundary is kept only when the next word opens a sentence.
 */
const MAYBE_FINAL = new Set('etc inc ltd co corp jr sr a.m p.m govt bros plc llc'.split(' '));

/**
 * Capitalised words that commonly open a sentence in statements; after a "maybe final"
 * abbreviation they keep the boundary. Why: "U.S. Treasury" must not split, "U.S. The" must.
 */
const SENTENCE_OPENERS = new Set(
  (
    'the this that these those it its they their we our he she his her i in on at for with both each all as a an ' +
    'such however moreover meanwhile furthermore also there here while when since although after before during ' +
    'other some many most no not one two three several further finally first second third recent available ' +
    'inflation economic job growth members committee participants'
  ).split(' '),
);

const segmenters = new Map<string, Intl.Segmenter>();

function sentenceSegmenter(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

/** The last word before `end`, lower-cased, without closing quotes, brackets or final period. */
function lastWord(text: string, end: number): { word: string; hadPeriod: boolean } {
  let i = end;
  while (i > 0 && /\s/.test(text[i - 1] ?? '')) i--;
  let j = i;
  while (j > 0 && !/\s/.test(text[j - 1] ?? '')) j--;
  let token = text.slice(j, i).replace(/["'”’»)\]]+$/u, '');
  token = token.replace(/^[("'“‘«[]+/u, '');
  const hadPeriod = token.endsWith('.');
  return { word: token.replace(/\.$/, '').toLowerCase(), hadPeriod };
}

/** The first word at or after `start`, as written, without opening quotes or brackets. */
function firstWord(text: string, start: number): string {
  const m = /^\s*[("'“‘«[]*([^\s.,;:!?)]*)/u.exec(text.slice(start, start + 80));
  return m?.[1] ?? '';
}

/** True when the boundary between `text[..at]` and `text[at..]` should be kept. */
function isBoundary(text: string, at: number): boolean {
  const { word, hadPeriod } = lastWord(text, at);
  const next = firstWord(text, at);
  const nextInitial = next.charAt(0);
  if (nextInitial === '') return true;
  if (/\p{Ll}/u.test(nextInitial)) return false;
  if (!hadPeriod) return true;
  if (NEVER_FINAL.has(word)) return false;
  // An initial ("Jerome H. Powell"): one capital letter then a period.
  if (/^\p{Lu}$/u.test(word.toUpperCase()) && word.length === 1 && /\p{L}/u.test(word)) return false;
  const isDottedAcronym = /^(\p{L}\.)+\p{L}$/u.test(word);
  if (MAYBE_FINAL.has(word) || isDottedAcronym) {
    if (word === 'etc') return /\p{Lu}|\d|["“]/u.test(nextInitial);
    return SENTENCE_OPENERS.has(next.toLowerCase()) || /^["“‘(]/u.test(text.slice(at).trimStart());
  }
  return true;
}

/**
 * Extra boundaries Intl.Segmenter misses: a full stop after a word of two or more letters or
 * digits, followed by a sentence that opens with a digit ("… in 2019. 2020 saw …").
 */
const MISSED_BEFORE_DIGIT = /(?<=[\p{L}\d%)]{2}[.!?]["”’)]*)\s+(?=\d)/gu;

/**
 * An ellipsis followed by a sentence opener ("… welcomed it… The next round …"): Intl.Segmenter
 * does not treat "…" as a sentence end (research/stack.md).
 */
const ELLIPSIS_BEFORE_OPENER = /(?<=…|\.\.\.)["”’)]*\s+(?=\p{Lu})/gu;

/** Splits `text` into sentence ranges (trimmed, non-empty, in order, covering all non-space text). */
export function segmentSentences(text: string, language = 'en'): SentenceRange[] {
  const cuts = new Set<number>();
  for (const { index } of sentenceSegmenter(language).segment(text)) if (index > 0) cuts.add(index);
  for (const m of text.matchAll(MISSED_BEFORE_DIGIT)) {
    const at = m.index + m[0].length;
    const { word } = lastWord(text, m.index);
    if (!NEVER_FINAL.has(word)) cuts.add(at);
  }
  for (const m of text.matchAll(ELLIPSIS_BEFORE_OPENER)) {
    const at = m.index + m[0].length;
    if (SENTENCE_OPENERS.has(firstWord(text, at).toLowerCase())) cuts.add(at);
  }
  const ordered = [...cuts].sort((a, b) => a - b).filter((at) => isBoundary(text, at));
  const ranges: SentenceRange[] = [];
  let from = 0;
  for (const at of [...ordered, text.length]) {
    const piece = text.slice(from, at);
    const lead = piece.length - piece.trimStart().length;
    const trimmed = piece.trim();
    if (trimmed !== '') ranges.push({ start: from + lead, end: from + lead + trimmed.length });
    from = at;
  }
  return ranges;
}
