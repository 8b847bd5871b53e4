/** Qualifiers of a commitment change: strength, actor, act, figures, entities, enumeration items. */
import type { Qualifier } from '../model/changes.js';
import type { Commitment } from '../model/statement.js';

/** A multiset difference: what `from` has that `to` lacks, in `from`'s order. */
function minus(from: readonly string[], to: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const x of to) left.set(x, (left.get(x) ?? 0) + 1);
  const out: string[] = [];
  for (const x of from) {
    const n = left.get(x) ?? 0;
    if (n > 0) left.set(x, n - 1);
    else out.push(x);
  }
  return out;
}

const norm = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Compares the commitments of the two sides of a pair (several on a side for splits and merges,
 * taken together) and says what changed beyond the words.
 */
export function qualifyChange(
  before: readonly Commitment[],
  after: readonly Commitment[],
): Qualifier[] {
  const out: Qualifier[] = [];
  const main = (side: readonly Commitment[]): Commitment | undefined =>
    side.find((c) => !c.isContext) ?? side[0];
  const b = main(before);
  const a = main(after);
  if (!b || !a) return out;
  // Who commits, to what and how strongly only means something when both sides commit.
  const commits = !b.isContext && !a.isContext;
  if (commits && b.actor.name !== a.actor.name)
    out.push({ kind: 'actor-changed', from: b.actor.name, to: a.actor.name });
  if (commits && b.act !== a.act) out.push({ kind: 'act-changed', from: b.act, to: a.act });
  if (commits && a.strength.level !== b.strength.level) {
    const markers = [
      ...minus(a.strength.markers, b.strength.markers),
      ...minus(b.strength.markers, a.strength.markers),
    ];
    out.push({
      kind: a.strength.level > b.strength.level ? 'strengthened' : 'weakened',
      from: b.strength.level,
      to: a.strength.level,
      markers,
    });
  }
  const figures = (side: readonly Commitment[]) =>
    side.flatMap((c) => c.entities.filter((e) => e.kind === 'figure'));
  const fb = figures(before);
  const fa = figures(after);
  const removedValues = minus(
    fb.map((e) => e.value),
    fa.map((e) => e.value),
  );
  const addedValues = minus(
    fa.map((e) => e.value),
    fb.map((e) => e.value),
  );
  if (removedValues.length > 0 || addedValues.length > 0) {
    const textOf = (list: typeof fb, values: string[]) => {
      const pool = [...values];
      return list
        .filter((e) => {
          const i = pool.indexOf(e.value);
          if (i === -1) return false;
          pool.splice(i, 1);
          return true;
        })
        .map((e) => e.text);
    };
    out.push({
      kind: 'figure-changed',
      from: textOf(fb, removedValues),
      to: textOf(fa, addedValues),
    });
  }
  const names = (side: readonly Commitment[]) => [
    ...new Set(side.flatMap((c) => c.entities.filter((e) => e.kind === 'name').map((e) => e.text))),
  ];
  const nb = names(before);
  const na = names(after);
  const nbKeys = new Set(nb.map(norm));
  const naKeys = new Set(na.map(norm));
  const addedNames = na.filter((n) => !nbKeys.has(norm(n)));
  const removedNames = nb.filter((n) => !naKeys.has(norm(n)));
  if (addedNames.length > 0) out.push({ kind: 'entities-added', items: addedNames });
  if (removedNames.length > 0) out.push({ kind: 'entities-removed', items: removedNames });
  const items = (side: readonly Commitment[]) => side.flatMap((c) => c.items);
  const ib = items(before);
  const ia = items(after);
  if (ib.length > 0 || ia.length > 0) {
    const ibKeys = new Set(ib.map(norm));
    const iaKeys = new Set(ia.map(norm));
    const addedItems = ib.length > 0 ? ia.filter((x) => !ibKeys.has(norm(x))) : [];
    const removedItems = ia.length > 0 ? ib.filter((x) => !iaKeys.has(norm(x))) : [];
    if (addedItems.length > 0) out.push({ kind: 'items-added', items: addedItems });
    if (removedItems.length > 0) out.push({ kind: 'items-removed', items: removedItems });
  }
  return out;
}
