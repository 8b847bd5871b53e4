/** Analyse stage: one commitment per sentence with actor, act, strength, entities and enumeration items. */
import type {
  Actor,
  Commitment,
  Entity,
  Party,
  Sentence,
  Statement,
  Strength,
  StrengthLevel,
} from '../model/statement.js';
import { paragraphsOf } from '../parse/walk-statement.js';
import { extractEntities } from './extract-entities.js';
import { extractItems } from './extract-items.js';
import type { Lexicon } from './lexicon.js';
import { compileLexicon, defaultLexiconSpec, wordsPattern } from './lexicon.js';

/** Who may commit in a series: parties, phrases for both sides, and bodies. */
export interface ActorConfig {
  /** Parties and their aliases (frontmatter `parties` wins over the series config). */
  readonly parties?: readonly Party[];
  /** Phrases that name all parties together (default: "the two sides", "both sides" …). */
  readonly both?: readonly string[];
  /** Bodies that speak for themselves (default: "the Committee", "the Council" …). */
  readonly bodies?: readonly string[];
}

/** Options for {@link analyseStatement}. */
export interface AnalyseOptions extends ActorConfig {
  /** Compiled lexicon (default: the shipped lexicon.yaml). */
  readonly lexicon?: Lexicon;
}

/** Phrases that name both sides when a series gives none. */
export const DEFAULT_BOTH = [
  'the two sides',
  'both sides',
  'the two countries',
  'both countries',
  'the two ministers',
  'both ministers',
  'the two foreign ministers',
  'the ministers',
  'the leaders',
  'the two leaders',
  'the parties',
  'the two parties',
  'both parties',
  'we',
  'the two governments',
  'both governments',
];

/** Bodies that commit in their own name when a series gives none. */
export const DEFAULT_BODIES = [
  'the Committee',
  'the Federal Open Market Committee',
  'the Council',
  'the Security Council',
  'the General Assembly',
  'the Board',
  'the Governing Council',
  'the Assembly',
  'the Summit',
  'the Group',
];

/**
 * Sentence openers that refer back to the previous actor.
 * Why: press releases chain "The two sides agreed …. They also …" (docs/tricky-cases.md).
 */
const ANAPHORA = /^(?:they|both|it|he|she|the two|each side)\b/i;

let cachedDefault: Lexicon | undefined;

function defaultLexicon(): Lexicon {
  cachedDefault ??= compileLexicon(defaultLexiconSpec());
  return cachedDefault;
}

interface ActorMatcher {
  readonly actor: Actor;
  readonly pattern: RegExp;
}

function actorMatchers(config: ActorConfig): ActorMatcher[] {
  const matchers: ActorMatcher[] = [];
  const add = (actor: Actor, forms: string[]): void => {
    const pattern = wordsPattern(forms);
    if (pattern) matchers.push({ actor, pattern });
  };
  add({ kind: 'both', name: 'both sides' }, [...(config.both ?? DEFAULT_BOTH)]);
  for (const party of config.parties ?? []) {
    add({ kind: 'party', name: party.name }, [
      party.name,
      ...party.aliases,
      `the ${party.name} side`,
      `${party.name} side`,
    ]);
  }
  for (const body of config.bodies ?? DEFAULT_BODIES) {
    add({ kind: 'body', name: body }, [body]);
  }
  return matchers;
}

/** The act of `text` and where it stands: speech acts first, then verbs of undertaking. */
function findAct(text: string, lexicon: Lexicon): { lemma: string; index: number } | undefined {
  for (const { pattern, lemmas } of lexicon.actMatchers) {
    const m = pattern.exec(text);
    if (!m) continue;
    const group = m.findIndex((g, i) => i > 0 && g !== undefined);
    const lemma = lemmas[group - 1];
    if (lemma !== undefined) return { lemma, index: m.index };
  }
  return undefined;
}

/** The actor mentioned last before `before` (the subject of the act), ignoring possessives. */
function findActor(
  text: string,
  before: number,
  matchers: readonly ActorMatcher[],
): Actor | undefined {
  let best: { actor: Actor; end: number; length: number } | undefined;
  for (const { actor, pattern } of matchers) {
    pattern.lastIndex = 0;
    for (const m of text.matchAll(pattern)) {
      const end = m.index + m[0].length;
      if (end > before) break;
      if (/^['’]s\b/.test(text.slice(end, end + 3))) continue;
      if (!best || end > best.end || (end === best.end && m[0].length > best.length)) {
        best = { actor, end, length: m[0].length };
      }
    }
  }
  return best?.actor;
}

function countMatches(pattern: RegExp | null, text: string): string[] {
  if (!pattern) return [];
  pattern.lastIndex = 0;
  return [...text.matchAll(pattern)].map((m) => m[0].toLowerCase());
}

/** The modal pattern without its flags but `u`, compiled once per lexicon (was once per sentence). */
const firstModalPatterns = new WeakMap<RegExp, RegExp>();

function firstModalPattern(pattern: RegExp): RegExp {
  let first = firstModalPatterns.get(pattern);
  if (!first) {
    first = new RegExp(pattern.source, 'u');
    firstModalPatterns.set(pattern, first);
  }
  return first;
}

/** Places a sentence on the 1–5 strength scale of docs/glossary.md. */
export function measureStrength(text: string, lexicon: Lexicon): Strength {
  const markers: string[] = [];
  let level = 3;
  // Lower case only: "In May, …" is a month, not a modal (docs/tricky-cases.md).
  const modal = lexicon.modalPattern ? firstModalPattern(lexicon.modalPattern).exec(text) : null;
  if (modal) {
    const value = lexicon.modals.get(modal[0]);
    if (value !== undefined) {
      level = value;
      markers.push(modal[0]);
    }
  }
  const absolutes = countMatches(lexicon.absolutes, text);
  const intensifiers = countMatches(lexicon.intensifiers, text);
  const hedges = countMatches(lexicon.hedges, text);
  markers.push(...absolutes, ...intensifiers, ...hedges);
  level += intensifiers.length - hedges.length;
  if (absolutes.length > 0) level = 5;
  const clamped = Math.min(5, Math.max(1, level)) as StrengthLevel;
  return { level: clamped, markers: [...new Set(markers)].sort() };
}

/**
 * Words that open a clause but never a name: prepositions, conjunctions, determiners, pronouns
 * and sentence adverbs ("To provide support, …", "In light of …", "This assessment …").
 */
const NOT_A_NAME =
  /^(?:to|in|on|at|for|with|without|after|before|since|as|by|from|during|while|when|whereas|if|although|though|because|given|following|consistent|moreover|however|furthermore|meanwhile|accordingly|nevertheless|additionally|also|the|this|these|that|those|its|their|our|his|her|a|an|some|any|all|each|every|such|many|most|both)$/i;
/** Words that may stand in lower case inside a name ("Ministry of Foreign Affairs"). */
const NAME_CONNECTOR = /^(?:of|and|for|the|on|de|del|la|le|al|el|und|da)$/;

/**
 * A short subject in title case right before the act ("Freedonia welcomed …", "The Federal
 * Reserve will …") names a party that the frontmatter did not declare. Why: plain-text and HTML
 * inputs often carry no parties (test/fixtures/parse/plain-text). Every word but a connector must
 * be capitalised and the first must not be a function word, so that "To provide support, …",
 * "Inflation is …" or "This assessment …" name no party (they did, 170 times in the FOMC corpus).
 */
function subjectAsParty(before: string): Actor | undefined {
  const subject = before
    .trim()
    .replace(
      /\s+(?:also|further|again|firmly|fully|strongly|will|shall|would|could|may|must|should)$/i,
      '',
    )
    .replace(/^the\s+/i, '');
  if (
    subject === '' ||
    subject.split(/\s+/).length > 4 ||
    !/^\p{Lu}/u.test(subject) ||
    ANAPHORA.test(subject)
  ) {
    return undefined;
  }
  if (/[,;:()]/.test(subject)) return undefined;
  const words = subject.split(/\s+/);
  const last = words[words.length - 1] ?? '';
  if (NOT_A_NAME.test(words[0] ?? '') || NAME_CONNECTOR.test(last)) return undefined;
  if (!words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || NAME_CONNECTOR.test(w))) return undefined;
  return { kind: 'party', name: subject };
}

/** Analyses one sentence; `previous` is the actor of the sentence before, for "They …". */
export function analyseSentence(
  sentence: Sentence,
  previous: Actor | undefined,
  lexicon: Lexicon,
  matchers: readonly ActorMatcher[],
  names: ReadonlySet<string>,
): Commitment {
  const text = sentence.text;
  const act = findAct(text, lexicon);
  let actor = findActor(text, act ? act.index : text.length, matchers);
  if (!actor && act && ANAPHORA.test(text) && previous && previous.kind !== 'none')
    actor = previous;
  if (!actor && act) actor = subjectAsParty(text.slice(0, act.index));
  if (
    !actor &&
    act &&
    /\b(?:it was|it is|were|was) (?:agreed|decided|resolved|noted)\b/i.test(text)
  ) {
    actor = { kind: 'both', name: 'both sides' };
  }
  const resolved: Actor = actor ?? { kind: 'none', name: 'none' };
  const items = act ? extractItems(text, act.index) : [];
  const itemKeys = new Set(items.map((item) => item.toLowerCase()));
  const entities: Entity[] = [];
  for (const entity of extractEntities(text)) {
    if (entity.kind === 'figure') {
      entities.push(entity);
      continue;
    }
    // "China and Pakistan": a name joined to a party name is two mentions, not one name.
    const parts = entity.text.split(/\s+and\s+/);
    const known = (part: string): boolean => names.has(part.toLowerCase().replace(/^the /, ''));
    // "Xizang and Hong Kong" inside "Taiwan, Xinjiang, Xizang and Hong Kong": list items, not one name.
    const listed = parts.length > 1 && parts.some((p) => itemKeys.has(p.toLowerCase()));
    const kept =
      parts.length > 1 && (listed || parts.some(known))
        ? parts.filter((p) => !known(p))
        : known(entity.text)
          ? []
          : [entity.text];
    for (const part of kept) entities.push({ kind: 'name', text: part, value: part.toLowerCase() });
  }
  return {
    id: `c:${sentence.id}`,
    sentenceId: sentence.id,
    text,
    actor: resolved,
    act: act?.lemma ?? 'state',
    isContext: resolved.kind === 'none' || act === undefined,
    strength: measureStrength(text, lexicon),
    entities,
    items,
    span: sentence.span,
  };
}

/** Every sentence of `statement` in document order. */
export function sentencesOf(statement: Statement): Sentence[] {
  return paragraphsOf(statement).flatMap((p) => p.sentences);
}

/** Returns `statement` with its commitments: one per sentence, in document order. */
export function analyseStatement(statement: Statement, options: AnalyseOptions = {}): Statement {
  const lexicon = options.lexicon ?? defaultLexicon();
  const config: ActorConfig = {
    parties: statement.meta.parties ?? options.parties ?? [],
    ...(options.both ? { both: options.both } : {}),
    ...(options.bodies ? { bodies: options.bodies } : {}),
  };
  const matchers = actorMatchers(config);
  const names = new Set<string>();
  for (const party of config.parties ?? []) {
    for (const name of [party.name, ...party.aliases]) {
      const key = name.toLowerCase().replace(/^the /, '');
      names.add(key);
      // "the Pakistani side" → "Pakistani" is the party too, not a name in its own right.
      if (key.endsWith(' side')) names.add(key.slice(0, -' side'.length));
    }
  }
  for (const name of [...(config.both ?? DEFAULT_BOTH), ...(config.bodies ?? DEFAULT_BODIES)]) {
    names.add(name.toLowerCase().replace(/^the /, ''));
  }
  const commitments: Commitment[] = [];
  let previous: Actor | undefined;
  for (const sentence of sentencesOf(statement)) {
    const commitment = analyseSentence(sentence, previous, lexicon, matchers, names);
    commitments.push(commitment);
    if (commitment.actor.kind !== 'none') previous = commitment.actor;
  }
  return { ...statement, commitments };
}
