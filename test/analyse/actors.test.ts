/** Undeclared parties read from the subject before the act, and clause openers that are not names. */
import { describe, expect, it } from 'vitest';
import { analyseStatement } from '../../src/analyse/analyse-statement.js';
import { parseStatement } from '../../src/parse/parse-statement.js';

function actorOf(sentence: string): { kind: string; name: string } {
  const statement = analyseStatement(parseStatement(`${sentence}\n`, { file: 'x.md' }));
  const actor = statement.commitments[0]?.actor;
  if (!actor) throw new Error('no commitment');
  return { kind: actor.kind, name: actor.name };
}

describe('undeclared parties', () => {
  it.each([
    ['Freedonia welcomed the agreement.', 'Freedonia'],
    ['The Federal Reserve will support the market.', 'Federal Reserve'],
    ['Ministry of Foreign Affairs welcomed the visit.', 'Ministry of Foreign Affairs'],
  ])('%j names the party %j', (sentence, name) => {
    expect(actorOf(sentence)).toEqual({ kind: 'party', name });
  });

  it.each([
    'To provide support, the market decided today.',
    'In light of this, officials agreed to act.',
    'This assessment will support growth.',
    'Inflation is expected to decline, and prices will support demand.',
    'Businesses are still cutting costs and agreed to wait.',
    'Supply and demand will support prices.',
    'The will support prices.',
  ])('%j names no party', (sentence) => {
    expect(actorOf(sentence).kind).not.toBe('party');
  });
});
