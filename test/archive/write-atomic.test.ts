import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAtomic } from '../../src/archive/write-atomic.js';

/** A child process that writes `out` in many chunks through writeAtomic, slowly. */
const WRITER = `
import { writeFileSync } from 'node:fs';
import { writeAtomic } from ${JSON.stringify(new URL('../../src/archive/write-atomic.ts', import.meta.url).pathname)};
const [out, marker] = process.argv.slice(2);
writeAtomic(out, (sink) => {
  for (let i = 0; i < 400; i++) {
    sink('x'.repeat(64 * 1024));
    if (i === 5) writeFileSync(marker, 'started');
    const until = Date.now() + 5;
    while (Date.now() < until) {}
  }
});
`;

describe('writeAtomic', () => {
  it('replaces a file whole: readers see the old content or the new one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sd-atomic-'));
    const file = join(dir, 'report.md');
    writeAtomic(file, 'old');
    writeAtomic(file, (sink) => {
      sink('new ');
      expect(readFileSync(file, 'utf8')).toBe('old');
      sink('content');
    });
    expect(readFileSync(file, 'utf8')).toBe('new content');
  });

  it('leaves the old file when the writing process is killed mid-write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sd-atomic-'));
    const file = join(dir, 'report.json');
    const marker = join(dir, 'started');
    writeFileSync(file, 'old report');
    const script = join(dir, 'writer.mts');
    writeFileSync(script, WRITER);
    const child = spawn(process.execPath, ['--import', 'tsx', script, file, marker], {
      stdio: 'ignore',
    });
    for (let i = 0; i < 600 && !existsSync(marker); i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(marker), 'the writer started').toBe(true);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(readFileSync(file, 'utf8')).toBe('old report');
  });
});
