import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseStatement, sentencesOf } from '../../src/analyse/analyse-statement.js';
import { alignStatements } from '../../src/align/align-statements.js';
import { longestIncreasingRun } from '../../src/align/longest-increasing-run.js';
import type { Alignment } from '../../src/model/alignment.js';
import type { Statement } from '../../src/model/statement.js';
import { parseStatement } from '../../src/parse/parse-statement.js';
import { numbered, paragraphsArb, statement } from '../support/statements.js';

/** Every sentence of both sides in exactly one pair. */
function accountedOnce(before: Statement, after: Statement, alignment: Alignment): void {
  const count = (ids: string[]) => {
    const m = new Map<string, number>();
    for (const id of ids) m.set(id, (m.get(id) ?? 0) + 1);
    return m;
  };
  const b = count(alignment.pairs.flatMap((p) => [...p.before]));
  const a = count(alignment.pairs.flatMap((p) => [...p.after]));
  expect([...b.keys()].sort()).toEqual(
    sentencesOf(before)
      .map((s) => s.id)
      .sort(),
  );
  expect([...a.keys()].sort()).toEqual(
    sentencesOf(after)
      .map((s) => s.id)
      .sort(),
  );
  expect([...b.values(), ...a.values()].every((n) => n === 1)).toBe(true);
}

describe('alignStatements', () => {
  it('pairs every sentence of a statement with itself, exactly (identity)', () => {
    fc.assert(
      fc.property(paragraphsArb, (paragraphs) => {
        const s = statement(numbered(paragraphs));
        const alignment = alignStatements(s, s);
        accountedOnce(s, s, alignment);
        expect(
          alignment.pairs.every((p) => p.kind === 'unchanged' && p.matchedBy === 'exact'),
        ).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('accounts for every unit once, and is symmetric: added one way is removed the other', () => {
    fc.assert(
      fc.property(paragraphsArb, paragraphsArb, (x, y) => {
        // Distinct sentences: with repeated ones, which copy is "the added one" has no single answer.
        const kept = new Set(x.slice(0, 3).flatMap((p) => p.split(/(?<=\.) /)));
        const fresh = y
          .map((p) =>
            p
              .split(/(?<=\.) /)
              .filter((s) => !kept.has(s))
              .join(' '),
          )
          .filter(Boolean);
        const a = statement(numbered(x), 'a.md');
        const b = statement(numbered([...x.slice(0, 3), ...fresh]), 'b.md');
        const ab = alignStatements(a, b);
        const ba = alignStatements(b, a);
        accountedOnce(a, b, ab);
        accountedOnce(b, a, ba);
        const added = ab.pairs
          .filter((p) => p.kind === 'added')
          .flatMap((p) => p.after)
          .sort();
        const removed = ba.pairs
          .filter((p) => p.kind === 'removed')
          .flatMap((p) => p.before)
          .sort();
        expect(removed).toEqual(added);
      }),
      { numRuns: 60 },
    );
  });

  it('reports permuted paragraphs as moves only (no rewording, nothing added or removed)', () => {
    fc.assert(
      fc.property(
        paragraphsArb.filter((p) => p.length >= 3),
        fc.integer({ min: 0, max: 1000 }),
        (paragraphs, seed) => {
          const permuted = [...paragraphs];
          const i = seed % permuted.length;
          const [moved] = permuted.splice(i, 1);
          permuted.splice((i + 2) % (permuted.length + 1), 0, moved as string);
          const alignment = alignStatements(
            statement(numbered(paragraphs)),
            statement(numbered(permuted)),
          );
          for (const p of alignment.pairs) {
            expect(['unchanged', 'moved']).toContain(p.kind);
            expect(p.reworded).toBe(false);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('finds a reworded sentence, a split and a merge, and says how each was matched', () => {
    const before = statement(
      numbered([
        'The two sides agreed to expand cooperation in industry, agriculture and mining in the next five years.',
        'Freedonia pledged to open two consulates in Sylvania by 2027, and it promised to staff them with local hires.',
        'The ministers reviewed the railway. They welcomed the progress made on the port.',
      ]),
    );
    const after = statement(
      numbered([
        'The two sides agreed to broaden cooperation in industry, agriculture and mining in the coming five years.',
        'Freedonia pledged to open two consulates in Sylvania by 2027. It promised to staff them with local hires.',
        'The ministers reviewed the railway and welcomed the progress made on the port.',
      ]),
    );
    const kinds = alignStatements(before, after).pairs.map((p) => [
      p.kind,
      p.matchedBy,
      p.before.length,
      p.after.length,
    ]);
    expect(kinds).toEqual([
      ['reworded', 'fuzzy', 1, 1],
      ['split', 'split', 1, 2],
      ['merged', 'merge', 2, 1],
    ]);
  });

  it('keeps a paragraph that moved far as a move, and sees renumbering', () => {
    const paragraphs = [
      'Freedonia will host the next round in Vantor in May.',
      'The two sides agreed to finance the Kelby dam jointly.',
      'Sylvania pledged to reopen the Marrow border market.',
      'Both sides welcomed the new customs rules at Ostrand.',
      'The two sides decided to review the school plan annually.',
    ];
    const permuted = [
      paragraphs[0],
      paragraphs[2],
      paragraphs[3],
      paragraphs[4],
      paragraphs[1],
    ] as string[];
    const alignment = alignStatements(
      statement(numbered(paragraphs)),
      statement(numbered(permuted)),
    );
    const moved = alignment.pairs.filter((p) => p.moved);
    expect(moved).toHaveLength(1);
    expect(moved[0]?.before).toEqual(['s1/n2/1']);
    expect(
      alignment.paragraphs
        .filter((p) => p.renumbered)
        .map((p) => [p.beforeNumber, p.afterNumber])
        .sort(),
    ).toEqual([
      ['2', '5'],
      ['3', '2'],
      ['4', '3'],
      ['5', '4'],
    ]);
  });

  it('does not call a weak out-of-order resemblance a move', () => {
    const before = statement(
      numbered([
        'Freedonia agreed to finance the Kelby dam.',
        'The two sides reviewed trade links in Rusk.',
        'Sylvania will open a school in Umber.',
      ]),
    );
    const after = statement(
      numbered([
        'Sylvania will open a school in Umber.',
        'The two sides reviewed trade links in Rusk.',
        'Freedonia signed a treaty on fishing rights in Pellin.',
      ]),
    );
    const alignment = alignStatements(before, after);
    expect(alignment.pairs.filter((p) => p.moved && p.matchedBy === 'fuzzy')).toEqual([]);
  });

  it('aligns 5,000 repeats of one sentence with one change: one reworded pair, the rest unchanged', () => {
    const line = 'The two sides agreed to keep working together on all matters of mutual interest.';
    const lines = Array.from({ length: 5000 }, () => line);
    const changed = [...lines];
    changed[2500] =
      'The two sides agreed to keep working closely together on all matters of mutual interest.';
    const alignment = alignStatements(
      statement(lines.join('\n\n')),
      statement(changed.join('\n\n')),
    );
    expect(alignment.pairs.filter((p) => p.kind !== 'unchanged').map((p) => p.kind)).toEqual([
      'reworded',
    ]);
    expect(alignment.stats.budgetExhausted).toBe(false);
  });

  it('derives section pairs: renamed, moved, added', () => {
    const before = statement(
      '# A\n\n## Trade\n\nFreedonia agreed to cut tariffs on grain.\n\n## Security\n\nSylvania pledged to patrol the Rusk border.\n\n## Culture\n\nBoth sides will open libraries in Umber.\n',
    );
    const after = statement(
      '# A\n\n## Security\n\nSylvania pledged to patrol the Rusk border.\n\n## Trade and investment\n\nFreedonia agreed to cut tariffs on grain.\n\n## Health\n\nBoth sides will build a clinic in Pellin.\n',
    );
    const sections = alignStatements(before, after).sections;
    const trade = sections.find((s) => s.beforeHeading === 'Trade');
    expect(trade).toMatchObject({
      afterHeading: 'Trade and investment',
      renamed: true,
      matchedBy: 'content',
    });
    expect(sections.filter((s) => s.moved)).toHaveLength(1);
    expect(sections.find((s) => s.afterHeading === 'Health')?.before).toBeNull();
  });
});

describe('sections whose every sentence changed', () => {
  it('pairs them by a similar heading, and not by a different one', () => {
    const before = statement(
      '# A\n\n## Economic cooperation\n\nFreedonia agreed to cut tariffs on grain.\n\n## Culture\n\nBoth sides will open libraries in Umber.\n',
    );
    const after = statement(
      '# A\n\n## Economic and trade cooperation\n\nSylvania pledged a fund for ports in Rusk.\n\n## Health\n\nBoth sides will build a clinic in Pellin.\n',
    );
    for (const [x, y, from, to] of [
      [before, after, 'beforeHeading', 'afterHeading'],
      [after, before, 'afterHeading', 'beforeHeading'],
    ] as const) {
      const sections = alignStatements(x, y).sections;
      const economic = sections.find((s) => s[from]?.startsWith('Economic'));
      expect(economic).toMatchObject({ renamed: true, matchedBy: 'heading' });
      expect(economic?.[to]).toMatch(/^Economic/);
      expect(sections.find((s) => s[from] === 'Culture' || s[to] === 'Culture')?.matchedBy).toBe(
        'none',
      );
    }
  });
});

describe('longestIncreasingRun', () => {
  it('returns a longest strictly increasing subsequence', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 60 }), (values) => {
        const run = [...longestIncreasingRun(values)].sort((a, b) => a - b);
        for (let i = 1; i < run.length; i++)
          expect(values[run[i] as number]).toBeGreaterThan(values[run[i - 1] as number] as number);
        // Quadratic reference length.
        const best = values.map(() => 1);
        values.forEach((v, i) => {
          for (let j = 0; j < i; j++)
            if ((values[j] as number) < v)
              best[i] = Math.max(best[i] as number, (best[j] as number) + 1);
        });
        expect(run.length).toBe(values.length === 0 ? 0 : Math.max(...best));
      }),
    );
  });
});

describe('symmetry under ties', () => {
  it('pairs the same sentences A → B as B → A when two candidates tie (weights summed in another order)', () => {
    const load = (name: string) =>
      analyseStatement(
        parseStatement(readFileSync(`test/fixtures/symmetry/${name}`, 'utf8'), { file: name }),
      );
    const a = load('tie-a.md');
    const b = load('tie-b.md');
    const pairsOf = (x: Statement, y: Statement, flip: boolean) =>
      alignStatements(x, y)
        .pairs.filter((p) => p.before.length > 0 && p.after.length > 0)
        .map((p) =>
          flip
            ? `${p.after.join('+')}>${p.before.join('+')}`
            : `${p.before.join('+')}>${p.after.join('+')}`,
        )
        .sort();
    const forward = pairsOf(a, b, false);
    // The two Chinese sentences (第2号 / 第10003号) pair in both directions, or in neither.
    expect(forward.length).toBeGreaterThan(0);
    expect(pairsOf(b, a, true)).toEqual(forward);
  });
});

describe('symmetry of the identity pass', () => {
  it('refuses or keeps the same pairs both ways when the word diff of two objects ties', async () => {
    const { compareStatements } = await import('../../src/report/build-comparison.js');
    const load = (name: string) =>
      analyseStatement(
        parseStatement(readFileSync(`test/fixtures/symmetry/${name}`, 'utf8'), { file: name }),
      );
    const a = load('swap-a.md');
    const b = load('swap-b.md');
    const ids = (x: Statement, y: Statement, kind: string, side: 'before' | 'after') =>
      compareStatements(x, y)
        .changes.filter((c) => c.kind === kind)
        .flatMap((c) => c[side]?.ids ?? [])
        .sort();
    expect(ids(a, b, 'new', 'after')).toEqual(ids(b, a, 'dropped', 'before'));
    expect(ids(a, b, 'dropped', 'before')).toEqual(ids(b, a, 'new', 'after'));
  });
});
