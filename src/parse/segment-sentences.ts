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
    'nos art arts para paras sec secs ch cl p pp vol vols fig figs approx cf vs viz esp incl dept min ' +
    'e.g i.e op cit ibid et al ret'
  ).split(' '),
);

/**
 * Abbreviations that may end a sentence ("… with the U.S. The Committee …") or not
 * ("the U.S. Treasury"): a boundary is kept only when the next word opens a sentence.
 */
const MAYBE_FINAL = new Set(
  'etc inc ltd co corp jr sr govt bros plc llc no jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);

/** Times of day: a capitalised word or a number after them opens a new sentence, but for time zones. */
const TIMES = new Set(['a.m', 'p.m']);
const TIME_ZONES = new Set(
  'eastern central pacific mountain gmt utc est edt cet cst pst local beijing islamabad'.split(' '),
);

/**
 * Words that follow "U.S.", "E.U.", "U.N." inside a name ("the U.S. Treasury"); any other
 * capitalised word followed by a lower-case one opens a sentence ("… the U.S. Global financial …").
 */
const NAME_CONTINUATIONS = new Set(
  (
    'treasury treasuries department state senate house congress government president administration embassy ' +
    'ambassador secretary army navy federal dollar dollars mission security council charter envoy representative ' +
    'trade commerce general assembly commission parliament court forces agency bureau office ministry minister ' +
    'prime chair constitution special member members officials delegation high summit bank budget'
  ).split(' '),
);

/**
 * Capitalised words that commonly open a sentence in statements; after a "maybe final"
 * abbreviation they keep the boundary. Why: "U.S. Treasury" must not split, "U.S. The" must.
 */
const SENTENCE_OPENERS = new Set(
  (
    'the this that these those it its they their we our he she his her i in on at for with both each all as a an ' +
    'such however moreover meanwhile furthermore also there here while when since although after before during ' +
    'other some many most no not one two three several further finally first second third recent available then ' +
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
  // In Chinese or Japanese text a Latin abbreviation is glued to the characters before it.
  token = /[\p{Script=Latin}\d.'-]*$/u.exec(token)?.[0] || token;
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
  const opens =
    SENTENCE_OPENERS.has(next.toLowerCase()) || /^\s*["“‘(]/u.test(text.slice(at, at + 80));
  // An initial ("Jerome H. Powell") unless a sentence opener follows ("… no Plan B. The …").
  if (word.length === 1 && /\p{L}/u.test(word)) return opens;
  if (TIMES.has(word)) return !TIME_ZONES.has(next.toLowerCase());
  if (word === 'etc') return /\p{Lu}|\d|["“]/u.test(nextInitial);
  if (MAYBE_FINAL.has(word)) return opens;
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) {
    // "U.S." / "E.U.": a new sentence opens with an opener, another acronym, or a capitalised
    // word that is not part of a name and is followed by a lower-case word.
    if (opens || /^(\p{Lu}\.)+$/u.test(next + '.') || /^(\p{Lu}\.){2,}/u.test(next)) return true;
    const after = /^\s*\S+\s+(\S)/u.exec(text.slice(at, at + 200))?.[1] ?? '';
    return !NAME_CONTINUATIONS.has(next.toLowerCase()) && /\p{Ll}/u.test(after);
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

/**
 * A full stop with no space after it, between a lower-case word and a capitalised one
 * ("… of the century.I want …"): typed prose drops the space; Intl.Segmenter keeps it whole.
 */
const MISSED_NO_SPACE = /(?<=\p{Ll}{2}[.!?])(?=\p{Lu}\p{Ll})/gu;

/** Longest text handed to Intl.Segmenter at once (default: 4,000 characters). */
const WINDOW = 4000;

/** `[from, to)` windows of `text`, each ending just after sentence punctuation and a space where possible. */
function windows(text: string): [number, number][] {
  if (text.length <= WINDOW) return [[0, text.length]];
  const out: [number, number][] = [];
  let from = 0;
  while (text.length - from > WINDOW) {
    const slice = text.slice(from + WINDOW / 2, from + WINDOW);
    const m = /[.!?。！？]["”’)]*\s+(?=\S)(?![\s\S]*[.!?。！？]["”’)]*\s+\S)/u.exec(slice);
    const cut = m ? from + WINDOW / 2 + m.index + m[0].length : from + WINDOW;
    out.push([from, cut]);
    from = cut;
  }
  out.push([from, text.length]);
  return out;
}

/** Splits `text` into sentence ranges (trimmed, non-empty, in order, covering all non-space text). */
export function segmentSentences(text: string, language = 'en'): SentenceRange[] {
  const cuts = new Set<number>();
  // Intl.Segmenter grows superlinearly on one long text (300 kB: ~3 s; 1 MB: ~45 s), so a long
  // paragraph is handed to it in windows cut after sentence punctuation; each cut is a candidate
  // boundary, judged by the same rules as the others (docs/tricky-cases.md).
  for (const [from, to] of windows(text)) {
    if (from > 0) cuts.add(from);
    for (const { index } of sentenceSegmenter(language).segment(text.slice(from, to)))
      if (index > 0) cuts.add(from + index);
  }
  for (const m of text.matchAll(MISSED_BEFORE_DIGIT)) {
    const at = m.index + m[0].length;
    const { word } = lastWord(text, m.index);
    if (!NEVER_FINAL.has(word)) cuts.add(at);
  }
  for (const m of text.matchAll(MISSED_NO_SPACE)) cuts.add(m.index);
  for (const m of text.matchAll(ELLIPSIS_BEFORE_OPENER)) {
    const at = m.index + m[0].length;
    if (SENTENCE_OPENERS.has(firstWord(text, at).toLowerCase())) cuts.add(at);
  }
  // Intl.Segmenter counts an opening bracket or quote after 。 as part of the sentence before.
  const shifted = new Set<number>();
  for (let at of cuts) {
    while (at > 0 && /[\p{Ps}“‘「『《〈]/u.test(text[at - 1] ?? '')) at--;
    // Japanese: 。」と述べた — a quotation followed by と or って continues the sentence.
    if (
      /^[」』]?(?:と|って)/u.test(text.slice(at - 1, at + 2)) &&
      /[」』]/u.test(text[at - 1] ?? '')
    )
      continue;
    if (at > 0) shifted.add(at);
  }
  cuts.clear();
  for (const at of shifted) cuts.add(at);
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
