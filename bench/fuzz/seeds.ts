/** The fuzz seeds: parse fixtures, the sample archive and, when present, the shared FOMC corpus. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';

/** One seed file. */
export interface Seed {
  /** Path relative to the project root (shown in findings). */
  readonly name: string;
  /** Absolute path (the CLI compares the mutant with it). */
  readonly path: string;
  /** Extension with its dot (`.md`, `.txt`, `.html`): the mutant keeps it, so the format is the same. */
  readonly ext: string;
  readonly bytes: Buffer;
  /** The bytes decoded as UTF-8. */
  readonly text: string;
}

function filesUnder(dir: string, accept: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return filesUnder(path, accept);
      return accept(entry.name) ? [path] : [];
    })
    .sort();
}

/**
 * The seed files under `root` (the project folder), in a fixed order: every
 * `test/fixtures/parse/<case>/input.*`, every `statements/**\/*.md`, and every
 * `../shared/corpus/fomc/*.md` when that corpus is present.
 */
export function loadSeeds(root: string): Seed[] {
  const paths = [
    ...filesUnder(join(root, 'test', 'fixtures', 'parse'), (name) =>
      /^input\.(md|txt|html?)$/.test(name),
    ),
    ...filesUnder(join(root, 'statements'), (name) => name.endsWith('.md')),
    ...filesUnder(join(root, '..', 'shared', 'corpus', 'fomc'), (name) => name.endsWith('.md')),
  ];
  return paths.map((path) => {
    const bytes = readFileSync(path);
    return {
      name: relative(root, path),
      path,
      ext: extname(path).toLowerCase(),
      bytes,
      text: bytes.toString('utf8'),
    };
  });
}
