/** Exit codes, as diff(1): 0 no differences, 1 differences, 2 trouble. */

/** The inputs are the same (or the command had nothing to compare). */
export const EXIT_SAME = 0;
/** Differences were found. */
export const EXIT_DIFFERENT = 1;
/** Trouble: bad input, bad options, or an internal error. */
export const EXIT_TROUBLE = 2;
