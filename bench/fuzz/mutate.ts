/** Mutations of seed statements: each fuzz input is a seed with one to a few of them applied. */
import type { Rng } from './prng.js';
import type { Seed } from './seeds.js';

/** How far mutations go. */
export interface Profile {
  /** `quick` or `full`: names finding files, so the two runs of one seed do not overwrite each other. */
  readonly name: string;
  /** Most mutations applied to one input. */
  readonly maxMutations: number;
  /** Most insertions of one mutation (control characters, soup tokens, numbers, scripts). */
  readonly maxInsertions: number;
  /** Deepest one-line nesting (`>`, `- `, `1. `, `<div>`, brackets, emphasis). */
  readonly maxNesting: number;
  /** Deepest nesting by indentation (the input grows with the square of it). */
  readonly maxIndentNesting: number;
  /** Longest inserted line without punctuation, in characters. */
  readonly maxLongLine: number;
  /** Most copies of one duplicated block. */
  readonly maxRepeat: number;
  /** Longest mutant, in UTF-16 units: longer ones are cut (a 31 MB mutant took minutes). */
  readonly maxChars: number;
}

/**
 * CI profile: small magnitudes, so that ~300 inputs run in well under a minute on two cores.
 * Every mutation kind is still exercised.
 */
export const QUICK_PROFILE: Profile = {
  name: 'quick',
  maxMutations: 3,
  maxInsertions: 20,
  maxNesting: 100,
  maxIndentNesting: 30,
  maxLongLine: 16 * 1024,
  maxRepeat: 50,
  maxChars: 1_000_000,
};

/** Full run: magnitudes up to those of test/robustness/inputs.test.ts (log-uniform, so extremes are rare). */
export const FULL_PROFILE: Profile = {
  name: 'full',
  maxMutations: 4,
  maxInsertions: 60,
  maxNesting: 3000,
  maxIndentNesting: 400,
  maxLongLine: 256 * 1024,
  maxRepeat: 500,
  maxChars: 4_000_000,
};

/** What a mutation may use besides its input. */
export interface MutationContext {
  readonly rng: Rng;
  readonly profile: Profile;
  readonly seeds: readonly Seed[];
}

type Mutator = (text: string, ctx: MutationContext) => string;
type ByteMutator = (bytes: Buffer, ctx: MutationContext) => Buffer;

const insertAt = (text: string, at: number, piece: string): string =>
  text.slice(0, at) + piece + text.slice(at);

/** A random offset at the start of a line. */
function lineStart(text: string, rng: Rng): number {
  const starts = [0];
  for (
    let i = text.indexOf('\n');
    i !== -1 && starts.length < 100_000;
    i = text.indexOf('\n', i + 1)
  )
    starts.push(i + 1);
  return rng.pick(starts);
}

/** Inserts `block` as a block of its own (blank lines around it) at a line start. */
function insertBlock(text: string, rng: Rng, block: string): string {
  return insertAt(text, lineStart(text, rng), `\n${block}\n\n`);
}

/** Inserts `count` pieces from `make` at random offsets. */
function sprinkle(text: string, rng: Rng, count: number, make: () => string): string {
  let out = text;
  for (let k = 0; k < count; k++) out = insertAt(out, rng.int(out.length + 1), make());
  return out;
}

const CONTROL: readonly string[] = [
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)),
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u2028',
  '\u2029',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\ufffd',
  '\ufffe',
  '\uffff',
  // Lone surrogates: only the library sees them as such; written to a file they become U+FFFD.
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
];

const SOUP_TOKENS: readonly string[] = [
  '*',
  '**',
  '***',
  '_',
  '__',
  '[',
  ']',
  '(',
  ')',
  '[]',
  '()',
  '](',
  '#',
  '##',
  '>',
  '-',
  '--',
  '---',
  '|',
  '||',
  '`',
  '``',
  '~',
  '~~',
  '\\',
  '!',
  '![',
  '<',
  '>',
  '&',
  '&amp;',
  '&#0;',
  '&#xD800;',
  '&nbsp;',
  '&#x1F600;',
  '<br>',
  '<p>',
  '</p>',
  '<div>',
  '</div>',
  '<!--',
  '-->',
  '<script>',
  '</script>',
  '<b>',
  '[^1]',
  '[^1]:',
  '[x]: http://example.com',
  '<http://a>',
  '\n',
  '\n\n',
  '\n# ',
  '\n## ',
  '\n- ',
  '\n* ',
  '\n+ ',
  '\n1. ',
  '\n2) ',
  '\n> ',
  '\n    ',
  '\n\t',
  '  \n',
  '\n===',
  '\n---',
  '\n```',
  '\n~~~',
  '\n```js\n',
  '\n| a | b |\n',
  '\n|---|---|\n',
  ':---:',
  '$$',
  '{',
  '}',
  '%',
  '^',
  '\u00a0',
];

const SOUP_BLOCKS: readonly string[] = [
  '| a | b |\n|---|---|\n| The two sides agreed. | They will meet. |',
  '|a|\n|-|\n|b|\n|c|',
  '```\nunclosed fence\n\nThe two sides agreed.',
  '~~~\ncode\n~~~',
  '- a\n- b\n\n  continued\n- c',
  '1. one\n1. one again\n   1. nested\n10. ten',
  '> quote\ncontinued lazily\n> > nested',
  'Setext heading\n===',
  'Another\n---',
  '<table><tr><td>The two sides agreed.</td></tr></table>',
  '[link](<unclosed',
  '***\n___\n- - -',
  '    indented code block',
  '<!-- unclosed comment',
  '[^note]: A footnote that the sides agreed.',
  '- [ ] task\n- [x] done',
  '#hashtag not a heading\n#\n# \n#######',
];

const NUMBERS: readonly string[] = [
  '99999999999999999999999999999999',
  '1e308',
  '1e999',
  '-0',
  '0.000000000000000000001',
  '3-1/2',
  '999999999999-1/2',
  '1/0',
  '12(a)',
  '(iii)',
  'IV.',
  '1234567890.',
  '4294967296%',
  'NaN',
  'Infinity',
  '1,000,000,000,000,000',
  '٣٤٥',
  '１２３',
  '½',
  'Ⅻ',
  '2.5.5.5.5.5',
  '0x1F',
  '10^100',
  '9'.repeat(400),
  '1.' + '0'.repeat(300),
  '$1 trillion',
  '3–3/4',
];

const LABELS: readonly string[] = [
  '1. ',
  '999999999. ',
  '1234567890. ',
  '12(a) ',
  '(iii) ',
  'IV. ',
  'c) ',
  '7.2 ',
  '0. ',
  '00. ',
  '1) ',
  '(1000) ',
];

const SCRIPTS: readonly string[] = [
  '中巴双方同意加强战略沟通。',
  '双方重申，',
  '「引用」と述べた。',
  '日本政府は、',
  '한국과 중국은 합의했다.',
  'اتفق الجانبان على تعزيز التعاون.',
  'שני הצדדים הסכימו.',
  'दोनों पक्षों ने सहमति व्यक्त की।',
  'ทั้งสองฝ่ายเห็นพ้อง',
  'Обе стороны согласились.',
  'Οι δύο πλευρές συμφώνησαν.',
  '👨‍👩‍👧‍👦',
  '🇵🇰🇨🇳',
  '🏳️‍🌈',
  '😀',
  'e' + '\u0301'.repeat(40),
  'Z̴̧̛̖̗̘̙̜̝̞̟̠',
  '\u202eevil\u202c',
  'ﷺ',
  'ﬃ',
  'İstanbul',
  'ß',
  'ǅ',
  'ＡＢＣ．',
  'Ⅻ',
  '𝔘.𝔖.',
  'U.S.',
  'No. 5',
  'e.g.',
  'H.E. Mr.',
  '…',
  '。',
  '！',
  '？',
  '\u3000',
];

const WORDS: readonly string[] = [
  'cooperation',
  'corridor',
  'railway',
  'agreed',
  'the',
  'two',
  'sides',
  'committee',
  'percent',
  'rate',
  'will',
  'continue',
];

/** One-line or indented nesting of depth `d`, or long runs of nested list items. */
function nested(d: number, indentDepth: number, rng: Rng): string {
  const text = 'The two sides agreed to meet again';
  switch (rng.int(12)) {
    case 10: {
      // A long tight list whose items hold nested lists (read 200 top-level items at a time).
      const marker = rng.pick(['-', '*', '1.', '2)']);
      return Array.from(
        { length: 5 * indentDepth },
        (_, i) => `${marker} Item ${i} was agreed.\n  ${rng.pick(['-', '1.', '>'])} Detail ${i}.`,
      ).join(rng.int(4) === 0 ? '\n\n' : '\n');
    }
    case 11:
      // Lines of nested list markers, one after the other.
      return Array.from({ length: 5 * indentDepth }, () => `${'- '.repeat(1 + rng.int(8))}x`).join(
        '\n',
      );
    case 0:
      return `${'>'.repeat(d)} ${text}.`;
    case 1:
      return `${'> '.repeat(d)}${text}.`;
    case 2:
      return `${'- '.repeat(d)}${text}.`;
    case 3:
      return `${'1. '.repeat(d)}${text}.`;
    case 4:
      return `${'*'.repeat(d)}${text}${'*'.repeat(d)}.`;
    case 5:
      return `${'['.repeat(d)}${text}${']'.repeat(d)}.`;
    case 6:
      return `${'<div>'.repeat(d)}<p>${text}.</p>${'</div>'.repeat(d)}`;
    case 7:
      return `${'('.repeat(d)}${text}${')'.repeat(d)}.`;
    case 8:
      return Array.from(
        { length: indentDepth },
        (_, i) => `${' '.repeat(2 * i)}- Item ${i} was agreed.`,
      ).join('\n');
    default:
      return Array.from(
        { length: indentDepth },
        (_, i) => `${'>'.repeat(i + 1)} Item ${i} was agreed.`,
      ).join('\n');
  }
}

const FRONTMATTER_VALUES: readonly string[] = [
  'yesterday',
  '[unclosed',
  '{a: 1}',
  '"unterminated',
  '-1',
  '1e400',
  '2020-02-30',
  '',
  '~',
  'null',
  '[1, 2]',
  'seven',
  '2026-01-04',
  '7',
  '!!binary aGk=',
  '&anchor value',
  '*alias',
  '|\n  block',
  '>-\n  folded',
  "'single'",
  'x: y: z',
];
const FRONTMATTER_KEYS: readonly string[] = [
  'series',
  'round',
  'date',
  'title',
  'place',
  'parties',
  'source',
  'language',
  'extra',
];

const MUTATORS: Readonly<Record<string, Mutator>> = {
  truncate: (text, { rng }) => text.slice(0, rng.int(text.length)),
  splice: (text, { rng, seeds }) => {
    const other = rng.pick(seeds).text;
    return text.slice(0, rng.int(text.length + 1)) + other.slice(rng.int(other.length + 1));
  },
  control: (text, { rng, profile }) =>
    sprinkle(text, rng, rng.size(profile.maxInsertions), () => rng.pick(CONTROL)),
  soup: (text, { rng, profile }) => {
    let out = sprinkle(text, rng, rng.size(profile.maxInsertions), () => rng.pick(SOUP_TOKENS));
    if (rng.chance(0.5)) out = insertBlock(out, rng, rng.pick(SOUP_BLOCKS));
    return out;
  },
  numbers: (text, { rng, profile }) => {
    let out = sprinkle(text, rng, rng.size(profile.maxInsertions), () => ` ${rng.pick(NUMBERS)} `);
    if (rng.chance(0.5)) out = insertAt(out, lineStart(out, rng), rng.pick(LABELS));
    return out;
  },
  scripts: (text, { rng, profile }) =>
    sprinkle(text, rng, rng.size(profile.maxInsertions), () => rng.pick(SCRIPTS)),
  longLine: (text, { rng, profile }) => {
    if (rng.chance(0.3)) {
      // Join a region's lines into one.
      const from = rng.int(text.length);
      const to = from + rng.int(text.length - from + 1);
      return text.slice(0, from) + text.slice(from, to).replace(/\s*\n\s*/g, ' ') + text.slice(to);
    }
    const length = rng.size(profile.maxLongLine);
    const parts: string[] = [];
    for (let n = 0; n < length;) {
      const word = rng.pick(WORDS);
      parts.push(word);
      n += word.length + 1;
    }
    return insertBlock(text, rng, parts.join(' '));
  },
  nesting: (text, { rng, profile }) =>
    insertBlock(
      text,
      rng,
      nested(rng.size(profile.maxNesting), rng.size(profile.maxIndentNesting), rng),
    ),
  frontmatter: (text, { rng }) => {
    const key = rng.pick(FRONTMATTER_KEYS);
    const value = rng.pick(FRONTMATTER_VALUES);
    const m = /^---[ \t]*\r?\n/.exec(text);
    if (!m) return `---\n${key}: ${value}\n---\n\n${text}`;
    const roll = rng.int(4);
    if (roll === 0) return text.slice(m[0].length); // opening line dropped: the closing --- is left alone
    if (roll === 1) return insertAt(text, m[0].length, `${key}: ${value}\n`); // maybe a duplicate key
    if (roll === 2) return insertAt(text, m[0].length, `\t${key}: ${value}\n`);
    const re = new RegExp(`^${key}:.*$`, 'm');
    return re.test(text)
      ? text.replace(re, `${key}: ${value}`)
      : insertAt(text, m[0].length, `${key}: ${value}\n`);
  },
  lineEndings: (text, { rng }) => {
    const roll = rng.int(3);
    if (roll === 0) return text.replace(/\r?\n/g, '\r\n');
    if (roll === 1) return text.replace(/\r?\n/g, '\r');
    return text.replace(/\n/g, () => rng.pick(['\n', '\r\n', '\r', '\n\r', '\u2028']));
  },
  deleteRange: (text, { rng }) => {
    const from = rng.int(text.length);
    return text.slice(0, from) + text.slice(from + rng.size(Math.max(1, text.length - from)));
  },
  duplicate: (text, { rng, profile }) => {
    const blocks = text.split(/\n[ \t]*\n/);
    const i = rng.int(blocks.length);
    const copies = Array.from({ length: rng.size(profile.maxRepeat) }, () => blocks[i] ?? '');
    blocks.splice(i, 0, ...copies);
    return blocks.join('\n\n');
  },
  shuffle: (text, { rng }) => {
    const blocks = text.split(/\n[ \t]*\n/);
    for (let k = blocks.length - 1; k > 0; k--) {
      if (!rng.chance(0.3)) continue;
      const j = rng.int(k + 1);
      [blocks[k], blocks[j]] = [blocks[j] ?? '', blocks[k] ?? ''];
    }
    return blocks.join('\n\n');
  },
  renumber: (text, { rng }) =>
    text.replace(
      /^(\s*)(\d{1,9})([.)])/gm,
      (_m, sp: string, _n: string, end: string) => `${sp}${rng.between(0, 9999)}${end}`,
    ),
  reword: (text, { rng, profile }) => {
    const swaps: readonly [RegExp, string][] = [
      [/\bwill\b/g, 'may'],
      [/\bagreed\b/g, 'noted'],
      [/\bfirmly\b/g, ''],
      [/\b(\d+)\b/g, '$1$1'],
      [/\bChina\b/g, 'Pakistan'],
      [/\bthe Committee\b/g, 'Both sides'],
      [/,/g, ' and'],
      [/\. /g, '; '],
      [/\band\b/g, ','],
    ];
    let out = text;
    for (let k = rng.size(Math.min(5, profile.maxMutations + 2)); k > 0; k--) {
      const [re, by] = rng.pick(swaps);
      let seen = 0;
      const keep = rng.between(1, 4);
      out = out.replace(re, (m, ...groups: unknown[]) =>
        seen++ % keep === 0 ? by.replace('$1', String(groups[0])) : m,
      );
    }
    return out;
  },
};

const BYTE_MUTATORS: Readonly<Record<string, ByteMutator>> = {
  truncateBytes: (bytes, { rng }) => bytes.subarray(0, rng.int(bytes.length)),
  invalidUtf8: (bytes, { rng, profile }) => {
    const bad: readonly number[][] = [
      [0xff],
      [0xfe],
      [0x80],
      [0xbf],
      [0xc0, 0x80],
      [0xc1, 0xbf],
      [0xe9],
      [0xe9, 0x20],
      [0xed, 0xa0, 0x80],
      [0xed, 0xbf, 0xbf],
      [0xe0, 0x80, 0x80],
      [0xf0, 0x80, 0x80, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xf5, 0x80, 0x80, 0x80],
      [0xf0, 0x9f, 0x98],
      [0xe2, 0x82],
      [0x96],
      [0x92, 0x93],
    ];
    let out = bytes;
    for (let k = rng.size(Math.min(5, profile.maxInsertions)); k > 0; k--) {
      const at = rng.int(out.length + 1);
      out = Buffer.concat([out.subarray(0, at), Buffer.from(rng.pick(bad)), out.subarray(at)]);
    }
    return out;
  },
  bom: (bytes, { rng }) =>
    Buffer.concat([
      Buffer.from(rng.chance(0.5) ? [0xef, 0xbb, 0xbf] : [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]),
      bytes,
    ]),
};

/** Names of the mutations, for reports. */
export const MUTATION_NAMES: readonly string[] = [
  ...Object.keys(MUTATORS),
  ...Object.keys(BYTE_MUTATORS),
];

/** A mutated input: the text the library parses and the bytes the CLI reads. */
export interface Mutant {
  /** Text for the library; may hold lone surrogates, which bytes cannot. */
  readonly text: string;
  /** Bytes for the CLI: the text as UTF-8, then byte mutations. */
  readonly bytes: Buffer;
  /** Mutations applied, in order. */
  readonly mutations: readonly string[];
}

const TEXT_NAMES = Object.keys(MUTATORS);
const BYTE_NAMES = Object.keys(BYTE_MUTATORS);

/** Applies one to `profile.maxMutations` random mutations to `seed`. */
export function mutate(seed: Seed, ctx: MutationContext): Mutant {
  const { rng, profile } = ctx;
  let text = seed.text;
  const mutations: string[] = [];
  for (let k = rng.between(1, profile.maxMutations); k > 0; k--) {
    const name = rng.pick(TEXT_NAMES);
    const mutator = MUTATORS[name] as Mutator;
    text = mutator(text, ctx);
    mutations.push(name);
  }
  if (text.length > profile.maxChars) {
    // Past this size an input tests the speed (the benchmark's job), not the parser's logic.
    text = text.slice(0, profile.maxChars);
    mutations.push('cap');
  }
  let bytes: Buffer = Buffer.from(text, 'utf8');
  if (rng.chance(0.2)) {
    const name = rng.pick(BYTE_NAMES);
    bytes = (BYTE_MUTATORS[name] as ByteMutator)(bytes, ctx);
    mutations.push(name);
    // The library then reads what the CLI reads.
    text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
  }
  return { text, bytes, mutations };
}
