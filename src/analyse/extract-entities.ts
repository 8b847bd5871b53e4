/** Finds figures (numbers, percents, fractions, dates, ordinals) and names (proper names, acronyms) in a sentence. */
import type { Entity } from '../model/statement.js';

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.';

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  fifty: 50,
  hundred: 100,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};

/**
 * Figures, longest alternatives first. Why one token for "3-1/2": the FOMC writes fractions
 * with a hyphen and the report must say "3-3/4 → 3-1/2", not "3/4 → 1/2" (EXAMPLES.md).
 */
const DATE_FORMS = `(?:\\d{1,2}\\s+(?:${MONTHS})\\s+\\d{4}|(?:${MONTHS})\\s+\\d{1,2},\\s+\\d{4}|(?:${MONTHS})\\s+\\d{4}|(?:${MONTHS})|\\d{4})`;
const COUNT_WORDS = 'two|three|four|five|six|seven|eight|nine|ten|twelve|other';
/**
 * Deadlines and frequencies, a pass of their own before {@link FIGURE} (one alternation less for
 * every position of every sentence: it cost a tenth of the analysis when it was part of FIGURE).
 */
const DEADLINE_OR_FREQUENCY = new RegExp(
  [
    // Deadlines: "by June 2027", "until 31 May 2025", "no later than the end of 2026". A change of
    // target date, or a date given up for "as soon as possible", is a figure change (issue 12).
    `(?:\\b(?:by|until|before|no later than|not later than)\\s+(?:the\\s+end\\s+of\\s+|end-)?${DATE_FORMS}(?!\\d))`,
    `(?:\\b(?:as soon as possible|in due course|at an early date|at the earliest possible date|at the earliest opportunity|without further delay)\\b)`,
    // A condition for an end ("until normalization … is well under way", "until substantial further
    // progress has been made"): a deadline in words, as much a figure of the commitment as a date.
    `(?:\\buntil\\s+(?!(?:the\\s+end\\s+of\\s+|end-)?${DATE_FORMS}(?!\\d))[^,;.:()]{8,160}?(?=\\s*(?:[,;.:()]|$)))`,
    // Frequencies: "every 90 days", "twice a year", "quarterly".
    `(?:\\bevery\\s+(?:\\d+|${COUNT_WORDS})\\s+(?:days?|weeks?|months?|years?)\\b)`,
    `(?:\\bevery\\s+(?:day|week|month|quarter|year)\\b)`,
    `(?:\\b(?:once|twice|three times|four times)\\s+(?:a|per|each|every)\\s+(?:year|month|week|quarter)\\b)`,
    `(?:\\b(?:annually|quarterly|monthly|weekly|biannually|semi-annually|yearly|biennially|fortnightly)\\b)`,
    `(?:\\b(?:annual|quarterly|monthly|weekly|biannual|semi-annual|yearly|biennial)\\s+(?:basis|reports?|briefings?|reviews?|meetings?|consultations?)\\b)`,
  ].join('|'),
  'giu',
);

/** A cheap test for {@link DEADLINE_OR_FREQUENCY}: without one of these words it cannot match. */
const MAY_HOLD_DEADLINE =
  /\b(?:until\s|(?:by|before|than)\s+(?:the\s+end\s+of\s+|end-)?[\dJFMASOND]|soon as|due course|early date|earliest|further delay|every|once a|twice|times a|annual|quarterly|monthly|weekly|yearly|bienn|biannu|semi-annu|fortnight)/i;

const FIGURE = new RegExp(
  [
    `(?:(?:${MONTHS})\\s+\\d{1,2}(?!\\d)(?:,\\s+\\d{4})?)`, // December 1, 2026
    `(?:(?<!\\d)\\d{1,2}\\s+(?:${MONTHS})(?:\\s+\\d{4})?)`, // 4 January 2026
    `(?:(?:${MONTHS})\\s+\\d{4})`, // March 2024
    `(?:\\d{4}\\s*[–-]\\s*\\d{2,4})`, // 2025–2029
    // 3-1/2 to 3-3/4 percent: a range is one figure, so a change reads "3-3/4 to 4 → 3-1/2 to 3-3/4".
    `(?:(?:\\d+-\\d+/\\d+|\\d+/\\d+|\\d+(?:\\.\\d+)?)\\s+to\\s+(?:\\d+-\\d+/\\d+|\\d+/\\d+|\\d+(?:\\.\\d+)?)(?:\\s*(?:%|percent|per cent|percentage points?|basis points?))?)`,
    `(?:[$€£¥]\\s?\\d[\\d,]*(?:\\.\\d+)?(?:\\s+(?:billion|million|trillion))?)`,
    `(?:\\d+-\\d+/\\d+|\\d+/\\d+|\\d[\\d,]*(?:\\.\\d+)?)(?:\\s*(?:%|percent|per cent|percentage points?|basis points?|billion|million|trillion))?`,
    `(?:\\d+(?:st|nd|rd|th))`,
    // Tens and units written with a hyphen ("twenty-five") are one figure.
    `(?:\\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine)\\b)`,
    // Not inside a hyphenated name ("One-China policy"): no hyphen on either side.
    `(?:(?<!-)\\b(?:${Object.keys(NUMBER_WORDS).join('|')})\\b(?!-)(?!\\s+(?:sides|countries|ministers|leaders|governments|parties|heads)\\b))`,
  ].join('|'),
  'giu',
);

/**
 * Full month names standing alone ("through August"): dates that change between rounds. "May" only
 * after a preposition or "early/mid/late" ("met in May", "mid-May"): elsewhere it is the modal verb.
 */
const MONTH_ALONE =
  /\b(?:January|February|March|April|June|July|August|September|October|November|December)\b|\bMay\b(?<=\b(?:in|since|of|by|until|through|before|after|from|early|late|mid-|mid)\s?May)/g;

const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** Occurrences per year of frequency words, so "twice a year" and "semi-annually" are one value. */
const PER_YEAR: Readonly<Record<string, number>> = {
  annually: 1,
  yearly: 1,
  annual: 1,
  'once a year': 1,
  'once per year': 1,
  'once each year': 1,
  'once every year': 1,
  biannually: 2,
  'semi-annually': 2,
  biannual: 2,
  'semi-annual': 2,
  'twice a year': 2,
  'twice per year': 2,
  'twice each year': 2,
  quarterly: 4,
  'four times a year': 4,
  'once a quarter': 4,
  'every quarter': 4,
  monthly: 12,
  'once a month': 12,
  'every month': 12,
  weekly: 52,
  'once a week': 52,
  'every week': 52,
  fortnightly: 26,
  biennially: 0.5,
  biennial: 0.5,
  'every year': 1,
};

/** True when a figure's canonical value is a frequency (`2/year`, `every 90 day`). */
export function isFrequencyValue(value: string): boolean {
  return /^(?:[\d.]+\/year|every \d+ (?:day|week|month|year))$/.test(value);
}

/** Canonical value of a frequency phrase ("twice a year" → `2/year`), or undefined. */
function frequencyValue(text: string): string | undefined {
  const head = text.replace(
    /\s+(?:basis|reports?|briefings?|reviews?|meetings?|consultations?)$/,
    '',
  );
  const known = PER_YEAR[head];
  if (known !== undefined) return `${known}/year`;
  const every = /^every (\w+) (day|week|month|year)s?$/.exec(head);
  if (every) {
    const n = /^\d+$/.test(every[1] as string)
      ? every[1]
      : every[1] === 'other'
        ? '2'
        : String(NUMBER_WORDS[every[1] as string] ?? every[1]);
    return `every ${n} ${every[2]}`;
  }
  return undefined;
}

/** Canonical value of a figure: fractions as decimals, units normalised, words as digits. */
export function figureValue(text: string): string {
  let value = text
    .toLowerCase()
    .replace(/,(?=\d{3})/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const frequency = frequencyValue(value);
  if (frequency !== undefined) return frequency;
  value = value.replace(/(\d+)-(\d+)\/(\d+)/g, (_m, w: string, n: string, d: string) =>
    String(Number(w) + Number(n) / Number(d)),
  );
  value = value.replace(/\b(\d+)\/(\d+)\b/g, (_m, n: string, d: string) =>
    String(Number(n) / Number(d)),
  );
  value = value.replace(/\s*(?:%|per cent)$/, ' percent');
  value = value
    .replace(/–/g, '-')
    .replace(/\s*-\s*/g, '-')
    .replace(/ to /g, '-');
  const compound = /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-([a-z]+)$/.exec(value);
  if (compound) {
    const tens = TENS[compound[1] as string];
    const unit = NUMBER_WORDS[compound[2] as string];
    if (tens !== undefined && unit !== undefined && unit < 10) return String(tens + unit);
  }
  const word = NUMBER_WORDS[value];
  return word !== undefined ? String(word) : value;
}

/** Words that open sentences or are capitalised by style, never names on their own. */
const NOT_NAMES = new Set(
  (
    'the a an in on at for with both each all as this that these those it its they their we our he she his her ' +
    'and or but of to by from however moreover meanwhile furthermore also there here while when since although ' +
    'after before during other some many most no not further finally available recent inflation job ' +
    'january february march april may june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr h.e'
  ).split(' '),
);

const CAPITALISED =
  /(?<![\p{L}\p{N}])(?:\p{Lu}[\p{L}\p{N}'’.-]*)(?:\s+(?:of\s+the\s+|of\s+|and\s+(?!the\b)|for\s+|on\s+|de\s+|du\s+|la\s+)?\p{Lu}[\p{L}\p{N}'’.-]*)*/gu;

/** Entities of `text`, in order of appearance, each once. */
export function extractEntities(text: string): Entity[] {
  const found: { index: number; entity: Entity }[] = [];
  const taken: [number, number][] = [];
  // Deadlines and frequencies first; a figure inside one ("June 2027" in "by June 2027") is part of it.
  const deadlines = MAY_HOLD_DEADLINE.test(text);
  if (deadlines) {
    DEADLINE_OR_FREQUENCY.lastIndex = 0;
    for (const m of text.matchAll(DEADLINE_OR_FREQUENCY)) {
      const raw = m[0].trim();
      found.push({
        index: m.index,
        entity: { kind: 'figure', text: raw, value: figureValue(raw) },
      });
      taken.push([m.index, m.index + m[0].length]);
    }
  }
  const inTaken = deadlines && taken.length > 0;
  FIGURE.lastIndex = 0;
  for (const m of text.matchAll(FIGURE)) {
    const raw = m[0].trim();
    if (raw === '') continue;
    if (inTaken && taken.some(([s, e]) => m.index < e && m.index + m[0].length > s)) continue;
    // A version number is part of a name ("CPEC 2.0", "Industry 4.0"), not a figure.
    if (
      /^\d+\.\d+$/.test(raw) &&
      /(?:\p{Lu}[\p{L}\p{N}-]*)\s$/u.test(text.slice(Math.max(0, m.index - 20), m.index))
    )
      continue;
    found.push({ index: m.index, entity: { kind: 'figure', text: raw, value: figureValue(raw) } });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(MONTH_ALONE)) {
    if (taken.some(([s, e]) => m.index < e && m.index + m[0].length > s)) continue;
    found.push({
      index: m.index,
      entity: { kind: 'figure', text: m[0], value: m[0].toLowerCase() },
    });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(CAPITALISED)) {
    let raw = m[0].replace(/['’]s$/, '').replace(/[.,]$/, '');
    let index = m.index;
    // Drop leading words that are capitalised only because they open the sentence.
    const words = raw.split(/\s+/);
    while (words.length > 0 && NOT_NAMES.has((words[0] ?? '').toLowerCase().replace(/\.$/, ''))) {
      const dropped = words.shift() ?? '';
      index += dropped.length + 1;
    }
    raw = words.join(' ');
    if (raw === '' || taken.some(([s, e]) => index < e && index + raw.length > s)) continue;
    if (index === 0 && words.length === 1 && !/^[\p{Lu}\d-]{2,}$/u.test(raw)) continue;
    found.push({ index, entity: { kind: 'name', text: raw, value: raw.toLowerCase() } });
  }
  found.sort((a, b) => a.index - b.index);
  const seen = new Set<string>();
  const out: Entity[] = [];
  for (const { entity } of found) {
    const key = `${entity.kind}:${entity.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(entity);
  }
  return out;
}
