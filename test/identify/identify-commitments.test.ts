/** Commitment identity across sections, refusal of swapped objects, and the ranking that follows. */
import { describe, expect, it } from 'vitest';
import { analyseStatement } from '../../src/analyse/analyse-statement.js';
import { parseStatement } from '../../src/parse/parse-statement.js';
import { compareStatements } from '../../src/report/build-comparison.js';
import { mostSignificant } from '../../src/report/describe-change.js';
import { buildSeries } from '../../src/series/build-series.js';

const FRONT = (date: string) => `---
date: ${date}
parties:
  - name: China
    aliases: []
  - name: Pakistan
    aliases: []
---
`;

const statement = (date: string, body: string) =>
  analyseStatement(parseStatement(`${FRONT(date)}${body}`, { file: `${date}.md` }));

/** A statement with a date and no parties (FOMC-like). */
const load = (date: string, body: string) =>
  analyseStatement(parseStatement(`---\ndate: ${date}\n---\n\n${body}`, { file: `${date}.md` }));

const BEFORE = statement(
  '2024-05-15',
  `# Round

1. The fifth round was held in Islamabad on 15 May 2024.

## Security

2. The two sides agreed that disputes in South Asia should be settled through dialogue.

3. The two sides agreed to set up a joint committee on fisheries.

## Economy

4. The two sides agreed to expand cooperation in industry, agriculture and mining.

5. The two sides decided to lower tariffs on textiles by 2027.
`,
);

const AFTER = statement(
  '2025-08-21',
  `# Round

1. The sixth round was held in Beijing on 21 August 2025.

## Security

2. The two sides agreed to set up a joint committee on tourism.

## Regional

3. They agreed that disputes in South Asia, including the Kashmir dispute, should be settled peacefully in accordance with the UN Charter, relevant UN Security Council resolutions and bilateral agreements.

## Economy

4. The two sides agreed to review cooperation in industry, agriculture and mining.

5. The two sides decided to maintain tariffs on textiles as soon as possible.
`,
);

describe('commitment identity', () => {
  const report = compareStatements(BEFORE, AFTER);
  const find = (needle: string) =>
    report.changes.find(
      (c) =>
        (c.after ?? c.before)?.text.includes(needle) &&
        (c.after?.text.includes(needle) || !c.after),
    );

  it('follows a commitment reworded and moved to another section', () => {
    const change = report.changes.find((c) => c.before?.text.includes('South Asia'));
    expect(change?.after?.text).toContain('Kashmir dispute');
    expect(change?.kind).toBe('moved');
    expect(change?.matchedBy).toBe('commitment');
    expect(change?.qualifiers.map((q) => q.kind)).toContain('entities-added');
  });

  it('refuses a pair whose objects differ although the frame is identical', () => {
    const fisheries = report.changes.find((c) => c.before?.text.includes('fisheries'));
    const tourism = report.changes.find((c) => c.after?.text.includes('tourism'));
    expect(fisheries?.kind).toBe('dropped');
    expect(tourism?.kind).toBe('new');
  });

  it('qualifies a changed action, and a deadline given up', () => {
    const cooperation = find('review cooperation');
    expect(cooperation?.qualifiers).toContainEqual({
      kind: 'action-changed',
      from: 'expand',
      to: 'review',
    });
    const tariffs = find('tariffs');
    expect(tariffs?.qualifiers).toContainEqual({
      kind: 'action-changed',
      from: 'lower',
      to: 'maintain',
    });
    expect(tariffs?.qualifiers).toContainEqual({
      kind: 'figure-changed',
      from: ['by 2027'],
      to: ['as soon as possible'],
    });
  });

  it('ranks the venue last, in its own group, and never among the most significant', () => {
    const venue = report.changes.filter((c) => (c.after ?? c.before)?.text.includes('was held in'));
    expect(venue.length).toBeGreaterThan(0);
    const firstContext = report.changes.findIndex((c) => c.isContext);
    expect(venue.every((c) => c.isContext)).toBe(true);
    expect(report.changes.slice(firstContext).every((c) => c.isContext)).toBe(true);
    const lowest = Math.min(
      ...report.changes
        .filter((x) => !x.isContext && x.kind !== 'cosmetic')
        .map((x) => x.significance),
    );
    for (const c of venue) expect(c.significance).toBeLessThan(lowest);
    for (const c of venue) expect(mostSignificant(report.changes)).not.toContain(c);
    expect(report.changes[0]?.reasons[0]).toMatch(/^(?:action|new|dropped|figure)/);
  });

  it('ranks a dropped expectation below an equal one when the after round decides its action (fulfilled)', () => {
    const before = load(
      '2022-01-26',
      'The Committee decided to keep the target range at 0 to 1/4 percent.\n\nThe Committee expects it will soon be appropriate to raise the target range.\n\nThe Committee expects it will soon be appropriate to publish a framework for its holdings.\n',
    );
    const after = load(
      '2022-03-16',
      'The Committee decided to raise the target range to 1/4 to 1/2 percent.\n',
    );
    const dropped = compareStatements(before, after).changes.filter((c) => c.kind === 'dropped');
    const raise = dropped.find((c) => c.before?.text.includes('raise'));
    const publish = dropped.find((c) => c.before?.text.includes('publish'));
    expect(raise?.reasons[0]).toMatch(/fulfilled \(raise decided\)/);
    expect(publish?.reasons[0]).not.toMatch(/fulfilled/);
    expect(raise?.significance).toBeLessThan(publish?.significance ?? 0);
  });

  it('ranks a commitment to the process of a relationship below one to something in it', () => {
    const before = statement('2024-05-15', 'The two sides agreed to open a consulate in Gwadar.\n');
    const after = statement(
      '2025-08-21',
      [
        'The two sides agreed to open a consulate in Gwadar.',
        'The two sides agreed to maintain close coordination on regional matters.',
        'They agreed to deepen the partnership.',
        'They agreed to coordinate closely in multilateral forums.',
        'The two sides agreed to build a railway to Gwadar.',
      ].join('\n\n') + '\n',
    );
    const fresh = compareStatements(before, after).changes.filter((c) => c.kind === 'new');
    const of = (needle: string) => fresh.find((c) => c.after?.text.includes(needle));
    const railway = of('railway');
    expect(railway?.reasons).not.toContain('process, not substance');
    for (const needle of ['coordination', 'partnership', 'coordinate closely']) {
      expect(of(needle)?.reasons, needle).toContain('process, not substance');
      expect(of(needle)?.significance, needle).toBeLessThan(railway?.significance ?? 0);
    }
  });

  it('weighs a changed date that passed by the after round, and was not replaced, as an update', () => {
    const before = statement(
      '2025-08-21',
      'The two sides agreed to hold the joint commission later in 2025.\n\nThe two sides agreed to finish the port by 2027.\n',
    );
    const after = statement(
      '2026-01-04',
      'The two sides agreed to continue the joint commission.\n\nThe two sides agreed to finish the port.\n',
    );
    const changed = compareStatements(before, after).changes.filter((c) => c.kind !== 'unchanged');
    const commission = changed.find((c) => c.after?.text.includes('commission'));
    const port = changed.find((c) => c.after?.text.includes('port'));
    expect(commission?.reasons).toContain('date passed (2025-12)');
    expect(port?.reasons.join(' ')).not.toMatch(/date passed/);
    expect(commission?.significance).toBeLessThan(port?.significance ?? 0);
  });

  // A month that moves with the round is no changed figure; one that moves otherwise is.
  it.each([
    // "met in May" in June → "met in June" in July; September → August is a date brought forward.
    ['2019-06-19', 'May', 'September', '2019-07-31', 'June', 'August'],
    // "met in October" in December → "met in December" in January: the last meeting, though two
    // months on; November was still to come in December, so November → January is a change.
    ['2013-12-18', 'October', 'November', '2014-01-29', 'December', 'January'],
  ])(
    '%s "met in %s", holdings in %s → %s "met in %s", holdings in %s',
    (dateB, metB, holdingsB, dateA, metA, holdingsA) => {
      const round = (date: string, met: string, month: string) =>
        load(
          date,
          `Information received since the Committee met in ${met} indicates that the labor market remains strong.\n\nThe Committee will conclude the reduction of its holdings in ${month}.\n`,
        );
      const changed = compareStatements(
        round(dateB, metB, holdingsB),
        round(dateA, metA, holdingsA),
      ).changes.filter((c) => c.kind !== 'unchanged');
      const since = changed.find((c) => c.after?.text.includes(`met in ${metA}`));
      const holdings = changed.find((c) => c.after?.text.includes('holdings'));
      expect(since?.qualifiers.filter((q) => q.kind === 'figure-changed')).toEqual([]);
      expect(holdings?.qualifiers).toContainEqual({
        kind: 'figure-changed',
        from: [holdingsB],
        to: [holdingsA],
      });
    },
  );

  it('keeps an undertaking that moved into a clause of its own: weakened, not another act', () => {
    const body = (last: string) =>
      `The Committee decided today to lower its target for the federal funds rate.\n\n${last}\n`;
    const before = statement(
      '2008-03-18',
      body('The Committee will act in a timely manner as needed to promote sustainable growth.'),
    );
    const after = statement(
      '2008-04-30',
      body(
        'The Committee will continue to monitor economic and financial developments and will act as needed to promote sustainable growth.',
      ),
    );
    const change = compareStatements(before, after).changes.find((c) =>
      c.after?.text.includes('monitor'),
    );
    const kinds = change?.qualifiers.map((q) => q.kind) ?? [];
    expect(change?.before?.text).toContain('timely');
    expect(kinds).toContain('weakened');
    expect(kinds).not.toContain('act-changed');
    expect(kinds).not.toContain('action-changed');
  });

  it('pairs an undertaking in a second clause with the undertaking that replaces it', () => {
    const before = statement(
      '2008-10-29',
      'The Committee decided to lower its target.\n\nThe Committee will monitor economic and financial developments carefully and will act as needed to promote sustainable economic growth and price stability.\n',
    );
    const after = statement(
      '2008-12-16',
      'The Committee decided to lower its target.\n\nThe Committee will employ all available tools to promote the resumption of sustainable economic growth and to preserve price stability.\n',
    );
    const changed = compareStatements(before, after).changes.filter((c) => c.kind !== 'unchanged');
    expect(changed).toHaveLength(1);
    const kinds = changed[0]?.qualifiers.map((q) => q.kind) ?? [];
    expect(changed[0]?.qualifiers).toContainEqual({
      kind: 'action-changed',
      from: 'act',
      to: 'employ',
    });
    expect(kinds).toContain('strengthened');
    expect(kinds).not.toContain('act-changed');
  });

  it('follows a restated position into the decision that changes it; an assessment restating a known figure changed none', () => {
    const before = load(
      '2015-10-28',
      [
        'Inflation has continued to run below the longer-run objective of the Committee.',
        'The Committee expects inflation to rise to 2 percent over the medium term.',
        'To support continued progress, the Committee today reaffirmed its view that the current 0 to 1/4 percent target range for the federal funds rate remains appropriate.',
      ].join('\n\n') + '\n',
    );
    const after = load(
      '2015-12-16',
      [
        'Inflation has continued to run below the 2 percent longer-run objective of the Committee.',
        'The Committee expects inflation to rise to 2 percent over the medium term.',
        'Given the economic outlook, the Committee decided to raise the target range for the federal funds rate to 1/4 to 1/2 percent.',
      ].join('\n\n') + '\n',
    );
    const changes = compareStatements(before, after).changes.filter((c) => c.kind !== 'unchanged');
    const decision = changes.find((c) => c.after?.text.includes('decided to raise'));
    expect(decision?.before?.text).toContain('reaffirmed its view');
    expect(decision?.qualifiers).toContainEqual({
      kind: 'figure-changed',
      from: ['0 to 1/4 percent'],
      to: ['1/4 to 1/2 percent'],
    });
    const objective = changes.find((c) => c.after?.text.includes('2 percent longer-run'));
    expect(objective?.qualifiers.filter((q) => q.kind === 'figure-changed')).toEqual([]);
  });

  it('weighs a call the after round welcomes as done, a near-synonym action and a degree word less', () => {
    const front = (date: string) =>
      `---\ndate: ${date}\n---\n\n# Resolution\n\n*The Security Council*,\n\n`;
    const load = (date: string, body: string) =>
      analyseStatement(parseStatement(`${front(date)}${body}`, { file: `${date}.md` }));
    const before = load(
      '2024-05-29',
      [
        '1. *Calls upon* the Government of Veloria to hold presidential elections as soon as possible;',
        '2. *Calls upon* the Government of Veloria to open the port of Alden;',
        '3. *Requests* the Secretary-General to report to the Council every 120 days;',
        '4. *Decides* to reduce the troop ceiling to 11,000 military personnel;',
        '5. *Urges* Member States to contribute to the humanitarian response plan;',
        '6. *Calls upon* all parties to respect the ceasefire;',
        '7. *Requests* the Mission to support the reintegration of former combatants in Kessa and Marrow;',
      ].join('\n\n') + '\n',
    );
    const after = load(
      '2025-05-28',
      [
        '*Welcoming* the holding of presidential elections on 14 September 2024,',
        '1. *Requests* the Secretary-General to brief the Council every 120 days;',
        '2. *Decides* to maintain the troop ceiling at 11,000 military personnel;',
        '3. *Urges* Member States to contribute generously to the humanitarian response plan;',
        '4. *Demands* that all parties respect the ceasefire;',
        '5. *Requests* the Mission to support the reintegration of former combatants in Kessa, Marrow and Ostrava;',
      ].join('\n\n') + '\n',
    );
    const changes = compareStatements(before, after).changes;
    const of = (needle: string) =>
      changes.find((c) => (c.after ?? c.before)?.text.includes(needle)) as (typeof changes)[0];
    expect(of('hold presidential').reasons[0]).toMatch(/answered/);
    expect(of('hold presidential').significance).toBeLessThan(of('port of Alden').significance);
    expect(of('brief the Council').reasons.join(' ')).toMatch(/near-synonyms/);
    expect(of('brief the Council').significance).toBeLessThan(
      of('maintain the troop').significance,
    );
    expect(of('generously').qualifiers.map((q) => q.kind)).toEqual(['strengthened']);
    expect(of('generously').significance).toBeLessThan(of('respect the ceasefire').significance);
    expect(of('reintegration').qualifiers).toContainEqual({
      kind: 'items-added',
      items: ['Ostrava'],
    });
  });

  it('keeps one lineage through the move in the series', () => {
    const series = buildSeries([BEFORE, AFTER]);
    const lineage = series.lineages.find((l) => l.occurrences[0]?.text.includes('South Asia'));
    expect(lineage?.occurrences.map((o) => o.status)).toEqual(['first', 'changed']);
    expect(lineage?.droppedIn).toEqual([]);
  });
});
