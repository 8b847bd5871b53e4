/** A fuzz worker process: receives cases from bench/fuzz.ts over IPC and answers with their results. */
import type { CaseResult, FuzzCase } from './check.js';
import { checkCase } from './check.js';
import { loadSeeds } from './seeds.js';

const [root, tmpDir] = process.argv.slice(2);
if (root === undefined || tmpDir === undefined || !process.send) {
  console.error(
    'usage: a child of bench/fuzz.ts (node --import tsx bench/fuzz/worker.ts <root> <tmp>)',
  );
  process.exit(2);
}
const seeds = loadSeeds(root);

process.on('message', (c: FuzzCase) => {
  const seed = seeds[c.seedIndex];
  const answer = (result: CaseResult): void => {
    process.send?.(result);
  };
  if (!seed) {
    answer({
      index: c.index,
      elapsedMs: 0,
      slowestStage: { stage: '', ms: 0, allowance: 1 },
      problems: [{ kind: 'crash', stage: 'worker', message: `no seed ${c.seedIndex}` }],
    });
    return;
  }
  checkCase(c, seed.path, seed.bytes, tmpDir).then(answer, (error: unknown) =>
    answer({
      index: c.index,
      elapsedMs: 0,
      slowestStage: { stage: '', ms: 0, allowance: 1 },
      problems: [{ kind: 'crash', stage: 'worker', message: String(error) }],
    }),
  );
});
process.on('disconnect', () => process.exit(0));
process.send({ ready: true });
