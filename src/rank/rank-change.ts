/** Ranking: how significant a commitment change is (0–100), and why, in words. */
import { isKnownVerb } from '../analyse/lemmatise-verb.js';
import type { ChangeKind, Qualifier } from '../model/changes.js';
import type { Commitment } from '../model/statement.js';
import { OPENING_CLAUSE } from '../analyse/clauses.js';
import { figureValue, isFrequencyValue } from '../analyse/extract-entities.js';
import { MONTH_NAMES } from '../util/text-patterns.js';
import type { RankOptions } from './rank-options.js';
import { DEFAULT_RANK_OPTIONS } from './rank-options.js';

/** What the ranking needs to know of a change. */
export interface RankInput {
  readonly kind: ChangeKind;
  readonly qualifiers: readonly Qualifier[];
  /** The commitments of each side (several for a split or merge; none for new or dropped). */
  readonly before: readonly Commitment[];
  readonly after: readonly Commitment[];
  /** True when the pair moved to another section or out of order. */
  readonly moved: boolean;
  /** True when the words changed beyond normalisation. */
  readonly reworded: boolean;
  /** Dates of the two rounds (`YYYY-MM-DD`), when known: a dropped commitment whose own date has passed has expired. */
  readonly dates?: { readonly before?: string; readonly after?: string };
  /**
   * Actions the after round decides ("decided to raise" → `raise`): a dropped expectation of one
   * of them ("expects it will soon be appropriate to raise") was fulfilled, not withdrawn.
   */
  readonly decided?: ReadonlySet<string>;
  /**
   * The words of what the after round welcomes or notes ("Welcoming the holding of presidential
   * elections"), one list per sentence: a dropped call or undertaking whose action and object
   * are among one of them was answered, not withdrawn.
   */
  readonly answering?: Answering;
}

/** Acts that decide, whose action fulfils an expectation of the round before. */
export const DECIDING_ACTS: ReadonlySet<string> = new Set(['decide', 'agree', 'authorize']);

/** Content words of a text, lower case (four letters or more). */
function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((w) => !FRAME_WORDS.has(w));
}

const FRAME_WORDS: ReadonlySet<string> = new Set(
  'that this these those with from into upon their there which where while also further all'.split(
    ' ',
  ),
);

/**
 * What `commitments` welcome or note (see {@link RankInput.answering}): for each word key (its
 * first four letters: "hold" and "holding", "election" and "elections" are one), the sentences
 * that hold it, so that a dropped call looks up only the sentences that name its action.
 */
export function answeringWords(
  commitments: readonly Commitment[],
  options: RankOptions = DEFAULT_RANK_OPTIONS,
): Answering {
  const byKey = new Map<string, Set<number>>();
  const sentences: Set<string>[] = [];
  for (const c of commitments) {
    if (!options.answeringFamilies.includes(c.family)) continue;
    const keys = new Set(contentWords(c.object).map(wordKey));
    const i = sentences.push(keys) - 1;
    for (const k of keys) {
      let set = byKey.get(k);
      if (!set) byKey.set(k, (set = new Set()));
      set.add(i);
    }
  }
  return { byKey, sentences };
}

/** The welcomes and notes of a round, indexed by word key (see {@link answeringWords}). */
export interface Answering {
  readonly byKey: ReadonlyMap<string, ReadonlySet<number>>;
  readonly sentences: readonly ReadonlySet<string>[];
}

const wordKey = (w: string): string => w.slice(0, 4);

/** True when the action and two more words of `c`'s object are in one answering sentence. */
function isAnswered(c: Commitment, answering: Answering | undefined): boolean {
  if (!c.action || !answering) return false;
  const action = wordKey(c.action);
  const candidates = answering.byKey.get(action);
  if (!candidates) return false;
  const words = [...new Set(contentWords(c.object).map(wordKey))].filter((k) => k !== action);
  for (const i of candidates) {
    const set = answering.sentences[i] as ReadonlySet<string>;
    if (words.filter((k) => set.has(k)).length >= 2) return true;
  }
  return false;
}

/** The actions `commitments` decide (see {@link RankInput.decided}). */
export function decidedActions(commitments: readonly Commitment[]): Set<string> {
  const out = new Set<string>();
  for (const c of commitments)
    if (c.role === 'commitment' && DECIDING_ACTS.has(c.act) && c.action) out.add(c.action);
  return out;
}

/**
 * The last day (`YYYY-MM-DD`) of the latest month a commitment's figures name ("in early March",
 * "by 31 December 2024", "Beginning in February"), reading a month without a year as the first
 * such month on or after the round's own date; undefined when it names none.
 */
export function latestDateOf(c: Commitment, roundDate: string): string | undefined {
  const [y, m] = roundDate.split('-').map(Number) as [number, number];
  let latest: string | undefined;
  for (const e of c.entities) {
    if (e.kind !== 'figure') continue;
    const month =
      /\b(january|february|march|april|may|june|july|august|september|october|november|december)\b/i.exec(
        e.text,
      );
    if (!month) {
      // A bare year the commitment is due in or by ("later in 2025", "by 2027"): its last day.
      const at = c.text.indexOf(e.text);
      const lead = at > 0 ? c.text.slice(Math.max(0, at - 12), at) : '';
      if (/^\d{4}$/.test(e.text) && /\b(?:in|by|before|until|through|end of)\s+$/i.test(lead)) {
        const date = `${e.text}-12-31`;
        if (!latest || date > latest) latest = date;
      }
      continue;
    }
    const mm = MONTH_NAMES.indexOf((month[1] as string).toLowerCase()) + 1;
    const year = /\b(\d{4})\b/.exec(e.text);
    const yy = year ? Number(year[1]) : mm >= m ? y : y + 1;
    // "in early March" is over by the 10th, "mid-March" by the 20th; a bare month by its 28th.
    const at = c.text.indexOf(e.text);
    const lead = at > 0 ? c.text.slice(Math.max(0, at - 8), at) : '';
    const part = /\bearly\s+$/i.test(lead) ? '10' : /\bmid-?\s*$/i.test(lead) ? '20' : '28';
    const day = /\b(\d{1,2})\b/.exec(e.text.replace(/\b\d{4}\b/, ''))?.[1];
    const date = `${yy}-${String(mm).padStart(2, '0')}-${(day ?? part).padStart(2, '0')}`;
    if (!latest || date > latest) latest = date;
  }
  return latest;
}

/** Words before the head noun of an object: determiners, possessives, degree words and the adjectives of diplomatic process. */
const MODIFIERS = new Set(
  (
    'the a an its their his her our this these that all any every such to and further closer close ' +
    'closely more even deeper strategic mutual common high-level all-round comprehensive practical ' +
    'bilateral good friendly existing regular continued ongoing effective'
  ).split(' '),
);

/**
 * True when `c` commits to the process of a relationship rather than to something in it: its
 * action is a process verb, or the head of what the action takes is a process noun.
 */
export function isProcessCommitment(c: Commitment, options: RankOptions): boolean {
  if (c.action && options.processActions.includes(c.action)) return true;
  if (options.processActions.includes(c.act)) return true;
  const words = c.object.toLowerCase().match(/[\p{L}-]+/gu) ?? [];
  // The words after the action verb ("maintain close coordination" → close, coordination).
  let at = 0;
  if (c.action) {
    const stem = c.action.slice(0, Math.max(3, c.action.length - 2));
    const found = words.findIndex((w) => w.startsWith(stem));
    // Within the first eight words: "agreed that all sectoral mechanisms should [convene] …".
    if (found >= 0 && found < 8) at = found + 1;
  }
  let previous = '';
  for (const w of words.slice(at, at + 6)) {
    // "offered to deepen cooperation": the verb of an infinitive is not the head.
    const skip = MODIFIERS.has(w) || /-/.test(w) || (previous === 'to' && isKnownVerb(w));
    previous = w;
    if (skip) continue;
    return options.processNouns.includes(w);
  }
  return false;
}

/** The significance of a change and the reasons for it, the main reason first. */
export interface Rank {
  readonly significance: number;
  readonly reasons: readonly string[];
  readonly isContext: boolean;
}

const main = (side: readonly Commitment[]): Commitment | undefined =>
  side.find((c) => c.role === 'commitment') ?? side.find((c) => !c.isContext) ?? side[0];

/** The markers of a strength qualifier as words: "4→3: continue to". */
function strengthWords(q: Extract<Qualifier, { kind: 'strengthened' | 'weakened' }>): string {
  return `${q.kind} ${q.from}→${q.to}${q.markers.length ? `: ${q.markers.join(', ')}` : ''}`;
}

const list = (items: readonly string[]): string => items.join(', ') || '—';

/** Modal verbs, as strength markers. */
const MODALS: ReadonlySet<string> = new Set([
  'will',
  'shall',
  'must',
  'should',
  'may',
  'might',
  'could',
  'would',
  'can',
]);

/** One qualifier as a reason and the points it is worth on a commitment and on an assessment. */
function qualifierReason(
  q: Qualifier,
  weights: RankOptions['what'],
): { reason: string; commitment: number; assessment: number } {
  switch (q.kind) {
    case 'action-changed':
      return { reason: `action ${q.from} → ${q.to}`, ...weights.actionChanged };
    case 'actor-changed':
      return { reason: `actor ${q.from} → ${q.to}`, ...weights.actorChanged };
    case 'strengthened':
    case 'weakened': {
      // The act (call upon → demand) or a modal (should → must) changed, or only a degree word.
      const byActOrModal = q.markers.some((m) => m.includes(' → ') || MODALS.has(m));
      return {
        reason: strengthWords(q),
        ...(byActOrModal ? weights.strength : weights.strengthDegree),
      };
    }
    case 'figure-changed': {
      const onlyFrequencies = [...q.from, ...q.to].every((t) => isFrequencyValue(figureValue(t)));
      return {
        reason: `figure ${list(q.from)} → ${list(q.to)}`,
        ...(onlyFrequencies ? weights.frequencyChanged : weights.figureChanged),
      };
    }
    case 'act-changed':
      return { reason: `act ${q.from} → ${q.to}`, ...weights.actChanged };
    case 'items-added':
      return { reason: `items added: ${list(q.items)}`, ...weights.items };
    case 'items-removed':
      return { reason: `items dropped: ${list(q.items)}`, ...weights.items };
    case 'entities-added':
      return { reason: `added: ${list(q.items)}`, ...weights.entities };
    case 'entities-removed':
      return { reason: `removed: ${list(q.items)}`, ...weights.entities };
  }
}

/**
 * Scores a change: the points of what changed (the largest, plus a little for each further
 * qualifier), times what it is about (the act family, the commitment's strength, figures and
 * names in it). Context changes are scored apart, below 10, so that a changed venue or date never
 * outranks a changed commitment (docs/glossary.md#significance).
 */
export function rankChange(input: RankInput, options: RankOptions = DEFAULT_RANK_OPTIONS): Rank {
  const subject = main(input.after) ?? main(input.before);
  const isContext =
    [...input.before, ...input.after].length > 0 &&
    [...input.before, ...input.after].every((c) => c.isContext);
  if (input.kind === 'unchanged') return { significance: 0, reasons: [], isContext };
  const role = subject?.role ?? 'assessment';
  const what = options.what;
  const scored: { reason: string; points: number }[] = [];
  const roleNoun = role === 'commitment' ? 'commitment' : role;
  if (input.kind === 'new' || input.kind === 'dropped') {
    // A dropped commitment whose own date had passed by the after round expired (fulfilled or
    // lapsed): "Beginning in February, …" dropped in March is not news.
    const due =
      input.kind === 'dropped' && subject && input.dates?.before && input.dates.after
        ? latestDateOf(subject, input.dates.before)
        : undefined;
    const expired =
      due !== undefined && input.dates?.after !== undefined && due < input.dates.after;
    // A dropped expectation whose action the after round decides was fulfilled.
    const fulfilled =
      input.kind === 'dropped' &&
      subject !== undefined &&
      subject.family === 'judge' &&
      subject.action !== undefined &&
      input.decided?.has(subject.action) === true;
    // A dropped call or undertaking the after round welcomes as done was answered.
    const answeredBy =
      input.kind === 'dropped' &&
      subject !== undefined &&
      options.answeredFamilies.includes(subject.family) &&
      isAnswered(subject, input.answering);
    const points =
      (role === 'commitment' ? what.newOrDropped.commitment : what.newOrDropped.assessment) *
      (input.kind === 'dropped' ? options.droppedWeight : 1) *
      (expired || fulfilled || answeredBy ? options.expiredWeight : 1);
    const act = subject && subject.act !== 'state' ? ` (${subject.act})` : '';
    const lapse =
      expired && due
        ? `, expired (${due.slice(0, 7)})`
        : fulfilled
          ? `, fulfilled (${subject.action ?? ''} decided)`
          : answeredBy
            ? ', answered (welcomed or noted)'
            : '';
    scored.push({ reason: `${input.kind} ${roleNoun}${act}${lapse}`, points });
  }
  for (const q of input.qualifiers) {
    const { reason, commitment, assessment } = qualifierReason(q, what);
    const synonyms =
      q.kind === 'action-changed' &&
      options.actionSynonyms.some((group) => group.includes(q.from) && group.includes(q.to));
    const points = synonyms
      ? what.reworded + options.synonymExtra
      : role === 'commitment'
        ? commitment
        : assessment;
    scored.push({ reason: synonyms ? `${reason} (near-synonyms)` : reason, points });
  }
  if (input.kind === 'split' || input.kind === 'merged')
    scored.push({ reason: input.kind === 'split' ? 'split' : 'merged', points: what.splitOrMerge });
  if (input.moved) scored.push({ reason: 'moved', points: what.moved });
  if (input.kind === 'cosmetic')
    scored.push({ reason: 'cosmetic: punctuation or case', points: what.cosmetic });
  else if (
    input.reworded &&
    input.kind !== 'new' &&
    input.kind !== 'dropped' &&
    input.qualifiers.length === 0
  )
    scored.push({ reason: 'reworded', points: what.reworded });
  scored.sort((x, y) => y.points - x.points);
  const top = scored[0]?.points ?? 0;
  const extra = Math.min(
    options.extraCap,
    scored.slice(1).filter((s) => s.points >= options.extraFloor).length * options.extraEach,
  );
  const reasons = scored.map((s) => s.reason);
  if (isContext) {
    // Context is reported apart and last: at most 9, and ordered among itself by what changed.
    const significance = Math.max(1, Math.min(9, Math.round((top + extra) / 10)));
    return { significance, reasons: ['context', ...reasons], isContext };
  }
  if (input.kind === 'cosmetic') return { significance: 1, reasons, isContext };
  // The act's family weighs what someone commits to; an assessment commits nobody ("purchases
  // will continue to foster …" is a description), so it weighs as a statement.
  const family = role === 'assessment' ? 'state' : (subject?.family ?? 'state');
  const familyWeight = options.family[family] ?? options.family['default'] ?? 1;
  const level = subject?.strength.level ?? 3;
  const strengthWeight = options.strengthBase + options.strengthStep * level;
  const entities = [...input.before, ...input.after].flatMap((c) => c.entities);
  const names = new Set(entities.filter((e) => e.kind === 'name').map((e) => e.value)).size;
  const specific =
    (entities.some((e) => e.kind === 'figure') ? options.figuresBonus : 0) +
    Math.min(options.namesBonusCap, names * options.namesBonus);
  const frame = subject && isPreambular(subject) ? options.preambularWeight : 1;
  const process = subject && isProcessCommitment(subject, options) ? options.processWeight : 1;
  if (process < 1) reasons.push('process, not substance');
  // A call or an undertaking the after round welcomes or notes was answered, not dropped.
  const b0 = main(input.before);
  const a0 = main(input.after);
  const answered =
    b0 !== undefined &&
    a0 !== undefined &&
    options.answeredFamilies.includes(b0.family) &&
    options.answeringFamilies.includes(a0.family);
  if (answered) reasons.unshift(`answered: ${b0.act} → ${a0.act}`);
  const conditional =
    subject !== undefined && role === 'commitment' && OPENING_CLAUSE.test(subject.text);
  if (conditional) reasons.push('conditional');
  const lapsed = lapsedDate(input);
  if (lapsed) reasons.push(`date passed (${lapsed.slice(0, 7)})`);
  const raw =
    (top + extra) *
    familyWeight *
    strengthWeight *
    frame *
    process *
    (conditional ? options.conditionalWeight : 1) *
    (lapsed ? options.lapsedWeight : 1) *
    (answered ? options.expiredWeight : 1) *
    (1 + specific);
  const significance = Math.max(10, Math.min(100, Math.round(raw)));
  return { significance, reasons, isContext };
}

/**
 * The date of the before side of a changed pair when it passed by the after round and the after
 * side names none still to come ("prepare for exchanges later in 2025" → "maintain the momentum
 * of exchanges", in January 2026): the plan was overtaken, not withdrawn.
 */
function lapsedDate(input: RankInput): string | undefined {
  if (input.kind === 'new' || input.kind === 'dropped' || input.kind === 'unchanged')
    return undefined;
  const { before: beforeDate, after: afterDate } = input.dates ?? {};
  if (!beforeDate || !afterDate) return undefined;
  const figures = input.qualifiers.find((q) => q.kind === 'figure-changed');
  if (!figures) return undefined;
  const due = input.before
    .map((c) => latestDateOf(c, beforeDate))
    .filter((d): d is string => d !== undefined)
    .sort()
    .pop();
  if (!due || due >= afterDate) return undefined;
  const ahead = input.after.some((c) => {
    const d = latestDateOf(c, afterDate);
    return d !== undefined && d >= afterDate;
  });
  return ahead ? undefined : due;
}

/** A resolution's preambular paragraph: it opens with a participle and ends with a comma ("*Recalling* …,"). */
function isPreambular(c: Commitment): boolean {
  return /^(?:\p{Lu}\p{Ll}+ly\s+)?\p{Lu}\p{Ll}+(?:ing|ed)\b/u.test(c.text) && /,\s*$/.test(c.text);
}

/** True when a change clears the bar of "most significant" (docs/glossary.md#significance). */
export function isMostSignificant(
  significance: number,
  options: RankOptions = DEFAULT_RANK_OPTIONS,
): boolean {
  return significance >= options.bar;
}
