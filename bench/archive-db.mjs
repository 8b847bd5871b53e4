#!/usr/bin/env node
/**
 * Benchmark of the research archive (issue 13, item 6): a generated archive of S series × R
 * rounds of 5–20 KB each; cold `index` against `series` over the same inputs, a re-index with
 * nothing changed, one changed round, `search` and `history` latency (process start included,
 * and measured apart), the database size against the input bytes; and warm `series` over the
 * FOMC corpus against a `git diff --no-index --word-diff` loop over its pairs. Every ratio is of
 * two timings taken in this run. Writes bench/out/archive-db.json and prints a Markdown table.
 *
 *   node bench/archive-db.mjs [--series 50] [--rounds 200] [--quick] [--keep]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const CLI = join(ROOT, 'dist/cli/bin.js');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const quick = args.includes('--quick');
const SERIES = flag('series', quick ? 10 : 50);
const ROUNDS = flag('rounds', quick ? 20 : 200);
const log = (line) => process.stderr.write(`${line}\n`);

// ---------------------------------------------------------------- the archive

/** A seeded generator (Park–Miller), so every run indexes the same archive. */
function random(seed) {
  let s = seed % 2147483647 || 1;
  const next = () => (s = (s * 16807) % 2147483647) / 2147483647;
  // The first draws of a small seed are tiny (1000 × 16807 / 2^31 ≈ 0.008): skip them, or every
  // series gets the smallest round size.
  for (let i = 0; i < 10; i++) next();
  return next;
}

const ACTORS = [
  'The two sides',
  'Both sides',
  'The Committee',
  'Freedonia',
  'Sylvania',
  'The Council',
  'The Ministers',
];
const ACTS = [
  'agreed to',
  'decided to',
  'pledged to',
  'will continue to',
  'reaffirmed their commitment to',
  'welcomed efforts to',
  'called for efforts to',
  'undertook to',
];
const VERBS = [
  'expand',
  'deepen',
  'review',
  'strengthen',
  'maintain',
  'launch',
  'support',
  'accelerate',
  'complete',
  'study',
];
const OBJECTS = [
  'cooperation in',
  'trade links with',
  'the joint committee on',
  'investment in',
  'the working group on',
  'exchanges on',
  'the action plan for',
  'the corridor projects in',
];
const FIELDS = [
  'agriculture',
  'energy',
  'ports',
  'railways',
  'water management',
  'health',
  'education',
  'digital trade',
  'mining',
  'fisheries',
  'tourism',
  'flood relief',
  'climate adaptation',
  'customs',
  'science and technology',
];
const PLACES = [
  'Umber',
  'Rusk',
  'Pellin',
  'Vantor',
  'Keld',
  'Arrow Bay',
  'the northern provinces',
  'the coastal zone',
];
const HEADINGS = [
  'Political relations',
  'Economic cooperation',
  'Security',
  'Regional issues',
  'People-to-people exchanges',
  'Next steps',
];

function sentence(rnd, k) {
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const figure = rnd() < 0.3 ? ` with ${Math.floor(rnd() * 900 + 100)} million in funding` : '';
  const year = rnd() < 0.3 ? ` by ${2027 + Math.floor(rnd() * 8)}` : '';
  return `${pick(ACTORS)} ${pick(ACTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(FIELDS)} in ${pick(PLACES)}${figure}${year}, under programme ${k}.`;
}

/** Writes the archive; returns its folder and total bytes. */
function generate(root) {
  let bytes = 0;
  for (let s = 0; s < SERIES; s++) {
    const rnd = random(1000 + s);
    const folder = join(root, 'statements', `series-${String(s).padStart(3, '0')}`);
    mkdirSync(folder, { recursive: true });
    const target = 5000 + Math.floor(rnd() * 15000); // this series' round size, 5–20 KB
    let counter = 0;
    let body = [];
    while (body.join(' ').length < target) body.push(sentence(rnd, counter++));
    for (let r = 0; r < ROUNDS; r++) {
      if (r > 0) {
        // 3% dropped, 3% reworded (a figure or a field), 3% new, the size kept.
        body = body.filter(() => rnd() > 0.03);
        body = body.map((x) =>
          rnd() < 0.03
            ? x
                .replace(/programme (\d+)/, (_m, n) => `programme ${Number(n) + 1}`)
                .replace(/\d+ million/, `${Math.floor(rnd() * 900 + 100)} million`)
            : x,
        );
        while (body.join(' ').length < target)
          body.splice(Math.floor(rnd() * (body.length + 1)), 0, sentence(rnd, counter++));
      }
      const date = new Date(Date.UTC(1900, 0, 1) + r * 7 * 86400000).toISOString().slice(0, 10);
      const lines = [
        '---',
        `title: Joint statement of series ${s}`,
        `date: ${date}`,
        `round: ${r + 1}`,
        '---',
        '',
        `# Joint statement, round ${r + 1}`,
        '',
      ];
      const per = Math.ceil(body.length / HEADINGS.length);
      let n = 1;
      HEADINGS.forEach((h, i) => {
        const part = body.slice(i * per, (i + 1) * per);
        if (part.length === 0) return;
        lines.push(`## ${h}`, '');
        for (let k = 0; k < part.length; k += 2)
          lines.push(`${n++}. ${part.slice(k, k + 2).join(' ')}`, '');
      });
      const text = lines.join('\n');
      writeFileSync(join(folder, `${date}.md`), text);
      bytes += Buffer.byteLength(text);
    }
  }
  return bytes;
}

// ---------------------------------------------------------------- timing

function time(command, argv, options = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  return { s, code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const cli = (...argv) => time(process.execPath, [CLI, ...argv]);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

// ---------------------------------------------------------------- run

if (!existsSync(CLI)) {
  log('bench/archive-db: run `npm run build` first');
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'sd-archive-bench-'));
const db = join(work, 'archive.sqlite');
const result = { series: SERIES, rounds: ROUNDS, statements: SERIES * ROUNDS };
try {
  log(`generating ${SERIES} series × ${ROUNDS} rounds …`);
  result.inputBytes = generate(work);
  const folders = readdirSync(join(work, 'statements')).map((f) => join(work, 'statements', f));

  log('cold `series` over every series folder …');
  let seriesS = 0;
  for (const folder of folders) {
    const r = cli(
      'series',
      folder,
      '--no-cache',
      '--format',
      'json',
      '--out',
      join(work, 'series.json'),
    );
    if (r.code !== 0 && r.code !== 1) throw new Error(`series failed: ${r.stderr}`);
    seriesS += r.s;
  }
  result.seriesColdS = seriesS;

  log('cold `index` …');
  const cold = cli('index', join(work, 'statements'), '--db', db, '--no-cache');
  if (cold.code !== 0) throw new Error(`index failed: ${cold.stderr}`);
  result.indexColdS = cold.s;
  result.indexOverSeries = cold.s / seriesS;

  log('re-index, nothing changed …');
  const again = [1, 2, 3].map(() =>
    cli('index', join(work, 'statements'), '--db', db, '--no-cache'),
  );
  result.reindexUnchangedS = median(again.map((r) => r.s));
  result.reindexUnchangedSays = again[0].stdout.trim();

  log('one changed round …');
  const first = join(folders[0], readdirSync(folders[0]).sort()[Math.floor(ROUNDS / 2)]);
  writeFileSync(
    first,
    `${execFileSync('cat', [first], { encoding: 'utf8' })}\nThe two sides agreed to open a new consulate in Keld by 2030.\n`,
  );
  const one = cli('index', join(work, 'statements'), '--db', db, '--no-cache');
  result.reindexOneChangedS = one.s;
  result.reindexOneChangedSays = one.stdout.trim();

  result.dbBytes = statSync(db).size;
  result.dbOverInput = result.dbBytes / result.inputBytes;

  log('search and history latency …');
  // Start-up: Node alone, and the tool printing its version (the yargs path every other command takes).
  result.nodeStartS = median([1, 2, 3, 4, 5].map(() => time(process.execPath, ['-e', '0']).s));
  const start = [1, 2, 3, 4, 5].map(() => cli('--version').s);
  result.processStartS = median(start);
  const queries = [
    'fisheries',
    '"flood relief" Umber',
    'consulate',
    'railways AND Pellin',
    'climat*',
    'programme',
    'tourism NOT Rusk',
    'digital trade',
    'customs',
    '"joint committee" fisheries',
  ];
  const searchTimes = [];
  for (let k = 0; k < 3; k++)
    for (const q of queries) {
      const r = cli('search', q, '--db', db, '--limit', '50', '--format', 'json');
      if (r.code !== 0 && r.code !== 1) throw new Error(`search ${q} failed: ${r.stderr}`);
      searchTimes.push(r.s);
    }
  result.searchP95S = p95(searchTimes);
  result.searchMedianS = median(searchTimes);
  const group = JSON.parse(cli('search', 'consulate', '--db', db, '--format', 'json').stdout)
    .groups[0];
  const historyTimes = [1, 2, 3, 4, 5].map(() => {
    const r = cli(
      'history',
      group.lineage,
      '--series',
      group.series,
      '--db',
      db,
      '--format',
      'json',
    );
    if (r.code !== 0) throw new Error(`history failed: ${r.stderr}`);
    return r.s;
  });
  result.historyMedianS = median(historyTimes);
  result.historyMaxS = Math.max(...historyTimes);

  // Warm series over the FOMC corpus (parse cache filled by a first run) against git's word diff.
  const fomc = join(ROOT, '..', 'shared', 'corpus', 'fomc');
  if (existsSync(fomc)) {
    log('FOMC: warm `series` against a git word-diff loop …');
    const cacheRun = time(
      process.execPath,
      [CLI, 'series', fomc, '--format', 'json', '--out', join(work, 'fomc.json')],
      { cwd: work },
    );
    if (cacheRun.code !== 0 && cacheRun.code !== 1) throw new Error(cacheRun.stderr);
    const files = readdirSync(fomc)
      .filter((f) => /\.(md|txt|html?)$/.test(f))
      .sort();
    // Alternated, five rounds of each: both are bound by process start, which drifts with load.
    const warm = [];
    const gitLoop = [];
    for (let round = 0; round < 5; round++) {
      warm.push(
        time(
          process.execPath,
          [CLI, 'series', fomc, '--format', 'json', '--out', join(work, 'fomc.json')],
          { cwd: work },
        ).s,
      );
      const start2 = process.hrtime.bigint();
      for (let i = 1; i < files.length; i++)
        spawnSync(
          'git',
          ['diff', '--no-index', '--word-diff', join(fomc, files[i - 1]), join(fomc, files[i])],
          { encoding: 'utf8' },
        );
      gitLoop.push(Number(process.hrtime.bigint() - start2) / 1e9);
    }
    result.fomcPairs = files.length - 1;
    result.fomcWarmSeriesS = median(warm);
    result.fomcGitWordDiffS = median(gitLoop);
    result.fomcWarmOverGit = result.fomcWarmSeriesS / result.fomcGitWordDiffS;
  } else log('../shared/corpus/fomc is missing: the FOMC comparison is skipped');
} finally {
  if (!args.includes('--keep')) rmSync(work, { recursive: true, force: true });
  else log(`kept ${work}`);
}

mkdirSync(join(ROOT, 'bench', 'out'), { recursive: true });
writeFileSync(
  join(ROOT, 'bench', 'out', 'archive-db.json'),
  `${JSON.stringify(result, null, 2)}\n`,
);
const f = (n, d = 2) => (n === undefined ? '—' : n.toFixed(d));
const rows = [
  [
    'archive',
    `${SERIES} series × ${ROUNDS} rounds = ${result.statements} statements, ${(result.inputBytes / 1e6).toFixed(1)} MB`,
    '',
  ],
  [
    'cold `index` / cold `series` (same inputs)',
    `${f(result.indexColdS, 1)} s / ${f(result.seriesColdS, 1)} s = ${f(result.indexOverSeries)}×`,
    '≤ 3×',
  ],
  ['re-index, nothing changed (median of 3)', `${f(result.reindexUnchangedS)} s`, '≤ 2 s'],
  [
    're-index, one round changed',
    `${f(result.reindexOneChangedS, 1)} s: ${result.reindexOneChangedSays}`,
    'only its series',
  ],
  [
    '`search` p95 / median (30 runs, process start included)',
    `${f(result.searchP95S * 1000, 0)} / ${f(result.searchMedianS * 1000, 0)} ms`,
    '≤ 50 ms',
  ],
  [
    '`history` median / max (5 runs)',
    `${f(result.historyMedianS * 1000, 0)} / ${f(result.historyMaxS * 1000, 0)} ms`,
    '≤ 100 ms',
  ],
  [
    'start-up: Node alone (`node -e 0`) / the tool on its yargs path (`--version`), medians of 5',
    `${f(result.nodeStartS * 1000, 0)} / ${f(result.processStartS * 1000, 0)} ms`,
    '',
  ],
  [
    'database / input bytes',
    `${(result.dbBytes / 1e6).toFixed(1)} MB / ${(result.inputBytes / 1e6).toFixed(1)} MB = ${f(result.dbOverInput)}×`,
    '≤ 3×',
  ],
  [
    'FOMC warm `series` / `git diff --word-diff` loop',
    result.fomcPairs
      ? `${f(result.fomcWarmSeriesS)} s / ${f(result.fomcGitWordDiffS)} s over ${result.fomcPairs} pairs = ${f(result.fomcWarmOverGit)}×`
      : 'skipped',
    '≤ 0.5×',
  ],
];
process.stdout.write(
  `| measure | value | target |\n| --- | --- | --- |\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n`,
);
