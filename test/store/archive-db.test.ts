/** The SQLite research archive: index, search, history, export, against real database files. */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexArchive } from '../../src/store/index-archive.js';
import { searchArchive } from '../../src/store/query-archive.js';
import { ARCHIVE_SCHEMA_VERSION, ARCHIVE_TABLES } from '../../src/store/schema.js';
import { runCli } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sd-archive-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const DIALOGUE = 'china-pakistan-fm-strategic-dialogue';

/** A copy of the bundled archive to index (and change) in a test of its own. */
function archiveCopy(name: string): string {
  const root = join(dir, name);
  cpSync('statements', join(root, 'statements'), { recursive: true });
  return root;
}
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * Every row of every table, sorted; the surrogate `n` of sentences (and commitments' reference
 * to it) replaced by the stable key (statement, id) it stands for.
 */
function dump(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const stable = new Map(
      (
        db.prepare('SELECT n, statement, id FROM sentences').all() as {
          n: number;
          statement: number;
          id: string;
        }[]
      ).map((r) => [r.n, `${r.statement}#${r.id}`]),
    );
    const out: Record<string, unknown[]> = {};
    for (const table of ARCHIVE_TABLES) {
      const rows = db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
      out[table] = rows
        .map((r) => {
          if (table === 'sentences')
            return JSON.stringify({ ...r, n: stable.get(r['n'] as number) });
          return JSON.stringify(r);
        })
        .sort();
    }
    return out;
  } finally {
    db.close();
  }
}

let db: string;
beforeAll(async () => {
  db = join(dir, 'archive.sqlite');
  const r = await runCli(['index', 'statements', '--db', db]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
}, 120_000);

describe('index', () => {
  it('writes plain SQLite with foreign keys, FTS5 and a schema version, readable by any client', () => {
    const sqlite = new Database(db, { readonly: true });
    try {
      expect(sqlite.pragma('user_version', { simple: true })).toBe(ARCHIVE_SCHEMA_VERSION);
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
      const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
      expect(count('SELECT count(*) AS n FROM series')).toBe(2);
      expect(count('SELECT count(*) AS n FROM statements')).toBe(11);
      // Every wording is in the full-text index: a phrase of its first two words finds its row.
      const sentences = sqlite.prepare('SELECT n, text FROM texts').all() as {
        n: number;
        text: string;
      }[];
      const found = sqlite.prepare(
        'SELECT count(*) AS n FROM texts_fts WHERE texts_fts MATCH ? AND rowid = ?',
      );
      const missing = sentences.filter((s) => {
        const words = (s.text.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 2);
        // A JS number binds as REAL, which FTS5's rowid constraint ignores: bind an integer.
        return (found.get(`"${words.join(' ')}"`, BigInt(s.n)) as { n: number }).n !== 1;
      });
      expect(sentences.length).toBeGreaterThan(200);
      expect(missing.map((s) => s.text)).toEqual([]);
      // One row per distinct wording, and every sentence has its wording and its analysis.
      expect(count('SELECT count(*) - count(DISTINCT text) AS n FROM texts')).toBe(0);
      expect(count('SELECT count(*) AS n FROM sentences')).toBeGreaterThan(sentences.length);
      expect(count('SELECT count(*) AS n FROM sentences WHERE commitment IS NULL')).toBe(0);
      // … and in one lineage.
      expect(count('SELECT count(*) AS n FROM sentences WHERE lineage_id IS NULL')).toBe(0);
      // Porter stemming: "settle" finds "settled".
      expect(
        count("SELECT count(*) AS n FROM texts_fts WHERE texts_fts MATCH 'settle'"),
      ).toBeGreaterThan(0);
    } finally {
      sqlite.close();
    }
  });

  it('finds every sentence a filtered search asks for, past the first page of wordings', () => {
    const sqlite = new Database(db, { readonly: true });
    try {
      // "the" is in most wordings of both series: more than one page (100) of them, most of the
      // best ranked in the other series.
      const wordings = (
        sqlite.prepare("SELECT count(*) AS n FROM texts_fts WHERE texts_fts MATCH 'the'").get() as {
          n: number;
        }
      ).n;
      expect(wordings).toBeGreaterThan(100);
      const expected = (
        sqlite
          .prepare(
            `SELECT count(*) AS n FROM texts_fts JOIN sentence_texts s ON s.text = texts_fts.text
             WHERE texts_fts MATCH 'the' AND s.series_id = 'un-security-council-veloria'`,
          )
          .get() as { n: number }
      ).n;
      const result = searchArchive(sqlite, 'the', {
        series: 'un-security-council-veloria',
        limit: 10_000,
      });
      expect(result.hits).toBe(expected);
      expect(result.groups.every((g) => g.series === 'un-security-council-veloria')).toBe(true);
    } finally {
      sqlite.close();
    }
  });

  it('runs the SQL examples of the README and docs/report-schema.md as written', () => {
    const docs = `${readFileSync('README.md', 'utf8')}\n${readFileSync('docs/report-schema.md', 'utf8')}`;
    const examples = [...docs.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1] as string);
    expect(examples.length).toBeGreaterThanOrEqual(3);
    const sqlite = new Database(db, { readonly: true });
    try {
      for (const sql of examples) {
        const rows = sqlite.prepare(sql).all();
        expect(rows.length, sql).toBeGreaterThan(0);
      }
    } finally {
      sqlite.close();
    }
  });

  it('skips what did not change, re-indexes only the changed series, and ends as a rebuild would', async () => {
    const root = archiveCopy('incremental');
    const file = join(root, 'archive.sqlite');
    const first = await indexArchive(join(root, 'statements'), file);
    expect(first.indexed).toHaveLength(2);
    const again = await indexArchive(join(root, 'statements'), file);
    expect(again.indexed).toEqual([]);
    expect(again.skipped).toHaveLength(2);
    // One changed round: only its series is indexed again.
    const round = join(root, 'statements', DIALOGUE, '2026-01-04.md');
    writeFileSync(
      round,
      `${readFileSync(round, 'utf8')}\nThe two sides agreed to hold a joint exhibition on their friendship in 2027.\n`,
    );
    const changed = await indexArchive(join(root, 'statements'), file);
    expect(changed.indexed).toEqual([DIALOGUE]);
    // A rebuild from scratch of the same inputs holds the same rows.
    const fresh = join(root, 'fresh.sqlite');
    await indexArchive(join(root, 'statements'), fresh);
    expect(dump(file)).toEqual(dump(fresh));
    // A removed series is removed from the database.
    rmSync(join(root, 'statements', DIALOGUE), { recursive: true });
    const removed = await indexArchive(join(root, 'statements'), file);
    expect(removed.removed).toEqual([DIALOGUE]);
    const left = new Database(file, { readonly: true });
    expect((left.prepare('SELECT count(*) AS n FROM statements').get() as { n: number }).n).toBe(4);
    expect(left.pragma('foreign_key_check')).toEqual([]);
    left.close();
  }, 120_000);

  it('leaves the previous database as it was when a run fails, and exits 2', async () => {
    const root = archiveCopy('failing');
    const file = join(root, 'archive.sqlite');
    await indexArchive(join(root, 'statements'), file);
    const before = dump(file);
    writeFileSync(
      join(root, 'statements', DIALOGUE, '2026-01-04.md'),
      '---\ntitle: [unclosed\n---\n\nText.\n',
    );
    const r = await runCli(['index', join(root, 'statements'), '--db', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/2026-01-04\.md:2: invalid YAML/);
    expect(dump(file)).toEqual(before);
  }, 120_000);

  it('is left whole when the indexing process is killed, and two runs at once do not corrupt it', async () => {
    const root = archiveCopy('concurrent');
    const file = join(root, 'archive.sqlite');
    const bin = new URL('../../src/cli/bin.ts', import.meta.url).pathname;
    const run = (kill?: number) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(
          process.execPath,
          [
            '--import',
            'tsx',
            bin,
            'index',
            join(root, 'statements'),
            '--db',
            file,
            '--rebuild',
            '--no-cache',
          ],
          { stdio: 'ignore' },
        );
        if (kill !== undefined) setTimeout(() => child.kill('SIGKILL'), kill);
        child.on('exit', (code) => resolve(code));
      });
    await run();
    const whole = dump(file);
    // Killed part-way: every series is either as it was or as it is now (the same inputs).
    await run(1500);
    const check = new Database(file);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
    expect(dump(file)).toEqual(whole);
    // Two at once: the second waits for the first one's transactions.
    const codes = await Promise.all([run(), run()]);
    expect(codes).toEqual([0, 0]);
    expect(dump(file)).toEqual(whole);
  }, 180_000);
});

describe('README examples', () => {
  it('runs each command of the README research-archive block, against a database of the test', async () => {
    const readme = readFileSync('README.md', 'utf8');
    const block = /## Research archive[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const commands = block
      .split('\n')
      .map((l) => l.replace(/\s+#.*$/, '').trim())
      .filter((l) => l.startsWith('npx statement-diff '));
    expect(commands.length).toBeGreaterThanOrEqual(5);
    for (const line of commands) {
      // Words as a shell would split them (double quotes group).
      const words = (line.match(/"[^"]*"|\S+/g) ?? []).map((w) => w.replace(/^"|"$/g, '')).slice(2);
      const args =
        words[0] === 'export'
          ? words.map((w) => (w === 'exports' ? join(dir, 'readme-exports') : w))
          : words;
      const r = await runCli([...args, '--db', db]);
      expect([0, 1], `${line}: ${r.stderr}`).toContain(r.code);
      if (words[0] !== 'index') expect(r.stdout.length, line).toBeGreaterThan(0);
    }
  }, 120_000);
});

describe('search', () => {
  it('groups hits by lineage, with the rounds and their status, and highlights the words', async () => {
    const r = await runCli(['search', 'Kashmir', '--db', db, '--format', 'json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as {
      hits: number;
      groups: {
        lineage: string;
        rounds: { status: string }[];
        hits: { text: string; paragraph: string; parts: { text: string; match: boolean }[] }[];
      }[];
    };
    expect(result.hits).toBeGreaterThanOrEqual(5);
    for (const g of result.groups) {
      expect(g.lineage).toMatch(/^L[0-9a-f]{7}/);
      expect(g.rounds.length).toBeGreaterThan(0);
      for (const h of g.hits) {
        expect(h.parts.filter((p) => p.match).map((p) => p.text.toLowerCase())).toContain(
          'kashmir',
        );
        expect(h.paragraph).not.toBe('');
      }
    }
    // The clause dropped and revived shows both in its rounds.
    expect(
      result.groups.some(
        (g) =>
          g.rounds.some((x) => x.status === 'dropped') &&
          g.rounds.some((x) => x.status === 'revived'),
      ),
    ).toBe(true);
    const terminal = await runCli(['search', 'Kashmir', '--db', db]);
    expect(terminal.stdout).toMatch(/sentences in \d+ lineages/);
    const markdown = await runCli(['search', 'Kashmir', '--db', db, '--format', 'markdown']);
    expect(markdown.stdout).toContain('**Kashmir**');
    const csv = await runCli(['search', 'Kashmir', '--db', db, '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toBe(
      'series,lineage,round,date,file,paragraph,line,actor,text,matched',
    );
  });

  it('filters by series, dates, actor and kind', async () => {
    const count = async (...args: string[]) => {
      const r = await runCli([
        'search',
        'corridor OR CPEC',
        '--db',
        db,
        '--format',
        'json',
        ...args,
      ]);
      return r.code === 1 ? 0 : (JSON.parse(r.stdout) as { hits: number }).hits;
    };
    const all = await count();
    expect(all).toBeGreaterThan(5);
    expect(await count('--series', 'un-security-council-veloria')).toBe(0);
    const since = await count('--since', '2024-01-01');
    expect(since).toBeGreaterThan(0);
    expect(since).toBeLessThan(all);
    expect(await count('--until', '2019-12-31')).toBeLessThan(all);
    const china = await count('--actor', 'china');
    expect(china).toBeGreaterThan(0);
    expect(china).toBeLessThan(all);
    expect(await count('--kind', 'dropped')).toBeLessThanOrEqual(all);
    const bad = await runCli(['search', 'x', '--db', db, '--since', 'last year']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--since is "last year"; expected a date YYYY-MM-DD \[E_OPTION\]/);
  });

  it('exits 1 when nothing matches and 2 on a query FTS5 cannot read', async () => {
    expect((await runCli(['search', 'zzyzxqq', '--db', db])).code).toBe(1);
    const bad = await runCli(['search', '"unbalanced', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/the search query .* cannot be read .*\[E_QUERY\]/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('never changes the database, whatever the query', async () => {
    const before = sha(db);
    const hostile = [
      `'; DROP TABLE statements; --`,
      `"; DELETE FROM sentences; --`,
      `Kashmir) OR (1=1`,
      `NEAR(`,
      `text:`,
      `*`,
      `"${'a'.repeat(10_000)}"`,
      'Kashmir '.repeat(1300),
      `\u0000`,
    ];
    for (const query of hostile) {
      const r = await runCli(['search', query, '--db', db]);
      expect([0, 1, 2], query.slice(0, 40)).toContain(r.code);
      if (r.code === 2) expect(r.stderr).toMatch(/\[E_QUERY\]/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(sha(db)).toBe(before);
    const check = new Database(db, { readonly: true });
    expect((check.prepare('SELECT count(*) AS n FROM statements').get() as { n: number }).n).toBe(
      11,
    );
    check.close();
  });
});

describe('history', () => {
  it('follows one commitment through every round: wordings, word diffs, absences', async () => {
    const r = await runCli([
      'history',
      'disputes South Asia Kashmir settled',
      '--db',
      db,
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const h = JSON.parse(r.stdout) as {
      lineage: string;
      rounds: { status: string; text: string | null; edits: { op: string }[] | null }[];
    };
    expect(h.rounds).toHaveLength(7);
    expect(h.rounds.filter((x) => x.text === null).length).toBeGreaterThan(0);
    const last = h.rounds[6];
    expect(last?.text).toContain('Kashmir dispute');
    expect(last?.edits?.some((e) => e.op === 'insert')).toBe(true);
    // The same by its id, in every format.
    for (const format of ['terminal', 'markdown', 'html']) {
      const byId = await runCli(['history', h.lineage, '--db', db, '--format', format]);
      expect(byId.code).toBe(0);
      expect(byId.stdout).toContain(h.lineage);
    }
  });

  it('exits 1 for words found nowhere, 2 for an unknown id', async () => {
    expect((await runCli(['history', 'zzyzxqq', '--db', db])).code).toBe(1);
    const unknown = await runCli(['history', 'L0000000', '--db', db]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no lineage L0000000 in the archive.*\[E_UNKNOWN_ID\]/);
  });
});

describe('a database that is not ours', () => {
  it.each([
    [
      'a text file',
      (f: string) => writeFileSync(f, 'not a database at all\n'.repeat(20)),
      /is not a SQLite database/,
    ],
    [
      "another application's database",
      (f: string) => {
        const other = new Database(f);
        other.exec(
          'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES (1)',
        );
        other.close();
      },
      /is another application's SQLite database/,
    ],
    [
      'a damaged database',
      (f: string) => {
        const bytes = Buffer.from(readFileSync(db));
        bytes.fill(0x55, 100, 8192);
        writeFileSync(f, bytes);
      },
      /is damaged|malformed|not a database/,
    ],
    [
      'a database damaged past its first page',
      (f: string) => {
        const bytes = Buffer.from(readFileSync(db));
        bytes.fill(0x55, 4096 * 3, bytes.length);
        writeFileSync(f, bytes);
      },
      /is damaged/,
    ],
  ])('%s: a clear error naming it, exit 2, the file untouched', async (_name, make, message) => {
    const file = join(dir, `foreign-${Math.random().toString(36).slice(2)}.sqlite`);
    make(file);
    const before = sha(file);
    for (const args of [
      ['search', 'Kashmir', '--db', file],
      ['history', 'L0000000', '--db', file],
      ['export', '--db', file, '--out', join(dir, 'exports-foreign')],
      ['index', 'statements', '--db', file],
    ]) {
      const r = await runCli(args);
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr).toContain(file);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/\[E_DB\]/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(sha(file)).toBe(before);
    }
    expect(existsSync(join(dir, 'exports-foreign'))).toBe(false);
  });

  it('an archive of an older schema of ours: readers ask for a rebuild, index rebuilds it', async () => {
    const file = join(dir, 'older.sqlite');
    const older = new Database(file);
    older.exec(
      'CREATE TABLE series (id TEXT PRIMARY KEY); CREATE TABLE sentences (n INTEGER PRIMARY KEY, text TEXT);' +
        "CREATE VIRTUAL TABLE sentences_fts USING fts5(text); INSERT INTO series VALUES ('old')",
    );
    older.pragma(`application_id = ${0x53444946}`);
    older.pragma('user_version = 1');
    older.close();
    const before = sha(file);
    const read = await runCli(['search', 'Kashmir', '--db', file]);
    expect(read.code).toBe(2);
    expect(read.stderr).toMatch(/has schema version 1, this statement-diff reads \d.*--rebuild/);
    expect(sha(file)).toBe(before);
    const r = await runCli(['index', 'statements', '--db', file]);
    expect(r.stdout).toMatch(/2 series indexed/);
    expect(r.code).toBe(0);
    const rebuilt = new Database(file, { readonly: true });
    try {
      expect(rebuilt.pragma('user_version', { simple: true })).toBe(ARCHIVE_SCHEMA_VERSION);
      expect(rebuilt.prepare('SELECT id FROM series ORDER BY id').all()).toHaveLength(2);
      expect(
        rebuilt.prepare("SELECT name FROM sqlite_master WHERE name = 'sentences_fts'").all(),
      ).toEqual([]);
    } finally {
      rebuilt.close();
    }
    expect((await runCli(['search', 'Kashmir', '--db', file])).code).toBe(0);
  });

  it('a missing database: a clear error, exit 2', async () => {
    const r = await runCli(['search', 'Kashmir', '--db', join(dir, 'none.sqlite')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /none\.sqlite: no such database; expected an archive made by `statement-diff index`/,
    );
  });
});

describe('export', () => {
  it.each(['csv', 'jsonl'])('writes one %s file per table, with every row', async (format) => {
    const out = join(dir, `exports-${format}`);
    const r = await runCli(['export', '--db', db, '--out', out, '--format', format]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(ARCHIVE_TABLES.map((t) => `${t}.${format}`).sort());
    const sqlite = new Database(db, { readonly: true });
    try {
      for (const table of ARCHIVE_TABLES) {
        const rows = (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number })
          .n;
        const lines = readFileSync(join(out, `${table}.${format}`), 'utf8')
          .split('\n')
          .filter(Boolean);
        if (format === 'jsonl') expect(lines.length, table).toBe(rows);
        else expect(lines.length, table).toBeGreaterThanOrEqual(rows + 1);
      }
    } finally {
      sqlite.close();
    }
    // Stable: a second export is byte-identical.
    const again = join(dir, `exports-${format}-again`);
    await runCli(['export', '--db', db, '--out', again, '--format', format]);
    for (const f of readdirSync(out))
      expect(readFileSync(join(again, f)).equals(readFileSync(join(out, f))), f).toBe(true);
  });
});
