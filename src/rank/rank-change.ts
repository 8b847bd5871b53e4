/** Ranking: how significant a commitment change is (0–100), and why, in words. */
import type { ChangeKind, Qualifier } from '../model/changes.js';
import type { Commitment } from '../model/statement.js';
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
    case 'weakened':
      return { reason: strengthWords(q), ...weights.strength };
    case 'figure-changed':
      return { reason: `figure ${list(q.from)} → ${list(q.to)}`, ...weights.figureChanged };
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
    const points =
      role === 'commitment' ? what.newOrDropped.commitment : what.newOrDropped.assessment;
    const act = subject && subject.act !== 'state' ? ` (${subject.act})` : '';
    scored.push({ reason: `${input.kind} ${roleNoun}${act}`, points });
  }
  for (const q of input.qualifiers) {
    const { reason, commitment, assessment } = qualifierReason(q, what);
    scored.push({ reason, points: role === 'commitment' ? commitment : assessment });
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
  const family = subject?.family ?? 'state';
  const familyWeight = options.family[family] ?? options.family['default'] ?? 1;
  const level = subject?.strength.level ?? 3;
  const strengthWeight = options.strengthBase + options.strengthStep * level;
  const entities = [...input.before, ...input.after].flatMap((c) => c.entities);
  const specific =
    (entities.some((e) => e.kind === 'figure') ? options.figuresBonus : 0) +
    (entities.some((e) => e.kind === 'name') ? options.namesBonus : 0);
  const raw = (top + extra) * familyWeight * strengthWeight * (1 + specific);
  const significance = Math.max(10, Math.min(100, Math.round(raw)));
  return { significance, reasons, isContext };
}

/** True when a change clears the bar of "most significant" (docs/glossary.md#significance). */
export function isMostSignificant(
  significance: number,
  options: RankOptions = DEFAULT_RANK_OPTIONS,
): boolean {
  return significance >= options.bar;
}
