/** The speech-act lexicon: loaded from lexicon.yaml, extensible by users, compiled to matchers. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { UserError } from '../model/errors.js';

/** A lexicon as written in YAML (the default file or a user's extension). */
export interface LexiconSpec {
  /** Speech acts: lemma → surface forms. */
  readonly acts?: Readonly<Record<string, readonly string[]>>;
  /** Verbs of undertaking, used when no act is found: lemma → forms. */
  readonly actions?: Readonly<Record<string, readonly string[]>>;
  /** Strength words. */
  readonly strength?: {
    readonly modals?: Readonly<Record<string, number>>;
    readonly intensifiers?: readonly string[];
    readonly hedges?: readonly string[];
    readonly absolutes?: readonly string[];
  };
}

/** A lexicon ready for matching. */
export interface Lexicon {
  /** Acts in priority order; each form is a whole-word, case-insensitive pattern. */
  readonly acts: readonly { readonly lemma: string; readonly pattern: RegExp }[];
  readonly actions: readonly { readonly lemma: string; readonly pattern: RegExp }[];
  readonly modals: ReadonlyMap<string, number>;
  /** The modal verbs as one whole-word, case-sensitive (lower-case) pattern. */
  readonly modalPattern: RegExp | null;
  readonly intensifiers: RegExp | null;
  readonly hedges: RegExp | null;
  readonly absolutes: RegExp | null;
  /** The merged spec, for reports that show which lexicon was used. */
  readonly spec: LexiconSpec;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A whole-word, case-insensitive alternation of `forms`, longest first. */
export function wordsPattern(forms: readonly string[], flags = 'giu'): RegExp | null {
  if (forms.length === 0) return null;
  const sorted = [...new Set(forms.map((f) => f.toLowerCase()))].sort(
    (a, b) => b.length - a.length || a.localeCompare(b),
  );
  return new RegExp(
    `(?<![\\p{L}\\p{N}-])(?:${sorted.map(escape).join('|')})(?![\\p{L}\\p{N}-])`,
    flags,
  );
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
  return {
    acts: mergeMap(base.acts, extra.acts),
    actions: mergeMap(base.actions, extra.actions),
    strength: {
      modals: { ...s.modals, ...e.modals },
      intensifiers: [...(s.intensifiers ?? []), ...(e.intensifiers ?? [])],
      hedges: [...(s.hedges ?? []), ...(e.hedges ?? [])],
      absolutes: [...(s.absolutes ?? []), ...(e.absolutes ?? [])],
    },
  };
}

/** Compiles a spec into matchers. */
export function compileLexicon(spec: LexiconSpec): Lexicon {
  const entries = (map: LexiconSpec['acts']) =>
    Object.entries(map ?? {})
      .map(([lemma, forms]) => ({ lemma, pattern: wordsPattern(forms, 'iu') }))
      .filter((e): e is { lemma: string; pattern: RegExp } => e.pattern !== null);
  const strength = spec.strength ?? {};
  return {
    acts: entries(spec.acts),
    actions: entries(spec.actions),
    modals: new Map(Object.entries(strength.modals ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    modalPattern: wordsPattern(Object.keys(strength.modals ?? {}), 'u'),
    intensifiers: wordsPattern(strength.intensifiers ?? []),
    hedges: wordsPattern(strength.hedges ?? []),
    absolutes: wordsPattern(strength.absolutes ?? []),
    spec,
  };
}

/** Validates a parsed YAML lexicon; `file` names it in errors. */
export function readLexiconSpec(data: unknown, file: string): LexiconSpec {
  const fail = (what: string): never => {
    throw new UserError('E_LEXICON', `lexicon ${what}`, {
      location: { file },
      expected: 'acts/actions as "lemma: [forms]" and strength as in docs/glossary.md',
    });
  };
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) return fail('is not a mapping');
  const record = data as Record<string, unknown>;
  for (const key of ['acts', 'actions'] as const) {
    const value = record[key];
    if (value === undefined) continue;
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return fail(`"${key}" is not a mapping`);
    for (const [lemma, forms] of Object.entries(value)) {
      if (!Array.isArray(forms) || !forms.every((f) => typeof f === 'string')) {
        return fail(`"${key}.${lemma}" is not a list of words`);
      }
    }
  }
  return record as LexiconSpec;
}

let defaultSpec: LexiconSpec | undefined;

/** The default lexicon shipped with the tool (src/analyse/lexicon.yaml). */
export function defaultLexiconSpec(): LexiconSpec {
  defaultSpec ??= readLexiconSpec(
    parse(readFileSync(new URL('./lexicon.yaml', import.meta.url), 'utf8')),
    'lexicon.yaml',
  );
  return defaultSpec;
}
