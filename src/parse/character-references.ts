/**
 * Markdown character references (`&amp;`, `&#8212;`, `&#x2014;`): what they decode to, as
 * micromark decodes them, and how long they are in the source. The decoding tables load on first
 * use.
 */
import type * as DecodeNamedModule from 'decode-named-character-reference';
import type * as DecodeNumericModule from 'micromark-util-decode-numeric-character-reference';
import { loadModule } from './load-module.js';

const CHARACTER_REFERENCE = /&(?:#[xX]([0-9a-fA-F]{1,6})|#(\d{1,7})|([A-Za-z][A-Za-z0-9]{0,31}));/y;

/**
 * Length of the character reference at `source[at]`, if a valid one starts there (a text value
 * whose last character maps to its `&` took the whole reference: a literal `&` followed by
 * `amp;` would have kept the `amp;`).
 */
export function referenceLengthAt(source: string, at: number): number | undefined {
  return decodeReferenceAt(source, at, source.length)?.length;
}

let decodeNamed: ((name: string) => string | false) | undefined;
let decodeNumeric: ((value: string, base: number) => string) | undefined;

/** The text a character reference at `source[at]` stands for and its length, if it is one. */
export function decodeReferenceAt(
  source: string,
  at: number,
  end: number,
): { text: string; length: number } | undefined {
  CHARACTER_REFERENCE.lastIndex = at;
  const m = CHARACTER_REFERENCE.exec(source);
  if (!m || at + m[0].length > end) return undefined;
  const [whole, hex, decimal, name] = m;
  if (name !== undefined) {
    decodeNamed ??= loadNamed();
    const text = decodeNamed(name);
    return text === false ? undefined : { text, length: whole.length };
  }
  decodeNumeric ??= loadNumeric();
  const text = hex !== undefined ? decodeNumeric(hex, 16) : decodeNumeric(decimal as string, 10);
  return { text, length: whole.length };
}

function loadNamed(): (name: string) => string | false {
  return loadModule<typeof DecodeNamedModule>('decode-named-character-reference')
    .decodeNamedCharacterReference;
}

function loadNumeric(): (value: string, base: number) => string {
  return loadModule<typeof DecodeNumericModule>('micromark-util-decode-numeric-character-reference')
    .decodeNumericCharacterReference;
}
