/** The parsed statement: a section tree of numbered paragraphs, sentences and commitments, each with its source span. */

/**
 * Where a node stands in the input text as read (UTF-8 decoded, BOM removed).
 * Invariant: `source.slice(start, end)` is the node's raw text.
 */
export interface SourceSpan {
  /** Offset of the first character, in UTF-16 code units. */
  readonly start: number;
  /** Offset one past the last character. */
  readonly end: number;
  /** 1-based line of `start`. */
  readonly line: number;
  /** 1-based column of `start`. */
  readonly column: number;
  /** For a PDF: the 1-based page of `line`, and the line on that page (headers and footers not counted). */
  readonly page?: number;
  readonly pageLine?: number;
}

/** A party to a statement and the names that refer to it. */
export interface Party {
  /** Canonical name used in reports (e.g. `China`). */
  readonly name: string;
  /** Other names that refer to the party (e.g. `Chinese side`, `PRC`). */
  readonly aliases: readonly string[];
}

/** Metadata from the YAML frontmatter; every field is optional in the input. */
export interface StatementMeta {
  /** Series slug, e.g. `fomc`. */
  readonly series?: string;
  /** Round number where the series numbers its rounds. */
  readonly round?: number;
  /** Date of the round, `YYYY-MM-DD`. */
  readonly date?: string;
  /** Title of the statement. */
  readonly title?: string;
  /** Where the round took place. */
  readonly place?: string;
  /** The parties and their aliases. */
  readonly parties?: readonly Party[];
  /** URL of the source text. */
  readonly source?: string;
  /** BCP 47 language tag (default: `en`). */
  readonly language?: string;
  /** Every other frontmatter field, kept as read. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** The input formats the parser understands. */
/** How an input was read: the text formats, and documents converted to one of them. */
export type InputFormat = 'markdown' | 'text' | 'html' | 'pdf' | 'docx';

/** A note about the input that is not an error (e.g. a replaced invalid byte). */
export interface Diagnostic {
  /** `warning` keeps going; `info` is purely informative. */
  readonly severity: 'warning' | 'info';
  /** What happened, in one sentence. */
  readonly message: string;
  /** 1-based line the note refers to, if any. */
  readonly line?: number;
}

/** A sentence of a paragraph. */
export interface Sentence {
  /** Stable id: `<paragraph id>/<k>` (k 1-based), e.g. `s1.2/n4/1`. */
  readonly id: string;
  /** The sentence as written, trimmed, inner whitespace kept. */
  readonly text: string;
  /** Normalised comparison form: case-folded, punctuation and whitespace folded. */
  readonly key: string;
  /** Where the sentence stands in the source. */
  readonly span: SourceSpan;
}

/** A block of prose, with the number the source gives it, if any. */
export interface Paragraph {
  /** Stable id: `<section id>/n<number>` where the source numbers it, else `<section id>/p<k>` (k-th in its section). */
  readonly id: string;
  /** Paragraph number as written without trailing dot (e.g. `4`, `12(a)`, `iii`). */
  readonly number?: string;
  /** Position of the paragraph in the whole statement, 1-based; reports cite it as `¶k` when there is no number. */
  readonly ordinal: number;
  /** The paragraph's sentences, in order. */
  readonly sentences: readonly Sentence[];
  /** Where the paragraph stands in the source (number included). */
  readonly span: SourceSpan;
}

/** A heading and what falls under it; the root section has no heading. */
export interface Section {
  /** Stable path id: `s0` for the implicit root, `s1`, `s1.2` … (ordinal of headings by depth). */
  readonly id: string;
  /** Heading text, or `null` for the implicit root section. */
  readonly heading: string | null;
  /** Heading depth 1–6; 0 for the root. */
  readonly depth: number;
  /** Number written in the heading (e.g. `II`, `3.1`), if any. */
  readonly number?: string;
  /** Paragraphs directly under the heading. */
  readonly paragraphs: readonly Paragraph[];
  /** Sub-sections. */
  readonly sections: readonly Section[];
  /** Where the section stands in the source. */
  readonly span: SourceSpan;
}

/** Strength of a commitment on the documented scale (docs/glossary.md): 1 weakest … 5 strongest. */
export type StrengthLevel = 1 | 2 | 3 | 4 | 5;

/** How strongly a commitment is put. */
export interface Strength {
  /** Level on the scale (default for a plain statement: `3`). */
  readonly level: StrengthLevel;
  /** The words that set the level (modals, intensifiers, hedges), lower-cased. */
  readonly markers: readonly string[];
  /** Level the act itself gives (its ladder level, else `3`) before modals, intensifiers and hedges. */
  readonly base: number;
  /** The ladder of the act (`intention`, `pressure` …), when it stands on one. */
  readonly ladder?: string;
}

/**
 * What a sentence is: a `commitment` (an actor and a speech act), an `assessment` (a position
 * or description with no committing actor, e.g. "Inflation remains elevated") or `context`
 * (the meeting itself: venue, date, chairs, what the talks covered, anniversaries).
 */
export type CommitmentRole = 'commitment' | 'assessment' | 'context';

/** A named thing or a figure found in a commitment. */
export interface Entity {
  /** `figure` for numbers, percents, fractions and dates; `name` for proper names and acronyms. */
  readonly kind: 'figure' | 'name';
  /** The text as written. */
  readonly text: string;
  /** Canonical comparison form (e.g. `3-1/2` → `3.5`). */
  readonly value: string;
}

/** Who commits: both sides, one named party, or a body such as the Committee. */
export interface Actor {
  /** `both`, `party`, `body` or `none` (context sentences). */
  readonly kind: 'both' | 'party' | 'body' | 'none';
  /** Canonical name (`both sides`, `China`, `the Committee`). */
  readonly name: string;
}

/** The unit of comparison: one sentence that states a position or undertaking. */
export interface Commitment {
  /** Stable id: `c:<sentence id>`. */
  readonly id: string;
  /** The sentence this commitment comes from. */
  readonly sentenceId: string;
  /** The sentence text. */
  readonly text: string;
  /** Who commits. */
  readonly actor: Actor;
  /** Speech act lemma from the lexicon (e.g. `agree`, `reaffirm`), or `state` when none is found. */
  readonly act: string;
  /** Family of the act (`commit`, `affirm`, `urge` …; the act itself when the lexicon gives none). */
  readonly family: string;
  /** The main verb of the committed action, lemmatised (`decided to lower` → `lower`), when one is found. */
  readonly action?: string;
  /** What is committed to: the text after the act's form, action verb included (empty when no act). */
  readonly object: string;
  /** Commitment, assessment or context (docs/glossary.md#role). */
  readonly role: CommitmentRole;
  /** True when the sentence is context: `role === 'context'`. */
  readonly isContext: boolean;
  /** Modality and intensity. */
  readonly strength: Strength;
  /** Names and figures. */
  readonly entities: readonly Entity[];
  /** Items of an enumeration ("agreed to A, B and C" → `A`, `B`, `C`); empty when none. */
  readonly items: readonly string[];
  /** Same span as the sentence. */
  readonly span: SourceSpan;
}

/** A parsed statement. */
export interface Statement {
  /** Display name of the input (path as given, or `-` for stdin). */
  readonly file: string;
  /** The format it was read as. */
  readonly format: InputFormat;
  /** Frontmatter metadata. */
  readonly meta: StatementMeta;
  /** Top-level sections; the first is the implicit root section (heading `null`). */
  readonly sections: readonly Section[];
  /** The text every span points into (for HTML input: the Markdown it was converted to). */
  readonly source: string;
  /** Commitments, one per sentence, in document order. */
  readonly commitments: readonly Commitment[];
  /** Notes about the input. */
  readonly diagnostics: readonly Diagnostic[];
}
