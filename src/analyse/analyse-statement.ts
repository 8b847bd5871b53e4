/** Analyse stage: one commitment per sentence with actor, act, strength, entities and enumeration items. */
import { countries } from 'countries-list';
import type {
  Actor,
  Commitment,
  CommitmentRole,
  Entity,
  Party,
  Sentence,
  Statement,
  Strength,
  StrengthLevel,
} from '../model/statement.js';
import { paragraphsOf } from '../parse/walk-statement.js';
import { ADVERBS_BEFORE_VERB, mainClause, withoutOpeningAside } from './clauses.js';
import { extractEntities } from './extract-entities.js';
import { extractItems } from './extract-items.js';
import { lemmatiseVerb, lightVerbAction } from './lemmatise-verb.js';
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

/** Capital cities by country name and alias, lower case (countries-list). */
let capitals: Map<string, string[]> | undefined;

/**
 * The capital of a declared party, as a metonym of it ("Beijing welcomed …" is China). Why from
 * countries-list: the capitals of every country are data, not code constants, and a party that is
 * not a country (a body, a bloc) simply has none.
 */
function capitalsOf(party: Party): string[] {
  if (!capitals) {
    capitals = new Map();
    for (const country of Object.values(countries) as {
      name: string;
      capital: string;
      alias?: string[];
    }[]) {
      if (!country.capital) continue;
      const forms = [country.capital];
      // "Washington D.C." is also "Washington".
      const short = country.capital.replace(/\s+D\.C\.$/, '');
      if (short !== country.capital) forms.push(short);
      for (const name of [country.name, ...(country.alias ?? [])])
        capitals.set(name.toLowerCase(), forms);
    }
  }
  for (const name of [party.name, ...party.aliases]) {
    const found = capitals.get(name.toLowerCase());
    if (found) return found;
  }
  return [];
}

let cachedDefault: Lexicon | undefined;

function defaultLexicon(): Lexicon {
  cachedDefault ??= compileLexicon(defaultLexiconSpec());
  return cachedDefault;
}

interface ActorMatcher {
  readonly actor: Actor;
  readonly pattern: RegExp;
  /** The forms in lower case: a sentence holding none of them is not searched (start-up and speed). */
  readonly needles: readonly string[];
}

function actorMatchers(config: ActorConfig): ActorMatcher[] {
  const matchers: ActorMatcher[] = [];
  const add = (actor: Actor, forms: string[]): void => {
    const pattern = wordsPattern(forms);
    if (pattern) matchers.push({ actor, pattern, needles: forms.map((f) => f.toLowerCase()) });
  };
  add({ kind: 'both', name: 'both sides' }, [...(config.both ?? DEFAULT_BOTH)]);
  for (const party of config.parties ?? []) {
    add({ kind: 'party', name: party.name }, [
      party.name,
      ...party.aliases,
      `the ${party.name} side`,
      `${party.name} side`,
      ...capitalsOf(party),
    ]);
  }
  for (const body of config.bodies ?? DEFAULT_BODIES) {
    add({ kind: 'body', name: body }, [body]);
  }
  return matchers;
}

/** The act of `text` and where it stands: speech acts first, then verbs of undertaking. */
interface FoundAct {
  readonly lemma: string;
  readonly index: number;
  /** One past the act's form. */
  readonly end: number;
  /** The form as written. */
  readonly form: string;
  /** True when the act is a verb of undertaking (`actions`), itself the action. */
  readonly isAction: boolean;
}

/** The act patterns with the `g` flag, compiled once per lexicon. */
const globalPatterns = new WeakMap<RegExp, RegExp>();

function globalPattern(pattern: RegExp): RegExp {
  let g = globalPatterns.get(pattern);
  if (!g) {
    g = new RegExp(pattern.source, `${pattern.flags}g`);
    globalPatterns.set(pattern, g);
  }
  return g;
}

/**
 * Words before an act's form that make it a noun, not the act: "in support of its goals", "its
 * support for China", "the welcome given" (FOMC: "In support of its goals, the Committee decided …").
 */
const NOUN_BEFORE =
  /(?:^|[\s(])(?:in|of|for|with|the|its|their|his|her|our|a|an|this|that|such)\s+$/i;
/**
 * The same with an adjective between: "under considerable stress", "with deep concern"; not an
 * adverbial phrase before a verb ("in particular welcomed", "in principle agreed").
 */
const NOUN_AFTER_ADJECTIVE =
  /(?:^|[\s(])(?:[Ii]n|[Oo]f|[Ff]or|[Ww]ith|[Uu]nder|[Aa]mid)\s+(?!(?:particular|principle|addition|turn|general|part|parallel|response|return|short|full|fact|person|writing|unison|concert|earnest)\s)[a-z]+\s+$/;

/** True when the act form at `index` of `text` is used as a noun. */
function isNounUse(text: string, index: number): boolean {
  return (
    NOUN_BEFORE.test(text.slice(Math.max(0, index - 8), index)) ||
    NOUN_AFTER_ADJECTIVE.test(text.slice(Math.max(0, index - 24), index))
  );
}

/** Auxiliaries and adverbs that may stand between a subject and its verb ("will further", "has also"). */
const BETWEEN_SUBJECT_AND_VERB =
  /\s+(?:will|shall|would|should|must|can|could|may|might|is|are|was|were|be|been|has|have|had|continues?|continued|also|further|jointly|together|now|again|still|then|thus|not|[a-z]+ly)$/i;
/** An aside between commas right before the verb ("China, as a close partner, will …"). */
const TRAILING_ASIDE = /,[^,;]{1,80},\s*$/;
/** Pronouns that may be the subject of an action. */
const SUBJECT_PRONOUN = /(?:^|\s)(?:it|they|we|he|she|both|all|each)$/i;

/**
 * True when the verb at `index` has an actor for its subject, or the sentence names no actor
 * before it: "Information received since the Committee met in October indicates that activity is
 * [expanding]" names the Committee, but activity is what expands (a verb of undertaking whose
 * subject is something else is no undertaking of the actor's). An infinitive is the actor's.
 */
function actorIsSubject(text: string, index: number, mentions: readonly Mention[]): boolean {
  // A pronoun opening the sentence stands for the actor ("It was … since [taking] up …").
  const ends = mentions.filter((m) => m.end <= index).map((m) => m.end);
  const pronoun = /^(?:it|they|he|she|we)\b/i.exec(text);
  if (pronoun) ends.push(pronoun[0].length);
  if (ends.length === 0) return true;
  // Only the words right before the verb matter: a window keeps a pathological sentence linear.
  const offset = Math.max(0, index - 300);
  let before = text.slice(offset, index).trimEnd();
  for (let previous = ''; previous !== before;) {
    previous = before;
    before = before.replace(BETWEEN_SUBJECT_AND_VERB, '').replace(TRAILING_ASIDE, '').trimEnd();
  }
  // An infinitive takes the actor's subject: "China expressed its readiness to [expand] …".
  if (before === '' || SUBJECT_PRONOUN.test(before) || /\bto$/i.test(before)) return true;
  return ends.includes(offset + before.length);
}

/** "<actor> will <verb>": the actor undertakes the verb, whatever verb it is. */
const WILL_VERB = new RegExp(
  `(?:,[^,;]{1,80},)?\\s+${ADVERBS_BEFORE_VERB}(?:will|shall)\\s+${ADVERBS_BEFORE_VERB}([a-z]+)\\b`,
  'y',
);

/**
 * The undertaking "<actor> will <verb>" (or "It/They will <verb>" opening the sentence) when the
 * verb is one the lemmatiser knows: "the Committee will [add] to its holdings", "The Committee will
 * [act] as needed" undertake what no list of verbs of undertaking can hold in full.
 */
function findWillVerb(
  text: string,
  mentions: readonly Mention[],
  lemma: string,
): FoundAct | undefined {
  if (!text.includes('will ') && !text.includes('shall ')) return undefined;
  const ends = mentions.map((m) => m.end);
  // A pronoun or a short subject in title case opening the sentence ("The Federal Reserve will …",
  // a party the frontmatter did not declare: subjectAsParty names it).
  const opening =
    /^(?:It|They|We|(?:[Tt]he\s+)?\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,3})(?=\s)/u.exec(text);
  if (opening && (/^(?:It|They|We)$/.test(opening[0]) || subjectAsParty(opening[0])))
    ends.push(opening[0].length);
  let best: FoundAct | undefined;
  // Sticky, from each subject's end: no copy of the sentence per mention.
  for (const end of ends.slice(0, 50)) {
    WILL_VERB.lastIndex = end;
    const m = WILL_VERB.exec(text);
    const word = m?.[1];
    if (!m || !word || !lemmatiseVerb(word)) continue;
    const index = end + m[0].length - word.length;
    if (!best || index < best.index)
      best = { lemma, index, end: index + word.length, form: word, isAction: true };
  }
  return best;
}

/**
 * The act of `text`: the first act form (acts before actions) after the first actor mention
 * (`after`), else the first in the sentence; forms used as nouns are skipped. A verb of
 * undertaking counts only with the actor as its subject, and "<actor> will <verb>" is an
 * undertaking too (the earlier of the two wins).
 */
function findAct(
  text: string,
  lexicon: Lexicon,
  after = 0,
  mentions: readonly Mention[] = [],
): FoundAct | undefined {
  const matchers = lexicon.actMatchers;
  for (let k = 0; k < matchers.length; k++) {
    const isActions = k > 0 || lexicon.acts.length === 0;
    const accept = isActions ? (f: FoundAct) => actorIsSubject(text, f.index, mentions) : undefined;
    let found = firstMatch(text, lexicon, k, after, accept);
    if (isActions && lexicon.actions[0]) {
      const will = findWillVerb(text, mentions, lexicon.actions[0].lemma);
      if (will && (!found || will.index < found.index)) found = will;
    }
    if (!found) continue;
    // "The Committee is maintaining its policy …, and it anticipates doing so until …": an act in
    // a second clause with a subject of its own leaves the sentence to the first clause's verb.
    if (k === 0 && matchers.length > 1) {
      const cut = SECOND_CLAUSE.exec(text.slice(0, found.index))?.index;
      const first =
        cut !== undefined
          ? firstMatch(text.slice(0, cut), lexicon, 1, after, (f) =>
              actorIsSubject(text, f.index, mentions),
            )
          : undefined;
      if (first) return first;
    }
    return found;
  }
  return undefined;
}

/** Where a second clause with its own subject starts (", and it …", "; they …"). */
const SECOND_CLAUSE = /(?:,\s+and|;)\s+(?:it|they|he|she|we|the committee|the council)\b/i;

/** The first match of matcher `k` (0 the acts, 1 the actions) at or after `after`, else the first before it. */
function firstMatch(
  text: string,
  lexicon: Lexicon,
  k: number,
  after: number,
  accept?: (found: FoundAct) => boolean,
): FoundAct | undefined {
  const matcher = lexicon.actMatchers[k];
  if (!matcher) return undefined;
  const { pattern, lemmas } = matcher;
  const toAct = (m: RegExpExecArray | RegExpMatchArray): FoundAct | undefined => {
    const index = m.index ?? 0;
    if (isNounUse(text, index)) return undefined;
    const group = m.findIndex((x, i) => i > 0 && x !== undefined);
    const lemma = lemmas[group - 1];
    if (lemma === undefined) return undefined;
    // The matchers are [acts, actions]; without acts, the only matcher is the actions'.
    return {
      lemma,
      index,
      end: index + m[0].length,
      form: m[0],
      isAction: k > 0 || lexicon.acts.length === 0,
    };
  };
  // One global pattern per lexicon (compiling a second, non-global copy cost start-up time).
  let first: FoundAct | undefined;
  const g = globalPattern(pattern);
  g.lastIndex = 0;
  for (let next = g.exec(text); next; next = g.exec(text)) {
    const found = toAct(next);
    if (!found || (accept && !accept(found))) continue;
    if (found.index >= after) return found;
    first ??= found;
  }
  return first;
}

/** Where the next act after `act` starts (a clause of its own), or undefined. */
function nextActStart(text: string, act: FoundAct, lexicon: Lexicon): number | undefined {
  const first = lexicon.actMatchers[0];
  if (!first || act.isAction) return undefined;
  const g = globalPattern(first.pattern);
  g.lastIndex = act.end;
  for (let m = g.exec(text); m; m = g.exec(text)) {
    if (!isNounUse(text, m.index)) return m.index;
  }
  return undefined;
}

/** End of the first actor mention, or 0 when there is none. */
function firstActorEnd(mentions: readonly Mention[]): number {
  let end = Infinity;
  for (const m of mentions) if (m.end < end) end = m.end;
  return end === Infinity ? 0 : end;
}

/** Words that may stand between "to" or a modal and the verb of the action. */
const ADVERB =
  /^(?:[a-z]+ly|further|also|jointly|together|not|still|now|again|soon|fully|better|more|both|all|each|then|thus)$/;
/** Words after "to" that show it is a preposition ("committed to the partnership"). */
const NOT_AFTER_TO =
  /^(?:the|a|an|its|their|his|her|our|your|this|that|these|those|all|each|any|some|such|every|other|which|whom|what|it|them|him|us)$/;
const MODAL_WORD = /^(?:will|shall|should|must|would|may|might|can|could)$/;

/**
 * The main verb of the committed action after the act (lemmatised): "decided to [lower]",
 * "urges all parties to [cease]", "agreed that disputes should be [settled]", "committed to
 * [building]"; the act's own verb when it is a verb of undertaking ("will [initiate] purchases").
 * Only verbs the lemmatiser knows count (src/analyse/lemmatise-verb.ts).
 */
function findAction(text: string, act: FoundAct): { lemma: string; end: number } | undefined {
  if (act.isAction) {
    const lemma = lemmatiseVerb(act.form.split(/\s+/)[0] ?? '');
    // "will keep supporting", "continued expanding": the action is the verb in -ing.
    const next = /^\s+([a-z]+ing)\b/.exec(text.slice(act.end));
    if ((lemma === 'keep' || lemma === 'continue') && next?.[1]) {
      const ing = lemmatiseVerb(next[1]);
      if (ing) return { lemma: ing, end: act.end + next[0].length };
    }
    return lemma ? { lemma, end: act.end } : undefined;
  }
  const clause = /^[^;:.]*/.exec(text.slice(act.end))?.[0] ?? '';
  const words = [...clause.matchAll(/[\p{L}][\p{L}'’-]*/gu)].slice(0, 14);
  const verbAfter = (from: number, strict: boolean): { lemma: string; end: number } | undefined => {
    let i = from;
    while (i < words.length && ADVERB.test((words[i]?.[0] ?? '').toLowerCase())) i++;
    // "continue to support", "be settled", "have begun": the action is the verb after them.
    for (;;) {
      const w = (words[i]?.[0] ?? '').toLowerCase();
      if (w === 'continue' && (words[i + 1]?.[0] ?? '').toLowerCase() === 'to') i += 2;
      else if (w === 'be' || w === 'been' || w === 'have' || w === 'has') i += 1;
      else break;
      while (i < words.length && ADVERB.test((words[i]?.[0] ?? '').toLowerCase())) i++;
    }
    const word = words[i];
    if (!word) return undefined;
    const lower = word[0].toLowerCase();
    if (word[0] !== lower || NOT_AFTER_TO.test(lower)) return undefined;
    const lemma = lemmatiseVerb(lower);
    if (!lemma && strict) return undefined;
    return lemma ? { lemma, end: act.end + (word.index ?? 0) + word[0].length } : undefined;
  };
  // "committed to [building]": the act's form ends in "to".
  if (/\bto$/i.test(act.form)) {
    const found = verbAfter(0, true);
    if (found) return found;
  }
  for (let i = 0; i < words.length && i < 10; i++) {
    const w = (words[i]?.[0] ?? '').toLowerCase();
    if (w === 'to' || MODAL_WORD.test(w)) {
      const found = verbAfter(i + 1, true);
      if (found) return found;
    }
  }
  return undefined;
}

/** The action of a light verb is its noun's: "decided to make a further reduction" reduces. */
function withLightVerb(
  text: string,
  found: { lemma: string; end: number } | undefined,
): { lemma: string; end: number } | undefined {
  if (!found) return undefined;
  const words = text
    .slice(found.end)
    .toLowerCase()
    .split(/[^\p{L}'’-]+/u)
    .filter((w) => w !== '')
    .slice(0, 6);
  const lemma = lightVerbAction(found.lemma, words);
  return lemma ? { lemma, end: found.end } : found;
}

/** Sentence openers that name the meeting itself ("The dialogue was …", "This round …"). */
const MEETING_SUBJECT =
  /^(?:the|this)\s+(?:[\p{L}'’-]+\s+){0,5}?(?:dialogue|meeting|talks|session|round|mechanism|summit|conference|visit|consultations)\s+(?:is|was|has|had|were|are|marks|marked|took|covered|focused)\b/iu;

/** Act families whose sentences stay commitments even when a context phrase occurs in them. */
const COMMITTING_FAMILIES = new Set(['commit', 'urge', 'oppose', 'support', 'affirm', 'seek']);

/**
 * Words by which a judgement speaks of the actor's own course ("conditions are likely to warrant
 * low rates", "accommodation will remain appropriate", "the stance of policy"): guidance.
 */
const OWN_COURSE = /\b(?:appropriate|warrant(?:s|ed)?|polic(?:y|ies))\b/i;

/**
 * A judgement about how the world will go commits nobody: "expects inflation to return to 2
 * percent", "anticipates that inflation would run below …", "judges that there has been
 * improvement". One about the actor's own course commits it: "expects to begin reducing its
 * holdings", "anticipates doing so until …" (the actor is the subject of the infinitive or the
 * gerund), "expects it will be appropriate to raise", "anticipates that conditions are likely to
 * warrant low rates" (docs/glossary.md#role).
 * An aside between commas ("expects that, with gradual adjustments in policy, activity will
 * expand") is not the object.
 */
function isForecast(text: string, act: FoundAct): boolean {
  // Expecting and judging are about the world; monitoring and determining are things one does.
  if (act.lemma !== 'expect' && act.lemma !== 'judge') return false;
  const object = withoutOpeningAside(text.slice(act.end))
    .replace(/^\s*that\b/i, '')
    .trim();
  // "expects to begin …", "anticipates doing so …": the actor is the subject of what follows.
  if (/^(?:to\b|\p{L}+ing\b)/iu.test(object)) return false;
  return !OWN_COURSE.test(object);
}

/** The role of a sentence (docs/glossary.md#role). */
function roleOf(
  text: string,
  actor: Actor,
  act: FoundAct | undefined,
  family: string,
  lexicon: Lexicon,
): CommitmentRole {
  if (family === 'narrative') return 'context';
  if (!COMMITTING_FAMILIES.has(family)) {
    if (lexicon.context) {
      lexicon.context.lastIndex = 0;
      if (lexicon.context.test(text)) return 'context';
    }
    if (MEETING_SUBJECT.test(text)) return 'context';
  }
  if (actor.kind === 'none' || act === undefined) return 'assessment';
  if (family === 'judge' && isForecast(text, act)) return 'assessment';
  return 'commitment';
}

/**
 * The body a resolution speaks for, from its opening line ("*The Security Council*,"): every
 * preambular and operative paragraph after it has that body as actor.
 */
const SPEAKER_LINE =
  /^(?:[Tt]he\s+)?((?:\p{Lu}[\p{L}-]*\s+){0,4}(?:Council|Assembly|Committee|Board|Conference|Commission|Summit|Group|Organization|Organisation|Parliament))\s*,$/u;

/** The actor mentioned last before `before` (the subject of the act), ignoring possessives. */
/** One mention of an actor in a sentence (possessives such as "China's" left out). */
interface Mention {
  readonly actor: Actor;
  readonly end: number;
  readonly length: number;
}

/** Every actor mention of `text`, found once per sentence for both the act and the actor. */
function actorMentions(text: string, matchers: readonly ActorMatcher[]): Mention[] {
  const mentions: Mention[] = [];
  const lower = text.toLowerCase();
  for (const { actor, pattern, needles } of matchers) {
    if (!needles.some((n) => lower.includes(n))) continue;
    pattern.lastIndex = 0;
    for (const m of text.matchAll(pattern)) {
      const end = m.index + m[0].length;
      if (/^['’]s\b/.test(text.slice(end, end + 3))) continue;
      mentions.push({ actor, end, length: m[0].length });
    }
  }
  return mentions;
}

/** The actor mentioned last before `before` (the subject of the act). */
function findActor(mentions: readonly Mention[], before: number): Actor | undefined {
  let best: Mention | undefined;
  for (const m of mentions) {
    if (m.end > before) continue;
    if (!best || m.end > best.end || (m.end === best.end && m.length > best.length)) best = m;
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

/**
 * Places a sentence on the 1–5 strength scale of docs/glossary.md: the act's ladder level (else
 * 3), moved by the first modal (its value minus 3), +1 per intensifier, −1 per hedge; an absolute
 * sets 5.
 */
export function measureStrength(
  text: string,
  lexicon: Lexicon,
  act?: string,
  scopeEnd?: number,
): Strength {
  const markers: string[] = [];
  const rung = act === undefined ? undefined : lexicon.ladderOf.get(act);
  const base = rung?.level ?? 3;
  let level = base;
  // Lower case only: "In May, …" is a month, not a modal (docs/tricky-cases.md). A modal counts
  // for the act it follows, not for a later act of the sentence ("decided to raise … and
  // anticipates that ongoing increases will be appropriate": the decision is not "will").
  const scope = scopeEnd === undefined ? text : text.slice(0, scopeEnd);
  const modal = lexicon.modalPattern ? firstModalPattern(lexicon.modalPattern).exec(scope) : null;
  if (modal) {
    const value = lexicon.modals.get(modal[0]);
    if (value !== undefined) {
      level += value - 3;
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
  return {
    level: clamped,
    markers: [...new Set(markers)].sort(),
    base,
    ...(rung ? { ladder: rung.ladder } : {}),
  };
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

/** What the sentences before tell about the actor of the next: the last actor, and the last joint or body actor. */
export interface ActorContext {
  /** Actor of the sentence before that has one. */
  readonly previous?: Actor;
  /** The last actor naming all sides or a body ("They" refers back to it past a one-party sentence). */
  readonly plural?: Actor;
  /** The body a resolution speaks for (from "*The Security Council*,"). */
  readonly speaker?: Actor;
  /** Number of declared parties. */
  readonly parties: number;
}

/** Sentence openers that refer back to a plural actor ("They", "Both", "The two"). */
const PLURAL_ANAPHORA = /^(?:they|both|the two|each side)\b/i;

/**
 * The actor an anaphoric opener refers to. "It/He/She" is the previous actor. "They" is the
 * previous actor when that names all sides or a body, else the last such actor, else both sides
 * when the statement has two or more parties: "Pakistan reiterated … . They agreed …" is both.
 */
function resolveAnaphora(text: string, context: ActorContext): Actor | undefined {
  const previous = context.previous;
  if (!previous || previous.kind === 'none') return undefined;
  if (!PLURAL_ANAPHORA.test(text)) return previous;
  if (previous.kind !== 'party') return previous;
  if (context.plural) return context.plural;
  return context.parties >= 2 ? { kind: 'both', name: 'both sides' } : previous;
}

/** Analyses one sentence; `context` carries the actors of the sentences before, for "They …". */
export function analyseSentence(
  sentence: Sentence,
  context: ActorContext,
  lexicon: Lexicon,
  matchers: readonly ActorMatcher[],
  names: ReadonlySet<string>,
): Commitment {
  const text = sentence.text;
  const mentions = actorMentions(text, matchers);
  const act = findAct(mainClause(text), lexicon, firstActorEnd(mentions), mentions);
  let actor = findActor(mentions, act ? act.index : text.length);
  if (!actor && act && ANAPHORA.test(text)) actor = resolveAnaphora(text, context);
  if (!actor && act && context.speaker && act.index < 40) actor = context.speaker;
  if (!actor && act) actor = subjectAsParty(text.slice(0, act.index));
  if (
    !actor &&
    act &&
    /\b(?:it was|it is|were|was) (?:agreed|decided|resolved|noted)\b/i.test(text)
  ) {
    actor = { kind: 'both', name: 'both sides' };
  }
  const resolved: Actor = actor ?? { kind: 'none', name: 'none' };
  const lemma = act?.lemma ?? 'state';
  const family = lexicon.familyOf.get(lemma) ?? lemma;
  const action = act ? withLightVerb(text, findAction(text, act)) : undefined;
  const role: CommitmentRole = SPEAKER_LINE.test(text)
    ? 'context'
    : roleOf(text, resolved, act, family, lexicon);
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
  // The actor is who commits, not a name the commitment is about ("The Federal Reserve will …").
  const actorName = resolved.name.toLowerCase().replace(/^the /, '');
  const about = entities.filter(
    (e) => e.kind !== 'name' || e.value.replace(/^the /, '') !== actorName,
  );
  return {
    id: `c:${sentence.id}`,
    sentenceId: sentence.id,
    text,
    actor: resolved,
    act: lemma,
    family,
    ...(action ? { action: action.lemma } : {}),
    object: act ? text.slice(act.end).trim() : '',
    role,
    isContext: role === 'context',
    strength: measureStrength(
      text,
      lexicon,
      act?.lemma,
      // A judgement's object is a prediction: its modals ("expects that conditions will warrant")
      // say how likely, not how firmly the actor commits; only a modal before the act counts.
      act ? (family === 'judge' ? act.index : nextActStart(text, act, lexicon)) : undefined,
    ),
    entities: about,
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
  let context: ActorContext = { parties: config.parties?.length ?? 0 };
  for (const sentence of sentencesOf(statement)) {
    const speaker = SPEAKER_LINE.exec(sentence.text);
    if (speaker?.[1]) {
      context = { ...context, speaker: { kind: 'body', name: `the ${speaker[1]}` } };
    }
    const commitment = analyseSentence(sentence, context, lexicon, matchers, names);
    commitments.push(commitment);
    const actor = commitment.actor;
    if (actor.kind !== 'none') {
      context = {
        ...context,
        previous: actor,
        ...(actor.kind !== 'party' ? { plural: actor } : {}),
      };
    }
  }
  return { ...statement, commitments };
}
