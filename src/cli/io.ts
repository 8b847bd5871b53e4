/** What a command may use of the outside world; tests pass their own. */
import { writeSync } from 'node:fs';
import { readStdinStream } from '../archive/read-input.js';
import type { Producer } from '../archive/write-atomic.js';

/** Streams and environment of one CLI run. */
export interface Io {
  /** Writes to standard output: text, or a producer that writes it piece by piece. */
  readonly stdout: (text: string | Producer) => void;
  /** Writes to standard error. */
  readonly stderr: (text: string) => void;
  /**
   * Reads all of standard input, stopping as soon as more than `maxBytes` were read
   * (`E_TOO_LARGE`); a read error is `E_READ`.
   */
  readonly readStdin: (maxBytes: number) => Promise<Buffer>;
  /** True when standard output is a terminal (colour, progress bars). */
  readonly isTTY: boolean;
  /** Environment variables (NO_COLOR, FORCE_COLOR). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The process's own streams. */
export function processIo(): Io {
  return {
    stdout: (text) => {
      if (typeof text === 'string') process.stdout.write(text);
      else text((chunk) => writeAll(chunk));
    },
    stderr: (text) => process.stderr.write(text),
    readStdin: (maxBytes) => readStdinStream(process.stdin, maxBytes),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
  };
}

/** Writes to file descriptor 1 synchronously, retrying while a pipe is full. */
function writeAll(chunk: string): void {
  const bytes = Buffer.from(chunk, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(1, bytes, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}
