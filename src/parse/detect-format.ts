/** Chooses how to read an input: from the override, the file extension, or the content. */
import { UserError } from '../model/errors.js';
import type { InputFormat } from '../model/statement.js';

/** The accepted values of `--input-format`. */
export const INPUT_FORMATS: readonly InputFormat[] = ['markdown', 'text', 'html'];

/** Returns the format of `text` read from `file`, `override` winning when given. */
export function detectFormat(file: string, text: string, override?: string): InputFormat {
  if (override !== undefined) {
    if ((INPUT_FORMATS as readonly string[]).includes(override)) return override as InputFormat;
    throw new UserError('E_OPTION', `unknown input format "${override}"`, {
      expected: INPUT_FORMATS.join(', '),
    });
  }
  const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase();
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'txt' || ext === 'text') return 'text';
  const head = text.slice(0, 2000).trimStart().toLowerCase();
  if (/^(<!doctype html|<html|<head|<body|<\?xml)/.test(head) || /<(p|div|h[1-6])[\s>]/.test(head))
    return 'html';
  return 'markdown';
}
