#!/usr/bin/env node
/**
 * Speed and memory benchmark of statement-diff against its peers (entry of `npm run bench`).
 *
 * Every measured thing is a whole process under GNU time, stdout to /dev/null. Tools alternate
 * round-robin at each size (tool1 … toolN, repeated), medians only. See bench/README.md.
 *
 * Usage: node bench/run-speed.mjs [--quick] [--sizes 10k,100k] [--runs 5] [--timeout 120]
 *          [--seed 42] [--budget 25] [--no-archive] [--no-readme] [--fomc DIR]
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUT, pairFor, parseSize } from './speed/inputs.mjs';
import { measure } from './speed/measure.mjs';
import { extrapolate, growthExponent, median } from './speed/stats.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const CLI = 'dist/cli/bin.js';

// ---------------------------------------------------------------- options

function parseArgs(argv) {
  const o = {
    sizes: ['10k', '100k', '300k', '1m', '10m'],
    runs: 5,
    timeout: 120,
    seed: 42,
    budget: 25,
    archive: true,
    readme: true,
    quick: false,
    fomc: '../shared/corpus/fomc',
  };
  let sizesGiven = false;
  let runsGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) fail(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--quick':
        o.quick = true;
        break;
      case '--sizes':
        o.sizes = value()
          .split(',')
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean);
        sizesGiven = true;
        break;
      case '--runs':
        o.runs = positiveInt(value(), flag);
        runsGiven = true;
        break;
      case '--timeout':
        o.timeout = positiveInt(value(), flag);
        break;
      case '--seed':
        o.seed = positiveInt(value(), flag);
        break;
      case '--budget':
        o.budget = positiveInt(value(), flag);
        break;
      case '--fomc':
        o.fomc = value();
        break;
      case '--no-archive':
        o.archive = false;
        break;
      case '--no-readme':
        o.readme = false;
        break;
      case '-h':
      case '--help':
        process.stdout.write(
          readFileSync(fileURLToPath(import.meta.url), 'utf8')
            .split('*/')[0]
            .replace(/^#!.*\n\/\*\*\n/, '')
            .replace(/^ \* ?/gm, ''),
        );
        process.exit(0);
        break;
      default:
        fail(`unknown option ${arg}`);
    }
  }
  if (o.quick) {
    if (!sizesGiven) o.sizes = ['10k', '100k', '300k'];
    if (!runsGiven) o.runs = 3;
  }
  for (const s of o.sizes) parseSize(s); // validates
  o.sizes.sort((a, b) => parseSize(a) - parseSize(b));
  return o;
}

function positiveInt(v, flag) {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) fail(`${flag} must be a positive integer, got ${v}`);
  return n;
}

function fail(message) {
  process.stderr.write(`run-speed: ${message}\n`);
  process.exit(2);
}

const opts = parseArgs(process.argv.slice(2));
const TIMEOUT_MS = opts.timeout * 1000;
/** Tools above this many seconds a run are "slow peers" and get at most 3 runs at ≥ 10 MB. */
const SLOW_PEER_S = 20;
const BIG = 10_000_000;
/** With --quick, peers that took more than this many seconds in round 1 get a single run. */
const QUICK_SLOW_S = 5;
const log = (line) => process.stderr.write(`${line}\n`);

// ---------------------------------------------------------------- tools

const node = process.execPath;
const TOOLS = [
  {
    id: 'compare',
    label: '**statement-diff compare --format json**',
    core: true,
    okCodes: [0, 1],
    argv: (p) => [node, CLI, 'compare', p.before, p.after, '--format', 'json'],
  },
  {
    id: 'remark',
    label: 'remark-parse alone',
    core: true,
    argv: (p) => [node, 'bench/peers/remark-parse.mjs', p.before, p.after],
  },
  {
    id: 'floor',
    label: 'floor: read, split, sha256 (Node)',
    argv: (p) => [node, 'bench/peers/floor.mjs', p.before, p.after],
  },
  {
    id: 'git',
    label: 'git diff --no-index --word-diff',
    okCodes: [0, 1],
    argv: (p) => ['git', 'diff', '--no-index', '--word-diff', p.before, p.after],
  },
  {
    id: 'words',
    label: 'jsdiff diffWords',
    maxSizeBytes: 300_000,
    skipWhy: 'diffWords without a limit is quadratic-to-cubic here',
    argv: (p) => [node, 'bench/peers/jsdiff-words.mjs', p.before, p.after],
  },
  {
    id: 'words-limit',
    label: 'jsdiff diffWords, maxEditLength 10000',
    abortCode: 3,
    argv: (p) => [node, 'bench/peers/jsdiff-words.mjs', p.before, p.after, '--limit'],
  },
  {
    id: 'sentences',
    label: 'jsdiff diffSentences',
    argv: (p) => [node, 'bench/peers/jsdiff-sentences.mjs', p.before, p.after],
  },
  {
    id: 'sentences-limit',
    label: 'jsdiff diffSentences, maxEditLength 10000',
    abortCode: 3,
    argv: (p) => [node, 'bench/peers/jsdiff-sentences.mjs', p.before, p.after, '--limit'],
  },
];

// ---------------------------------------------------------------- facts

function sh(cmd, args) {
  try {
    return execFileSync(cmd, args, {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return '?';
  }
}

const started = new Date();
const startMs = Date.now();
const elapsedS = () => (Date.now() - startMs) / 1000;
const facts = {
  date: started.toISOString().replace(/\.\d+Z$/, 'Z'),
  nproc: os.availableParallelism(),
  cpu: os.cpus()[0]?.model ?? '?',
  memGB: (os.totalmem() / 2 ** 30).toFixed(1),
  node: process.version,
  git: sh('git', ['--version']).replace('git version ', ''),
  commit: sh('git', ['rev-parse', '--short', 'HEAD']),
  dirty: sh('git', ['status', '--porcelain', '--', 'src']).split('\n').filter(Boolean).length,
  loadStart: os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' '),
};

if (!existsSync(join(ROOT, CLI)))
  fail(`${CLI} is missing: run \`npm run build\` first (npm run bench does)`);

// ---------------------------------------------------------------- run

const results = { sizes: [], archive: null };
/** tool id → [{ size, time }] of the sizes done so far (medians of completed runs). */
const history = Object.fromEntries(TOOLS.map((t) => [t.id, []]));
const timedOutAt = {};

async function warmUp(pair) {
  log('warm-up (not measured): one run of each tool on the smallest pair');
  for (const tool of TOOLS) {
    await measure(tool.argv(pair), {
      okCodes: tool.okCodes,
      abortCode: tool.abortCode,
      timeoutMs: TIMEOUT_MS,
      cwd: ROOT,
    });
  }
}

function planSize(label, bytes) {
  const sizeBytes = parseSize(label);
  const plan = {};
  for (const tool of TOOLS) {
    const expected = extrapolate(history[tool.id], bytes);
    const hint = Number.isFinite(expected)
      ? `~${fmtLong(expected)} expected`
      : `> ${opts.timeout} s expected`;
    if (tool.maxSizeBytes !== undefined && sizeBytes > tool.maxSizeBytes) {
      plan[tool.id] = {
        reps: 0,
        skip: `skipped: ${hint}`,
        why: `${tool.skipWhy}; run only up to ${fmtBytes(tool.maxSizeBytes)} a file`,
      };
      continue;
    }
    if (timedOutAt[tool.id]) {
      plan[tool.id] = {
        reps: 0,
        skip: `skipped: timed out at ${timedOutAt[tool.id]}`,
        why: `a tool that timed out (> ${opts.timeout} s) is not run at bigger sizes`,
      };
      continue;
    }
    if (!tool.core && Number.isFinite(expected) && expected > opts.timeout) {
      plan[tool.id] = {
        reps: 0,
        skip: `skipped: ${hint}`,
        why: `time extrapolated from the smaller sizes is over the ${opts.timeout} s cap`,
      };
      continue;
    }
    plan[tool.id] = { reps: opts.runs, expected, note: '' };
  }
  return plan;
}

/**
 * At ≥ 10 MB, after the first round (real times instead of extrapolations): peers slower than
 * SLOW_PEER_S get 3 rounds; if the rest of the rounds would take the whole run past the budget,
 * every tool gets 3 rounds.
 */
function adjustAfterFirstRound(plan, runs) {
  const first = (id) => runs[id][0];
  for (const tool of TOOLS) {
    const p = plan[tool.id];
    const m = first(tool.id);
    if (!tool.core && m && !p.stopped && m.wall > SLOW_PEER_S && p.reps > 3) {
      p.reps = 3;
      p.note = `3 runs (slow peer at ≥ 10 MB: ${fmtS(m.wall)} in round 1)`;
    }
  }
  const rest = TOOLS.reduce((sum, t) => {
    const p = plan[t.id];
    const m = first(t.id);
    return sum + (m && !p.stopped ? Math.max(0, p.reps - 1) * m.wall : 0);
  }, 0);
  const total = elapsedS() + rest;
  if (total > opts.budget * 60) {
    for (const tool of TOOLS) {
      const p = plan[tool.id];
      if (p.reps > 3 && !p.stopped) {
        p.reps = 3;
        p.note = `3 runs (${opts.runs} would take the whole benchmark to ~${Math.round(total / 60)} min > ${opts.budget} min budget)`;
      }
    }
  }
}

async function runSize(label) {
  const pair = await pairFor(label, opts.seed);
  const plan = planSize(label, pair.bytes);
  const runs = Object.fromEntries(TOOLS.map((t) => [t.id, []]));
  let rounds = Math.max(...Object.values(plan).map((p) => p.reps));
  log(
    `\n== ${label}: ${fmtBytes(pair.bytes)} (both files), ${rounds} rounds; ${relative(ROOT, pair.before)}`,
  );
  for (const tool of TOOLS)
    if (plan[tool.id].skip) log(`   ${tool.id}: ${plan[tool.id].skip} (${plan[tool.id].why})`);
  for (let r = 0; r < rounds; r++) {
    for (const tool of TOOLS) {
      const p = plan[tool.id];
      if (r >= p.reps || p.stopped) {
        runs[tool.id].push(null);
        continue;
      }
      const m = await measure(tool.argv(pair), {
        okCodes: tool.okCodes,
        abortCode: tool.abortCode,
        timeoutMs: TIMEOUT_MS,
        cwd: ROOT,
      });
      runs[tool.id].push(m);
      log(
        `   round ${r + 1}/${rounds} ${tool.id.padEnd(16)} ${m.status.padEnd(7)} ${m.wall.toFixed(3)} s ${fmtKB(m.rss)}${m.message ? `  ${m.message}` : ''}`,
      );
      if (m.status === 'timeout') {
        p.stopped = true;
        timedOutAt[tool.id] = label;
      }
      if (m.status === 'error') p.stopped = true;
    }
    if (r === 0 && opts.quick) {
      // --quick: a peer that took more than QUICK_SLOW_S in round 1 is not repeated.
      for (const tool of TOOLS) {
        const p = plan[tool.id];
        const m = runs[tool.id][0];
        if (!tool.core && m && !p.stopped && m.wall > QUICK_SLOW_S && p.reps > 1) {
          p.reps = 1;
          p.note = `1 run (--quick: slow peer, ${fmtS(m.wall)} in round 1)`;
        }
      }
    }
    if (r === 0 && parseSize(label) >= BIG) {
      adjustAfterFirstRound(plan, runs);
      rounds = Math.max(...Object.values(plan).map((p) => p.reps));
      for (const tool of TOOLS) if (plan[tool.id].note) log(`   ${tool.id}: ${plan[tool.id].note}`);
    }
  }
  const row = {
    label,
    bytes: pair.bytes,
    before: relative(ROOT, pair.before),
    after: relative(ROOT, pair.after),
    tools: {},
  };
  for (const tool of TOOLS) {
    const ms = runs[tool.id].filter(Boolean);
    const ok = ms.filter((m) => m.status === 'ok');
    const entry = { ...plan[tool.id], runs: runs[tool.id] };
    delete entry.stopped;
    entry.status = summarizeStatus(ms, entry.skip);
    entry.wall = median(ok.map((m) => m.wall));
    entry.rss = median(ok.map((m) => m.rss));
    entry.n = ok.length;
    if (entry.status === 'aborted') {
      entry.abortWall = median(ms.map((m) => m.wall));
      entry.abortRss = median(ms.map((m) => m.rss));
      entry.n = ms.length;
    }
    if (entry.status === 'ok') history[tool.id].push({ size: pair.bytes, time: entry.wall });
    if (entry.status === 'aborted')
      history[tool.id].push({ size: pair.bytes, time: entry.abortWall, aborted: true });
    row.tools[tool.id] = entry;
  }
  // Ratios compare/peer per round, then the median over rounds where both completed.
  const mine = runs.compare;
  for (const tool of TOOLS) {
    if (tool.id === 'compare') continue;
    const t = [];
    const m = [];
    runs[tool.id].forEach((peer, i) => {
      const ours = mine[i];
      if (peer?.status === 'ok' && ours?.status === 'ok') {
        t.push(ours.wall / peer.wall);
        m.push(ours.rss / peer.rss);
      }
    });
    row.tools[tool.id].ratio = { time: median(t), rss: median(m), n: t.length };
  }
  results.sizes.push(row);
}

function summarizeStatus(ms, skip) {
  if (skip) return 'skipped';
  if (ms.length === 0) return 'none';
  if (ms.some((m) => m.status === 'error')) return 'error';
  if (ms.some((m) => m.status === 'timeout')) return 'timeout';
  if (ms.every((m) => m.status === 'aborted')) return 'aborted';
  if (ms.some((m) => m.status === 'aborted')) return 'partly aborted';
  return 'ok';
}

async function runArchive() {
  const dir = join(ROOT, opts.fomc);
  if (!existsSync(dir)) {
    log(`\n== archive: ${opts.fomc} is missing: SKIPPED`);
    results.archive = { skipped: `SKIPPED: ${opts.fomc} is missing` };
    return;
  }
  const files = readdirSync(dir)
    .filter((f) => /^\d.*\.md$/.test(f))
    .sort();
  const pairs = files.length - 1;
  const cacheDir = join(ROOT, '.cache');
  const loop =
    'prev=; for f in "$1"/[0-9]*.md; do if [ -n "$prev" ]; then git diff --no-index --word-diff "$prev" "$f" >/dev/null; fi; prev=$f; done';
  const entries = [
    {
      id: 'cold',
      label: `series --format json, cold (\`.cache\` deleted first)`,
      argv: [node, CLI, 'series', opts.fomc, '--format', 'json'],
      okCodes: [0, 1],
      before: () => rmSync(cacheDir, { recursive: true, force: true }),
    },
    {
      id: 'warm',
      label: 'series --format json, warm (run again)',
      argv: [node, CLI, 'series', opts.fomc, '--format', 'json'],
      okCodes: [0, 1],
    },
    {
      id: 'git',
      label: `git diff --no-index --word-diff loop (${pairs} pairs, one bash process)`,
      argv: ['bash', '-c', loop, 'bash', opts.fomc],
      okCodes: [0, 1],
    },
  ];
  log(
    `\n== archive: ${opts.fomc}, ${files.length} statements, ${pairs} consecutive pairs, ${opts.runs} rounds`,
  );
  const runs = Object.fromEntries(entries.map((e) => [e.id, []]));
  for (let r = 0; r < opts.runs; r++) {
    for (const e of entries) {
      e.before?.();
      const m = await measure(e.argv, { okCodes: e.okCodes, timeoutMs: TIMEOUT_MS * 5, cwd: ROOT });
      runs[e.id].push(m);
      log(
        `   round ${r + 1}/${opts.runs} ${e.id.padEnd(5)} ${m.status.padEnd(7)} ${m.wall.toFixed(3)} s ${fmtKB(m.rss)}${m.message ? `  ${m.message}` : ''}`,
      );
    }
  }
  const out = { dir: opts.fomc, statements: files.length, pairs, cacheDir: '.cache', rows: {} };
  for (const e of entries) {
    const ok = runs[e.id].filter((m) => m.status === 'ok');
    const ratios = runs[e.id].map((m, i) =>
      m.status === 'ok' && runs.git[i].status === 'ok' ? m.wall / runs.git[i].wall : NaN,
    );
    out.rows[e.id] = {
      label: e.label,
      status: summarizeStatus(runs[e.id]),
      wall: median(ok.map((m) => m.wall)),
      rss: median(ok.map((m) => m.rss)),
      n: ok.length,
      ratio: e.id === 'git' ? NaN : median(ratios),
      runs: runs[e.id],
    };
  }
  out.cacheExists = existsSync(join(cacheDir, 'statements'));
  results.archive = out;
}

// ---------------------------------------------------------------- formatting

function fmtS(s) {
  if (!Number.isFinite(s)) return '—';
  if (s < 1) return `${(s * 1000).toFixed(0)} ms`;
  if (s < 10) return `${s.toFixed(2)} s`;
  return `${s.toFixed(1)} s`;
}
/** Long durations (expectations) in the largest sensible unit. */
function fmtLong(s) {
  if (!Number.isFinite(s) || s < 600) return fmtS(s);
  if (s < 3 * 3600) return `${Math.round(s / 60)} min`;
  return `${Math.round(s / 3600)} h`;
}
function fmtKB(kb) {
  if (!Number.isFinite(kb)) return '—';
  return kb >= 1024 * 1024 ? `${(kb / 1024 / 1024).toFixed(2)} GB` : `${Math.round(kb / 1024)} MB`;
}
function fmtBytes(b) {
  if (b >= 1e6) return `${(b / 1e6).toFixed(b >= 1e7 ? 1 : 2)} MB`;
  if (b >= 1e3) return `${(b / 1e3).toFixed(0)} KB`;
  return `${b} B`;
}
function fmtX(x) {
  if (!Number.isFinite(x)) return '—';
  return x >= 100 ? `${x.toFixed(0)}×` : x >= 10 ? `${x.toFixed(1)}×` : `${x.toFixed(2)}×`;
}
const fmtK = (k) => (Number.isFinite(k) ? k.toFixed(2) : '—');

function cell(e) {
  const few = e.n > 0 && e.n < opts.runs ? ` (n=${e.n})` : '';
  switch (e.status) {
    case 'ok':
      return `${fmtS(e.wall)} · ${fmtKB(e.rss)}${few}`;
    case 'aborted':
      return `aborted (gave up after ${fmtS(e.abortWall)} · ${fmtKB(e.abortRss)})${few}`;
    case 'timeout': {
      const all = e.runs.filter(Boolean);
      const late =
        all.length > 1
          ? ` in run ${all.findIndex((m) => m.status === 'timeout') + 1} of ${all.length}`
          : '';
      const rest = e.n > 0 ? `; completed runs: ${fmtS(e.wall)} · ${fmtKB(e.rss)} (n=${e.n})` : '';
      return `timeout (> ${opts.timeout} s)${late}${rest}`;
    }
    case 'skipped':
      return e.skip;
    case 'error':
      return `error: ${(e.runs.find((m) => m?.status === 'error')?.message ?? '').slice(0, 80).replace(/\|/g, '/')}`;
    default:
      return `${e.status}${Number.isFinite(e.wall) ? `: ${fmtS(e.wall)} · ${fmtKB(e.rss)}` : ''}${few}`;
  }
}

function verdict(value, limit, kind) {
  if (!Number.isFinite(value)) return { ok: null, text: 'not measured' };
  // "by how much": PASS with the headroom (how many times tighter the limit could be), MISS with
  // how far over (as a percentage when under 2×, else as a factor).
  const over = (f) => (f < 2 ? `${((f - 1) * 100).toFixed(0)}% over` : `${f.toFixed(1)}× over`);
  if (kind === 'max') {
    const ok = value <= limit;
    return {
      ok,
      text: ok
        ? `**PASS**, ${(limit / value).toFixed(2)}× headroom`
        : `**MISS**, ${over(value / limit)} the limit`,
    };
  }
  const ok = value >= limit;
  return {
    ok,
    text: ok
      ? `**PASS**, ${(value / limit).toFixed(2)}× headroom`
      : `**MISS**, ${((1 - value / limit) * 100).toFixed(0)}% short (limit ÷ measured = ${(limit / value).toFixed(2)})`,
  };
}

function targets() {
  const size = (l) => results.sizes.find((s) => s.label === l);
  const rows = [];
  const s1 = size('1m');
  const s10 = size('10m');
  const s300 = size('300k');
  {
    const v = s1 && s10 ? s10.tools.compare.wall / s1.tools.compare.wall : NaN;
    rows.push([
      '10 MB pair / 1 MB pair, compare wall time',
      '≤ 12×',
      fmtX(v),
      verdict(v, 12, 'max'),
    ]);
  }
  {
    const v = s1 ? s1.tools.remark.ratio.time : NaN;
    rows.push([
      '1 MB pair: compare / remark-parse alone (per-round median)',
      '≤ 1.5×',
      fmtX(v),
      verdict(v, 1.5, 'max'),
    ]);
  }
  {
    const r = s300?.tools.words.ratio.time;
    const v = r ? 1 / r : NaN;
    rows.push([
      '300 KB pair: jsdiff diffWords / compare (per-round median)',
      '≥ 10× faster',
      fmtX(v),
      verdict(v, 10, 'min'),
    ]);
  }
  const a = results.archive?.rows;
  rows.push([
    'FOMC series cold / git word-diff loop',
    '≤ 0.5×',
    fmtX(a?.cold.ratio),
    verdict(a ? a.cold.ratio : NaN, 0.5, 'max'),
  ]);
  rows.push([
    'FOMC series warm / git word-diff loop',
    '≤ 0.2×',
    fmtX(a?.warm.ratio),
    verdict(a ? a.warm.ratio : NaN, 0.2, 'max'),
  ]);
  {
    const kb = s10 ? s10.tools.compare.rss : NaN;
    const v = kb / (1024 * 1024);
    const t = verdict(v, 1, 'max');
    rows.push(['10 MB pair: compare peak RSS', '< 1 GB', fmtKB(kb), t]);
  }
  return rows;
}

function render() {
  const L = [];
  const sizes = results.sizes;
  const cfg = `${opts.quick ? '`--quick`: ' : ''}sizes ${opts.sizes.join(', ')}; ${opts.runs} alternating rounds; seed ${opts.seed}; cap ${opts.timeout} s a run`;
  L.push(
    `Latest run: ${facts.date} · ${facts.nproc} CPUs (${facts.cpu}), ${facts.memGB} GB RAM · Node ${facts.node} · git ${facts.git} · ` +
      `commit ${facts.commit}${facts.dirty ? ` + ${facts.dirty} uncommitted file(s) in src/` : ''} · load average ${facts.loadStart} at start, ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')} at end · took ${Math.round(elapsedS() / 60)} min`,
  );
  L.push('');
  L.push(`Configuration: ${cfg}.`);
  L.push('');
  L.push('### Targets');
  L.push('');
  L.push('| target | limit | measured | verdict |');
  L.push('|---|---|---|---|');
  for (const [name, limit, value, v] of targets())
    L.push(`| ${name} | ${limit} | ${value} | ${v.text} |`);
  L.push('');
  if (sizes.length) {
    L.push('### Wall time and peak memory (median of the runs, whole process)');
    L.push('');
    L.push(
      `| tool | ${sizes.map((s) => `${s.label} (${fmtBytes(s.bytes)})`).join(' | ')} | growth k, all sizes | k, ≥ 300k |`,
    );
    L.push(`|---|${sizes.map(() => '---').join('|')}|---|---|`);
    for (const tool of TOOLS) {
      const pts = sizes
        .filter((s) => s.tools[tool.id].status === 'ok')
        .map((s) => ({ size: s.bytes, time: s.tools[tool.id].wall }));
      const big = pts.filter((p) => p.size >= 2 * 300_000);
      L.push(
        `| ${tool.label} | ${sizes.map((s) => cell(s.tools[tool.id])).join(' | ')} | ${fmtK(growthExponent(pts))} | ${fmtK(growthExponent(big))} |`,
      );
    }
    L.push('');
    // Notes under the table: fewer runs, and why a tool was skipped (once per reason).
    const notes = new Map();
    for (const s of sizes) {
      for (const t of TOOLS) {
        const e = s.tools[t.id];
        const text = e.note ? e.note : e.why ? `skipped because ${e.why}` : '';
        if (!text) continue;
        const n = notes.get(text) ?? { tools: new Set(), sizes: new Set() };
        n.tools.add(t.label.replace(/\*\*/g, ''));
        n.sizes.add(s.label);
        notes.set(text, n);
      }
    }
    for (const [text, n] of notes)
      L.push(`- ${[...n.tools].join('; ')} (at ${[...n.sizes].join(', ')}): ${text}.`);
    if (notes.size) L.push('');
    L.push(
      '### compare ÷ peer, per round (median of the per-round ratios; < 1× means compare is faster / smaller)',
    );
    L.push('');
    L.push(`| peer | ${sizes.map((s) => s.label).join(' | ')} |`);
    L.push(`|---|${sizes.map(() => '---').join('|')}|`);
    for (const tool of TOOLS) {
      if (tool.id === 'compare') continue;
      const cells = sizes.map((s) => {
        const e = s.tools[tool.id];
        if (e.status !== 'ok' || !Number.isFinite(e.ratio.time))
          return e.status === 'ok' ? '—' : e.status;
        return `${fmtX(e.ratio.time)} time · ${fmtX(e.ratio.rss)} mem`;
      });
      L.push(`| ${tool.label} | ${cells.join(' | ')} |`);
    }
    L.push('');
  }
  L.push('### Archive: FOMC series');
  L.push('');
  const a = results.archive;
  if (!a) L.push('Not run (`--no-archive`).');
  else if (a.skipped) L.push(a.skipped);
  else {
    L.push(
      `\`${a.dir}\`: ${a.statements} statements, ${a.pairs} consecutive pairs; ${opts.runs} alternating rounds (cold, warm, git loop).` +
        ` Parse cache \`.cache/statements/\` ${a.cacheExists ? 'was present after the warm runs' : '**did not exist** after the runs (no cache in this build: warm = cold)'}.`,
    );
    L.push('');
    L.push('| run | wall (median) | peak RSS (median) | ÷ git loop (per-round median) |');
    L.push('|---|---|---|---|');
    for (const id of ['cold', 'warm', 'git']) {
      const r = a.rows[id];
      const wall = r.status === 'ok' ? fmtS(r.wall) : r.status;
      L.push(`| ${r.label} | ${wall} | ${fmtKB(r.rss)} | ${id === 'git' ? '1×' : fmtX(r.ratio)} |`);
    }
  }
  L.push('');
  L.push(
    `Inputs: \`bench/out/speed/<size>-seed${opts.seed}-gen<hash>-{before,after}.md\` from \`generatePair(${opts.seed}, size)\`; raw runs in \`bench/out/speed/latest.json\`.`,
  );
  return L.join('\n');
}

function writeReadme(table) {
  const file = join(ROOT, 'bench', 'README.md');
  const section = `## Speed\n\n<!-- Written by bench/run-speed.mjs on every run; edits inside this section are overwritten. -->\n\n${table}\n`;
  let text = existsSync(file) ? readFileSync(file, 'utf8') : README_TEMPLATE;
  const start = text.search(/^## Speed[ \t]*$/m);
  if (start === -1) {
    const acc = text.search(/^## Accuracy[ \t]*$/m);
    text =
      acc === -1
        ? `${text.trimEnd()}\n\n${section}`
        : `${text.slice(0, acc)}${section}\n${text.slice(acc)}`;
  } else {
    const rest = text.slice(start + 1);
    const next = rest.search(/^## /m);
    const end = next === -1 ? text.length : start + 1 + next;
    text = `${text.slice(0, start)}${section}${next === -1 ? '' : '\n'}${text.slice(end)}`;
  }
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

const README_TEMPLATE = `# Benchmarks

## Speed

## Accuracy

see \`npm run bench:accuracy\`
`;

// ---------------------------------------------------------------- main

log(
  `statement-diff speed benchmark: ${opts.quick ? 'quick, ' : ''}sizes ${opts.sizes.join(',')}, ${opts.runs} rounds, cap ${opts.timeout} s, seed ${opts.seed}`,
);
mkdirSync(OUT, { recursive: true });
const smallest = await pairFor(opts.sizes[0] ?? '10k', opts.seed);
await warmUp(smallest);
if (opts.archive) await runArchive();
for (const size of opts.sizes) await runSize(size);

const table = render();
process.stdout.write(`${table}\n`);
writeFileSync(
  join(OUT, 'latest.json'),
  JSON.stringify(
    { facts, options: opts, results },
    (k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v),
    1,
  ),
);
log(`\ndone in ${fmtS(elapsedS())}`);
if (opts.readme) {
  writeReadme(table);
  log('\nbench/README.md: ## Speed section rewritten');
}
