import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statementFromBytes } from '../../src/archive/load-statement.js';
import { checkStatement } from '../support/check-statement.js';

const fixtures = 'test/fixtures/parse';
const archive = 'statements';
const fomc = '../shared/corpus/fomc';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return /\.(md|txt|html)$/.test(entry.name) && entry.name !== 'README.md' ? [path] : [];
  });
}

function check(file: string): void {
  const statement = statementFromBytes(readFileSync(file), file);
  expect(statement.commitments.length, `${file} has sentences`).toBeGreaterThan(0);
  expect(checkStatement(statement), file).toEqual([]);
}

describe('statement invariants', () => {
  it.each(filesUnder(fixtures))('fixture %s', check);
  it.each(filesUnder(archive))('archive %s', check);
  if (existsSync(fomc)) {
    const files = filesUnder(fomc);
    it('covers all 162 FOMC statements', () => expect(files.length).toBe(162));
    it.each(files)('FOMC %s', check);
  } else {
    it.skip('FOMC corpus: ../shared/corpus/fomc not present, skipped', () => undefined);
    console.warn('SKIPPED: FOMC invariants (../shared/corpus/fomc not present)');
  }
});
