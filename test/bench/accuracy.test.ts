/** The accuracy benchmark as a regression guard: floors just under the measured numbers (bench/README.md § Accuracy). */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreArgRewrite } from '../../bench/accuracy.js';
import { scoreGenerated } from '../../bench/generated-accuracy.js';

describe('alignment accuracy', () => {
  if (existsSync('../shared/benchmarks/argrewrite')) {
    it('ArgRewrite V.2: beats the difflib baseline on all and on modified pairs', () => {
      const score = scoreArgRewrite();
      expect(score?.documents).toBe(84);
      // difflib over the gold segmentation: 0.962 and 0.900; we use our own segmentation.
      expect(score?.allPairs.f1).toBeGreaterThanOrEqual(0.965);
      expect(score?.modifiedPairs.f1).toBeGreaterThanOrEqual(0.925);
    });
  } else {
    it.skip('ArgRewrite: ../shared/benchmarks/argrewrite not present, skipped', () => undefined);
    console.warn('SKIPPED: ArgRewrite accuracy (../shared/benchmarks/argrewrite not present)');
  }

  it('seeded generated pairs: moves, splits and merges meet the issue goals', () => {
    const { measures } = scoreGenerated({}, 20);
    expect(measures['moves']?.precision).toBeGreaterThanOrEqual(0.98);
    expect(measures['moves']?.recall).toBeGreaterThanOrEqual(0.9);
    expect(measures['splits']?.recall).toBeGreaterThanOrEqual(0.8);
    expect(measures['merges']?.recall).toBeGreaterThanOrEqual(0.8);
  });
});
