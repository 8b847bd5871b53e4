/**
 * The bundled quick path (dist/cli/query.bundle.js, decision 025) answers every search and history
 * command line exactly as the CLI's own modules do: same exit code, same bytes on stdout and stderr,
 * and the same refusal (undefined) of a command line it must leave to yargs. The bundle is built
 * here by the package's own `build:bundle` script, with only the output file changed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStream } from '../../src/archive/read-input.js';
import type { Io } from '../../src/cli/io.js';
import type * as QuickQuery from '../../src/cli/quick-query.js';
import { runCli } from '../support/run-cli.js';

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'sd-query-bundle-'));
const db = join(dir, 'archive.sqlite');
// Inside the repository, so that the bundle finds better-sqlite3 in node_modules as dist/ does.
const bundleDir = join(root, '.cache', `query-bundle-${process.pid}`);
let bundle: typeof QuickQuery;

function captureIo(): { io: Io; out: () => { stdout: string; stderr: string } } {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (t) => {
      if (typeof t === 'string') stdout += t;
      else t((chunk) => (stdout += chunk));
    },
    stderr: (t) => {
      stderr += t;
    },
    readStdin: (maxBytes) => readStream(Readable.from([Buffer.alloc(0)]), maxBytes),
    isTTY: false,
    env: {},
  };
  return { io, out: () => ({ stdout, stderr }) };
}

beforeAll(async () => {
  const indexed = await runCli(['index', 'statements', '--db', db]);
  expect(indexed.code).toBe(0);
  const script = (
    JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts['build:bundle'];
  expect(script).toMatch(/^esbuild .* --outfile=dist\/cli\/query\.bundle\.js$/);
  mkdirSync(bundleDir, { recursive: true });
  const outfile = join(bundleDir, 'query.bundle.js');
  const args = (script ?? '')
    .split(' ')
    .slice(1)
    .map((a) => (a.startsWith('--outfile=') ? `--outfile=${outfile}` : a));
  execFileSync(join(root, 'node_modules', '.bin', 'esbuild'), args, { cwd: root });
  bundle = (await import(pathToFileURL(outfile).href)) as typeof QuickQuery;
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(bundleDir, { recursive: true, force: true });
});

describe('the bundled search and history', () => {
  const lines: string[][] = [
    ['search', 'Kashmir'],
    ['search', 'corridor OR "strategic partnership"', '--format', 'json'],
    ['search', 'cooperat*', '--format', 'csv', '--limit', '3'],
    ['search', 'corridor', '--format', 'markdown', '--actor', 'Pakistan'],
    ['search', 'corridor', '--kind', 'dropped', '--since', '2022-01-01'],
    ['search', 'zzzznothing'],
    ['search', '"unbalanced'],
    ['search', 'Kashmir', '--db', join(dir, 'missing.sqlite')],
    ['history', 'Kashmir', '--format', 'json'],
    ['history', 'Kashmir', '--format', 'markdown'],
    ['history', 'Kashmir', '--format', 'html'],
    ['history', 'Kashmir'],
    ['history', 'L0000000'],
  ];
  it.each(lines)('%j gives what the CLI gives', async (...argv) => {
    const withDb = argv.includes('--db') ? argv : [...argv, '--db', db];
    const { io, out } = captureIo();
    const code = await bundle.runQuick(withDb, io);
    const cli = await runCli(withDb);
    expect(code).toBe(cli.code);
    expect(out()).toEqual({ stdout: cli.stdout, stderr: cli.stderr });
    expect(cli.stdout.length + cli.stderr.length).toBeGreaterThan(0);
  });

  it.each([
    ['search', '--help'],
    ['search'],
    ['history', 'Kashmir', '--limit', '3'],
    ['series', 'statements'],
    ['compare', 'a.md', 'b.md'],
  ])('leaves %j to the full CLI, writing nothing', async (...argv) => {
    const { io, out } = captureIo();
    expect(await bundle.runQuick(argv, io)).toBeUndefined();
    expect(out()).toEqual({ stdout: '', stderr: '' });
  });
});
