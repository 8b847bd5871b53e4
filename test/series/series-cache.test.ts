/** A whole series result is cached by its inputs' bytes: the second run reads it, a change misses it. */
import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
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

  it('keeps each rendering beside the result: a warm run prints the same bytes in every format and width', async () => {
    const folder = join(dir, 'veloria');
    cpSync('statements/un-security-council-veloria', folder, { recursive: true });
    const key = seriesCacheKey(expandInputs([folder]), { maxBytes: 50 * 1024 * 1024 });
    const renderings = () =>
      readdirSync('.cache/series').filter(
        (f) => f.startsWith(`${key}.`) && f.endsWith('.render.json'),
      );
    const runs: [string[], string][] = [
      [['--format', 'markdown'], 'md'],
      [['--format', 'csv'], 'csv'],
      [['--format', 'json'], 'json'],
      [['--format', 'html'], 'html'],
    ];
    for (const [flags, ext] of runs) {
      const cold = join(dir, `cold.${ext}`);
      const fresh = await runCli(['series', folder, '--no-cache', ...flags, '--out', cold]);
      const first = await runCli(['series', folder, ...flags, '--out', join(dir, `a.${ext}`)]);
      const warm = await runCli(['series', folder, ...flags, '--out', join(dir, `b.${ext}`)]);
      expect([first.code, warm.code]).toEqual([fresh.code, fresh.code]);
      expect(readFileSync(join(dir, `a.${ext}`), 'utf8')).toBe(readFileSync(cold, 'utf8'));
      expect(readFileSync(join(dir, `b.${ext}`), 'utf8')).toBe(readFileSync(cold, 'utf8'));
    }
    expect(renderings()).toHaveLength(4);
    // The terminal table depends on its width: each width its own rendering, none reused for another.
    const narrow = await runCli(['series', folder, '--width', '60', '--no-color']);
    const wide = await runCli(['series', folder, '--width', '110', '--no-color']);
    const narrowAgain = await runCli(['series', folder, '--width', '60', '--no-color']);
    const narrowFresh = await runCli([
      'series',
      folder,
      '--width',
      '60',
      '--no-color',
      '--no-cache',
    ]);
    expect(narrow.stdout).not.toBe(wide.stdout);
    expect(narrowAgain.stdout).toBe(narrowFresh.stdout);
    expect(narrow.stdout).toBe(narrowFresh.stdout);
    expect(renderings()).toHaveLength(6);
    // A damaged rendering is made again, not printed.
    for (const file of renderings()) writeFileSync(join('.cache/series', file), '{"text": 1');
    const mended = await runCli(['series', folder, '--width', '60', '--no-color']);
    expect(mended.stdout).toBe(narrowFresh.stdout);
    expect(mended.code).toBe(narrowFresh.code);
  });
});
