/** A whole series result is cached by its inputs' bytes: the second run reads it, a change misses it. */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seriesCacheKey, readCachedSeries } from '../../src/archive/series-cache.js';
import { expandInputs } from '../../src/archive/load-series.js';
import { runCli } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sd-series-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('series cache', () => {
  it('keeps the result under the hash of the inputs; the same output from it; a changed round misses', async () => {
    const folder = join(dir, 'dialogue');
    cpSync('statements/china-pakistan-fm-strategic-dialogue', folder, { recursive: true });
    const out = (n: number) => join(dir, `series-${n}.json`);
    const first = await runCli(['series', folder, '--out', out(1)]);
    expect(first.code).toBe(1);
    const key = seriesCacheKey(expandInputs([folder]), { maxBytes: 50 * 1024 * 1024 });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const cached = readCachedSeries('.cache/series', key as string);
    expect(cached?.report.rounds).toHaveLength(7);
    await runCli(['series', folder, '--out', out(2)]);
    expect(readFileSync(out(2), 'utf8')).toBe(readFileSync(out(1), 'utf8'));
    // One more commitment in the last round: another key, and the report says so.
    appendFileSync(
      join(folder, '2026-01-04.md'),
      '\n19. Both sides agreed to open a joint museum in 2028.\n',
    );
    const changedKey = seriesCacheKey(expandInputs([folder]), { maxBytes: 50 * 1024 * 1024 });
    expect(changedKey).not.toBe(key);
    await runCli(['series', folder, '--out', out(3)]);
    expect(readFileSync(out(3), 'utf8')).toContain('joint museum');
    // --no-cache neither reads nor needs it.
    const fresh = await runCli(['series', folder, '--no-cache', '--out', out(4)]);
    expect(fresh.code).toBe(1);
    expect(readFileSync(out(4), 'utf8')).toBe(readFileSync(out(3), 'utf8'));
  });
});
