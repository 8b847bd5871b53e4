/** Changes between two statements: word edits, qualifiers and commitment changes, and the report that carries them. */
import type { Alignment, AlignedPair, ParagraphPair, SectionPair } from './alignment.js';
import type { CommitmentRole, Diagnostic, SourceSpan, StatementMeta } from './statement.js';

/** One run of a word diff. Equal + delete runs rebuild the before text; equal + insert the after text. */
export interface WordEdit {
  readonly op: 'equal' | 'insert' | 'delete';
  readonly text: string;
}

/** What kind of change a commitment underwent. */
export type ChangeKind =
  'new' | 'dropped' | 'reworded' | 'moved' | 'split' | 'merged' | 'cosmetic' | 'unchanged';

/** A fact about a change beyond its kind. */
export type Qualifier =
  | {
      readonly kind: 'strengthened' | 'weakened';
      readonly from: number;
      readonly to: number;
      readonly markers: readonly string[];
    }
  | { readonly kind: 'actor-changed'; readonly from: string; readonly to: string }
  | { readonly kind: 'act-changed'; readonly from: string; readonly to: string }
  /** The main verb of the committed action changed (lemmas: `lower` → `maintain`). */
  | { readonly kind: 'action-changed'; readonly from: string; readonly to: string }
  | {
      readonly kind: 'figure-changed';
      readonly from: readonly string[];
      readonly to: readonly string[];
    }
  | { readonly kind: 'entities-added' | 'entities-removed'; readonly items: readonly string[] }
  | { readonly kind: 'items-added' | 'items-removed'; readonly items: readonly string[] };

/** One side of a change: where it stands and what the commitment says. */
export interface ChangeSide {
  /** Sentence ids (one, or several for a split or merge). */
  readonly ids: readonly string[];
  /** The text (sentences joined by a space). */
  readonly text: string;
  /** Paragraph citation label: its number, or its ordinal (e.g. `4`, `12(a)`). */
  readonly paragraph: string;
  /** Sentence position within the paragraph, 1-based, of the first sentence. */
  readonly sentence: number;
  /** Heading of the section it stands in, or null. */
  readonly section: string | null;
  /** Span of the first sentence in its file. */
  readonly span: SourceSpan;
  readonly actor: string;
  readonly act: string;
  /** Family of the act (docs/glossary.md#identity). */
  readonly family: string;
  /** Main verb of the committed action, lemmatised, when found. */
  readonly action?: string;
  readonly strength: number;
  /** Commitment, assessment or context (docs/glossary.md#role). */
  readonly role: CommitmentRole;
  /** True when the sentence is context (venue, date, chairs, what the talks covered). */
  readonly isContext: boolean;
}

/** A commitment change: one entry per alignment pair. */
export interface CommitmentChange {
  /** Stable id from the sentence ids of both sides. */
  readonly id: string;
  readonly kind: ChangeKind;
  /**
   * Score 0–100 from src/rank/ (docs/glossary.md#significance): what changed, weighed by what it
   * is about; context changes score below 10, every other change but cosmetic 10 or more.
   */
  readonly significance: number;
  /** Why the change scores as it does, in words, the main reason first ("action lower → maintain"). */
  readonly reasons: readonly string[];
  /** True when both sides (or the one side) are context: reported apart, after the commitments. */
  readonly isContext: boolean;
  readonly qualifiers: readonly Qualifier[];
  readonly before: ChangeSide | null;
  readonly after: ChangeSide | null;
  /** Word diff of before → after (empty for new and dropped). */
  readonly edits: readonly WordEdit[];
  /** True when the edit is shown as a whole replacement (too little in common to interleave). */
  readonly replaced: boolean;
  /** From the alignment. */
  readonly score: number;
  readonly matchedBy: AlignedPair['matchedBy'];
  readonly moved: boolean;
}

/** A sentence as carried by the report (every sentence of both sides). */
export interface ReportSentence {
  readonly id: string;
  readonly text: string;
  readonly span: SourceSpan;
  readonly paragraph: string;
}

/** One side of a comparison. */
export interface ReportSide {
  readonly file: string;
  readonly meta: StatementMeta;
  readonly sentences: readonly ReportSentence[];
}

/** Counts of a comparison. */
export interface ComparisonSummary {
  readonly sentencesBefore: number;
  readonly sentencesAfter: number;
  /** Changes by kind (every kind present, zero when none). */
  readonly counts: Readonly<Record<ChangeKind, number>>;
  readonly renumberedParagraphs: number;
  readonly movedSections: number;
  readonly renamedSections: number;
  /** True when a cost budget stopped the aligner early (the report is then incomplete). */
  readonly budgetExhausted: boolean;
  /** True when anything but unchanged was found. */
  readonly differs: boolean;
}

/** The one object every pair renderer consumes (JSON schema: docs/report-schema.md). */
export interface ComparisonReport {
  readonly schemaVersion: number;
  readonly tool: { readonly name: string; readonly version: string };
  readonly before: ReportSide;
  readonly after: ReportSide;
  readonly summary: ComparisonSummary;
  readonly alignment: Alignment['pairs'];
  readonly paragraphs: readonly ParagraphPair[];
  readonly sections: readonly SectionPair[];
  /** Commitment changes (every kind but unchanged), most significant first, then in after-document order. */
  readonly changes: readonly CommitmentChange[];
  readonly diagnostics: readonly (Diagnostic & { readonly file: string })[];
}
