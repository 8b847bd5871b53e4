/**
 * Reads the bytes of an input (a file, a device, a FIFO or a stream such as stdin) without ever
 * holding more than the size limit plus one byte: an endless input (`/dev/zero`, a pipe that
 * never closes) is refused as soon as it is over the limit (docs/errors.md, "Size").
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { isUserError, UserError } from '../model/errors.js';
import { DEFAULT_MAX_INPUT_BYTES, tooLargeError } from '../parse/decode-input.js';

/** Largest file Node reads into one buffer (as `readFileSync` refuses beyond it). */
const MAX_READ_BYTES = 2 ** 31 - 1;

/** Bytes read from a device or stream at a time. */
const CHUNK_BYTES = 64 * 1024;

/** What kind of file an input is, for messages: "a path to a <kind>". */
export type InputKind = 'statement file' | 'lexicon file' | 'series config';

/** Each kind of file as messages name it. */
const WHAT: Readonly<Record<InputKind, string>> = {
  'statement file': 'a statement file',
  'lexicon file': 'a YAML lexicon file (--lexicon)',
  'series config': 'a series.yaml file',
};

/** Options of {@link readBytes}. */
export interface ReadOptions {
  /** Largest input accepted in bytes (default: 50 MiB). */
  readonly maxBytes?: number;
  /** What the file should be, named in errors (default: a statement file). */
  readonly kind?: InputKind;
}

/** The whole bytes of the limit: an input of `n` bytes is refused when `n > limit`. */
function limitOf(maxBytes: number | undefined): number {
  if (maxBytes === undefined || !(maxBytes >= 0)) return DEFAULT_MAX_INPUT_BYTES;
  return Math.floor(maxBytes);
}

/** The `E_READ` error for a system error met while reading `file` (`-` for stdin). */
export function readError(file: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return new UserError('E_READ', `cannot be read (${typeof code === 'string' ? code : 'error'})`, {
    location: { file },
    expected: file === '-' ? 'readable standard input (a file or a pipe)' : 'a readable file',
  });
}

/** True for an error that carries a system or Node error code (`EIO`, `EISDIR`, …). */
export function isSystemError(error: unknown): boolean {
  return typeof (error as { code?: unknown } | null)?.code === 'string';
}

/**
 * Reads the open file `fd` to its end, refusing it once more than `maxBytes` were read. `size`
 * is the size fstat gives for a regular file (undefined for devices, FIFOs and sockets).
 */
export function readFd(fd: number, file: string, maxBytes?: number, size?: number): Buffer {
  const limit = limitOf(maxBytes);
  const shown = maxBytes ?? limit;
  if (size !== undefined && size > limit) throw tooLargeError(file, shown, size);
  if (size !== undefined && size > MAX_READ_BYTES)
    throw readError(file, { code: 'ERR_FS_FILE_TOO_LARGE' });
  const chunks: Buffer[] = [];
  let total = 0;
  // A regular file is read in one piece (plus one byte, to notice one that grew meanwhile).
  const chunkBytes = Math.max(CHUNK_BYTES, (size ?? 0) + 1);
  for (;;) {
    const want = Math.min(chunkBytes, limit + 1 - total, MAX_READ_BYTES + 1 - total);
    const buffer = Buffer.allocUnsafe(want);
    let read: number;
    try {
      read = readSync(fd, buffer, 0, want, null);
    } catch (error) {
      throw readError(file, error);
    }
    if (read === 0) break;
    chunks.push(read === want ? buffer : buffer.subarray(0, read));
    total += read;
    if (total > limit) throw tooLargeError(file, shown);
    if (total > MAX_READ_BYTES) throw readError(file, { code: 'ERR_FS_FILE_TOO_LARGE' });
  }
  return Buffer.concat(chunks, total);
}

/**
 * Reads a file as bytes, at most `maxBytes` of them, turning system errors into user errors that
 * name the file: `E_NOT_FOUND`, `E_IS_DIRECTORY`, `E_READ`, `E_TOO_LARGE`.
 */
export function readBytes(file: string, options: ReadOptions = {}): Buffer {
  const kind = options.kind ?? 'statement file';
  try {
    statSync(file);
  } catch {
    throw new UserError('E_NOT_FOUND', `no such file`, {
      location: { file },
      expected: `a path to ${WHAT[kind]}`,
    });
  }
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw isDirectoryError(file, kind);
    throw readError(file, error);
  }
  try {
    let stats;
    try {
      stats = fstatSync(fd);
    } catch (error) {
      throw readError(file, error);
    }
    if (stats.isDirectory()) throw isDirectoryError(file, kind);
    return readFd(fd, file, options.maxBytes, stats.isFile() ? stats.size : undefined);
  } finally {
    closeSync(fd);
  }
}

function isDirectoryError(file: string, kind: InputKind): UserError {
  return new UserError('E_IS_DIRECTORY', 'is a directory', {
    location: { file },
    expected:
      kind === 'statement file'
        ? 'a statement file (use `series` or `report` for a folder)'
        : WHAT[kind],
  });
}

/**
 * Reads `stream` (stdin) to its end, stopping as soon as more than `maxBytes` were read
 * (`E_TOO_LARGE`); a read error (`EIO`, `EISDIR`) is `E_READ`. Leaving the loop early destroys
 * the stream.
 */
export async function readStream(
  stream: AsyncIterable<Uint8Array | string>,
  maxBytes?: number,
  file = '-',
): Promise<Buffer> {
  const limit = limitOf(maxBytes);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const bytes =
        typeof chunk === 'string'
          ? Buffer.from(chunk, 'utf8')
          : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      chunks.push(bytes);
      total += bytes.length;
      if (total > limit) throw tooLargeError(file, maxBytes ?? limit);
    }
  } catch (error) {
    if (isUserError(error)) throw error;
    if (isSystemError(error)) throw readError(file, error);
    throw error;
  }
  return Buffer.concat(chunks, total);
}

/**
 * Reads standard input through `stream` (the process's stdin): a directory is refused at once
 * (`E_READ`, EISDIR; a stream would read it as empty), anything else as it comes.
 */
export async function readStdinStream(
  stream: AsyncIterable<Uint8Array | string>,
  maxBytes?: number,
): Promise<Buffer> {
  let isDirectory = false;
  try {
    isDirectory = fstatSync(0).isDirectory();
  } catch {
    // No descriptor 0 to look at: read the stream as it is.
  }
  if (isDirectory) throw readError('-', { code: 'EISDIR' });
  return readStream(stream, maxBytes, '-');
}
