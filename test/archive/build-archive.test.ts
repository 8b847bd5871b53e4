import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/archive/build-archive.js';
import { runCli } from '../support/run-cli.js';

function archiveCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sd-archive-'));
  cpSync('statements', join(dir, 'statements'), { recursive: true });
  return dir;
}

describe('report (the archive)', () => {
  it('writes pair reports, the series timeline, an index and a manifest; skips what did not change', () => {
    const dir = archiveCopy();
    const out = join(dir, 'reports');
    const first = buildArchive(join(dir, 'statements'), out);
    expect(first.series).toBe(1);
    const series = readdirSync(join(out, 'china-pakistan-fm-strategic-dialogue')).sort();
    expect(series.filter((f) => f.endsWith('.html'))).toHaveLength(7);
    expect(series).toContain('series.csv');
    expect(series).toContain('2025-08-21--2026-01-04.json');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      inputs: Record<string, string>;
      outputs: Record<string, string>;
      tool: { version: string };
    };
    expect(Object.keys(manifest.inputs)).toContain(
      'statements/china-pakistan-fm-strategic-dialogue/2026-01-04.md',
    );
    expect(Object.values(manifest.inputs).every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain(
      'china-pakistan-fm-strategic-dialogue/series.html',
    );

    const again = buildArchive(join(dir, 'statements'), out);
    expect(again.written).toEqual([]);
    expect(again.skipped.length).toBe(first.written.length);

    appendFileSync(
      join(dir, 'statements', 'china-pakistan-fm-strategic-dialogue', '2026-01-04.md'),
      '\n19. Both sides agreed to meet again in 2027.\n',
    );
    const changed = buildArchive(join(dir, 'statements'), out);
    expect(changed.written.length).toBe(first.written.length);
    expect(
      readFileSync(
        join(out, 'china-pakistan-fm-strategic-dialogue', '2025-08-21--2026-01-04.md'),
        'utf8',
      ),
    ).toContain('meet again in 2027');
  });

  it('gives byte-identical reports on two runs (determinism), and the committed reports/ is up to date', () => {
    const a = archiveCopy();
    const b = archiveCopy();
    buildArchive(join(a, 'statements'), join(a, 'reports'));
    buildArchive(join(b, 'statements'), join(b, 'reports'));
    const files = (root: string): string[] =>
      readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && !e.name.startsWith('.'))
        .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
        .sort();
    expect(files(join(a, 'reports'))).toEqual(files(join(b, 'reports')));
    for (const f of files(join(a, 'reports'))) {
      const text = readFileSync(join(a, 'reports', f));
      expect(text.equals(readFileSync(join(b, 'reports', f))), f).toBe(true);
      expect(
        text.equals(readFileSync(join('reports', f))),
        `reports/${f} is stale: run npm start`,
      ).toBe(true);
    }
  });

  it('says so when the archive folder is missing', async () => {
    const r = await runCli([
      'report',
      join(tmpdir(), 'no-such-archive'),
      '--out',
      join(tmpdir(), 'x'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /no-such-archive: no such folder; expected a folder of series folders/,
    );
  });
});
