/** The alignment of two statements: every sentence of both sides in exactly one entry. */

/** What happened to a unit between before and after. */
export type AlignmentKind =
  'unchanged' | 'reworded' | 'moved' | 'split' | 'merged' | 'added' | 'removed';

/** How a pair was found. */
export type MatchedBy =
  'exact' | 'normalized' | 'fuzzy' | 'split' | 'merge' | 'commitment' | 'none';

/** One entry of a sentence alignment. */
export interface AlignedPair {
  /** Sentence ids on the before side: empty for `added`, two or more for `merged`. */
  readonly before: readonly string[];
  /** Sentence ids on the after side: empty for `removed`, two or more for `split`. */
  readonly after: readonly string[];
  /** The main fact: split/merged over moved over reworded over unchanged. */
  readonly kind: AlignmentKind;
  /** How the pair was matched (`none` for added and removed). */
  readonly matchedBy: MatchedBy;
  /** Similarity of the two sides, 0–1 (1 for identical text, 0 for added/removed). */
  readonly score: number;
  /** True when the pair stands out of the order of the longest increasing run of pairs. */
  readonly moved: boolean;
  /** True when the text differs beyond normalisation (case, punctuation, whitespace). */
  readonly reworded: boolean;
}

/** What happened to a paragraph, derived from its sentences. */
export interface ParagraphPair {
  /** Paragraph id before, or null when added. */
  readonly before: string | null;
  /** Paragraph id after, or null when removed. */
  readonly after: string | null;
  /** Numbers as written (before, after), when the source numbers them. */
  readonly beforeNumber?: string;
  readonly afterNumber?: string;
  /** True when both sides carry numbers and they differ. */
  readonly renumbered: boolean;
  /** True when the paragraph's sentences moved as a block out of order. */
  readonly moved: boolean;
  /** Paired sentences shared, over the larger paragraph's sentence count. */
  readonly overlap: number;
}

/** What happened to a section, derived bottom-up from its paragraphs plus heading similarity. */
export interface SectionPair {
  readonly before: string | null;
  readonly after: string | null;
  readonly beforeHeading: string | null;
  readonly afterHeading: string | null;
  /** Heading text changed (beyond normalisation). */
  readonly renamed: boolean;
  /** Section order changed relative to the other paired sections. */
  readonly moved: boolean;
  /** How the pair was found: shared sentences, or the heading alone. */
  readonly matchedBy: 'content' | 'heading' | 'none';
}

/** Work done by the aligner, so that budgets hit are never silent. */
export interface AlignmentStats {
  /** Candidate pairs scored. */
  readonly comparisons: number;
  /** True when the comparison budget stopped candidate scoring early. */
  readonly budgetExhausted: boolean;
  /** True when the statements were too large for the commitment identity pass (`maxSentences`), which was skipped. */
  readonly identitySkipped?: boolean;
}

/** The alignment of two statements. */
export interface Alignment {
  readonly pairs: readonly AlignedPair[];
  readonly paragraphs: readonly ParagraphPair[];
  readonly sections: readonly SectionPair[];
  readonly stats: AlignmentStats;
}
