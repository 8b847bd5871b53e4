/**
 * The fixed-seed fuzz run of CI (`npm run fuzz -- --quick`): 300 mutated statements through the
 * library and the CLI, with no crash, hang, slow stage or broken invariant (bench/fuzz.ts).
 */
import { describe, expect, it } from 'vitest';
import { fuzz, QUICK_FUZZ_OPTIONS, signatureOf } from '../../bench/fuzz.js';

describe('quick fuzz run (seed 1, 300 inputs)', () => {
  it('finds nothing', { timeout: 180_000 }, async () => {
    const summary = await fuzz({
      ...QUICK_FUZZ_OPTIONS,
      outDir: undefined,
      progressEvery: 0,
      log: () => undefined,
    });
    expect(summary.inputs).toBe(300);
    const findings = summary.findings.map(
      (f) =>
        `input ${f.index} (${f.mutations.join('+')} of ${f.seedFile}): ${f.problems.map(signatureOf).join('; ')}`,
    );
    expect(findings).toEqual([]);
  });
});
