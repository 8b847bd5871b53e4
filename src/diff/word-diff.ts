/** Word diff: our own tokens into jsdiff's diffArrays, then a readability pass. The only module that imports jsdiff. */
import { diffArrays } from 'diff';
import type { WordEdit } from '../model/changes.js';

/**
 * Tokens: numbers with fractions, decimals, thousands and percent signs stay whole ("3-1/2",
 * "2.5", "1,000", "4.25%"); words keep inner apostrophes and hyphens; each CJK word (by
 * Intl.Segmenter) is one token; whitespace and punctuation are tokens of their own.
 */
const TOKEN =
  /\d+-\d+\/\d+|\d+\/\d+|\d[\d,]*(?:\.\d+)?%?|[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*|\s+|[^\s\p{L}\p{M}\p{N}]/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

let wordSegmenter: Intl.Segmenter | undefined;

/** Splits `text` into diff tokens; their concatenation is `text`. */
export function tokeniseForDiff(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const token = m[0];
    if (CJK.test(token)) {
      wordSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
      for (const { segment } of wordSegmenter.segment(token)) out.push(segment);
    } else out.push(token);
  }
  return out;
}

/** Options of {@link diffWords}. */
export interface WordDiffOptions {
  /**
   * Least share of the longer side's characters kept equal for an inline diff (default: `0.3`).
   * Below it the change is shown as a whole replacement: interleaved fragments of two different
   * sentences read worse than the two sentences (difftastic's has_common_words, EXAMPLES.md).
   */
  readonly minSharedForInline: number;
}

/** Defaults of {@link WordDiffOptions}. */
export const DEFAULT_WORD_DIFF_OPTIONS: WordDiffOptions = { minSharedForInline: 0.3 };

const isWord = (text: string): boolean => /[\p{L}\p{N}]/u.test(text);

/** Merges adjacent runs of the same op and orders each change as delete before insert. */
function normalise(edits: WordEdit[]): WordEdit[] {
  const out: WordEdit[] = [];
  let i = 0;
  while (i < edits.length) {
    const edit = edits[i] as WordEdit;
    if (edit.op === 'equal') {
      const last = out[out.length - 1];
      if (last?.op === 'equal') out[out.length - 1] = { op: 'equal', text: last.text + edit.text };
      else if (edit.text !== '') out.push(edit);
      i++;
      continue;
    }
    let deleted = '';
    let inserted = '';
    while (i < edits.length && (edits[i] as WordEdit).op !== 'equal') {
      const e = edits[i] as WordEdit;
      if (e.op === 'delete') deleted += e.text;
      else inserted += e.text;
      i++;
    }
    if (deleted) out.push({ op: 'delete', text: deleted });
    if (inserted) out.push({ op: 'insert', text: inserted });
  }
  return out;
}

/**
 * Readability: an equal run between two changes that is whitespace, punctuation or a single short
 * word no longer than the changes around it becomes part of the change, so that edits fall on
 * whole phrases ("[-but remained low-] through [-August; more-]{+September. More+}").
 */
function absorbShortEqualities(edits: WordEdit[]): WordEdit[] {
  let current = normalise(edits);
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 1; i < current.length - 1; i++) {
      const edit = current[i] as WordEdit;
      if (edit.op !== 'equal') continue;
      const prev = current[i - 1] as WordEdit;
      const next = current[i + 1] as WordEdit;
      if (prev.op === 'equal' || next.op === 'equal') continue;
      const words = edit.text.split(/\s+/).filter(isWord);
      const around = (j: number, step: number): number => {
        let n = 0;
        for (
          let k = j;
          k >= 0 && k < current.length && (current[k] as WordEdit).op !== 'equal';
          k += step
        ) {
          n = Math.max(n, (current[k] as WordEdit).text.length);
        }
        return n;
      };
      const short =
        words.length === 0 ||
        (words.length === 1 &&
          edit.text.trim().length <= Math.min(around(i - 1, -1), around(i + 1, 1)));
      if (!short) continue;
      current = normalise([
        ...current.slice(0, i),
        { op: 'delete', text: edit.text },
        { op: 'insert', text: edit.text },
        ...current.slice(i + 1),
      ]);
      changed = true;
      break;
    }
  }
  return current;
}

/** The word diff of `before` → `after`, and whether it is a whole replacement. */
export function diffWords(
  before: string,
  after: string,
  options: WordDiffOptions = DEFAULT_WORD_DIFF_OPTIONS,
): { edits: WordEdit[]; replaced: boolean } {
  if (before === after)
    return { edits: before ? [{ op: 'equal', text: before }] : [], replaced: false };
  const changes = diffArrays(tokeniseForDiff(before), tokeniseForDiff(after));
  const raw: WordEdit[] = changes.map((c) => ({
    op: c.added ? 'insert' : c.removed ? 'delete' : 'equal',
    text: c.value.join(''),
  }));
  const edits = absorbShortEqualities(raw);
  const shared = edits
    .filter((e) => e.op === 'equal' && isWord(e.text))
    .reduce((n, e) => n + e.text.trim().length, 0);
  if (shared / Math.max(before.length, after.length, 1) < options.minSharedForInline) {
    return {
      edits: [
        before && { op: 'delete', text: before },
        after && { op: 'insert', text: after },
      ].filter(Boolean) as WordEdit[],
      replaced: true,
    };
  }
  return { edits, replaced: false };
}

/** The text of one side rebuilt from edits (`before`: equal + delete; `after`: equal + insert). */
export function rebuild(edits: readonly WordEdit[], side: 'before' | 'after'): string {
  const skip = side === 'before' ? 'insert' : 'delete';
  return edits
    .filter((e) => e.op !== skip)
    .map((e) => e.text)
    .join('');
}
