/** The commitment benchmark as a regression guard (floors just under bench/README.md § Commitments) and its scorer's own behaviour. */
import { describe, expect, it } from 'vitest';
import { readGold, scorePair, totals } from '../../bench/commitments.js';

describe('commitment benchmark', () => {
  it('scores the gold of bench/commitments/gold at or above its floors', async () => {
    const { files, skipped } = readGold('bench/commitments/gold', '.');
    if (skipped.length > 0) console.warn(`SKIPPED: ${skipped.join(', ')} (inputs not present)`);
    expect(files.length).toBeGreaterThanOrEqual(3);
    const scores = [];
    for (const [name, gold] of files) scores.push(await scorePair(name, gold, '.'));
    const t = totals(scores);
    expect(t.entries).toBeGreaterThanOrEqual(40);
    expect(t.pairing).toBeGreaterThanOrEqual(0.96);
    expect(t.qualifierPrecision).toBeGreaterThanOrEqual(0.97);
    expect(t.qualifierRecall).toBeGreaterThanOrEqual(0.96);
    // 0.84 with seven pairs; the dialogue pair 2023 → 2024 labelled blind in the fifth session
    // ranks worst of all (0.727) and took the ten-pair figure to 0.837.
    expect(t.precisionAtK).toBeGreaterThanOrEqual(0.83);
  });

  it('counts a wrong kind, a missing qualifier and a low-ranked high change against the tool', async () => {
    const gold = {
      before: 'statements/un-security-council-veloria/2023-05-30.md',
      after: 'statements/un-security-council-veloria/2024-05-29.md',
      changes: [
        // The tool reports this pair as reworded: labelled new, it must count as a pairing miss.
        { kind: 'new', after: 'reduce the troop ceiling to 11,000', tier: 'high' as const },
        {
          kind: 'reworded',
          before: 'Condemns all attacks against peacekeepers',
          after: 'Strongly condemns all attacks against peacekeepers',
          qualifiers: ['strengthened', 'actor-changed'],
          tier: 'low' as const,
        },
      ],
    };
    const score = await scorePair('synthetic', gold, '.');
    expect(score.paired).toBe(1);
    expect(score.qualifiersGold).toBe(2);
    expect(score.qualifiersTrue).toBe(1);
    expect(score.high).toBe(1);
    expect(score.highInTopK).toBe(0);
    expect(score.misses.some((m) => m.startsWith('pairing: new'))).toBe(true);
  });
});
