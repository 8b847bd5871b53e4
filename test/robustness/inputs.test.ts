/**
 * Hostile and broken inputs through the CLI (in-process): each finishes with exit code 0, 1 or 2,
 * user errors name the file (and line where there is one), say what was expected, carry their
 * code and print no stack trace (docs/errors.md). Inputs are generated in a temporary folder.
 */
import { spawn } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readStream } from '../../src/archive/read-input.js';
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import type { CliResult } from '../support/run-cli.js';
import { runCli } from '../support/run-cli.js';

/** Per-test bound: every case must finish; no timing is asserted. */
const BOUND = 60_000;

const dir = mkdtempSync(join(tmpdir(), 'sd-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Uint8Array): string {
  const file = join(dir, name);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, content);
  return file;
}

const OTHER = write(
  'other.md',
  '---\ndate: 2026-01-04\n---\n\n# Joint statement\n\n1. The two sides agreed to meet again in Vantor.\n',
);
const PLAIN =
  '# Joint statement\n\n1. The two sides agreed to expand the railway.\n\n2. They will meet again next year.\n';

/** No stack trace, no internal error. */
function expectNoTrace(r: CliResult): void {
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+/);
  expect(r.stderr).not.toContain('internal error');
}

/** A user error: exit 2, nothing on stdout, `statement-diff: <where>: <message>; expected … [CODE]`. */
function expectUserError(r: CliResult, code: string, message: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^statement-diff: /);
  expect(r.stderr).toMatch(new RegExp(`; expected [^\\n]+ \\[${code}\\]\\n$`));
  expect(r.stderr).toMatch(message);
  expectNoTrace(r);
}

/** A finished comparison: exit 0 or 1, a report on stdout. */
function expectReport(r: CliResult, code: 0 | 1): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout.length).toBeGreaterThan(0);
  expectNoTrace(r);
}

/** Runs `run` with `readStdin` as the stdin reader; captures both streams. */
async function runWithStdin(args: string[], readStdin: Io['readStdin']): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (text) => {
      if (typeof text === 'string') stdout += text;
      else text((chunk) => (stdout += chunk));
    },
    stderr: (text) => {
      stderr += text;
    },
    readStdin,
    isTTY: false,
    env: {},
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

const BIN = new URL('../../src/cli/bin.ts', import.meta.url).pathname;

/**
 * Runs the real executable (through tsx) with `stdin` as its file descriptor 0. A child still
 * running after `BOUND` is killed, which fails the test (exit code -1) instead of hanging it.
 */
async function spawnCli(args: string[], stdin: number | 'ignore'): Promise<CliResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', BIN, ...args], {
    stdio: [stdin, 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), BOUND / 3);
  const code = await new Promise<number>((resolve) =>
    child.once('close', (exit) => resolve(exit ?? -1)),
  );
  clearTimeout(killer);
  return { code, stdout, stderr };
}

/** A stream that never ends: `chunk` again and again. */
function endless(chunk: string): Readable {
  const bytes = Buffer.from(chunk);
  return new Readable({
    read() {
      this.push(bytes);
    },
  });
}

const esc = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('files that are not statements', () => {
  it('a missing file', { timeout: BOUND }, async () => {
    const missing = join(dir, 'missing.md');
    expectUserError(
      await runCli(['compare', missing, OTHER]),
      'E_NOT_FOUND',
      new RegExp(
        `^statement-diff: ${esc(missing)}: no such file; expected a path to a statement file`,
      ),
    );
    expectUserError(await runCli(['parse', missing]), 'E_NOT_FOUND', /no such file/);
  });

  it('a directory', { timeout: BOUND }, async () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder, { recursive: true });
    expectUserError(
      await runCli(['compare', OTHER, folder]),
      'E_IS_DIRECTORY',
      new RegExp(`^statement-diff: ${esc(folder)}: is a directory; expected a statement file`),
    );
  });

  it('an empty file, and one of blank lines only', { timeout: BOUND }, async () => {
    const empty = write('empty.md', '');
    const blank = write('blank.md', '  \n\n\t\n');
    expectUserError(
      await runCli(['compare', empty, OTHER]),
      'E_EMPTY',
      new RegExp(
        `^statement-diff: ${esc(empty)}: the input is empty; expected a statement with at least one paragraph`,
      ),
    );
    expectUserError(await runCli(['parse', blank]), 'E_EMPTY', /blank\.md: the input is empty/);
  });

  it(
    'binary data: refused at the first NUL byte, with its line and offset',
    { timeout: BOUND },
    async () => {
      const png = write(
        'image.md',
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
      );
      expectUserError(
        await runCli(['compare', png, OTHER]),
        'E_BINARY',
        new RegExp(`^statement-diff: ${esc(png)}:3: binary data \\(a NUL byte at byte offset 8\\)`),
      );
      const text = Buffer.from('# Title\n\nThe two sides agreed.\n');
      const late = write('late-nul.md', Buffer.concat([text, Buffer.from([0x00])]));
      expectUserError(
        await runCli(['parse', late]),
        'E_BINARY',
        new RegExp(
          `late-nul\\.md:4: binary data \\(a NUL byte at byte offset ${text.length}\\); expected a statement: Markdown, plain text, HTML, PDF or DOCX`,
        ),
      );
    },
  );
});

describe('broken text', () => {
  it(
    'invalid UTF-8 is read with U+FFFD and a warning naming the byte offset; the report still comes',
    { timeout: BOUND },
    async () => {
      const head = Buffer.from('# Joint statement\n\n1. The two sides agreed to visit the caf');
      const offset = head.length; // the Latin-1 "é" after "caf"
      const bytes = Buffer.concat([head, Buffer.from([0xe9]), Buffer.from(' in Vantor.\n')]);
      const file = write('latin1.md', bytes);
      const r = await runCli(['compare', OTHER, file, '--format', 'json']);
      expect(r.code).toBe(1);
      expectNoTrace(r);
      expect(r.stderr).toBe(
        `statement-diff: ${file}:3: warning: invalid UTF-8 at byte offset ${offset}; replaced with U+FFFD\n`,
      );
      const report = JSON.parse(r.stdout) as { after: { sentences: { text: string }[] } };
      expect(report.after.sentences.map((s) => s.text)).toContain(
        'The two sides agreed to visit the caf\uFFFD in Vantor.',
      );
      // With a BOM the offset still counts bytes of the file.
      const bom = write('bom-latin1.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]));
      const withBom = await runCli(['compare', OTHER, bom, '--format', 'digest']);
      expect(withBom.code).toBe(1);
      expect(withBom.stderr).toContain(
        `${bom}:3: warning: invalid UTF-8 at byte offset ${offset + 3};`,
      );
      // `parse` shows the warning with the outline.
      const parsed = await runCli(['parse', file]);
      expect(parsed.code).toBe(0);
      expect(parsed.stdout).toContain(`invalid UTF-8 at byte offset ${offset}`);
    },
  );

  it('invalid YAML frontmatter names the file and the line', { timeout: BOUND }, async () => {
    const nested = write('nested-map.md', `---\ntitle: a: b\n---\n\n${PLAIN}`);
    expectUserError(
      await runCli(['compare', nested, OTHER]),
      'E_YAML',
      new RegExp(
        `^statement-diff: ${esc(nested)}:2: invalid YAML frontmatter: .+; expected YAML key: value pairs between the two --- lines`,
      ),
    );
    const list = write('list.md', `---\n- a\n- b\n---\n\n${PLAIN}`);
    expectUserError(
      await runCli(['parse', list]),
      'E_YAML',
      /list\.md:2: frontmatter is not a mapping of keys to values; expected key: value pairs/,
    );
    const duplicate = write('duplicate-key.md', `---\ntitle: a\ntitle: b\n---\n\n${PLAIN}`);
    expectUserError(
      await runCli(['parse', duplicate]),
      'E_YAML',
      /duplicate-key\.md:\d+: invalid YAML frontmatter: Map keys must be unique/,
    );
  });

  it(
    'a frontmatter field of the wrong type names its line, what was found and what was expected',
    { timeout: BOUND },
    async () => {
      const date = write(
        'date.md',
        `---\ntitle: Joint statement\ndate: yesterday\n---\n\n${PLAIN}`,
      );
      expectUserError(
        await runCli(['compare', date, OTHER]),
        'E_META',
        new RegExp(
          `^statement-diff: ${esc(date)}:3: frontmatter field "date" is "yesterday"; expected a date written YYYY-MM-DD \\[E_META\\]\\n$`,
        ),
      );
      const round = write(
        'round.md',
        `---\ntitle: Joint statement\ndate: 2026-01-04\nround: seven\n---\n\n${PLAIN}`,
      );
      expectUserError(
        await runCli(['compare', OTHER, round]),
        'E_META',
        /round\.md:4: frontmatter field "round" is "seven"; expected a whole number such as 7/,
      );
      const title = write('title.md', `---\ntitle:\n  a: 1\n---\n\n${PLAIN}`);
      expectUserError(
        await runCli(['parse', title]),
        'E_META',
        /title\.md:2: frontmatter field "title" is \{"a":1\}; expected a text value/,
      );
      const parties = write('parties.md', `---\nseries: x\nparties: 5\n---\n\n${PLAIN}`);
      expectUserError(
        await runCli(['parse', parties]),
        'E_META',
        /parties\.md:3: frontmatter field "parties" is 5; expected a list of names/,
      );
    },
  );
});

describe('bad options', () => {
  it(
    'unknown format and option values, unknown options and commands',
    { timeout: BOUND },
    async () => {
      const cases: [string[], string, RegExp][] = [
        [['compare', OTHER, OTHER, '--format', 'pdf'], 'E_USAGE', /Invalid values:[\s\S]*"pdf"/],
        [
          ['compare', OTHER, OTHER, '--input-format', 'docx'],
          'E_USAGE',
          /Invalid values:[\s\S]*"docx"/,
        ],
        [['parse', OTHER, '--format', 'yaml'], 'E_USAGE', /Invalid values:[\s\S]*"yaml"/],
        [['compare', OTHER, OTHER, '--frobnicate'], 'E_USAGE', /Unknown argument: frobnicate/],
        [['frobnicate'], 'E_USAGE', /frobnicate/],
        [[], 'E_USAGE', /Name a command/],
        [['compare', OTHER], 'E_USAGE', /Not enough non-option arguments/],
        [
          ['compare', OTHER, OTHER, '--only', 'nwe'],
          'E_OPTION',
          /--only has unknown kind "nwe"; expected new, dropped/,
        ],
        [
          ['compare', OTHER, OTHER, '--min-similarity', '2'],
          'E_OPTION',
          /--min-similarity is 2; expected a number from 0 to 1/,
        ],
        [
          ['compare', OTHER, OTHER, '--min-similarity', 'high'],
          'E_OPTION',
          /--min-similarity is NaN/,
        ],
        [
          ['compare', OTHER, OTHER, '--max-bytes', '0'],
          'E_OPTION',
          /--max-bytes is 0; expected a positive number of bytes/,
        ],
        [['parse', OTHER, '--max-bytes', 'lots'], 'E_OPTION', /--max-bytes is NaN/],
        [
          ['compare', '-', '-'],
          'E_USAGE',
          /both inputs are stdin; expected at most one of before and after to be -/,
        ],
      ];
      for (const [args, code, message] of cases) {
        const r = await runCli(args);
        expect(r.code, args.join(' ')).toBe(2);
        expectUserError(r, code, message);
      }
    },
  );

  it(
    'an unwritable --out: a path under a regular file, or a folder',
    { timeout: BOUND },
    async () => {
      // Tests may run as root, for whom permissions do not stop a write: use paths no one can write.
      const underFile = join(OTHER, 'report.md');
      expectUserError(
        await runCli(['compare', OTHER, OTHER, '--out', underFile]),
        'E_WRITE',
        new RegExp(
          `^statement-diff: ${esc(underFile)}: cannot write the output \\((ENOTDIR|EEXIST)\\); expected a writable path`,
        ),
      );
      const folder = join(dir, 'out-folder');
      mkdirSync(folder, { recursive: true });
      expectUserError(
        await runCli(['compare', OTHER, OTHER, '--out', folder]),
        'E_WRITE',
        /out-folder: cannot write the output \((EISDIR|ENOTEMPTY|EEXIST)\)/,
      );
      expect(readdirSync(folder)).toEqual([]);
      const series = [write('w/2026-01-01.md', PLAIN), write('w/2026-02-01.md', PLAIN)];
      expectUserError(
        await runCli(['series', ...series, '--out', join(OTHER, 'series.md')]),
        'E_WRITE',
        /cannot write the output/,
      );
      // No temporary file is left beside the statement.
      expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    },
  );

  it(
    'an --out that cannot exist: under /proc, through a file of /proc, a name too long (issue 14: it used to hang)',
    { timeout: BOUND },
    async () => {
      const long = join(dir, 'a'.repeat(300), 'x.json');
      for (const [out, code] of [
        ['/proc/nonexistent/x.json', 'ENOENT'],
        ['/proc/version/x.json', 'ENOTDIR'],
        [long, 'ENAMETOOLONG'],
      ] as const) {
        for (const command of [
          ['compare', OTHER, OTHER],
          ['series', OTHER, OTHER],
        ]) {
          expectUserError(
            await runCli([...command, '--out', out]),
            'E_WRITE',
            new RegExp(`^statement-diff: ${esc(out)}: cannot write the output \\(${code}\\)`),
          );
        }
      }
      expect(readdirSync('/proc').filter((name) => name.startsWith('.statement-diff'))).toEqual([]);
    },
  );

  it('an --out in a folder that may not be written to', { timeout: BOUND }, async () => {
    // Root writes through permission bits, so as root the folder is /sys (no new files there);
    // otherwise a folder of ours made read-only.
    const root = process.getuid?.() === 0;
    const folder = root ? '/sys' : join(dir, 'read-only');
    if (!root) {
      mkdirSync(folder, { recursive: true });
      chmodSync(folder, 0o555);
    }
    try {
      const out = join(folder, 'x.json');
      for (const command of [
        ['compare', OTHER, OTHER],
        ['series', OTHER, OTHER],
      ]) {
        expectUserError(
          await runCli([...command, '--out', out]),
          'E_WRITE',
          new RegExp(
            `^statement-diff: ${esc(out)}: cannot write the output \\((EACCES|EPERM|EROFS)\\)`,
          ),
        );
      }
      expect(readdirSync(folder).filter((name) => name.startsWith('.statement-diff'))).toEqual([]);
      expect(readdirSync(folder)).not.toContain('x.json');
    } finally {
      if (!root) chmodSync(folder, 0o755);
    }
  });
});

describe('extreme statements', () => {
  it('a 5 MB line without punctuation', { timeout: BOUND }, async () => {
    const words = [
      'cooperation',
      'corridor',
      'railway',
      'trade',
      'port',
      'energy',
      'both',
      'sides',
    ];
    const parts: string[] = [];
    for (let n = 0, i = 0; n < 5_000_000; i++) {
      const word = words[i % words.length] as string;
      parts.push(word);
      n += word.length + 1;
    }
    const file = write('long-line.md', `# Joint statement\n\n${parts.join(' ')}\n`);
    const r = await runCli(['compare', OTHER, file, '--format', 'digest']);
    expectReport(r, 1);
    expect(r.stderr).toBe('');
  });

  it(
    '4,000 list items each holding a nested list, then a staircase of quotes',
    { timeout: BOUND },
    async () => {
      // micromark is quadratic in the items of such a list (40 KB took 8.7 s): cut between items.
      const items = Array.from(
        { length: 4000 },
        (_, i) => `- The two sides agreed on point ${i}.\n  - Details of point ${i} follow.\n`,
      );
      const list = write('long-list.md', `# Joint statement\n\n${items.join('')}`);
      const r = await runCli(['compare', OTHER, list, '--format', 'json']);
      expectReport(r, 1);
      const report = JSON.parse(r.stdout) as { after: { sentences: { text: string }[] } };
      expect(report.after.sentences).toHaveLength(8000);
      expect(report.after.sentences.at(-1)?.text).toBe('Details of point 3999 follow.');
      // 3,000 lines, each one quote deeper (9 MB): was five minutes, then out of memory.
      const stairs = Array.from({ length: 3000 }, (_, i) => `${'> '.repeat(i + 1)}Step ${i}.`);
      const staircase = write('staircase.md', `# Joint statement\n\n${stairs.join('\n')}\n`);
      const refused = await runCli(['parse', staircase]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/^statement-diff: .*staircase\.md:\d+: .*\[E_TOO_DEEP\]\n$/);
    },
  );

  it('3,000 levels of block quotes', { timeout: BOUND }, async () => {
    const tight = write(
      'quotes.md',
      `# Joint statement\n\n${'>'.repeat(3000)} The two sides agreed to meet again in Vantor.\n`,
    );
    const spaced = write(
      'quotes-spaced.md',
      `# Joint statement\n\n${'> '.repeat(3000)}The two sides agreed to meet again in Vantor.\n`,
    );
    for (const file of [tight, spaced]) {
      const r = await runCli(['compare', OTHER, file, '--format', 'json']);
      expectReport(r, 0);
      const report = JSON.parse(r.stdout) as { after: { sentences: { text: string }[] } };
      expect(report.after.sentences.map((s) => s.text)).toEqual([
        'The two sides agreed to meet again in Vantor.',
      ]);
    }
  });

  it(
    '20,000 repetitions of one sentence, one of them reworded: exactly one change',
    { timeout: BOUND },
    async () => {
      const sentence = 'The two sides agreed to deepen cooperation on the railway corridor.';
      const reworded = 'The two sides agreed to expand cooperation on the railway corridor.';
      const before = Array.from({ length: 20_000 }, () => sentence);
      const after = [...before];
      after[12_345] = reworded;
      const a = write('repeated-before.md', `# Joint statement\n\n${before.join(' ')}\n`);
      const b = write('repeated-after.md', `# Joint statement\n\n${after.join(' ')}\n`);
      const r = await runCli(['compare', a, b, '--format', 'json']);
      expectReport(r, 1);
      const report = JSON.parse(r.stdout) as {
        summary: {
          counts: Record<string, number>;
          sentencesBefore: number;
          sentencesAfter: number;
        };
        changes: {
          kind: string;
          before: { text: string; sentence: number };
          after: { text: string; sentence: number };
          edits: { op: string; text: string }[];
        }[];
      };
      expect(report.summary.sentencesBefore).toBe(20_000);
      expect(report.summary.sentencesAfter).toBe(20_000);
      expect(report.summary.counts['unchanged']).toBe(19_999);
      expect(report.changes).toHaveLength(1);
      const [change] = report.changes;
      expect(change?.kind).toBe('reworded');
      expect(change?.before.text).toBe(sentence);
      expect(change?.after.text).toBe(reworded);
      expect(change?.after.sentence).toBe(12_346);
      expect(change?.edits.filter((e) => e.op !== 'equal')).toEqual([
        { op: 'delete', text: 'deepen' },
        { op: 'insert', text: 'expand' },
      ]);
    },
  );

  it(
    'a statement over the size limit (--max-bytes), from a file or stdin',
    { timeout: BOUND },
    async () => {
      const file = write(
        'big.md',
        `# Joint statement\n\n${'The two sides agreed to meet. '.repeat(40)}\n`,
      );
      const size = Buffer.byteLength(
        `# Joint statement\n\n${'The two sides agreed to meet. '.repeat(40)}\n`,
      );
      expectUserError(
        await runCli(['compare', file, OTHER, '--max-bytes', '1000']),
        'E_TOO_LARGE',
        new RegExp(
          `^statement-diff: ${esc(file)}: input is ${size} bytes, over the limit of 1000; expected a smaller statement, or a larger --max-bytes`,
        ),
      );
      // Stdin is read only until it is over the limit, so its size is not known.
      expectUserError(
        await runCli(['compare', '-', OTHER, '--max-bytes', '1000'], { stdin: 'x'.repeat(1001) }),
        'E_TOO_LARGE',
        /^statement-diff: -: input is over the limit of 1000 bytes; expected a smaller statement, or a larger --max-bytes \[E_TOO_LARGE\]\n$/,
      );
      expectReport(
        await runCli(['compare', '-', file, '--max-bytes', String(size), '--format', 'digest'], {
          stdin: readFileSync(file, 'utf8'),
        }),
        0,
      );
      // At the limit it is read.
      expectReport(
        await runCli(['compare', OTHER, file, '--max-bytes', String(size), '--format', 'digest']),
        1,
      );
    },
  );
});

describe('series and stdin', () => {
  it('two rounds with the same date: an error naming both files', { timeout: BOUND }, async () => {
    const a = write('dup/a.md', `---\ndate: 2025-05-06\n---\n\n${PLAIN}`);
    const b = write(
      'dup/b.md',
      `---\ndate: 2025-05-06\n---\n\n# Joint statement\n\n1. The two sides agreed to build the railway.\n`,
    );
    const r = await runCli(['series', a, b]);
    expectUserError(
      r,
      'E_DUPLICATE_ROUND',
      new RegExp(
        `two rounds have the date 2025-05-06: ${esc(a)} and ${esc(b)}; expected one statement per round date`,
      ),
    );
    expectUserError(
      await runCli(['series', join(dir, 'dup')]),
      'E_DUPLICATE_ROUND',
      /two rounds have the date 2025-05-06/,
    );
  });

  it('a series needs two rounds', { timeout: BOUND }, async () => {
    expectUserError(
      await runCli(['series', OTHER]),
      'E_USAGE',
      /a series needs two or more rounds; expected a folder, or two or more files/,
    );
    const lone = write('lone/2026-01-01.md', PLAIN);
    expectUserError(
      await runCli(['series', join(lone, '..')]),
      'E_USAGE',
      /the folder holds 1 statement file\(s\); expected two or more rounds/,
    );
    expectUserError(
      await runCli(['series', join(dir, 'no-such-folder')]),
      'E_NOT_FOUND',
      /no-such-folder: no such file or folder/,
    );
  });

  it('empty stdin is an empty input, named -', { timeout: BOUND }, async () => {
    expectUserError(
      await runCli(['compare', '-', OTHER], { stdin: '' }),
      'E_EMPTY',
      /^statement-diff: -: the input is empty; expected a statement with at least one paragraph \[E_EMPTY\]\n$/,
    );
    expectUserError(
      await runCli(['parse', '-'], { stdin: '\n\n' }),
      'E_EMPTY',
      /^statement-diff: -: the input is empty/,
    );
  });

  it(
    'stdin closed early, in the middle of a character: read as far as it goes, with a warning',
    { timeout: BOUND },
    async () => {
      const full = Buffer.from(
        '# Joint statement\n\n1. The two sides agreed to meet in Zürich',
        'utf8',
      );
      const cut = full.subarray(0, full.indexOf(0xc3) + 1); // up to "Z" and the first byte of "ü"
      let stdout = '';
      let stderr = '';
      const io: Io = {
        stdout: (text) => {
          if (typeof text === 'string') stdout += text;
          else text((chunk) => (stdout += chunk));
        },
        stderr: (text) => {
          stderr += text;
        },
        readStdin: () => Promise.resolve(cut),
        isTTY: false,
        env: {},
      };
      const code = await run(['compare', OTHER, '-', '--format', 'digest'], io);
      expect(code).toBe(1);
      expect(stdout).toContain('Z\uFFFD');
      expect(stderr).toBe(
        `statement-diff: -:3: warning: invalid UTF-8 at byte offset ${cut.length - 1}; replaced with U+FFFD\n`,
      );
    },
  );
});

describe('the rest of the catalogue (docs/errors.md)', () => {
  it('lexicon and series config errors, a missing archive', { timeout: BOUND }, async () => {
    const lexicon = write('lexicon.yaml', 'acts: [pledge, agree]\n');
    expectUserError(
      await runCli(['compare', OTHER, OTHER, '--lexicon', lexicon]),
      'E_LEXICON',
      /lexicon\.yaml:1: lexicon "acts" is not a mapping; expected acts\/actions as "lemma: \[forms\]"/,
    );
    const brokenLexicon = write('broken-lexicon.yaml', 'acts: {pledge: [pledged\n');
    expectUserError(
      await runCli(['compare', OTHER, OTHER, '--lexicon', brokenLexicon]),
      'E_YAML',
      /broken-lexicon\.yaml:\d+: invalid YAML: .+; expected a YAML mapping/,
    );
    expectUserError(
      await runCli(['compare', OTHER, OTHER, '--lexicon', join(dir, 'no-lexicon.yaml')]),
      'E_NOT_FOUND',
      /no-lexicon\.yaml: no such file/,
    );
    const rounds = [
      write('configured/2026-01-01.md', PLAIN),
      write('configured/2026-02-01.md', PLAIN),
    ];
    write('configured/series.yaml', 'title: Configured\nboth: 5\n');
    expectUserError(
      await runCli(['series', join(rounds[0] as string, '..')]),
      'E_META',
      /series\.yaml: series config field "both" is 5/,
    );
    const archive = join(dir, 'no-archive');
    expectUserError(
      await runCli(['report', archive, '--out', join(dir, 'reports')]),
      'E_NOT_FOUND',
      /no-archive: no such folder; expected a folder of series folders/,
    );
    expect(existsSync(join(dir, 'reports'))).toBe(false);
  });

  it(
    'an internal error says it is a bug, with the stack only under --debug',
    { timeout: BOUND },
    async () => {
      const failing = (): { io: Io; err: () => string } => {
        let stderr = '';
        return {
          io: {
            stdout: () => {
              throw new Error('stdout exploded');
            },
            stderr: (text) => {
              stderr += text;
            },
            readStdin: () => Promise.resolve(Buffer.alloc(0)),
            isTTY: false,
            env: {},
          },
          err: () => stderr,
        };
      };
      const plain = failing();
      expect(await run(['compare', OTHER, OTHER], plain.io)).toBe(2);
      expect(plain.err()).toBe(
        'statement-diff: internal error (this is a bug; please report it): stdout exploded\nRun again with --debug to see the stack trace.\n',
      );
      const debug = failing();
      expect(await run(['compare', OTHER, OTHER, '--debug'], debug.io)).toBe(2);
      expect(debug.err()).toMatch(
        /^statement-diff: internal error \(this is a bug; please report it\): stdout exploded\nError: stdout exploded\n\s+at /,
      );
    },
  );

  it('exit codes: 0 no differences, 1 differences', { timeout: BOUND }, async () => {
    const a = write('same.md', PLAIN);
    expectReport(await runCli(['compare', a, a]), 0);
    expectReport(await runCli(['compare', a, OTHER]), 1);
    expectReport(await runCli(['parse', a]), 0);
  });
});

describe('inputs the fuzzer found', () => {
  it('an unresolved YAML alias in the frontmatter is a user error, not a crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sd-fuzzfound-'));
    const file = join(dir, 'alias.md');
    writeFileSync(file, '---\ntitle: *missing\n---\n\nThe two sides agreed.\n');
    const r = await runCli(['parse', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/alias\.md:\d+: invalid YAML frontmatter/);
    expect(r.stderr).not.toContain('internal error');
  });

  it('a sentence of punctuation only pairs with itself (identity)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sd-fuzzfound-'));
    const file = join(dir, 'punct.md');
    writeFileSync(file, '# T\n\nThe two sides agreed to meet. --- !!! The ministers met.\n');
    const r = await runCli(['compare', file, file]);
    expect(r.code).toBe(0);
  });

  it('an overlong UTF-8 sequence is reported at its own byte offset', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sd-fuzzfound-'));
    const file = join(dir, 'overlong.md');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('# T\n\nThe sides agreed '),
        Buffer.from([0xe0, 0x80, 0x80]),
        Buffer.from(' to meet.\n'),
      ]),
    );
    const r = await runCli(['parse', file]);
    expect(r.code).toBe(0);
    expect(r.stderr + r.stdout).toMatch(/invalid UTF-8 at byte offset 22/);
  });
});

describe('inputs without end, and stdin that cannot be read', () => {
  it(
    'a device without end (/dev/zero) is refused as soon as it is over --max-bytes',
    { timeout: BOUND },
    async () => {
      expectUserError(
        await runCli(['parse', '/dev/zero', '--max-bytes', '1000']),
        'E_TOO_LARGE',
        /^statement-diff: \/dev\/zero: input is over the limit of 1000 bytes; expected a smaller statement, or a larger --max-bytes \[E_TOO_LARGE\]\n$/,
      );
      expectUserError(
        await runCli(['compare', OTHER, '/dev/zero', '--max-bytes', '1000']),
        'E_TOO_LARGE',
        /\/dev\/zero: input is over the limit of 1000 bytes/,
      );
    },
  );

  it('a FIFO whose writer never stops is refused at the limit', { timeout: BOUND }, async () => {
    const fifo = join(dir, 'endless.md');
    const made = spawn('mkfifo', [fifo]);
    expect(await new Promise((resolve) => made.once('close', resolve))).toBe(0);
    // `yes` writes "y\n" until its reader goes away.
    const writer = spawn('sh', ['-c', 'exec yes > "$0"', fifo], { stdio: 'ignore' });
    try {
      expectUserError(
        await runCli(['parse', fifo, '--max-bytes', '5000']),
        'E_TOO_LARGE',
        new RegExp(`^statement-diff: ${esc(fifo)}: input is over the limit of 5000 bytes`),
      );
    } finally {
      writer.kill('SIGKILL');
      rmSync(fifo, { force: true });
    }
  });

  it('an endless stdin is refused at the limit', { timeout: BOUND }, async () => {
    expectUserError(
      await runWithStdin(['parse', '-', '--max-bytes', '1000'], (maxBytes) =>
        readStream(endless('The two sides agreed. '), maxBytes),
      ),
      'E_TOO_LARGE',
      /^statement-diff: -: input is over the limit of 1000 bytes; expected a smaller statement/,
    );
  });

  it(
    'the executable, with /dev/zero or a folder on stdin: a user error, not a hang or a crash',
    { timeout: BOUND },
    async () => {
      const zero = openSync('/dev/zero', 'r');
      try {
        expectUserError(
          await spawnCli(['parse', '-', '--max-bytes', '1000'], zero),
          'E_TOO_LARGE',
          /^statement-diff: -: input is over the limit of 1000 bytes/,
        );
      } finally {
        closeSync(zero);
      }
      const folder = openSync(dir, 'r');
      try {
        expectUserError(
          await spawnCli(['parse', '-'], folder),
          'E_READ',
          /^statement-diff: -: cannot be read \(EISDIR\); expected readable standard input \(a file or a pipe\) \[E_READ\]\n$/,
        );
      } finally {
        closeSync(folder);
      }
    },
  );

  it('a failing read of stdin (EIO, EISDIR) is E_READ', { timeout: BOUND }, async () => {
    const eio = Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    expectUserError(
      await runWithStdin(['compare', '-', OTHER], () => Promise.reject(eio)),
      'E_READ',
      /^statement-diff: -: cannot be read \(EIO\); expected readable standard input \(a file or a pipe\) \[E_READ\]\n$/,
    );
    // A stream that fails: reading a folder as a file.
    expectUserError(
      await runWithStdin(['parse', '-'], (maxBytes) => readStream(createReadStream(dir), maxBytes)),
      'E_READ',
      /^statement-diff: -: cannot be read \(EISDIR\)/,
    );
  });
});

describe('a --lexicon file of the wrong shape', () => {
  it(
    'each field of the wrong type is E_LEXICON naming the file, the line and what was expected',
    { timeout: BOUND },
    async () => {
      const shape = 'acts/actions as "lemma: \\[forms\\]" and strength as in docs/glossary.md';
      const level = 'a strength level: a whole number from 1 to 5';
      const cases: [string, number, string, string][] = [
        ['strength: 5\n', 1, 'lexicon "strength" is not a mapping', shape],
        ['acts: {}\nstrength: [1, 2]\n', 2, 'lexicon "strength" is not a mapping', shape],
        [
          'strength:\n  will: x\n',
          2,
          'lexicon key "strength.will" is unknown',
          'one of modals, intensifiers, hedges or absolutes',
        ],
        [
          'strength:\n  modals:\n    will: "x"\n',
          3,
          'lexicon "strength.modals.will" is "x"',
          level,
        ],
        [
          'strength:\n  modals:\n    may: 2\n    will: 9\n',
          4,
          'lexicon "strength.modals.will" is 9',
          level,
        ],
        ['strength:\n  modals: {will: 0}\n', 2, 'lexicon "strength.modals.will" is 0', level],
        ['strength:\n  modals: {will: 2.5}\n', 2, 'lexicon "strength.modals.will" is 2.5', level],
        ['strength:\n  modals: [1, 2]\n', 2, 'lexicon "strength.modals" is not a mapping', shape],
        ['strength:\n  hedges: 5\n', 2, 'lexicon "strength.hedges" is not a list of words', shape],
        [
          'strength:\n  absolutes: [never, {a: 1}]\n',
          2,
          'lexicon "strength.absolutes" is not a list of words',
          shape,
        ],
        [
          'acts:\n  pledge:\n    - pledged\n    - 3\n',
          2,
          'lexicon "acts.pledge" is not a list of words',
          shape,
        ],
        [
          'actions:\n  build: ["", built]\n',
          2,
          'lexicon "actions.build" is not a list of words',
          shape,
        ],
        [
          'acts: {}\nstrenght: {}\n',
          2,
          'lexicon key "strenght" is unknown',
          'one of acts, actions, families, ladders, context, reasons or strength',
        ],
      ];
      for (const [yaml, line, message, expected] of cases) {
        const lexicon = write('shape/lexicon.yaml', yaml);
        const r = await runCli(['compare', OTHER, OTHER, '--lexicon', lexicon]);
        expectUserError(
          r,
          'E_LEXICON',
          new RegExp(
            `^statement-diff: ${esc(lexicon)}:${line}: ${esc(message)}; expected ${expected} \\[E_LEXICON\\]\\n$`,
          ),
        );
      }
    },
  );

  it('the same checks apply to the strength of a series.yaml', { timeout: BOUND }, async () => {
    const rounds = [
      write('lexicon-series/2026-01-01.md', PLAIN),
      write('lexicon-series/2026-02-01.md', PLAIN),
    ];
    const config = write(
      'lexicon-series/series.yaml',
      'title: T\nstrength:\n  modals:\n    must: [5]\n',
    );
    expectUserError(
      await runCli(['series', join(rounds[0] as string, '..')]),
      'E_LEXICON',
      new RegExp(`^statement-diff: ${esc(config)}:4: lexicon "strength.modals.must" is \\[5\\]`),
    );
  });

  it('a good lexicon with strength words is used', { timeout: BOUND }, async () => {
    const lexicon = write(
      'good-lexicon.yaml',
      'acts:\n  pledge: [vowed]\nstrength:\n  modals: {ought: 3}\n  intensifiers: [wholeheartedly]\n  hedges: []\n',
    );
    const file = write(
      'strength.md',
      '# Joint statement\n\n1. The two sides wholeheartedly vowed to build the railway.\n',
    );
    const r = await runCli(['parse', file, '--lexicon', lexicon, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const parsed = JSON.parse(r.stdout) as {
      commitments: { act: string; strength: { level: number; markers: string[] } }[];
    };
    expect(parsed.commitments[0]?.act).toBe('pledge');
    expect(parsed.commitments[0]?.strength.markers).toContain('wholeheartedly');
  });

  it(
    'a missing lexicon, or a folder, names the file and what --lexicon expects',
    { timeout: BOUND },
    async () => {
      const missing = join(dir, 'no-such-lexicon.yaml');
      expectUserError(
        await runCli(['compare', OTHER, OTHER, '--lexicon', missing]),
        'E_NOT_FOUND',
        new RegExp(
          `^statement-diff: ${esc(missing)}: no such file; expected a path to a YAML lexicon file \\(--lexicon\\) \\[E_NOT_FOUND\\]\\n$`,
        ),
      );
      // With the parse cache (series), the lexicon is hashed first: a folder must not crash that.
      const rounds = [write('lex-dir/2026-01-01.md', PLAIN), write('lex-dir/2026-02-01.md', PLAIN)];
      const folder = join(dir, 'lex-dir');
      expectUserError(
        await runCli(['series', ...rounds, '--lexicon', folder, '--cache'], {}),
        'E_IS_DIRECTORY',
        new RegExp(
          `^statement-diff: ${esc(folder)}: is a directory; expected a YAML lexicon file \\(--lexicon\\) \\[E_IS_DIRECTORY\\]\\n$`,
        ),
      );
    },
  );
});

describe('frontmatter errors at their own line', () => {
  it(
    'invalid YAML names the line of the error, not the first line of the frontmatter',
    { timeout: BOUND },
    async () => {
      // Frontmatter line 3 is line 4 of the file (line 1 is the opening ---).
      const nested = write(
        'late-yaml.md',
        `---\ntitle: Joint statement\ndate: 2026-01-04\nplace: Vantor: the capital\n---\n\n${PLAIN}`,
      );
      expectUserError(
        await runCli(['parse', nested]),
        'E_YAML',
        new RegExp(
          `^statement-diff: ${esc(nested)}:4: invalid YAML frontmatter: Nested mappings are not allowed in compact mappings; expected YAML key: value pairs between the two --- lines \\[E_YAML\\]\\n$`,
        ),
      );
      const duplicate = write(
        'late-duplicate.md',
        `---\ntitle: a\nround: 3\ntitle: b\n---\n\n${PLAIN}`,
      );
      expectUserError(
        await runCli(['parse', duplicate]),
        'E_YAML',
        /late-duplicate\.md:4: invalid YAML frontmatter: Map keys must be unique/,
      );
      const tab = write('late-tab.md', `---\ntitle: a\nparties:\n\t- Freedonia\n---\n\n${PLAIN}`);
      expectUserError(
        await runCli(['parse', tab]),
        'E_YAML',
        /late-tab\.md:4: invalid YAML frontmatter: Tabs are not allowed as indentation/,
      );
      const alias = write(
        'late-alias.md',
        `---\ntitle: a\nround: 3\nplace: *nowhere\n---\n\n${PLAIN}`,
      );
      expectUserError(
        await runCli(['parse', alias]),
        'E_YAML',
        /late-alias\.md:4: invalid YAML frontmatter: Unresolved alias/,
      );
    },
  );
});

describe('frontmatter dates', () => {
  it(
    'a date that does not exist (2020-02-30) is E_META at its line; real dates pass',
    { timeout: BOUND },
    async () => {
      for (const date of [
        '2020-02-30',
        '2021-02-29',
        '1900-02-29',
        '2026-04-31',
        '2026-13-01',
        '2026-00-10',
        '2026-01-00',
      ]) {
        const file = write(
          `impossible-${date}.md`,
          `---\ntitle: Joint statement\ndate: ${date}\n---\n\n${PLAIN}`,
        );
        expectUserError(
          await runCli(['parse', file]),
          'E_META',
          new RegExp(
            `^statement-diff: ${esc(file)}:3: frontmatter field "date" is "${date}"; expected a date that exists, written YYYY-MM-DD \\[E_META\\]\\n$`,
          ),
        );
      }
      for (const date of ['2020-02-29', '2000-02-29', '2026-12-31']) {
        const file = write(`real-${date}.md`, `---\ndate: ${date}\n---\n\n${PLAIN}`);
        const r = await runCli(['parse', file, '--format', 'json']);
        expect(r.code, r.stderr).toBe(0);
        expect((JSON.parse(r.stdout) as { meta: { date: string } }).meta.date).toBe(date);
      }
    },
  );
});

describe('numeric options', () => {
  it(
    'a --width, --jobs or --max-bytes that is not a usable number is E_OPTION, on every command that has it',
    { timeout: BOUND },
    async () => {
      const rounds = [write('numeric/2026-01-01.md', PLAIN), write('numeric/2026-02-01.md', PLAIN)];
      const cases: [string[], RegExp][] = [
        [
          ['compare', OTHER, OTHER, '--width', 'abc'],
          /^statement-diff: --width is NaN; expected a whole number of columns from 20 to 1000 \[E_OPTION\]\n$/,
        ],
        [
          ['compare', OTHER, OTHER, '--width', '10'],
          /--width is 10; expected a whole number of columns from 20/,
        ],
        [['compare', OTHER, OTHER, '--width', '80.5'], /--width is 80\.5; expected a whole number/],
        [['compare', OTHER, OTHER, '--width', '1e12'], /--width is 1000000000000; expected/],
        [
          ['series', ...rounds, '--width', 'wide'],
          /^statement-diff: --width is NaN; expected a whole number of columns from 40 to 1000 \[E_OPTION\]\n$/,
        ],
        [['series', ...rounds, '--width', '1e12'], /--width is 1000000000000; expected/],
        [
          ['compare', OTHER, OTHER, '--jobs', 'many'],
          /^statement-diff: --jobs is NaN; expected a whole number from 1 \[E_OPTION\]\n$/,
        ],
        [['compare', OTHER, OTHER, '--jobs', '0'], /--jobs is 0; expected a whole number from 1/],
        [['series', ...rounds, '--jobs', '1.5'], /--jobs is 1\.5; expected a whole number from 1/],
        [
          ['series', ...rounds, '--max-bytes', 'x'],
          /--max-bytes is NaN; expected a positive number/,
        ],
        [
          ['report', dir, '--out', join(dir, 'numeric-reports'), '--max-bytes', '-1'],
          /--max-bytes is -1/,
        ],
        [['compare', OTHER, OTHER, '--min-similarity', 'x'], /--min-similarity is NaN/],
      ];
      for (const [args, message] of cases) expectUserError(await runCli(args), 'E_OPTION', message);
      expect(existsSync(join(dir, 'numeric-reports'))).toBe(false);
    },
  );

  it('valid --width and --jobs values are used', { timeout: BOUND }, async () => {
    const rounds = [
      write('numeric-ok/2026-01-01.md', PLAIN),
      write('numeric-ok/2026-02-01.md', PLAIN),
    ];
    expectReport(
      await runCli(['compare', OTHER, rounds[0] as string, '--width', '40', '--jobs', '2']),
      1,
    );
    const narrow = await runCli(['series', ...rounds, '--width', '60', '--jobs', '2']);
    const wide = await runCli(['series', ...rounds, '--width', '200']);
    expect(narrow.code, narrow.stderr).toBe(0);
    expect(wide.code, wide.stderr).toBe(0);
    expect(narrow.stdout).not.toBe(wide.stdout);
  });
});

describe('warnings from series and report', () => {
  /** A round with one Latin-1 byte on line 3; returns its bytes and the offset of the byte. */
  function latin1Round(): { bytes: Buffer; offset: number } {
    const head = Buffer.from('# Joint statement\n\n1. The two sides agreed to visit the caf');
    return {
      bytes: Buffer.concat([head, Buffer.from([0xe9]), Buffer.from(' in Vantor.\n')]),
      offset: head.length,
    };
  }

  it(
    'series prints the invalid UTF-8 warning once, after the report, with or without the cache',
    { timeout: BOUND },
    async () => {
      const { bytes, offset } = latin1Round();
      const good = write('warn-series/2026-01-01.md', PLAIN);
      const bad = write('warn-series/2026-02-01.md', bytes);
      const warning = `statement-diff: ${bad}:3: warning: invalid UTF-8 at byte offset ${offset}; replaced with U+FFFD\n`;
      for (const args of [
        ['series', good, bad, '--no-cache'],
        ['series', good, bad], // fills the parse cache
        ['series', good, bad], // reads the statements back from it
        ['series', join(bad, '..'), '--format', 'json'],
      ]) {
        const r = await runCli(args);
        expect(r.code, r.stderr).toBe(1);
        expect(r.stdout.length).toBeGreaterThan(0);
        expect(r.stderr, args.join(' ')).toBe(warning);
      }
    },
  );

  it(
    'report prints each warning once after its summary, also when the series is unchanged',
    { timeout: BOUND },
    async () => {
      const { bytes, offset } = latin1Round();
      const archive = join(dir, 'warn-archive');
      write('warn-archive/talks/2026-01-01.md', PLAIN);
      write('warn-archive/talks/2026-02-01.md', bytes);
      write('warn-archive/talks/2026-03-01.md', PLAIN);
      const out = join(dir, 'warn-reports');
      // Files are named relative to the archive's parent folder, as in the reports.
      const warning = `statement-diff: warn-archive/talks/2026-02-01.md:3: warning: invalid UTF-8 at byte offset ${offset}; replaced with U+FFFD\n`;
      const first = await runCli(['report', archive, '--out', out]);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/^statement-diff: 1 series; \d+ files written, 0 unchanged/);
      expect(first.stderr).toBe(warning);
      const again = await runCli(['report', archive, '--out', out]);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toMatch(/^statement-diff: 1 series; 0 files written, \d+ unchanged/);
      expect(again.stderr).toBe(warning);
    },
  );

  it('compare of a file with itself prints its warning once', { timeout: BOUND }, async () => {
    const { bytes, offset } = latin1Round();
    const bad = write('warn-self.md', bytes);
    const r = await runCli(['compare', bad, bad, '--format', 'digest']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(
      `statement-diff: ${bad}:3: warning: invalid UTF-8 at byte offset ${offset}; replaced with U+FFFD\n`,
    );
  });
});

describe('hostile HTML', () => {
  it(
    'hundreds of unclosed inline tags, and long runs of empty ones, are read (in a child process killed at the bound)',
    { timeout: BOUND },
    async () => {
      // Before the fix: remark-stringify took hours on the first, minify-whitespace ~10 s on the
      // second. A child process is used so that a regression fails here instead of hanging the run.
      const nested = write('unclosed.html', `${'<b><i><u>'.repeat(300)}The two sides agreed.`);
      const runs = write(
        'empty-runs.html',
        `<p>${'<a href="#n"></a><span> </span>'.repeat(1500)}They met.</p>`,
      );
      for (const [file, sentence] of [
        [nested, 'The two sides agreed.'],
        [runs, 'They met.'],
      ] as const) {
        const r = await spawnCli(['parse', file, '--format', 'json'], 'ignore');
        expect(r.code, r.stderr).toBe(0);
        const parsed = JSON.parse(r.stdout) as {
          sections: { paragraphs: { sentences: { text: string }[] }[] }[];
        };
        const texts = parsed.sections.flatMap((s) =>
          s.paragraphs.flatMap((p) => p.sentences.map((x) => x.text)),
        );
        expect(texts.at(-1)?.trim()).toBe(sentence);
      }
    },
  );
});
