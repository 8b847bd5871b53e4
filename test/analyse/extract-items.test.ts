import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/analyse/extract-entities.js';
import { extractItems } from '../../src/analyse/extract-items.js';
import { statement } from '../support/statements.js';

describe('extractItems', () => {
  it.each([
    [
      'Both sides agreed to expand cooperation in industry, agriculture and mining.',
      ['industry', 'agriculture', 'mining'],
    ],
    [
      'Pakistan reiterated its support for China on issues concerning Taiwan, Xinjiang, Xizang, Hong Kong and the South China Sea.',
      ['Taiwan', 'Xinjiang', 'Xizang', 'Hong Kong', 'South China Sea'],
    ],
    [
      'They agreed to strengthen cooperation in trade, cybersecurity, science, education and banking in the next phase.',
      ['trade', 'cybersecurity', 'science', 'education', 'banking'],
    ],
  ])('splits an enumeration into its items: %s', (text, items) => {
    expect(extractItems(text)).toEqual(items);
  });

  it.each([
    'The two sides agreed to promote peace and stability.',
    'The Committee decided to keep the target range at 1,000 basis points, for now.',
  ])('finds no list where there is none: %s', (text) => {
    expect(extractItems(text)).toEqual([]);
  });
});

describe('figures and strength', () => {
  it('reads fractions and ranges as one figure', () => {
    expect(
      extractEntities('to 3-1/2 to 3-3/4 percent in March 2024')
        .filter((e) => e.kind === 'figure')
        .map((e) => [e.text, e.value]),
    ).toEqual([
      ['3-1/2 to 3-3/4 percent', '3.5-3.75 percent'],
      ['March 2024', 'march 2024'],
    ]);
  });

  it('does not take the month May for the modal may', () => {
    const s = statement(
      'In May, the Committee decided to hold the rate. The Committee may adjust it.',
    );
    // "decided" stands at 4 on the intention ladder; "may" moves the neutral 3 down to 2.
    expect(s.commitments.map((c) => c.strength.level)).toEqual([4, 2]);
  });
});
