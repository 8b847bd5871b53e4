/** A series report: every commitment followed across the rounds of one body. */
import type { StatementMeta } from './statement.js';

/** How a commitment stands in one round of its lineage. */
export type OccurrenceStatus = 'first' | 'new' | 'carried' | 'changed' | 'revived';

/** One appearance of a lineage in a round. */
export interface Occurrence {
  /** Index of the round in `SeriesReport.rounds`. */
  readonly round: number;
  /** Sentence ids in that round (several for a split). */
  readonly ids: readonly string[];
  readonly text: string;
  /** Paragraph citation label (number, or ordinal). */
  readonly paragraph: string;
  readonly line: number;
  /** `first` in the first round; `new` when it starts later; `carried` unchanged; `changed` reworded, moved, split or merged; `revived` back after an absence. */
  readonly status: OccurrenceStatus;
  /** Similarity to the previous occurrence (1 when carried). */
  readonly score: number;
}

/** One commitment followed across rounds. */
export interface Lineage {
  /** Stable id: a hash of the first occurrence's round date and normalised text (`L3f9a1c0`: `L` + 7 hex digits). */
  readonly id: string;
  /** Short label: the start of the latest text. */
  readonly label: string;
  readonly occurrences: readonly Occurrence[];
  /** Present in every round. */
  readonly standing: boolean;
  /** Rounds (indices) in which it was present before and absent now. */
  readonly droppedIn: readonly number[];
  /** True when the sentence commits nobody (venue lines, narrative). */
  readonly isContext: boolean;
}

/** Churn of one round against the round before. */
export interface RoundCounts {
  readonly new: number;
  readonly dropped: number;
  readonly changed: number;
  readonly carried: number;
  readonly revived: number;
}

/** One round of the series. */
export interface SeriesRound {
  readonly file: string;
  readonly date: string;
  readonly meta: StatementMeta;
  readonly sentences: number;
  /** Zero for the first round. */
  readonly counts: RoundCounts;
}

/** The series report every series renderer consumes (docs/report-schema.md). */
export interface SeriesReport {
  readonly schemaVersion: number;
  readonly tool: { readonly name: string; readonly version: string };
  readonly series: string;
  readonly title: string;
  readonly rounds: readonly SeriesRound[];
  readonly lineages: readonly Lineage[];
  readonly summary: {
    readonly rounds: number;
    readonly lineages: number;
    readonly standing: number;
    readonly revived: number;
  };
}
