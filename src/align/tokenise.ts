/** Comparison tokens of a sentence: stemmed content words and canonical numbers. */
import { stemmer } from 'stemmer';
import { figureValue } from '../analyse/extract-entities.js';

/** Function words that say nothing about which sentence is which. */
const STOPWORDS = new Set(
  (
    'a an the and or but of to in on at for with by from as is are was were be been being it its this that these ' +
    'those their they them he she his her we our you your i me my not no so than then there here also very such ' +
    'can will would should may might could shall must do does did has have had which who whom whose what when where ' +
    'while if into about over under more most other some any each all both only own same too just s'
  ).split(' '),
);

const stems = new Map<string, string>();

function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (stems.size < 200_000) stems.set(word, s);
  }
  return s;
}

const WORD = /\d+-\d+\/\d+|\d+\/\d+|\d[\d,]*(?:\.\d+)?|[\p{L}][\p{L}'’-]*/gu;
const HAN = /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}/u;

/**
 * Tokens of a normalised sentence key. Chinese and Japanese have no spaces: they are tokenised
 * as character bigrams, a standard choice for retrieval without a dictionary.
 */
export function tokenise(key: string): string[] {
  const out: string[] = [];
  for (const m of key.matchAll(WORD)) {
    const word = m[0];
    if (/^\d/.test(word)) {
      out.push(`#${figureValue(word)}`);
    } else if (HAN.test(word)) {
      const chars = [...word];
      if (chars.length === 1) out.push(word);
      for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
    } else if (!STOPWORDS.has(word)) {
      out.push(stem(word.replace(/['’]s$/, '')));
    }
  }
  return out;
}
