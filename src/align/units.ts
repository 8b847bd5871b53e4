/** Sentences as alignment units: interned token ids with IDF weights, and hashed character trigrams. */
import type { Section, Statement } from '../model/statement.js';
import { tokenise } from './tokenise.js';

/** A weighted set of tokens: ids ascending, with a weight each. */
export interface Bag {
  /** Distinct token ids, ascending. */
  readonly ids: Int32Array;
  /** `w[i]` is the weight of `ids[i]` (set by {@link weigh}). */
  w: Float64Array;
  /** Sum of the weights. */
  total: number;
}

/** One sentence prepared for alignment. */
export interface Unit extends Bag {
  readonly id: string;
  readonly text: string;
  readonly key: string;
  readonly paragraphId: string;
  readonly sectionId: string;
  /** Hashed character trigrams of the key, distinct, ascending (typos, inflections). */
  readonly grams: Uint32Array;
}

/** Interns token strings as small integers for one alignment. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();

  /** The id of `token`, assigned on first sight. */
  idOf(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(token, id);
    }
    return id;
  }

  /** Number of distinct tokens seen. */
  get size(): number {
    return this.ids.size;
  }
}

/** A typed array that grows by doubling; `take()` returns exactly the values pushed. */
class Growable<T extends Int32Array | Uint32Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (size: number) => T,
  ) {}

  /** Makes room for `n` more values. */
  reserve(n: number): void {
    if (this.length + n <= this.data.length) return;
    const grown = this.make(Math.max(this.data.length * 2, this.length + n));
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }

  /** The values pushed, in a buffer of their exact size. */
  take(): T {
    return this.data.slice(0, this.length) as T;
  }
}

/** Scratch space of the trigram and token hashing, reused across sentences. */
let scratch = new Uint32Array(1024);

/**
 * Appends to `out` the hashes of the distinct character trigrams of ` key `, ascending (a
 * multiply-xor hash of the three code units); returns how many.
 */
function appendTrigrams(key: string, out: Growable<Uint32Array>): number {
  const text = ` ${key} `;
  const n = Math.max(0, text.length - 2);
  if (scratch.length < n) scratch = new Uint32Array(Math.max(n, scratch.length * 2));
  for (let i = 0; i + 3 <= text.length; i++) {
    scratch[i] =
      (Math.imul(text.charCodeAt(i), 0x9e3779b1) ^
        Math.imul(text.charCodeAt(i + 1), 0x85ebca6b) ^
        text.charCodeAt(i + 2)) >>>
      0;
  }
  return appendDistinct(scratch.subarray(0, n).sort(), out);
}

/** Appends the distinct values of `sorted` (ascending) to `out`; returns how many. */
function appendDistinct<T extends Int32Array | Uint32Array>(sorted: T, out: Growable<T>): number {
  out.reserve(sorted.length);
  const start = out.length;
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[i - 1]) out.data[out.length++] = sorted[i] as number;
  return out.length - start;
}

/** Appends to `out` the distinct vocabulary ids of `tokens`, ascending; returns how many. */
function appendIds(
  tokens: readonly string[],
  vocabulary: Vocabulary,
  out: Growable<Int32Array>,
): number {
  if (scratch.length < tokens.length)
    scratch = new Uint32Array(Math.max(tokens.length, scratch.length * 2));
  const ids = new Int32Array(scratch.buffer, 0, tokens.length);
  tokens.forEach((token, i) => (ids[i] = vocabulary.idOf(token)));
  return appendDistinct(ids.sort(), out);
}

/**
 * The sentences of `statement` in document order, as units (weights not yet set). The arrays of
 * all units of a side are views into three shared buffers, filled through one reused scratch
 * array: no typed array is allocated per sentence (issue 5, memory on a 10 MB pair: ~190,000
 * small off-heap buffers per side otherwise).
 */
export function unitsOf(statement: Statement, vocabulary: Vocabulary): Unit[] {
  const ids = new Growable(new Int32Array(4096), (n) => new Int32Array(n));
  const grams = new Growable(new Uint32Array(4096), (n) => new Uint32Array(n));
  const found: {
    id: string;
    text: string;
    key: string;
    paragraphId: string;
    sectionId: string;
    idCount: number;
    gramCount: number;
  }[] = [];
  const walk = (sections: readonly Section[]): void => {
    for (const section of sections) {
      for (const paragraph of section.paragraphs) {
        for (const s of paragraph.sentences) {
          found.push({
            id: s.id,
            text: s.text,
            key: s.key,
            paragraphId: paragraph.id,
            sectionId: section.id,
            idCount: appendIds(tokenise(s.key), vocabulary, ids),
            gramCount: appendTrigrams(s.key, grams),
          });
        }
      }
      walk(section.sections);
    }
  };
  walk(statement.sections);
  const idBuffer = ids.take();
  const weightBuffer = new Float64Array(idBuffer.length);
  const gramBuffer = grams.take();
  let idAt = 0;
  let gramAt = 0;
  return found.map((f) => {
    const unit: Unit = {
      id: f.id,
      text: f.text,
      key: f.key,
      paragraphId: f.paragraphId,
      sectionId: f.sectionId,
      ids: idBuffer.subarray(idAt, idAt + f.idCount),
      w: weightBuffer.subarray(idAt, idAt + f.idCount),
      total: 0,
      grams: gramBuffer.subarray(gramAt, gramAt + f.gramCount),
    };
    idAt += f.idCount;
    gramAt += f.gramCount;
    return unit;
  });
}

/**
 * Sets each unit's token weights to ln(1 + N / df) over both sides, so rare words (names,
 * figures) count more than words every sentence has. Returns the document frequency by token id.
 */
export function weigh(
  before: readonly Unit[],
  after: readonly Unit[],
  vocabulary: Vocabulary,
): Int32Array {
  const df = new Int32Array(vocabulary.size);
  for (const side of [before, after])
    for (const unit of side) for (const id of unit.ids) df[id] = (df[id] ?? 0) + 1;
  const n = before.length + after.length;
  const idf = new Float64Array(vocabulary.size);
  for (let id = 0; id < idf.length; id++) idf[id] = Math.log(1 + n / Math.max(1, df[id] ?? 1));
  for (const side of [before, after]) {
    for (const unit of side) {
      let total = 0;
      for (let i = 0; i < unit.ids.length; i++) {
        const weight = idf[unit.ids[i] as number] as number;
        unit.w[i] = weight;
        total += weight;
      }
      unit.total = total;
    }
  }
  return df;
}

/** Weight of the tokens `x` and `y` share. */
export function sharedWeight(x: Bag, y: Bag): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < x.ids.length && j < y.ids.length) {
    const a = x.ids[i] as number;
    const b = y.ids[j] as number;
    if (a === b) {
      shared += x.w[i] as number;
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return shared;
}

/**
 * A similarity to nine decimals. Why: weights are summed in token-id order, and token ids follow
 * the order in which the rounds were read, so the same two sentences could score 0.5598889023655268
 * one way and …270 the other; a tie broken by that noise made A → B and B → A pair differently
 * (the symmetry property found it).
 */
export function quantise(score: number): number {
  return Math.round(score * 1e9) / 1e9;
}

/** Weighted Dice similarity of two bags, 0–1. */
export function wordSimilarity(x: Bag, y: Bag): number {
  return x.total + y.total === 0 ? 0 : quantise((2 * sharedWeight(x, y)) / (x.total + y.total));
}

/** Share of `x`'s weight also in `y`, 0–1. */
export function containment(x: Bag, y: Bag): number {
  return x.total === 0 ? 0 : quantise(sharedWeight(x, y) / x.total);
}

/** Dice coefficient of two sorted hash sets. */
export function gramDice(x: Uint32Array, y: Uint32Array): number {
  if (x.length + y.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < x.length && j < y.length) {
    const a = x[i] as number;
    const b = y[j] as number;
    if (a === b) {
      shared++;
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return (2 * shared) / (x.length + y.length);
}

/** The union of several units' bags (a split's parts taken together). */
export function unionBag(units: readonly Bag[]): Bag {
  const weightOf = new Map<number, number>();
  for (const unit of units) unit.ids.forEach((id, i) => weightOf.set(id, unit.w[i] as number));
  const ids = Int32Array.from(weightOf.keys()).sort();
  const w = Float64Array.from(ids, (id) => weightOf.get(id) as number);
  let total = 0;
  for (const x of w) total += x;
  return { ids, w, total };
}
