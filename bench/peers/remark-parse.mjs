// Peer: remark-parse alone, unified().use(remarkParse).parse on each whole file (no plugins, no transforms).
// Usage: node remark-parse.mjs A B
import { readFileSync } from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';

const processor = unified().use(remarkParse);
let nodes = 0;
for (const file of process.argv.slice(2, 4)) {
  const tree = processor.parse(readFileSync(file, 'utf8'));
  nodes += tree.children.length;
}
process.stdout.write(`${nodes} top-level nodes\n`);
