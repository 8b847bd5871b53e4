/**
 * The round files a series names: a folder's statement files, or files named one by one. Kept
 * apart from the loaders so that a warm `series` (a cache hit) loads no parsing code.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../model/errors.js';

/** Statement files of a series folder: .md, .markdown, .txt, .html, .htm, .pdf, .docx, except README.md; sorted. */
export function seriesFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter(
      (name) =>
        /\.(md|markdown|txt|html?|pdf|docx)$/i.test(name) &&
        !/^readme\.md$/i.test(name) &&
        !name.startsWith('.'),
    )
    .sort()
    .map((name) => join(dir, name));
}

/** The files a list of inputs names: a single folder expands to its statement files. */
export function expandInputs(inputs: readonly string[]): string[] {
  if (inputs.length === 1) {
    const only = inputs[0] as string;
    let isDir: boolean;
    try {
      isDir = statSync(only).isDirectory();
    } catch {
      throw new UserError('E_NOT_FOUND', 'no such file or folder', {
        location: { file: only },
        expected: 'a series folder or statement files',
      });
    }
    if (!isDir)
      throw new UserError('E_USAGE', 'a series needs two or more rounds', {
        location: { file: only },
        expected: 'a folder, or two or more files',
      });
    const files = seriesFiles(only);
    if (files.length < 2) {
      throw new UserError('E_USAGE', `the folder holds ${files.length} statement file(s)`, {
        location: { file: only },
        expected: 'two or more rounds',
      });
    }
    return files;
  }
  return [...inputs];
}
