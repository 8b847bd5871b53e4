/** Thresholds of the commitment identity pass, each with its reason (calibrated on bench/commitments). */

/** Every threshold of {@link identifyCommitments}. */
export interface IdentityOptions {
  /**
   * Least identity score (weighted overlap of the objects) for a dropped and a new commitment to
   * be one (default: `0.6`): "disputes in South Asia … settled through dialogue" and the same
   * with the Kashmir dispute and the UN Charter added share 0.8 of the smaller object.
   */
  readonly minIdentity: number;
  /** Least content tokens two objects share when they share no name (default: `2`): one shared word is chance. */
  readonly minSharedTokens: number;
  /** Added to the score for each name both objects hold (default: `0.15`). */
  readonly nameBonus: number;
  /** Longest run of words that counts as a swap of the object (default: `2`): "fisheries" → "tourism". */
  readonly maxSwapTokens: number;
  /** Least share of each object's specificity the swapped words carry for a swap (default: `0.25`). */
  readonly minSwapShare: number;
  /** Trigram Dice at or above which two swapped words are spelling variants (default: `0.5`). */
  readonly variantDice: number;
  /**
   * How many of a dropped object's most specific words look up candidates (default: `4`): a
   * new commitment that shares none of them cannot hold 0.6 of the object's specificity.
   */
  readonly lookupTokens: number;
  /**
   * Most candidates a dropped commitment may have (default: `60`): more means its most specific
   * words are common in the after round (generated boilerplate), and scoring them all costs
   * quadratic time for pairs nobody could tell apart.
   */
  readonly maxCandidates: number;
  /** Most new commitments one token lists for the candidate look-up (default: `40`). */
  readonly maxPostings: number;
  /**
   * Most sentences (both sides) the pass runs on (default: `50000`): official statements have
   * hundreds; above it the report carries a warning and the sentence alignment stands alone
   * (the 10 MB benchmark pair has 130,000).
   */
  readonly maxSentences: number;
  /** Above this many sentences, specificity comes from the candidates only (default: `2000`): keeps the pass a small part of the cost. */
  readonly maxSentencesForDocumentIdf: number;
}

/** The defaults. */
export const DEFAULT_IDENTITY_OPTIONS: IdentityOptions = {
  minIdentity: 0.6,
  maxSentences: 50000,
  minSharedTokens: 2,
  nameBonus: 0.15,
  maxSwapTokens: 2,
  minSwapShare: 0.25,
  variantDice: 0.5,
  lookupTokens: 4,
  maxCandidates: 60,
  maxPostings: 40,
  maxSentencesForDocumentIdf: 2000,
};
