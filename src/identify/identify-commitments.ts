/**
 * Commitment identity: after sentence alignment, pairs the dropped and new commitments that are
 * the same commitment (reworded, moved to another section), and undoes fuzzy pairs whose objects
 * differ although the frame is the same ("a joint committee on fisheries" / "… on tourism").
 */
import { undertakingFamily, withoutOpeningAside } from '../analyse/clauses.js';
import type { AlignOptions } from '../align/align-options.js';
import { AlignSession, alignStatements } from '../align/align-statements.js';
import { sentencesOf } from '../analyse/analyse-statement.js';
import { tokenise } from '../align/tokenise.js';
import type { AlignedPair, Alignment } from '../model/alignment.js';
import type { Commitment, Statement } from '../model/statement.js';
import { normaliseKey } from '../parse/normalise-key.js';
import type { SentencePlace } from '../parse/walk-statement.js';
import { locateSentences } from '../parse/walk-statement.js';
import { stemmer } from 'stemmer';
import type { IdentityOptions } from './identity-options.js';
import { DEFAULT_IDENTITY_OPTIONS } from './identity-options.js';

/** Content tokens of a commitment's object, in order, with the position of its action verb. */
interface ObjectTokens {
  readonly tokens: readonly string[];
  /** Index of the first token after the action verb (0 when there is none). */
  readonly afterAction: number;
  /** Name entities of the object, lower case. */
  readonly names: ReadonlySet<string>;
  /** The distinct tokens (computed once: the pairing looks at each object many times). */
  readonly set: ReadonlySet<string>;
}

function objectTokens(c: Commitment): ObjectTokens {
  // Figures (dates, deadlines, amounts) change without changing the commitment: left out, and so
  // is an aside that opens the object (a condition, not what is held).
  let object = withoutOpeningAside(c.object);
  for (const e of c.entities) if (e.kind === 'figure') object = object.split(e.text).join(' ');
  const all = tokenise(normaliseKey(object));
  const stem = c.action === undefined ? undefined : stemmer(c.action);
  const at = stem === undefined ? -1 : all.indexOf(stem);
  const tokens = at >= 0 ? [...all.slice(0, at), ...all.slice(at + 1)] : all;
  const lower = c.object.toLowerCase();
  const names = new Set(
    c.entities.filter((e) => e.kind === 'name' && lower.includes(e.value)).map((e) => e.value),
  );
  return { tokens, afterAction: at >= 0 ? at : 0, names, set: new Set(tokens) };
}

/** Inverse document frequency over the sentences of both statements (ln(1 + N / df)). */
class Specificity {
  private readonly df = new Map<string, number>();
  private readonly n: number;

  /** `documents`: the token lists counted (one per sentence, or per candidate object). */
  constructor(documents: readonly (readonly string[])[]) {
    this.n = documents.length;
    for (const tokens of documents) {
      for (const t of new Set(tokens)) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    }
  }

  weight(token: string): number {
    if (token.startsWith('#')) return 0; // figures change without changing the commitment
    return Math.log(1 + this.n / Math.max(1, this.df.get(token) ?? 1));
  }

  total(tokens: Iterable<string>): number {
    let sum = 0;
    for (const t of new Set(tokens)) sum += this.weight(t);
    return sum;
  }
}

/** Share of character trigrams two words share (Dice), so "counter-terrorism" ≈ "counterterrorism". */
function trigramDice(x: string, y: string): number {
  const grams = (w: string) => {
    const s = new Set<string>();
    const padded = ` ${w} `;
    for (let i = 0; i + 3 <= padded.length; i++) s.add(padded.slice(i, i + 3));
    return s;
  };
  const a = grams(x);
  const b = grams(y);
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return a.size + b.size === 0 ? 0 : (2 * shared) / (a.size + b.size);
}

/** Longest common subsequence of two short token lists, as equal/delete/insert runs. */
function diffTokens(
  x: readonly string[],
  y: readonly string[],
): { op: 'equal' | 'delete' | 'insert'; tokens: string[] }[] {
  const n = x.length;
  const m = y.length;
  const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      (table[i] as number[])[j] =
        x[i] === y[j]
          ? ((table[i + 1] as number[])[j + 1] as number) + 1
          : Math.max(
              (table[i + 1] as number[])[j] as number,
              (table[i] as number[])[j + 1] as number,
            );
  const out: { op: 'equal' | 'delete' | 'insert'; tokens: string[] }[] = [];
  const push = (op: 'equal' | 'delete' | 'insert', token: string) => {
    const last = out[out.length - 1];
    if (last && last.op === op) last.tokens.push(token);
    else out.push({ op, tokens: [token] });
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      push('equal', x[i] as string);
      i++;
      j++;
    } else if (
      j >= m ||
      (i < n &&
        ((table[i + 1] as number[])[j] as number) >= ((table[i] as number[])[j + 1] as number))
    ) {
      push('delete', x[i] as string);
      i++;
    } else {
      push('insert', y[j] as string);
      j++;
    }
  }
  return out;
}

/**
 * True when the objects of two commitments are different instances of one frame: after the
 * action verb, the words that carry most of each object's specificity were swapped for others in
 * the same place ("a joint committee on [fisheries]" / "on [tourism]"), while everything else
 * stayed. Spelling variants ("counter-terrorism" / "counterterrorism") are not a swap.
 */
export function isSubstitutedObject(
  before: ObjectTokens,
  after: ObjectTokens,
  specificity: Specificity,
  options: IdentityOptions,
): boolean {
  // The diff breaks ties by side: the two objects go in one canonical order, so that the answer
  // does not depend on which round came first (the symmetry property found a pair where it did).
  const objectOf = (o: ObjectTokens) =>
    o.tokens.slice(o.afterAction).filter((t) => !t.startsWith('#'));
  if (objectOf(before).join('\u0000') > objectOf(after).join('\u0000'))
    [before, after] = [after, before];
  const x = objectOf(before);
  const y = objectOf(after);
  if (x.length === 0 || y.length === 0 || x.length > 60 || y.length > 60) return false;
  // A swap needs a word on each side that the other lacks (a cheap test before the diff).
  const setX = new Set(x);
  const setY = new Set(y);
  if (x.every((t) => setY.has(t)) || y.every((t) => setX.has(t))) return false;
  const runs = diffTokens(x, y);
  const totalX = specificity.total(x);
  const totalY = specificity.total(y);
  if (totalX === 0 || totalY === 0) return false;
  const shared = runs.filter((r) => r.op === 'equal').flatMap((r) => r.tokens);
  if (shared.length === 0) {
    // Nothing in common in the whole object: the objects differ outright ("uphold the
    // multilateral trading system" / "uphold the UN Charter and international law").
    const all = new Set(after.tokens);
    return (
      x.length >= 2 && y.length >= 2 && !before.tokens.some((t) => !t.startsWith('#') && all.has(t))
    );
  }
  for (let k = 0; k + 1 < runs.length; k++) {
    const first = runs[k];
    const second = runs[k + 1];
    if (!first || !second || first.op === 'equal' || second.op === 'equal') continue;
    const deleted = first.op === 'delete' ? first.tokens : second.tokens;
    const inserted = first.op === 'insert' ? first.tokens : second.tokens;
    if (deleted.length > options.maxSwapTokens || inserted.length > options.maxSwapTokens) continue;
    const variant = deleted.some((d) =>
      inserted.some((i) => trigramDice(d, i) >= options.variantDice),
    );
    if (variant) continue;
    const shareX = specificity.total(deleted) / totalX;
    const shareY = specificity.total(inserted) / totalY;
    if (shareX >= options.minSwapShare && shareY >= options.minSwapShare) return true;
  }
  return false;
}

/**
 * Two commitments with acts of unrelated families that commit to different actions are two
 * undertakings ("will increase its holdings" / "expects to begin reducing its holdings"), however
 * many words their objects share.
 */
function isOtherUndertaking(b: Commitment, a: Commitment): boolean {
  return (
    !compatibleActs(b, a) &&
    b.action !== undefined &&
    a.action !== undefined &&
    b.action !== a.action
  );
}

/** Families whose acts commit the actor to something (what a reaffirmation restates). */
const COMMITTING: ReadonlySet<string> = new Set(['commit', 'support', 'oppose', 'urge']);

/** Actors that may be one commitment's: equal, or one of them names all sides or nobody. */
function compatibleActors(b: Commitment, a: Commitment): boolean {
  if (b.actor.name === a.actor.name) return true;
  const loose = (c: Commitment) => c.actor.kind === 'both' || c.actor.kind === 'none';
  return loose(b) || loose(a);
}

/**
 * Acts that may be one commitment's: one family, one ladder (note → endorse), or a restatement
 * and the act it restates: to reaffirm a position is to hold it again, so "reaffirmed its view
 * that the current target range remains appropriate" and "decided to raise the target range"
 * are one line of policy, and "reaffirmed their commitment to X" and "agreed to X" one commitment.
 */
function compatibleActs(b: Commitment, a: Commitment): boolean {
  if (b.family === a.family || undertakingFamily(b) === undertakingFamily(a)) return true;
  if (
    (b.family === 'affirm' && COMMITTING.has(a.family)) ||
    (a.family === 'affirm' && COMMITTING.has(b.family))
  )
    return true;
  return b.strength.ladder !== undefined && b.strength.ladder === a.strength.ladder;
}

/**
 * Identity score of two commitments' objects: weighted overlap (shared weight over the smaller
 * object's weight), with shared names counted once more. 0 when the objects were swapped.
 */
function identityScore(
  b: ObjectTokens,
  a: ObjectTokens,
  specificity: Specificity,
  options: IdentityOptions,
): number {
  const [small, large] = b.set.size <= a.set.size ? [b.set, a.set] : [a.set, b.set];
  let sharedWords = 0;
  let wShared = 0;
  for (const t of small) {
    if (!large.has(t)) continue;
    wShared += specificity.weight(t);
    if (!t.startsWith('#')) sharedWords++;
  }
  let sharedNames = 0;
  for (const n of b.names) if (a.names.has(n)) sharedNames++;
  if (sharedWords < options.minSharedTokens && sharedNames === 0) return 0;
  const smaller = Math.min(totalOf(b, specificity), totalOf(a, specificity));
  if (smaller === 0) return 0;
  return Math.min(1, wShared / smaller + options.nameBonus * sharedNames);
}

/** The specificity of an object's tokens, summed once per object. */
const totals = new WeakMap<ObjectTokens, number>();
function totalOf(o: ObjectTokens, specificity: Specificity): number {
  let t = totals.get(o);
  if (t === undefined) {
    t = specificity.total(o.set);
    totals.set(o, t);
  }
  return t;
}

/** Options of {@link identifyCommitments}. */
export interface IdentifyInput {
  readonly before: Statement;
  readonly after: Statement;
  readonly alignment: Alignment;
}

/**
 * Runs the identity pass over an alignment: undoes fuzzy one-to-one pairs of two commitments
 * whose objects were swapped, then pairs dropped × new commitments that are the same commitment
 * (`matchedBy: 'commitment'`, score = identity score), best first, each once.
 */
export function identifyCommitments(
  { before, after, alignment }: IdentifyInput,
  options: IdentityOptions = DEFAULT_IDENTITY_OPTIONS,
): Alignment {
  const byIdB = new Map(before.commitments.map((c) => [c.sentenceId, c]));
  const byIdA = new Map(after.commitments.map((c) => [c.sentenceId, c]));
  if (byIdB.size === 0 || byIdA.size === 0) return alignment;
  // A budget, never a silent fallback: the report says the pass was skipped.
  if (byIdB.size + byIdA.size > options.maxSentences)
    return { ...alignment, stats: { ...alignment.stats, identitySkipped: true } };
  const many = byIdB.size + byIdA.size > options.maxSentencesForDocumentIdf;
  // Large inputs: specificity from the candidates only, so this pass stays a small part of the cost.
  const fuzzy = alignment.pairs.filter(
    (p) => p.matchedBy === 'fuzzy' && p.before.length === 1 && p.after.length === 1,
  );
  const open = alignment.pairs.filter((p) => p.before.length === 0 || p.after.length === 0);
  const isRole = (c: Commitment | undefined) => c?.role === 'commitment';
  const hasWork =
    fuzzy.some(
      (p) => isRole(byIdB.get(p.before[0] ?? '')) && isRole(byIdA.get(p.after[0] ?? '')),
    ) ||
    (open.some((p) => p.after.length === 0 && p.before.some((id) => isRole(byIdB.get(id)))) &&
      open.some((p) => p.before.length === 0 && p.after.some((id) => isRole(byIdA.get(id)))));
  if (!hasWork) return alignment;
  const tokensOf = new Map<Commitment, ObjectTokens>();
  const tokens = (c: Commitment): ObjectTokens => {
    let t = tokensOf.get(c);
    if (!t) {
      t = objectTokens(c);
      tokensOf.set(c, t);
    }
    return t;
  };
  // Specificity over every sentence of both sides; on large inputs over the candidates' objects
  // only, tokenised once for both uses.
  const documents = many
    ? [...fuzzy, ...open].flatMap((p) =>
        [...p.before.map((id) => byIdB.get(id)), ...p.after.map((id) => byIdA.get(id))]
          .filter((c): c is Commitment => c !== undefined)
          .map((c) => tokens(c).tokens),
      )
    : [...sentencesOf(before), ...sentencesOf(after)].map((s) => tokenise(s.key));
  const specificity = new Specificity(documents);
  const isCommitment = (c: Commitment | undefined): c is Commitment => c?.role === 'commitment';

  // 1. Refuse fuzzy pairs whose objects differ although the frame is the same.
  const kept: AlignedPair[] = [];
  for (const pair of alignment.pairs) {
    const b = byIdB.get(pair.before[0] ?? '');
    const a = byIdA.get(pair.after[0] ?? '');
    if (
      pair.matchedBy === 'fuzzy' &&
      pair.before.length === 1 &&
      pair.after.length === 1 &&
      isCommitment(b) &&
      isCommitment(a) &&
      ((b.family === a.family && isSubstitutedObject(tokens(b), tokens(a), specificity, options)) ||
        isOtherUndertaking(b, a))
    ) {
      kept.push(
        {
          before: pair.before,
          after: [],
          kind: 'removed',
          matchedBy: 'none',
          score: 0,
          moved: false,
          reworded: false,
        },
        {
          before: [],
          after: pair.after,
          kind: 'added',
          matchedBy: 'none',
          score: 0,
          moved: false,
          reworded: false,
        },
      );
    } else kept.push(pair);
  }

  // 2. Pair dropped × new commitments that are the same commitment.
  const dropped = kept.filter((p) => p.after.length === 0 && p.before.length === 1);
  const added = kept.filter((p) => p.before.length === 0 && p.after.length === 1);
  // Candidates are looked up from both sides, each through its own most specific words, so
  // the pass is symmetric: what A → B pairs, B → A pairs too.
  const scored: { b: AlignedPair; a: AlignedPair; score: number; tie: string }[] = [];
  const commitmentOf = (p: AlignedPair): Commitment | undefined =>
    p.before.length === 1 ? byIdB.get(p.before[0] as string) : byIdA.get(p.after[0] as string);
  const postings = (side: readonly AlignedPair[]): Map<string, AlignedPair[]> => {
    const index = new Map<string, AlignedPair[]>();
    for (const p of side) {
      const c = commitmentOf(p);
      if (!isCommitment(c)) continue;
      for (const t of tokens(c).set) {
        if (t.startsWith('#')) continue;
        const list = index.get(t);
        if (list) {
          if (list.length < options.maxPostings) list.push(p);
        } else index.set(t, [p]);
      }
    }
    return index;
  };
  const candidates = new Map<AlignedPair, Set<AlignedPair>>();
  const lookUp = (
    from: readonly AlignedPair[],
    index: Map<string, AlignedPair[]>,
    record: (p: AlignedPair, q: AlignedPair) => void,
  ) => {
    for (const p of from) {
      const c = commitmentOf(p);
      if (!isCommitment(c)) continue;
      // Through the object's most specific words only: a pair must share most of them.
      const seen = new Set<AlignedPair>();
      const specific = [...tokens(c).set]
        .filter((t) => !t.startsWith('#'))
        .sort((x, y) => specificity.weight(y) - specificity.weight(x) || (x < y ? -1 : 1))
        .slice(0, options.lookupTokens);
      for (const t of specific) for (const q of index.get(t) ?? []) seen.add(q);
      if (seen.size > options.maxCandidates) continue; // a frame shared by very many: no identity to find
      for (const q of seen) record(p, q);
    }
  };
  const addCandidate = (b: AlignedPair, a: AlignedPair) => {
    let set = candidates.get(b);
    if (!set) candidates.set(b, (set = new Set()));
    set.add(a);
  };
  lookUp(dropped, postings(added), (b, a) => addCandidate(b, a));
  lookUp(added, postings(dropped), (a, b) => addCandidate(b, a));
  for (const [p, seen] of candidates) {
    const b = byIdB.get(p.before[0] as string) as Commitment;
    for (const q of seen) {
      const a = byIdA.get(q.after[0] as string) as Commitment;
      if (!compatibleActors(b, a) || !compatibleActs(b, a)) continue;
      const score = identityScore(tokens(b), tokens(a), specificity, options);
      if (score < options.minIdentity) continue;
      if (isSubstitutedObject(tokens(b), tokens(a), specificity, options)) continue;
      // Ties are broken by the two sentence ids, in an order that does not depend on the direction.
      const ids = [b.sentenceId, a.sentenceId].sort();
      scored.push({ b: p, a: q, score, tie: `${ids[0]}\u0000${ids[1]}` });
    }
  }
  if (scored.length === 0 && kept.length === alignment.pairs.length) return alignment;
  scored.sort((x, y) => y.score - x.score || (x.tie < y.tie ? -1 : x.tie > y.tie ? 1 : 0));
  const used = new Set<AlignedPair>();
  const joined = new Map<AlignedPair, AlignedPair>();
  const whereB = scored.length > 0 ? locateSentences(before) : new Map<string, SentencePlace>();
  const whereA = scored.length > 0 ? locateSentences(after) : new Map<string, SentencePlace>();
  const pairedSection = new Set(
    alignment.sections.filter((s) => s.before && s.after).map((s) => `${s.before}>${s.after}`),
  );
  for (const { b, a, score } of scored) {
    if (used.has(b) || used.has(a)) continue;
    used.add(b);
    used.add(a);
    const sb = whereB.get(b.before[0] as string)?.section.id;
    const sa = whereA.get(a.after[0] as string)?.section.id;
    const moved = !pairedSection.has(`${sb}>${sa}`);
    joined.set(b, {
      before: b.before,
      after: a.after,
      kind: moved ? 'moved' : 'reworded',
      matchedBy: 'commitment',
      score: Math.round(score * 1000) / 1000,
      moved,
      reworded: true,
    });
  }
  const pairs = kept.flatMap((p) => {
    const pair = joined.get(p);
    if (pair) return [pair];
    return used.has(p) ? [] : [p];
  });
  return { ...alignment, pairs };
}

/**
 * Sentence alignment followed by the identity pass: what the comparison and the series use, so
 * one commitment keeps one lineage through a rewording in one round and a move in another.
 */
export function alignCommitments(
  before: Statement,
  after: Statement,
  align: Partial<AlignOptions> = {},
  session: AlignSession = new AlignSession(),
  options: IdentityOptions = DEFAULT_IDENTITY_OPTIONS,
): Alignment {
  const alignment = alignStatements(before, after, align, session);
  return identifyCommitments({ before, after, alignment }, options);
}
