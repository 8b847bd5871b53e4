/** Qualifiers of a commitment change: strength, actor, act, figures, entities, enumeration items. */
import { holdsAction, undertakingFamily } from '../analyse/clauses.js';
import { escapeRegExp, MONTH_NAMES } from '../util/text-patterns.js';
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

/** Titles and honorifics that say nothing about which name is meant ("H.E. Mr. Dar" is "Dar"). */
const HONORIFIC = /^(?:h\.?e\.?|mr\.?|mrs\.?|ms\.?|dr\.?|his|her|excellency|the)$/;

/** The words of a name, without honorifics, lower case. */
function nameWords(name: string): string[] {
  return norm(name)
    .split(/[\s,]+/)
    .filter((w) => w !== '' && !HONORIFIC.test(w));
}

/**
 * True when two names are one entity: one's words are all among the other's ("Dar" and
 * "Mohammad Ishaq Dar"; "UN Charter" and "Charter"). Why: statements shorten a name on its
 * second mention, and the gold never counts that as an added or removed entity.
 */
function sameWords(x: string, a: readonly string[], y: string, b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return norm(x) === norm(y);
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.every((w) => long.includes(w));
}

/**
 * An office or title ("Deputy Prime Minister and Minister of Foreign Affairs of Pakistan",
 * "Member of the Political Bureau"): a person's title changing is not a name added or removed.
 */
const OFFICE =
  /^(?:deputy |vice |acting |first |former )*(?:prime minister|minister|president|secretary|member|chair|chairman|chairperson|ambassador|governor|premier|councilor|councillor|director|spokesperson|envoy|special representative)\b/i;

function isOffice(name: string): boolean {
  return OFFICE.test(nameWords(name).join(' '));
}

/**
 * Strength levels of the two sides as they can be compared: whole levels when both acts stand
 * on one ladder ("encourages" 2 → "urges" 4), else only what modals, intensifiers and hedges add
 * to the neutral 3 (an act change across families is `act-changed`, not a change of strength).
 */
function comparableLevels(b: Commitment, a: Commitment): [number, number] {
  if (b.strength.ladder !== undefined && b.strength.ladder === a.strength.ladder)
    return [b.strength.level, a.strength.level];
  const relative = (c: Commitment) =>
    Math.min(5, Math.max(1, c.strength.level - c.strength.base + 3));
  return [relative(b), relative(a)];
}

/** A bare month's place from its round's month, read as the nearest such month (−6 … +5). */
function monthOffset(month: string, roundDate: string): number | undefined {
  const m = MONTH_NAMES.indexOf(month);
  const round = Number(roundDate.slice(5, 7)) - 1;
  if (m < 0 || !(round >= 0)) return undefined;
  return ((m - round + 18) % 12) - 6;
}

/**
 * The figure values without the bare months that only follow their round: "since the Committee
 * met in September" in October and "met in October" in December name the last meeting, and
 * "declined in August" in September and "in October" in November the latest data. A month
 * named in the past of both rounds that moves forward, by no more than the rounds did or to no
 * later than the before round's own month ("met in October" in December → "met in December" in
 * January: meetings are not evenly spaced), is the same reference and not a changed date; a month
 * that moves otherwise ("through June" → "through December", a month still to come) stays a
 * change.
 */
function withoutRollingMonths(
  removed: string[],
  added: string[],
  dates: { readonly before?: string; readonly after?: string },
): [string[], string[]] {
  if (!dates.before || !dates.after) return [removed, added];
  const monthsApart = monthsBetween(dates.before, dates.after);
  const left = [...added];
  const kept = removed.filter((r) => {
    const from = monthOffset(r, dates.before as string);
    if (from === undefined || from > 0) return true;
    const i = left.findIndex((a) => {
      const to = monthOffset(a, dates.after as string);
      if (to === undefined || to > 0) return false;
      const moved = monthsApart + to - from;
      // Forward by no more than the rounds moved, or to no later than the before round itself
      // ("met in October" in December → "met in December" in January: the last meeting).
      return moved >= 0 && (moved <= monthsApart || to <= -monthsApart);
    });
    if (i === -1) return true;
    left.splice(i, 1);
    return false;
  });
  return [kept, left];
}

/** Whole months from one `YYYY-MM-DD` to another. */
function monthsBetween(from: string, to: string): number {
  const month = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
  return month(to) - month(from);
}

/**
 * Compares the commitments of the two sides of a pair (several on a side for splits and merges,
 * taken together) and says what changed beyond the words.
 */
export function qualifyChange(
  before: readonly Commitment[],
  after: readonly Commitment[],
  dates: { readonly before?: string; readonly after?: string } = {},
  known?: { readonly before: ReadonlySet<string>; readonly after: ReadonlySet<string> },
): Qualifier[] {
  const out: Qualifier[] = [];
  const main = (side: readonly Commitment[]): Commitment | undefined =>
    side.find((c) => !c.isContext) ?? side[0];
  const b = main(before);
  const a = main(after);
  if (!b || !a) return out;
  // Who commits, to what and how strongly are those of a commitment: an assessment's (a forecast,
  // a description) are not reliable, and a context sentence commits nobody.
  const both = b.role === 'commitment' && a.role === 'commitment';
  if (both && b.actor.kind !== 'none' && a.actor.kind !== 'none' && b.actor.name !== a.actor.name)
    out.push({ kind: 'actor-changed', from: b.actor.name, to: a.actor.name });
  // "will act in a timely manner as needed" → "will continue to monitor developments and will act
  // as needed": the undertaking is still there, in a clause of its own; a clause was added, the
  // act did not change.
  const familyB = undertakingFamily(b);
  const familyA = undertakingFamily(a);
  const kept =
    both &&
    (familyB !== familyA || b.action !== a.action) &&
    ((b.action !== undefined && holdsAction(a.text, b.action)) ||
      (a.action !== undefined && holdsAction(b.text, a.action)));
  if (both && !kept && b.act !== 'state' && a.act !== 'state' && familyB !== familyA)
    out.push({ kind: 'act-changed', from: b.act, to: a.act });
  if (both && !kept && b.action !== undefined && a.action !== undefined && b.action !== a.action)
    out.push({ kind: 'action-changed', from: b.action, to: a.action });
  // Strength compares like with like: acts of one family or one ladder. Across families the act
  // change is the fact, and a modal or intensifier of one frame says nothing about the other.
  const comparable =
    kept ||
    familyB === familyA ||
    (b.strength.ladder !== undefined && b.strength.ladder === a.strength.ladder);
  if (both && comparable) {
    const [from, to] = comparableLevels(b, a);
    if (from !== to) {
      const markers = [
        ...minus(a.strength.markers, b.strength.markers),
        ...minus(b.strength.markers, a.strength.markers),
      ];
      if (
        b.act !== a.act &&
        b.strength.ladder !== undefined &&
        b.strength.ladder === a.strength.ladder
      )
        markers.unshift(`${b.act} → ${a.act}`);
      out.push({ kind: to > from ? 'strengthened' : 'weakened', from, to, markers });
    }
  }
  const figures = (side: readonly Commitment[]) =>
    side.flatMap((c) => c.entities.filter((e) => e.kind === 'figure'));
  const fb = figures(before);
  const fa = figures(after);
  let removedValues = minus(
    fb.map((e) => e.value),
    fa.map((e) => e.value),
  );
  let addedValues = minus(
    fa.map((e) => e.value),
    fb.map((e) => e.value),
  );
  [removedValues, addedValues] = withoutRollingMonths(removedValues, addedValues, dates);
  // An assessment that names a figure its round already states elsewhere ("below the
  // Committee's 2 percent longer-run objective") restates it; a commitment's figures are its own.
  if (!both && known) {
    removedValues = removedValues.filter((v) => !known.after.has(v));
    addedValues = addedValues.filter((v) => !known.before.has(v));
  }
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
    ...new Set(
      side.flatMap((c) =>
        c.entities.filter((e) => e.kind === 'name' && !isOffice(e.text)).map((e) => e.text),
      ),
    ),
  ];
  const nb = names(before);
  const na = names(after);
  const wordsB = nb.map(nameWords);
  const wordsA = na.map(nameWords);
  const addedNames = na.filter(
    (n, i) => !nb.some((m, j) => sameWords(n, wordsA[i] ?? [], m, wordsB[j] ?? [])),
  );
  const removedNames = nb.filter(
    (n, j) => !na.some((m, i) => sameWords(n, wordsB[j] ?? [], m, wordsA[i] ?? [])),
  );
  if (addedNames.length > 0) out.push({ kind: 'entities-added', items: addedNames });
  if (removedNames.length > 0) out.push({ kind: 'entities-removed', items: removedNames });
  const items = (side: readonly Commitment[]) => side.flatMap((c) => c.items);
  // A list on one side only grew from (or shrank to) items the other side names outside a list
  // ("in Kessa and Marrow" → "in Kessa, Marrow and Ostrava"): two or more of them, named there,
  // are the other side's items.
  const named = (list: readonly string[], side: readonly Commitment[]) => {
    const text = side.map((c) => c.text.toLowerCase()).join(' ');
    const found = list.filter((x) =>
      new RegExp(`\\b${escapeRegExp(x.toLowerCase())}\\b`, 'u').test(text),
    );
    return found.length >= 2 ? found : [];
  };
  let ib = items(before);
  let ia = items(after);
  if (ib.length === 0 && ia.length > 0) ib = named(ia, before);
  else if (ia.length === 0 && ib.length > 0) ia = named(ib, after);
  if (ib.length > 0 || ia.length > 0) {
    // One item is the same as another whose words it holds or that holds its words ("full,
    // safe access" read with or without the lead-in "to allow").
    const same = (x: string, y: string) => sameWords(x, nameWords(x), y, nameWords(y));
    const addedItems = ib.length > 0 ? ia.filter((x) => !ib.some((y) => same(x, y))) : [];
    const removedItems = ia.length > 0 ? ib.filter((x) => !ia.some((y) => same(x, y))) : [];
    if (addedItems.length > 0) out.push({ kind: 'items-added', items: addedItems });
    if (removedItems.length > 0) out.push({ kind: 'items-removed', items: removedItems });
  }
  return out;
}
