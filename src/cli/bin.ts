#!/usr/bin/env node
/** The executable: runs the CLI and sets the exit code; never calls process.exit. */
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import type * as QuickQuery from './quick-query.js';

// A full collection before the heap grows by more than 75 % (V8's default lets it double):
// keeps a 10 MB pair under 1 GB of memory at no measurable cost in time (decision 014).
setFlagsFromString('--heap-growing-percent=75');

/** `search` and `history` from one bundled file when the build made it (decision 025). */
const QUERY_BUNDLE = new URL('./query.bundle.js', import.meta.url);

async function start(argv: readonly string[]): Promise<number> {
  if ((argv[0] === 'search' || argv[0] === 'history') && existsSync(QUERY_BUNDLE)) {
    const bundle = (await import(QUERY_BUNDLE.href)) as typeof QuickQuery;
    const code = await bundle.runQuick(argv, bundle.processIo());
    if (code !== undefined) return code;
  }
  const [{ processIo }, { main }] = await Promise.all([import('./io.js'), import('./main.js')]);
  return main(argv, processIo());
}

process.exitCode = await start(process.argv.slice(2));
