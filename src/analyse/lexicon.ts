/** The speech-act lexicon: loaded from lexicon.yaml, extensible by users, compiled to matchers. */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { UserError } from '../model/errors.js';
import { escapeRegExp } from '../util/text-patterns.js';

/** A lexicon as written in YAML (the default file or a user's extension). */
export interface LexiconSpec {
  /** Speech acts: lemma → surface forms. */
  readonly acts?: Readonly<Record<string, readonly string[]>>;
  /** Verbs of undertaking, used when no act is found: lemma → forms. */
  readonly actions?: Readonly<Record<string, readonly string[]>>;
  /** Families of acts: family → lemmas (docs/glossary.md#identity). */
  readonly families?: Readonly<Record<string, readonly string[]>>;
  /** Ladders of acts: ladder → lemma → level 1–5 (the base of a commitment's strength). */
  readonly ladders?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Phrases that mark a context sentence (venue, chairs, what the talks covered …). */
  readonly context?: readonly string[];
  /** Why an entry (a strength word, a ladder lemma) is where it is: entry → reason. */
  readonly reasons?: Readonly<Record<string, string>>;
  /** Strength words. */
  readonly strength?: {
    readonly modals?: Readonly<Record<string, number>>;
    readonly intensifiers?: readonly string[];
    readonly hedges?: readonly string[];
    readonly absolutes?: readonly string[];
  };
}

/** Several lemmas as one whole-word pattern: capture group `i + 1` matched for `lemmas[i]`. */
export interface LemmaMatcher {
  readonly pattern: RegExp;
  readonly lemmas: readonly string[];
}

/** A lexicon ready for matching. */
export interface Lexicon {
  /** Acts in priority order; each form is a whole-word, case-insensitive pattern. */
  readonly acts: readonly { readonly lemma: string; readonly pattern: RegExp }[];
  readonly actions: readonly { readonly lemma: string; readonly pattern: RegExp }[];
  /**
   * The acts, then the actions, each as one pattern with a capture group per lemma in priority
   * order: the first match is the earliest act, ties going to the earlier lemma, as with one
   * pattern per lemma, in one pass over the sentence instead of one per lemma.
   */
  readonly actMatchers: readonly LemmaMatcher[];
  /** Family of each lemma that has one. */
  readonly familyOf: ReadonlyMap<string, string>;
  /** Ladder and level of each lemma on a ladder. */
  readonly ladderOf: ReadonlyMap<string, { readonly ladder: string; readonly level: number }>;
  /** The context phrases as one whole-word, case-insensitive pattern. */
  readonly context: RegExp | null;
  /** Reasons of entries, by entry (lower case). */
  readonly reasons: ReadonlyMap<string, string>;
  readonly modals: ReadonlyMap<string, number>;
  /** The modal verbs as one whole-word, case-sensitive (lower-case) pattern. */
  readonly modalPattern: RegExp | null;
  readonly intensifiers: RegExp | null;
  readonly hedges: RegExp | null;
  readonly absolutes: RegExp | null;
  /** The merged spec, for reports that show which lexicon was used. */
  readonly spec: LexiconSpec;
}

/** A whole-word, case-insensitive alternation of `forms`, longest first. */
export function wordsPattern(forms: readonly string[], flags = 'giu'): RegExp | null {
  if (forms.length === 0) return null;
  return new RegExp(`${WORD_START}(?:${alternation(forms)})${WORD_END}`, flags);
}

const WORD_START = '(?<![\\p{L}\\p{N}-])';
const WORD_END = '(?![\\p{L}\\p{N}-])';

/** `forms`, lower-cased, without repeats, longest first, escaped and joined with `|`. */
function alternation(forms: readonly string[]): string {
  const sorted = [...new Set(forms.map((f) => f.toLowerCase()))].sort(
    (a, b) => b.length - a.length || a.localeCompare(b),
  );
  return sorted.map(escapeRegExp).join('|');
}

/** One {@link LemmaMatcher} for the lemmas of `map` that have forms, in their order. */
function lemmaMatcher(map: LexiconSpec['acts']): LemmaMatcher | null {
  const entries = Object.entries(map ?? {}).filter(([, forms]) => forms.length > 0);
  if (entries.length === 0) return null;
  const groups = entries.map(([, forms]) => `(${alternation(forms)})`).join('|');
  return {
    pattern: new RegExp(`${WORD_START}(?:${groups})${WORD_END}`, 'iu'),
    lemmas: entries.map(([lemma]) => lemma),
  };
}

/** Merges `extra` into `base`: forms of the same lemma are added, new lemmas appended. */
export function mergeLexicon(base: LexiconSpec, extra: LexiconSpec): LexiconSpec {
  const mergeMap = (a: LexiconSpec['acts'], b: LexiconSpec['acts']): Record<string, string[]> => {
    const out: Record<string, string[]> = {};
    for (const [lemma, forms] of Object.entries(a ?? {})) out[lemma] = [...forms];
    for (const [lemma, forms] of Object.entries(b ?? {}))
      out[lemma] = [...(out[lemma] ?? []), ...forms];
    return out;
  };
  const s = base.strength ?? {};
  const e = extra.strength ?? {};
  const ladders: Record<string, Record<string, number>> = {};
  for (const [name, levels] of [
    ...Object.entries(base.ladders ?? {}),
    ...Object.entries(extra.ladders ?? {}),
  ])
    ladders[name] = { ...ladders[name], ...levels };
  return {
    acts: mergeMap(base.acts, extra.acts),
    actions: mergeMap(base.actions, extra.actions),
    families: mergeMap(base.families, extra.families),
    ladders,
    context: [...(base.context ?? []), ...(extra.context ?? [])],
    reasons: { ...base.reasons, ...extra.reasons },
    strength: {
      modals: { ...s.modals, ...e.modals },
      intensifiers: [...(s.intensifiers ?? []), ...(e.intensifiers ?? [])],
      hedges: [...(s.hedges ?? []), ...(e.hedges ?? [])],
      absolutes: [...(s.absolutes ?? []), ...(e.absolutes ?? [])],
    },
  };
}

/**
 * The regular inflections of a one-word verb form ("lower" → lowers, lowered, lowering;
 * "raise" → raised, raising; "study" → studied; "stop" → stopped), so that the verbs of
 * undertaking are found in past-tense narrative ("The Committee raised …") as well.
 */
export function inflections(form: string): string[] {
  if (!/^[a-z]+$/.test(form)) return [form];
  const out = [form, `${form}s`, `${form}es`];
  if (form.endsWith('e')) out.push(`${form}d`, `${form.slice(0, -1)}ing`);
  else if (/[^aeiou]y$/.test(form))
    out.push(`${form.slice(0, -1)}ied`, `${form.slice(0, -1)}ies`, `${form}ing`);
  else {
    out.push(`${form}ed`, `${form}ing`);
    // "stop" → "stopped": one short vowel before one final consonant.
    if (/^[^aeiou]*[aeiou][bdgmnprt]$/.test(form))
      out.push(`${form}${form.slice(-1)}ed`, `${form}${form.slice(-1)}ing`);
  }
  return out;
}

/** Compiles a spec into matchers. */
export function compileLexicon(spec: LexiconSpec): Lexicon {
  const entries = (map: LexiconSpec['acts']) =>
    Object.entries(map ?? {})
      .map(([lemma, forms]) => ({ lemma, pattern: wordsPattern(forms, 'iu') }))
      .filter((e): e is { lemma: string; pattern: RegExp } => e.pattern !== null);
  const strength = spec.strength ?? {};
  const familyOf = new Map<string, string>();
  for (const [family, lemmas] of Object.entries(spec.families ?? {}))
    for (const lemma of lemmas) familyOf.set(lemma, family);
  const ladderOf = new Map<string, { ladder: string; level: number }>();
  for (const [ladder, levels] of Object.entries(spec.ladders ?? {}))
    for (const [lemma, level] of Object.entries(levels)) ladderOf.set(lemma, { ladder, level });
  return {
    familyOf,
    ladderOf,
    context: wordsPattern(spec.context ?? [], 'iu'),
    reasons: new Map(Object.entries(spec.reasons ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    acts: entries(spec.acts),
    actions: entries(spec.actions),
    actMatchers: [
      lemmaMatcher(spec.acts),
      lemmaMatcher(
        Object.fromEntries(
          Object.entries(spec.actions ?? {}).map(([lemma, forms]) => [
            lemma,
            forms.flatMap(inflections),
          ]),
        ),
      ),
    ].filter((m): m is LemmaMatcher => m !== null),
    modals: new Map(Object.entries(strength.modals ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    modalPattern: wordsPattern(Object.keys(strength.modals ?? {}), 'u'),
    intensifiers: wordsPattern(strength.intensifiers ?? []),
    hedges: wordsPattern(strength.hedges ?? []),
    absolutes: wordsPattern(strength.absolutes ?? []),
    spec,
  };
}

/** The line of the key at `path` in the YAML a lexicon was read from, when it can be found. */
export type LineOf = (path: readonly string[]) => number | undefined;

type StrengthSpec = NonNullable<LexiconSpec['strength']>;

const LEXICON_KEYS = [
  'acts',
  'actions',
  'families',
  'ladders',
  'context',
  'reasons',
  'strength',
] as const;
const STRENGTH_LISTS = ['intensifiers', 'hedges', 'absolutes'] as const;
const STRENGTH_KEYS = ['modals', ...STRENGTH_LISTS] as const;
const SHAPE = 'acts/actions as "lemma: [forms]" and strength as in docs/glossary.md';

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list of words: strings that are not blank. */
function isWordList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((w) => typeof w === 'string' && w.trim() !== '');
}

/** `value` as short JSON for a message. */
function shown(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

/**
 * Validates a parsed YAML lexicon (a `--lexicon` file, or the lexicon keys of a series.yaml) and
 * returns a clean copy: every field is checked, and a field of the wrong type is `E_LEXICON`
 * naming `file`, and the line of the field when `lineOf` finds it.
 */
export function readLexiconSpec(
  data: unknown,
  file: string,
  lineOf: LineOf = () => undefined,
): LexiconSpec {
  const fail = (path: readonly string[], what: string, expected = SHAPE): never => {
    const line = path.length > 0 ? lineOf(path) : undefined;
    throw new UserError('E_LEXICON', `lexicon ${what}`, {
      location: line === undefined ? { file } : { file, line },
      expected,
    });
  };
  if (data === null || data === undefined) return {};
  if (!isMapping(data)) return fail([], 'is not a mapping');
  for (const key of Object.keys(data)) {
    if (!(LEXICON_KEYS as readonly string[]).includes(key))
      fail(
        [key],
        `key "${key}" is unknown`,
        'one of acts, actions, families, ladders, context, reasons or strength',
      );
  }
  const spec: { -readonly [K in keyof LexiconSpec]: LexiconSpec[K] } = {};
  for (const key of ['acts', 'actions', 'families'] as const) {
    const value = data[key];
    if (value === undefined || value === null) continue;
    if (!isMapping(value)) return fail([key], `"${key}" is not a mapping`);
    const lemmas: [string, string[]][] = [];
    for (const [lemma, forms] of Object.entries(value)) {
      if (!isWordList(forms)) return fail([key, lemma], `"${key}.${lemma}" is not a list of words`);
      lemmas.push([lemma, forms]);
    }
    // fromEntries: a lemma such as "__proto__" stays a plain key.
    spec[key] = Object.fromEntries(lemmas);
  }
  const ladders = data['ladders'];
  if (ladders !== undefined && ladders !== null) {
    if (!isMapping(ladders)) return fail(['ladders'], '"ladders" is not a mapping');
    const out: [string, Record<string, number>][] = [];
    for (const [name, levels] of Object.entries(ladders)) {
      if (!isMapping(levels)) return fail(['ladders', name], `"ladders.${name}" is not a mapping`);
      const kept: [string, number][] = [];
      for (const [lemma, level] of Object.entries(levels)) {
        if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 5)
          fail(
            ['ladders', name, lemma],
            `"ladders.${name}.${lemma}" is ${shown(level)}`,
            'a strength level: a whole number from 1 to 5',
          );
        kept.push([lemma, level as number]);
      }
      out.push([name, Object.fromEntries(kept)]);
    }
    spec.ladders = Object.fromEntries(out);
  }
  const context = data['context'];
  if (context !== undefined && context !== null) {
    if (!isWordList(context)) return fail(['context'], '"context" is not a list of words');
    spec.context = context;
  }
  const reasons = data['reasons'];
  if (reasons !== undefined && reasons !== null) {
    if (!isMapping(reasons)) return fail(['reasons'], '"reasons" is not a mapping');
    for (const [entry, reason] of Object.entries(reasons))
      if (typeof reason !== 'string' || reason.trim() === '')
        fail(['reasons', entry], `"reasons.${entry}" is ${shown(reason)}`, 'a reason in words');
    spec.reasons = Object.fromEntries(Object.entries(reasons) as [string, string][]);
  }
  const strength = data['strength'];
  if (strength !== undefined && strength !== null) {
    if (!isMapping(strength)) return fail(['strength'], '"strength" is not a mapping');
    for (const key of Object.keys(strength)) {
      if (!(STRENGTH_KEYS as readonly string[]).includes(key))
        fail(
          ['strength', key],
          `key "strength.${key}" is unknown`,
          'one of modals, intensifiers, hedges or absolutes',
        );
    }
    const out: { -readonly [K in keyof StrengthSpec]: StrengthSpec[K] } = {};
    const modals = strength['modals'];
    if (modals !== undefined && modals !== null) {
      if (!isMapping(modals))
        return fail(['strength', 'modals'], '"strength.modals" is not a mapping');
      const levels: [string, number][] = [];
      for (const [word, level] of Object.entries(modals)) {
        if (word.trim() === '')
          fail(['strength', 'modals', word], '"strength.modals" has an empty word');
        if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 5) {
          fail(
            ['strength', 'modals', word],
            `"strength.modals.${word}" is ${shown(level)}`,
            'a strength level: a whole number from 1 to 5',
          );
        }
        levels.push([word, level as number]);
      }
      out.modals = Object.fromEntries(levels);
    }
    for (const key of STRENGTH_LISTS) {
      const words = strength[key];
      if (words === undefined || words === null) continue;
      if (!isWordList(words))
        return fail(['strength', key], `"strength.${key}" is not a list of words`);
      out[key] = words;
    }
    spec.strength = out;
  }
  return spec;
}

let defaultSpec: LexiconSpec | undefined;

/** The default lexicon shipped with the tool (src/analyse/lexicon.yaml). */
export function defaultLexiconSpec(): LexiconSpec {
  // The build writes lexicon.json beside lexicon.yaml: parsing the YAML took ~70 ms of start-up.
  const json = new URL('./lexicon.json', import.meta.url);
  defaultSpec ??= readLexiconSpec(
    existsSync(json)
      ? JSON.parse(readFileSync(json, 'utf8'))
      : parse(readFileSync(new URL('./lexicon.yaml', import.meta.url), 'utf8')),
    'lexicon.yaml',
  );
  return defaultSpec;
}
