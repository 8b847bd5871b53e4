import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

/** ANSI escape (colour codes). */
const ESC = String.fromCharCode(27);

const D = 'statements/china-pakistan-fm-strategic-dialogue';
const A = `${D}/2025-08-21.md`;
const B = `${D}/2026-01-04.md`;

describe('statement-diff compare', () => {
  it('exits 0 with "No differences." when a file is compared with itself', async () => {
    const r = await runCli(['compare', A, A]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No differences.');
    expect(r.stderr).toBe('');
  });

  it('exits 1 and shows sections, paragraph citations and word edits when rounds differ', async () => {
    const r = await runCli(['compare', A, B]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^China-Pakistan Foreign Ministers' Strategic Dialogue \(digest\) {2}2025-08-21 → 2026-01-04/,
    );
    expect(r.stdout).toContain('▲ most significant');
    expect(r.stdout).toMatch(/¶\d+\.\d+ +NEW/);
    expect(r.stdout).toMatch(/\[-.+-\]/);
    expect(r.stdout).not.toContain(`${ESC}[`);
  });

  it('colours on a terminal unless NO_COLOR or --no-color', async () => {
    expect((await runCli(['compare', A, B], { isTTY: true })).stdout).toContain(`${ESC}[`);
    expect(
      (await runCli(['compare', A, B], { isTTY: true, env: { NO_COLOR: '1' } })).stdout,
    ).not.toContain(`${ESC}[`);
    expect((await runCli(['compare', A, B, '--no-color'], { isTTY: true })).stdout).not.toContain(
      `${ESC}[`,
    );
  });

  it('writes one CSV row per change, with a header, quoting statement text', async () => {
    const r = await runCli(['compare', A, B, '--format', 'csv']);
    const rows = parseCsv(r.stdout, { columns: true }) as Record<string, string>[];
    const json = JSON.parse((await runCli(['compare', A, B, '--format', 'json'])).stdout) as {
      changes: { kind: string }[];
    };
    expect(rows.length).toBe(json.changes.filter((c) => c.kind !== 'unchanged').length);
    expect(rows.every((row) => row['kind'] && row['change_id'])).toBe(true);
    expect(
      rows.some(
        (row) => row['kind'] === 'new' && row['after_text'] !== '' && row['before_text'] === '',
      ),
    ).toBe(true);
  });

  it('keeps the digest to at most 15 lines', async () => {
    const r = await runCli(['compare', A, B, '--format', 'digest']);
    expect(r.stdout.trimEnd().split('\n').length).toBeLessThanOrEqual(15);
    expect(r.stdout).toMatch(/^- (new|dropped)/m);
  });

  it('filters kinds with --only and refuses unknown kinds', async () => {
    const r = await runCli(['compare', A, B, '--only', 'new', '--format', 'csv']);
    const rows = parseCsv(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row['kind'] === 'new')).toBe(true);
    const bad = await runCli(['compare', A, B, '--only', 'nwe']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown kind "nwe"');
  });

  it('writes --out atomically, picking the format from the extension, leaving no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sd-'));
    const out = join(dir, 'changes.md');
    const r = await runCli(['compare', A, B, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/^# /);
    expect(readdirSync(dir)).toEqual(['changes.md']);
  });

  it('reads one side from stdin', async () => {
    const r = await runCli(['compare', A, '-', '--format', 'json'], {
      stdin: readFileSync(B, 'utf8'),
    });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).after.file).toBe('-');
  });

  it('gives byte-identical output for the same inputs, in every format', async () => {
    for (const format of ['terminal', 'markdown', 'json', 'csv', 'digest', 'html']) {
      const x = await runCli(['compare', A, B, '--format', format]);
      const y = await runCli(['compare', A, B, '--format', format]);
      expect(x.stdout).toBe(y.stdout);
    }
  });

  it('answers bad input with file, what was expected, exit 2 and no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sd-'));
    const badYaml = join(dir, 'bad.md');
    writeFileSync(badYaml, '---\ntitle: [unclosed\n---\n\nText.\n');
    const empty = join(dir, 'empty.md');
    writeFileSync(empty, '');
    const binary = join(dir, 'blob.md');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    const cases: [string[], RegExp][] = [
      [['compare', join(dir, 'missing.md'), A], /missing\.md: no such file; expected a path/],
      [['compare', dir, A], /is a directory/],
      [['compare', badYaml, A], /bad\.md:\d+: invalid YAML frontmatter/],
      [['compare', empty, A], /empty\.md: the input is empty/],
      [['compare', binary, A], /blob\.md:1: binary data/],
      [['compare', A, B, '--format', 'pdf'], /Invalid values|choices/i],
      [
        ['compare', A, B, '--min-similarity', '2'],
        /--min-similarity is 2; expected a number from 0 to 1/,
      ],
      [
        ['compare', A, B, '--out', join(dir, 'no', 'such', '\0bad')],
        /output path contains a NUL byte/,
      ],
      [
        ['compare', A, B, '--out', join(binary, 'out.md')],
        /blob\.md\/out\.md: cannot write the output \((ENOTDIR|EEXIST)\)/,
      ],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });
});

describe('frontmatter checks', () => {
  it('refuses a language that is not a language tag, naming its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sd-'));
    const file = join(dir, 'lang.md');
    writeFileSync(file, '---\ntitle: T\nlanguage: "en\\" onload=x"\n---\n\nText.\n');
    const r = await runCli(['parse', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /lang\.md:3: frontmatter field "language" is .*; expected a BCP 47 language tag/,
    );
  });
});

describe('renumbering and filters', () => {
  it('says when only paragraph numbers changed, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sd-'));
    const a = join(dir, 'a.md');
    const b = join(dir, 'b.md');
    writeFileSync(
      a,
      '# S\n\n1. Freedonia agreed to build a dam.\n\n2. Sylvania pledged to open a school.\n',
    );
    writeFileSync(
      b,
      '# S\n\n3. Freedonia agreed to build a dam.\n\n4. Sylvania pledged to open a school.\n',
    );
    const r = await runCli(['compare', a, b]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('No commitment changed; 2 paragraph(s) renumbered.');
    const json = JSON.parse((await runCli(['compare', a, b, '--format', 'json'])).stdout) as {
      changes: unknown[];
      summary: { renumberedParagraphs: number };
    };
    expect(json.changes).toEqual([]);
    expect(json.summary.renumberedParagraphs).toBe(2);
  });

  it('applies --only to JSON too', async () => {
    const r = await runCli(['compare', A, B, '--format', 'json', '--only', 'dropped']);
    const report = JSON.parse(r.stdout) as { changes: { kind: string }[] };
    expect(report.changes.length).toBeGreaterThan(0);
    expect(report.changes.every((c) => c.kind === 'dropped')).toBe(true);
  });
});
