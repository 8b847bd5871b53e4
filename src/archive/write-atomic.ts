/** Atomic file writes: a temporary file in the same folder, then a rename; never a half-written file. */
import {
  closeSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../model/errors.js';

let counter = 0;

/** Produces text piece by piece into the sink it is given (see `writeStableJson`). */
export type Producer = (sink: (chunk: string) => void) => void;

/** Writes `content` (text, bytes, or a producer of text) to `file` atomically, creating its folder. Errors name the file. */
export function writeAtomic(file: string, content: string | Uint8Array | Producer): void {
  if (file.includes('\0')) {
    throw new UserError('E_WRITE', 'the output path contains a NUL byte', {
      location: { file: JSON.stringify(file) },
      expected: 'a file path',
    });
  }
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}.${counter++}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    if (typeof content === 'function') {
      const fd = openSync(temp, 'w');
      try {
        content((chunk) => writeSync(fd, chunk));
      } finally {
        closeSync(fd);
      }
    } else writeFileSync(temp, content);
    renameSync(temp, file);
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // The path itself was unusable (e.g. a NUL byte); nothing was written.
    }
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UserError('E_WRITE', `cannot write the output (${code})`, {
      location: { file },
      expected: 'a writable path (does the folder exist and may you write to it?)',
    });
  }
}
