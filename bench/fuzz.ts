/**
 * Fuzzer (`npm run fuzz`): mutates seed statements (parse fixtures, the sample archive, the FOMC
 * corpus when present) and checks the library and the CLI on each mutant for crashes (an
 * exception that is not a UserError), hangs and slow inputs (a per-input time bound), and broken
 * invariants (spans and ids, alignment accounting, word edits, CLI answers).
 *
 *   npx tsx bench/fuzz.ts [--seed N] [--count N] [--quick] [--workers N] [--time-bound MS] [--index I]
 *
 * --seed N       run seed (default 1); input i is rebuilt from (seed, i) alone
 * --count N      number of inputs (default 100000)
 * --first N      index of the first input (default 0): a long run can go in parts
 * --quick        the CI run: seed 1, 300 inputs, small magnitudes (bench/fuzz/mutate.ts QUICK_PROFILE)
 * --workers N    worker processes (default: min(2, CPUs)); each input runs in a worker, so a hang
 *                is killed after --hard-timeout and reported instead of stopping the run
 * --time-bound MS   an input with one stage taking more CPU time than this, plus six times as much
 *                   per MB of input and a tenth as much per MB of output (bench/fuzz/check.ts
 *                   `allowance`), is a finding (default 5000): a stage is a parse, a comparison,
 *                   a render, or one CLI run
 * --hard-timeout MS a worker busy this long on one input, plus three times as much per MB, is
 *                   killed (default 60000)
 * --index I      run input I alone and print its problems in full (to reproduce a finding)
 * --time-budget S   start no input after S seconds; the summary counts the inputs run
 *
 * Prints progress every 5,000 inputs and a summary line `fuzz: N inputs, K findings`; writes each
 * finding's input and a JSON description to bench/out/fuzz-findings/ (at most 10 per distinct
 * problem). Exit code 1 when there are findings.
 */
import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { COMPARISON_FORMATS } from '../src/report/formats.js';
import type { ComparisonFormat } from '../src/report/render/index.js';
import type { CaseResult, FuzzCase, Problem } from './fuzz/check.js';
import type { Profile } from './fuzz/mutate.js';
import { FULL_PROFILE, mutate, QUICK_PROFILE } from './fuzz/mutate.js';
import { mixSeed, Rng } from './fuzz/prng.js';
import type { Seed } from './fuzz/seeds.js';
import { loadSeeds } from './fuzz/seeds.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORKER = fileURLToPath(new URL('./fuzz/worker.ts', import.meta.url));
const FORMATS: readonly ComparisonFormat[] = COMPARISON_FORMATS;
const EXTENSIONS: readonly string[] = ['.md', '.txt', '.html', '.markdown', ''];

/** Options of {@link fuzz}. */
export interface FuzzOptions {
  /** Run seed. */
  readonly seed: number;
  /** Number of inputs. */
  readonly count: number;
  /** First input index (inputs are `first … first + count - 1`). */
  readonly first: number;
  readonly profile: Profile;
  readonly workers: number;
  /** An input whose checks take longer is a finding (ms). */
  readonly timeBoundMs: number;
  /** A worker busy this long on one input is killed and the input reported as a hang (ms). */
  readonly hardTimeoutMs: number;
  /** Stop starting inputs after this long (ms); the summary counts the inputs run. Undefined: no limit. */
  readonly timeBudgetMs: number | undefined;
  /** Where finding inputs go; undefined: nowhere. */
  readonly outDir: string | undefined;
  /** Most files written per distinct problem. */
  readonly maxFilesPerSignature: number;
  /** Progress line every this many inputs (0: none). */
  readonly progressEvery: number;
  readonly log: (line: string) => void;
}

/** One input with problems. */
export interface Finding {
  readonly index: number;
  readonly seedFile: string;
  readonly name: string;
  readonly mutations: readonly string[];
  readonly format: ComparisonFormat;
  readonly inputFormat?: string;
  readonly elapsedMs: number;
  readonly problems: readonly Problem[];
}

/** What a run found. */
export interface FuzzSummary {
  readonly seed: number;
  readonly inputs: number;
  readonly findings: readonly Finding[];
  /** Distinct problems (kind, stage, normalised message), with how many inputs showed each. */
  readonly signatures: readonly {
    readonly signature: string;
    readonly count: number;
    readonly firstIndex: number;
  }[];
  /** Inputs the tool refused with a user error (as it should for broken frontmatter and the like). */
  readonly refused: number;
  readonly elapsedMs: number;
  /** Slowest input and its time. */
  readonly slowest: { readonly index: number; readonly elapsedMs: number };
}

/** Default options of a full run. */
export const DEFAULT_FUZZ_OPTIONS: FuzzOptions = {
  seed: 1,
  count: 100_000,
  first: 0,
  profile: FULL_PROFILE,
  workers: Math.max(1, Math.min(2, availableParallelism())),
  timeBoundMs: 5_000,
  hardTimeoutMs: 60_000,
  timeBudgetMs: undefined,
  outDir: join(ROOT, 'bench', 'out', 'fuzz-findings'),
  maxFilesPerSignature: 10,
  progressEvery: 5_000,
  log: (line) => console.log(line),
};

/** Options of the CI run (`--quick`, test/robustness/fuzz-quick.test.ts): fixed seed, 300 small inputs. */
export const QUICK_FUZZ_OPTIONS: Partial<FuzzOptions> = {
  seed: 1,
  count: 300,
  profile: QUICK_PROFILE,
};

/** Builds input `index` of run `seed`: the same (seed, index) always gives the same input. */
export function makeCase(
  seeds: readonly Seed[],
  seed: number,
  index: number,
  profile: Profile,
): FuzzCase {
  const rng = new Rng(mixSeed(seed, index));
  const seedIndex = rng.int(seeds.length);
  const source = seeds[seedIndex] as Seed;
  const mutant = mutate(source, { rng, profile, seeds });
  const ext = rng.chance(0.05) ? rng.pick(EXTENSIONS) : source.ext;
  const format = rng.pick(FORMATS);
  const inputFormat = rng.chance(0.1) ? rng.pick(['markdown', 'text', 'html']) : undefined;
  return {
    index,
    seedIndex,
    name: `fuzz-${seed}-${index}${ext}`,
    text: mutant.text,
    bytes: mutant.bytes,
    mutations: mutant.mutations,
    format,
    ...(inputFormat !== undefined ? { inputFormat } : {}),
  };
}

/** A problem without the details that vary from input to input. */
export function signatureOf(problem: Problem): string {
  const message = problem.message
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/\bs\d+(?:\.\d+)*(?:\/[\w.~]+)*/g, 'ID')
    .replace(/\d+/g, 'N')
    .slice(0, 160);
  const frame = /\n\s+at (?:.*? \()?(?:file:\/\/)?([^():]+):\d+:\d+\)?/.exec(
    problem.detail ?? '',
  )?.[1];
  const where = problem.kind === 'crash' && frame ? ` @ ${frame.replace(ROOT, '')}` : '';
  return `${problem.kind} | ${problem.stage.replace(/--format \w+/, '--format F')} | ${message}${where}`;
}

interface Worker {
  readonly child: ChildProcess;
  busy: FuzzCase | undefined;
  timer: NodeJS.Timeout | undefined;
  /** Killed by the hard timeout (a hang), not crashed. */
  killed: boolean;
  stderr: string;
}

/** Runs the fuzzer; resolves with what it found. Never throws for findings. */
export async function fuzz(overrides: Partial<FuzzOptions> = {}): Promise<FuzzSummary> {
  const options: FuzzOptions = { ...DEFAULT_FUZZ_OPTIONS, ...overrides };
  const { seed, count, first, profile, log } = options;
  const seeds = loadSeeds(ROOT);
  if (seeds.length === 0) throw new Error(`no seed files under ${ROOT}`);
  const tmpRoot = mkdtempSync(join(tmpdir(), 'statement-diff-fuzz-'));
  const started = performance.now();
  const findings: Finding[] = [];
  const bySignature = new Map<string, { count: number; firstIndex: number; written: number }>();
  let next = first;
  let done = 0;
  let refused = 0;
  let slowest = { index: -1, elapsedMs: 0 };
  const end = first + count;

  const record = (c: FuzzCase, result: CaseResult): void => {
    done++;
    if (result.userError !== undefined) refused++;
    if (result.elapsedMs > slowest.elapsedMs)
      slowest = { index: c.index, elapsedMs: result.elapsedMs };
    const problems = [...result.problems];
    // The bound grows with the stage's input and output: near-linear cost is the contract, not
    // a fixed time (bench/fuzz/check.ts `allowance` says why each term).
    const bound = options.timeBoundMs * result.slowestStage.allowance;
    if (result.slowestStage.ms > bound) {
      const { stage, ms } = result.slowestStage;
      problems.push({
        kind: 'slow',
        stage,
        message: `took ${Math.round(ms)} ms, over the bound of ${Math.round(bound)} ms (input of ${c.bytes.length} bytes)`,
      });
    }
    if (problems.length > 0) {
      const seedFile = (seeds[c.seedIndex] as Seed).name;
      const finding: Finding = {
        index: c.index,
        seedFile,
        name: c.name,
        mutations: c.mutations,
        format: c.format,
        ...(c.inputFormat !== undefined ? { inputFormat: c.inputFormat } : {}),
        elapsedMs: Math.round(result.elapsedMs),
        problems,
      };
      findings.push(finding);
      let write = false;
      for (const signature of new Set(problems.map(signatureOf))) {
        const entry = bySignature.get(signature) ?? { count: 0, firstIndex: c.index, written: 0 };
        entry.count++;
        if (entry.written < options.maxFilesPerSignature) {
          entry.written++;
          write = true;
        }
        bySignature.set(signature, entry);
      }
      if (write && options.outDir !== undefined) {
        mkdirSync(options.outDir, { recursive: true });
        const stem = join(options.outDir, `${profile.name}-seed${seed}-input${c.index}`);
        writeFileSync(`${stem}${extname(c.name) || '.input'}`, c.bytes);
        writeFileSync(
          `${stem}.json`,
          `${JSON.stringify({ seed, ...finding, reproduce: `npx tsx bench/fuzz.ts --seed ${seed} --index ${c.index}${profile.name === 'quick' ? ' --quick' : ''}` }, null, 2)}\n`,
        );
      }
    }
    if (options.progressEvery > 0 && done % options.progressEvery === 0) {
      const seconds = (performance.now() - started) / 1000;
      log(
        `fuzz: ${done}/${count} inputs, ${findings.length} findings, ${(done / seconds).toFixed(1)} inputs/s`,
      );
    }
  };

  await new Promise<void>((resolveRun, rejectRun) => {
    const workers = new Set<Worker>();
    let spawned = 0;
    let stopped = false;
    const finishIfDone = (): void => {
      if ((stopped || next >= end) && done === next - first) resolveRun();
      else if (workers.size === 0)
        rejectRun(new Error(`every worker exited with ${end - next} inputs left`));
    };
    const spawn = (): void => {
      const child = fork(WORKER, [ROOT, join(tmpRoot, `w${spawned++}`)], {
        cwd: ROOT,
        execArgv: ['--import', 'tsx'],
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      const worker: Worker = {
        child,
        busy: undefined,
        timer: undefined,
        killed: false,
        stderr: '',
      };
      workers.add(worker);
      child.stderr?.on('data', (chunk: Buffer) => {
        worker.stderr = (worker.stderr + chunk.toString('utf8')).slice(-4000);
      });
      child.on('message', (message: CaseResult | { ready: true }) => {
        if ('ready' in message) {
          dispatch(worker);
          return;
        }
        const c = worker.busy;
        if (!c || c.index !== message.index) return;
        clearTimeout(worker.timer);
        worker.busy = undefined;
        record(c, message);
        dispatch(worker);
      });
      child.on('exit', (code, signal) => {
        clearTimeout(worker.timer);
        workers.delete(worker);
        const c = worker.busy;
        worker.busy = undefined;
        if (c) {
          record(c, {
            index: c.index,
            elapsedMs: worker.killed ? hardTimeout(c) : 0,
            slowestStage: { stage: '', ms: 0, allowance: 1 },
            problems: [
              worker.killed
                ? {
                    kind: 'hang',
                    stage: 'all checks',
                    message: `killed after ${hardTimeout(c)} ms`,
                  }
                : {
                    kind: 'crash',
                    stage: 'worker',
                    message: `worker died (code ${code}, signal ${signal})`,
                    detail: worker.stderr,
                  },
            ],
          });
        }
        if (next < end && !stopped) spawn();
        finishIfDone();
      });
    };
    // All the checks of an input run about ten stages, each with its own bound: the hang limit
    // grows with the input too (a 4 MB mutant is not hung at 60 s; input 25259, 458 KB, needed
    // 59 s for all its checks, most of it rendering 120 MB of HTML).
    const hardTimeout = (c: FuzzCase): number =>
      Math.round(options.hardTimeoutMs * (1 + (3 * c.bytes.length) / 1_000_000));
    const dispatch = (worker: Worker): void => {
      if (options.timeBudgetMs !== undefined && performance.now() - started > options.timeBudgetMs)
        stopped = true;
      if (next >= end || stopped) {
        worker.child.disconnect();
        finishIfDone();
        return;
      }
      const c = makeCase(seeds, seed, next++, profile);
      worker.busy = c;
      worker.timer = setTimeout(() => {
        worker.killed = true;
        worker.child.kill('SIGKILL');
      }, hardTimeout(c));
      worker.child.send(c);
    };
    if (count <= 0) resolveRun();
    else for (let n = 0; n < Math.max(1, Math.min(options.workers, count)); n++) spawn();
  });
  rmSync(tmpRoot, { recursive: true, force: true });
  findings.sort((x, y) => x.index - y.index);
  return {
    seed,
    inputs: done,
    findings,
    signatures: [...bySignature.entries()]
      .map(([signature, e]) => ({ signature, count: e.count, firstIndex: e.firstIndex }))
      .sort((x, y) => y.count - x.count || x.signature.localeCompare(y.signature)),
    refused,
    elapsedMs: performance.now() - started,
    slowest,
  };
}

/** Prints the summary of a run: the `fuzz: N inputs, K findings` line, distinct problems, throughput. */
export function printSummary(
  summary: FuzzSummary,
  log: (line: string) => void,
  options: { workers: number },
): void {
  const seconds = summary.elapsedMs / 1000;
  for (const s of summary.signatures)
    log(`  ${String(s.count).padStart(6)} × ${s.signature}  (first: input ${s.firstIndex})`);
  log(
    `fuzz: seed ${summary.seed}, ${(summary.inputs / seconds).toFixed(1)} inputs/s over ${seconds.toFixed(0)} s with ${options.workers} worker(s); ` +
      `${summary.refused} inputs refused with a user error; slowest input ${summary.slowest.index} (${Math.round(summary.slowest.elapsedMs)} ms)`,
  );
  log(`fuzz: ${summary.inputs} inputs, ${summary.findings.length} findings`);
}

function parseArgs(argv: readonly string[]): {
  options: Partial<FuzzOptions>;
  index: number | undefined;
} {
  const options: { -readonly [K in keyof FuzzOptions]?: FuzzOptions[K] } = {};
  let index: number | undefined;
  const number = (name: string, value: string | undefined): number => {
    const n = Number(value);
    if (value === undefined || !Number.isInteger(n) || n < 0)
      throw new Error(`${name} needs a whole number, got ${String(value)}`);
    return n;
  };
  let quick = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') quick = true;
    else if (arg === '--seed') options.seed = number(arg, argv[++i]);
    else if (arg === '--count') options.count = number(arg, argv[++i]);
    else if (arg === '--workers') options.workers = Math.max(1, number(arg, argv[++i]));
    else if (arg === '--first') options.first = number(arg, argv[++i]);
    else if (arg === '--time-bound') options.timeBoundMs = number(arg, argv[++i]);
    else if (arg === '--hard-timeout') options.hardTimeoutMs = number(arg, argv[++i]);
    else if (arg === '--index') index = number(arg, argv[++i]);
    else if (arg === '--time-budget') options.timeBudgetMs = number(arg, argv[++i]) * 1000;
    else
      throw new Error(
        `unknown argument ${String(arg)}; see the comment at the top of bench/fuzz.ts`,
      );
  }
  return { options: quick ? { ...QUICK_FUZZ_OPTIONS, ...options } : options, index };
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`fuzz: ${(error as Error).message}`);
    process.exitCode = 2;
    return;
  }
  const { options, index } = parsed;
  const workers = options.workers ?? DEFAULT_FUZZ_OPTIONS.workers;
  if (index !== undefined) {
    const summary = await fuzz({
      ...options,
      first: index,
      count: 1,
      workers: 1,
      progressEvery: 0,
    });
    for (const finding of summary.findings) {
      console.log(JSON.stringify(finding, null, 2));
    }
    printSummary(summary, console.log, { workers: 1 });
    process.exitCode = summary.findings.length > 0 ? 1 : 0;
    return;
  }
  const count = options.count ?? DEFAULT_FUZZ_OPTIONS.count;
  console.log(
    `fuzz: seed ${options.seed ?? DEFAULT_FUZZ_OPTIONS.seed}, ${count} inputs, ${workers} worker(s), profile ${(options.profile ?? DEFAULT_FUZZ_OPTIONS.profile).name}`,
  );
  const summary = await fuzz(options);
  printSummary(summary, console.log, { workers });
  process.exitCode = summary.findings.length > 0 ? 1 : 0;
}

if (
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(resolve(process.argv[1])).href
) {
  await main();
}
