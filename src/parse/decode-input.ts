/** Turns the bytes of an input into text: UTF-8, BOM removed, binary refused, bad bytes flagged. */
import { UserError } from '../model/errors.js';
import type { Diagnostic } from '../model/statement.js';

/** The decoded text and what was noticed while decoding. */
export interface DecodedInput {
  /** The text as read: UTF-8 decoded, BOM removed, line endings kept. */
  readonly text: string;
  /** Warnings such as replaced invalid bytes. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Default largest input accepted, in bytes (default: 50 MiB); see docs/errors.md. */
export const DEFAULT_MAX_INPUT_BYTES = 50 * 1024 * 1024;

/**
 * The `E_TOO_LARGE` error for `file`. With `size` (the bytes in hand, or a regular file's size)
 * the message gives it; without it, reading stopped as soon as the input was over the limit, so
 * its size is not known.
 */
export function tooLargeError(file: string, maxBytes: number, size?: number): UserError {
  return new UserError(
    'E_TOO_LARGE',
    size === undefined
      ? `input is over the limit of ${maxBytes} bytes`
      : `input is ${size} bytes, over the limit of ${maxBytes}`,
    { location: { file }, expected: 'a smaller statement, or a larger --max-bytes' },
  );
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * Decodes `bytes` read from `file`.
 * Why lenient with a warning rather than refusal: scraped statements often carry one stray
 * Windows-1252 byte; refusing them would stop a whole archive run (docs/decisions/003).
 * Binary data (a NUL byte) and empty input are refused.
 */
export function decodeInput(
  bytes: Uint8Array,
  file: string,
  maxBytes: number = DEFAULT_MAX_INPUT_BYTES,
): DecodedInput {
  if (bytes.length > maxBytes) throw tooLargeError(file, maxBytes, bytes.length);
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const line = countLines(bytes, nul);
    throw new UserError('E_BINARY', `binary data (a NUL byte at byte offset ${nul})`, {
      location: { file, line },
      expected: 'a statement: Markdown, plain text, HTML, PDF or DOCX',
    });
  }
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  const diagnostics: Diagnostic[] = [];
  let text: string;
  try {
    text = utf8Strict.decode(body);
  } catch {
    const offset = firstInvalidUtf8(body) + start;
    text = utf8Lenient.decode(body);
    diagnostics.push({
      severity: 'warning',
      message: `invalid UTF-8 at byte offset ${offset}; replaced with U+FFFD`,
      line: countLines(bytes, offset),
    });
  }
  if (text.trim() === '') {
    throw new UserError('E_EMPTY', 'the input is empty', {
      location: { file },
      expected: 'a statement with at least one paragraph',
    });
  }
  return { text, diagnostics };
}

function countLines(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b < 0xe0
          ? 1
          : b >= 0xe0 && b < 0xf0
            ? 2
            : b >= 0xf0 && b < 0xf5
              ? 3
              : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong forms and surrogates are invalid too (as TextDecoder judges them).
    const second = bytes[i + 1] ?? 0;
    if (
      (b === 0xe0 && second < 0xa0) ||
      (b === 0xed && second >= 0xa0) ||
      (b === 0xf0 && second < 0x90) ||
      (b === 0xf4 && second >= 0x90)
    ) {
      return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
