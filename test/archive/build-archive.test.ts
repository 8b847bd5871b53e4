import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
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

describe('report (the archive)', async () => {
  it('writes pair reports, the series timeline, an index and a manifest; skips what did not change', async () => {
    const dir = archiveCopy();
    const out = join(dir, 'reports');
    const first = await buildArchive(join(dir, 'statements'), out);
    expect(first.series).toBe(2);
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
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain('china-pakistan-fm-strategic-dialogue/series.html');
    expect(index).toContain('un-security-council-veloria/series.html');
    // Each comparison row shows its counts and its lead change.
    expect(index).toMatch(/<td class="counts">new \d+ · dropped \d+ · changed \d+/);
    expect(index).toContain('action maintain → reduce');

    const again = await buildArchive(join(dir, 'statements'), out);
    expect(again.written).toEqual([]);
    expect(again.skipped.length).toBe(first.written.length);

    appendFileSync(
      join(dir, 'statements', 'china-pakistan-fm-strategic-dialogue', '2026-01-04.md'),
      '\n19. Both sides agreed to meet again in 2027.\n',
    );
    const changed = await buildArchive(join(dir, 'statements'), out);
    const dialogue = first.written.filter((f) =>
      f.startsWith('china-pakistan-fm-strategic-dialogue/'),
    );
    // The same files again, and the history page of the one new commitment.
    expect(changed.written.length).toBe(dialogue.length + 1);
    expect(changed.written.filter((f) => !dialogue.includes(f))).toEqual([
      expect.stringMatching(/^china-pakistan-fm-strategic-dialogue\/history\/L[0-9a-f]{7}\.html$/),
    ]);
    expect(
      changed.written.every((f) => f.startsWith('china-pakistan-fm-strategic-dialogue/')),
    ).toBe(true);
    expect(
      readFileSync(
        join(out, 'china-pakistan-fm-strategic-dialogue', '2025-08-21--2026-01-04.md'),
        'utf8',
      ),
    ).toContain('meet again in 2027');
  });

  it('removes the reports of a removed round or series, but not a report edited since', async () => {
    const dir = archiveCopy();
    const statements = join(dir, 'statements');
    const out = join(dir, 'reports');
    const name = 'china-pakistan-fm-strategic-dialogue';
    cpSync(join(statements, name), join(statements, 'second'), { recursive: true });
    await buildArchive(statements, out);
    expect(existsSync(join(out, 'second', 'series.html'))).toBe(true);
    const lastPair = join(out, name, '2025-08-21--2026-01-04.md');
    expect(existsSync(lastPair)).toBe(true);

    // The last round leaves the archive; the copy of the series goes too, but one of its reports
    // was annotated by hand and must stay.
    renameSync(join(statements, name, '2026-01-04.md'), join(dir, 'held-back.md'));
    appendFileSync(join(out, 'second', 'series.md'), '\nOur note.\n');
    rmSync(join(statements, 'second'), { recursive: true });
    const result = await buildArchive(statements, out);
    expect(result.removed).toContain(`${name}/2025-08-21--2026-01-04.md`);
    expect(result.removed).toContain('second/series.html');
    expect(result.removed).not.toContain('second/series.md');
    expect(existsSync(lastPair)).toBe(false);
    expect(existsSync(join(out, 'second', 'series.html'))).toBe(false);
    expect(readFileSync(join(out, 'second', 'series.md'), 'utf8')).toContain('Our note.');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      outputs: Record<string, string>;
    };
    expect(Object.keys(manifest.outputs).filter((f) => f.startsWith('second/'))).toEqual([]);

    // Nothing left to remove on the next run.
    expect((await buildArchive(statements, out)).removed).toEqual([]);
  });

  it('removes a folder the removed reports leave empty', async () => {
    const dir = archiveCopy();
    const statements = join(dir, 'statements');
    const out = join(dir, 'reports');
    cpSync(join(statements, 'china-pakistan-fm-strategic-dialogue'), join(statements, 'second'), {
      recursive: true,
    });
    await buildArchive(statements, out);
    rmSync(join(statements, 'second'), { recursive: true });
    await buildArchive(statements, out);
    expect(existsSync(join(out, 'second'))).toBe(false);
    expect(existsSync(join(out, 'china-pakistan-fm-strategic-dialogue', 'series.html'))).toBe(true);
  });

  it('gives byte-identical reports on two runs (determinism), and the committed reports/ is up to date', async () => {
    const a = archiveCopy();
    const b = archiveCopy();
    await buildArchive(join(a, 'statements'), join(a, 'reports'));
    await buildArchive(join(b, 'statements'), join(b, 'reports'));
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
