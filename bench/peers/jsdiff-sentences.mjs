// Peer: jsdiff diffSentences on two whole files. Usage: node jsdiff-sentences.mjs A B [--limit]
// --limit passes { maxEditLength: 10000 } (jsdiff gives up past 10,000 edits and returns undefined).
// Exit 0 with a one-line count on stdout; exit 3 and "aborted" on stderr when the limit stopped it.
import { readFileSync } from 'node:fs';
import { diffSentences } from 'diff';

const [a, b, flag] = process.argv.slice(2);
const options = flag === '--limit' ? { maxEditLength: 10000 } : {};
const changes = diffSentences(readFileSync(a, 'utf8'), readFileSync(b, 'utf8'), options);
if (changes === undefined) {
  process.stderr.write('aborted\n');
  process.exit(3);
}
process.stdout.write(`${changes.length} changes\n`);
