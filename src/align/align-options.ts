/** Every threshold of the aligner in one place, with its default and the reason for it. */

/** Tuning of {@link alignStatements}; calibrated on ../shared/benchmarks/argrewrite and bench/generate-pairs (bench/README.md). */
export interface AlignOptions {
  /**
   * Share of character-trigram Dice in the similarity, the rest being IDF-weighted Dice over
   * stemmed content words (default: `0.5`). Why: trigrams forgive typos and inflections
   * ("unreliable" / "not as reliable") that stems miss; 0.5 gave the best ArgRewrite F1.
   */
  readonly gramWeight: number;
  /**
   * Least similarity for a fuzzy pair (default: `0.55`). Below it two sentences count as one
   * removed and one added (unless the in-order gap pass pairs them). Why: the best
   * modified-pair F1 on ArgRewrite (0.45–0.6 tried, bench/README.md).
   */
  readonly minSimilarity: number;
  /**
   * Least similarity for a pair that stands out of order to be kept as a move (default: `0.75`).
   * Below it the out-of-order pair is undone into removed + added. Why: a false move is worse than
   * a missed one (ARCHITECTURE.md); weak out-of-order pairs were mostly wrong on the generator.
   */
  readonly minMoveSimilarity: number;
  /**
   * A weaker out-of-order pair (at least `minSimilarity`) is kept as a move when it beats every
   * other candidate of both its sentences by this margin (default: `0.2`). Why: a reworded
   * commitment moved to another section ("The Chinese side reiterated …" → "China reiterated …",
   * 0.70) is a move a reader wants; a pair that merely wins a close contest is not (redlines
   * uses a runner-up margin of 0.10 for the same reason).
   */
  readonly moveMargin: number;
  /**
   * Least share of a sentence's weight found inside a longer sentence for it to count as a part
   * of a split or merge (default: `0.7`). Why: split halves of ArgRewrite sentences keep most of
   * their words; topic sentences that merely share a few terms stay well below.
   */
  readonly minContainment: number;
  /**
   * Least gain in similarity that adding a part must bring to a split or merge (default: `0.08`).
   * Why: stops attaching a neighbour that repeats a word or two of the sentence.
   */
  readonly minSplitGain: number;
  /**
   * Least similarity for pairing the one sentence left between two in-order pairs with the one
   * sentence left between their partners (default: `0.3`). Why: a sentence rewritten in its
   * place is the same sentence to a reader even when few words survive; ArgRewrite annotators
   * pair them (bench/README.md).
   */
  readonly minGapSimilarity: number;
  /**
   * The same for gaps with several sentences on a side, paired in order (default: `0.4`). Why:
   * in a larger gap position says less; below 0.4 the sample archive paired unrelated
   * commitments ("welcomed ten years of CPEC" with "pledged an upgraded CPEC").
   */
  readonly minGapSimilarityWide: number;
  /**
   * Least similarity of content words alone for a gap pair (default: `0.2`). Why: "Both sides
   * will open libraries in Umber" and "Both sides will build a clinic in Pellin" share an actor
   * phrase and many letter trigrams but no content word (test/align/align-statements.test.ts).
   */
  readonly minGapWordSimilarity: number;
  /** Largest gap (sentences on one side) aligned by the in-order pass (default: `12`); bounds its cost. */
  readonly maxGap: number;
  /** Candidates kept per sentence from the inverted index (default: `12`). */
  readonly maxCandidates: number;
  /**
   * Tokens in more than this many sentences are not used to find candidates (default: `60`).
   * Why: like passim's maxDF, they cost time and say nothing; the gap window still finds the
   * counterpart of a sentence made only of such tokens (20,000 repeats, issue 5).
   */
  readonly maxPostings: number;
  /** Unmatched sentences of the same gap between anchors scored as candidates too (default: `4`). */
  readonly gapWindow: number;
  /** Bonus for a candidate whose neighbours are already paired with its neighbours (default: `0.05`). */
  readonly contextBonus: number;
  /** Largest number of candidate pairs scored in one comparison (default: `5_000_000`); the report says when hit. */
  readonly maxComparisons: number;
}

/** The defaults, documented above. */
export const DEFAULT_ALIGN_OPTIONS: AlignOptions = {
  gramWeight: 0.5,
  minSimilarity: 0.55,
  minMoveSimilarity: 0.75,
  moveMargin: 0.2,
  minContainment: 0.7,
  minSplitGain: 0.08,
  minGapSimilarity: 0.3,
  minGapSimilarityWide: 0.4,
  minGapWordSimilarity: 0.2,
  maxGap: 12,
  maxCandidates: 12,
  maxPostings: 60,
  gapWindow: 4,
  contextBonus: 0.05,
  maxComparisons: 5_000_000,
};
