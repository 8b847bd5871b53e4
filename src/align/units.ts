/** Sentences as alignment units: id, key, tokens weighted by inverse document frequency. */
import type { Section, Statement } from '../model/statement.js';
import { tokenise } from './tokenise.js';

/** One sentence prepared for alignment. */
export interface Unit {
  readonly id: string;
  readonly text: string;
  readonly key: string;
  readonly paragraphId: string;
  readonly sectionId: string;
  /** Distinct tokens with their weights (set by {@link weigh}). */
  weights: Map<string, number>;
  /** Sum of the weights. */
  total: number;
  readonly tokens: readonly string[];
  /** Character trigrams of the key (typos, inflections, compounds). */
  readonly grams: ReadonlySet<string>;
}

function trigrams(key: string): Set<string> {
  const out = new Set<string>();
  const text = ` ${key} `;
  for (let i = 0; i + 3 <= text.length; i++) out.add(text.slice(i, i + 3));
  return out;
}

/** The sentences of `statement` in document order, as units (weights not yet set). */
export function unitsOf(statement: Statement): Unit[] {
  const units: Unit[] = [];
  const walk = (sections: readonly Section[]): void => {
    for (const section of sections) {
      for (const paragraph of section.paragraphs) {
        for (const sentence of paragraph.sentences) {
          units.push({
            id: sentence.id,
            text: sentence.text,
            key: sentence.key,
            paragraphId: paragraph.id,
            sectionId: section.id,
            weights: new Map(),
            total: 0,
            tokens: tokenise(sentence.key),
            grams: trigrams(sentence.key),
          });
        }
      }
      walk(section.sections);
    }
  };
  walk(statement.sections);
  return units;
}

/**
 * Sets each unit's token weights to ln(1 + N / df) over both sides, so rare words (names,
 * figures) count more than words every sentence has. Returns the document frequencies.
 */
export function weigh(before: Unit[], after: Unit[]): Map<string, number> {
  const df = new Map<string, number>();
  const all = [...before, ...after];
  for (const unit of all) for (const token of new Set(unit.tokens)) df.set(token, (df.get(token) ?? 0) + 1);
  const n = all.length;
  for (const unit of all) {
    const weights = new Map<string, number>();
    let total = 0;
    for (const token of unit.tokens) {
      if (weights.has(token)) continue;
      const w = Math.log(1 + n / (df.get(token) ?? 1));
      weights.set(token, w);
      total += w;
    }
    unit.weights = weights;
    unit.total = total;
  }
  return df;
}
