/** Atomic file writes: a temporary file in the same folder, then a rename; never a half-written file. */
import {
  accessSync,
  closeSync,
  constants,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../model/errors.js';

let counter = 0;

/**
 * Creates `dir` and its missing parents one level at a time, from the nearest folder that exists.
 * Why not `mkdirSync(dir, { recursive: true })`: on Node 20 it never returns for a path under
 * /proc that does not exist (`/proc/nonexistent/x.json` spun at 100 % CPU, issue 14); this walk
 * is bounded by the depth of the path and fails with the first real error (ENOENT, ENOTDIR,
 * EACCES, ENAMETOOLONG …).
 */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    try {
      const stat = statSync(at);
      if (!stat.isDirectory()) {
        throw Object.assign(new Error(`not a folder: ${at}`), { code: 'ENOTDIR' });
      }
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw error;
      const parent = dirname(at);
      if (parent === at) throw error;
      missing.push(at);
      at = parent;
    }
  }
  for (const folder of missing.reverse()) mkdirSync(folder);
}

/** Produces text piece by piece into the sink it is given (see `writeStableJson`). */
export type Producer = (sink: (chunk: string) => void) => void;

/** A NUL byte cannot be in a path: `E_WRITE` naming the path as JSON (it would cut the message). */
function refuseNul(file: string): void {
  if (file.includes('\0')) {
    throw new UserError('E_WRITE', 'the output path contains a NUL byte', {
      location: { file: JSON.stringify(file) },
      expected: 'a file path',
    });
  }
}

/**
 * Checks, before any work, that `file` can be written: its nearest existing folder is a folder
 * we may write to (a probe file is created in it and removed), and no name in the path is longer
 * than the file system allows. Throws the same `E_WRITE` as {@link writeAtomic} would, at once instead of after the
 * comparison.
 */
export function checkWritable(file: string): void {
  const fail = (code: string): never => {
    throw new UserError('E_WRITE', `cannot write the output (${code})`, {
      location: { file },
      expected: 'a writable path (does the folder exist and may you write to it?)',
    });
  };
  refuseNul(file);
  if (
    resolve(file)
      .split('/')
      .some((part) => Buffer.byteLength(part) > 255)
  )
    fail('ENAMETOOLONG');
  let at = dirname(resolve(file));
  for (;;) {
    try {
      if (!statSync(at).isDirectory()) fail('ENOTDIR');
      break;
    } catch (error) {
      if (error instanceof UserError) throw error;
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      if (code !== 'ENOENT') fail(code);
      const parent = dirname(at);
      if (parent === at) fail(code);
      at = parent;
    }
  }
  // Permission bits do not tell (root, /proc, read-only mounts): a probe file does, removed at once.
  const probe = join(at, `.statement-diff-probe.${process.pid}.${counter++}`);
  try {
    accessSync(at, constants.W_OK);
    closeSync(openSync(probe, 'wx'));
    rmSync(probe, { force: true });
  } catch (error) {
    fail((error as NodeJS.ErrnoException).code ?? 'EACCES');
  }
}

/** Writes `content` (text, bytes, or a producer of text) to `file` atomically, creating its folder. Errors name the file. */
export function writeAtomic(file: string, content: string | Uint8Array | Producer): void {
  refuseNul(file);
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}.${counter++}.tmp`);
  try {
    makeFolders(dir);
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
