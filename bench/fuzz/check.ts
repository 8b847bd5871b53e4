/**
 * Checks one fuzz input against the library and the CLI (in-process). Any exception that is not
 * a UserError is a crash; broken invariants and malformed CLI answers are findings too.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Nodes } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { join } from 'node:path';
import { analyseStatement } from '../../src/analyse/analyse-statement.js';
import { statementFromBytes } from '../../src/archive/load-statement.js';
import { isUserError } from '../../src/model/errors.js';
import type { Statement } from '../../src/model/statement.js';
import { parseStatement } from '../../src/parse/parse-statement.js';
import { compareStatements } from '../../src/report/build-comparison.js';
import type { ComparisonFormat } from '../../src/report/render/index.js';
import { COMPARISON_RENDERERS } from '../../src/report/render/index.js';
import { statementToJson, statementToTree } from '../../src/report/render/render-statement.js';
import { checkStatement, decodeReferences, fold } from '../../test/support/check-statement.js';
import type { CliResult } from '../../test/support/run-cli.js';
import { runCli } from '../../test/support/run-cli.js';
import { checkReport } from './invariants.js';
import { firstIllFormedUtf8 } from './utf8.js';

/** One fuzz input, as the driver sends it to a worker. */
export interface FuzzCase {
  /** Position in the run (with the run seed, it rebuilds the input). */
  readonly index: number;
  /** Index of the unmutated seed in `loadSeeds()`. */
  readonly seedIndex: number;
  /** File name of the mutant (its extension chooses the format, as for a user's file). */
  readonly name: string;
  readonly text: string;
  readonly bytes: Uint8Array;
  readonly mutations: readonly string[];
  /** CLI `compare --format`. */
  readonly format: ComparisonFormat;
  /** CLI and library `--input-format`, when forced. */
  readonly inputFormat?: string;
}

/** What went wrong with one input. */
export interface Problem {
  /** crash: an exception that is not a UserError; invariant: a broken invariant; cli: a malformed CLI answer; slow: over the time bound; hang: killed. */
  readonly kind: 'crash' | 'invariant' | 'cli' | 'slow' | 'hang';
  /** Where: library stage or CLI command. */
  readonly stage: string;
  /** One line: what was wrong. */
  readonly message: string;
  /** Stack trace or other detail. */
  readonly detail?: string;
}

/** The result of checking one input. */
export interface CaseResult {
  readonly index: number;
  readonly problems: readonly Problem[];
  readonly elapsedMs: number;
  /**
   * The stage nearest its time bound (a parse, a comparison, a render, a CLI run): its CPU time
   * and its allowance, the multiple of the base bound it gets for its size ({@link allowance}).
   */
  readonly slowestStage: {
    readonly stage: string;
    readonly ms: number;
    readonly allowance: number;
  };
  /** The user error code the library raised, if any (inputs refused as expected). */
  readonly userError?: string;
}

const seedStatements = new Map<string, Statement>();

/** The unmutated seed, parsed once per worker. */
function seedStatement(path: string, bytes: Uint8Array): Statement {
  let statement = seedStatements.get(path);
  if (!statement) {
    statement = statementFromBytes(bytes, path);
    seedStatements.set(path, statement);
  }
  return statement;
}

function crash(stage: string, error: unknown): Problem {
  const err = error instanceof Error ? error : new Error(String(error));
  return {
    kind: 'crash',
    stage,
    message: `${err.name}: ${err.message.split('\n')[0] ?? ''}`.slice(0, 300),
    detail: err.stack ?? '',
  };
}

let slowest = { stage: '', ms: 0, allowance: 1 };
/** Size of the current input in MB. */
let inputMb = 0;

/**
 * How many times the base time bound one stage gets: 1, plus 6 per MB of input, plus 0.1 per MB
 * of output. Why: the bound is for superlinear cost (those cases run 10–1000× over it), so it
 * allows the dearest linear cost found. Lists holding nested lists cost micromark ~20–27 µs a
 * byte (prose ~1.5 µs; fuzz input 21716, 698 KB of `- - x` lines: 13.4 s); a renderer's work
 * follows its output, which can be 250 times the input (input 25259: 458 KB of one-word list
 * items, 121,887 changes, 120 MB of HTML in 27 s, ~0.2 µs a character).
 */
export function allowance(inputBytes: number, outputChars: number): number {
  return 1 + (6 * inputBytes) / 1_000_000 + (0.1 * outputChars) / 1_000_000;
}

/**
 * CPU time of this worker in ms. Why CPU and not wall time: the time bound is about the cost of
 * an input, and on a shared two-core machine wall time also measures the neighbours.
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Notes how long `stage` took, keeping the stage of the current case nearest its bound. */
function timed(stage: string, since: number, outputChars = 0): void {
  const ms = cpuMs() - since;
  const allowed = allowance(inputMb * 1_000_000, outputChars);
  if (ms / allowed > slowest.ms / slowest.allowance) slowest = { stage, ms, allowance: allowed };
}

/** Runs `f`, timed; a UserError is returned as its code, anything else becomes a crash problem. */
function guarded<T>(
  stage: string,
  problems: Problem[],
  f: () => T,
): T | { userError: string } | undefined {
  const since = cpuMs();
  let output = 0;
  try {
    const result = f();
    if (typeof result === 'string') output = result.length;
    return result;
  } catch (error) {
    if (isUserError(error)) return { userError: error.code };
    problems.push(crash(stage, error));
    return undefined;
  } finally {
    timed(stage, since, output);
  }
}

/** What the reader drops: code, raw HTML, definitions, footnotes, images. */
const DROPPED_NODES = new Set([
  'code',
  'html',
  'definition',
  'footnoteDefinition',
  'footnoteReference',
  'image',
  'imageReference',
]);

/** Source ranges of the nodes a Markdown reader drops ({@link DROPPED_NODES}). */
export function droppedBlocks(source: string): [number, number][] {
  // Offsets as the reader counts them: micromark drops leading U+FEFFs.
  let base = 0;
  while (source.charCodeAt(base) === 0xfeff) base++;
  const tree = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkFrontmatter, ['yaml'])
    .parse(source.slice(base));
  const ranges: [number, number][] = [];
  const visit = (node: Nodes): void => {
    if (DROPPED_NODES.has(node.type)) {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined) ranges.push([base + start, base + end]);
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return ranges;
}

/**
 * True for a "span text ≠ sentence text" violation that only reflects what a Markdown reader is
 * meant to drop or decode: inline HTML tags and character references (an autolink such as
 * `<http://a>` is not a tag: its text stays). The checker in
 * test/support does not know them; the span itself is right.
 */
export function isMarkupOnly(violation: string): boolean {
  const m = /: span text (".*") ≠ (".*")$/s.exec(violation);
  if (!m) return false;
  const raw = JSON.parse(m[1] as string) as string;
  const text = JSON.parse(m[2] as string) as string;
  const unwrapped = raw.replace(
    /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s]+)>/g,
    '$1',
  );
  const stripped = decodeReferences(
    unwrapped.replace(/<!--[\s\S]*?-->|<\/?[A-Za-z][A-Za-z0-9-]*(?:[\s/][^<>]*)?>/g, ''),
  );
  if (fold(stripped) === fold(text)) return true;
  // The span's dropped markup is already blanked out (see droppedBlocks), which can make a tag of
  // what was text (`</scr<http://a>ipt>` → `</scr http://a ipt>`) or break an autolink the text
  // still looks like (`<http://a</div>>` → `<http://a      >`): compare the texts as they are,
  // with angle brackets taken as markup.
  const plain = (s: string): string => fold(decodeReferences(s)).replace(/</g, '');
  return plain(raw) === plain(text);
}

const isRefusal = (value: unknown): value is { userError: string } =>
  value !== null &&
  typeof value === 'object' &&
  'userError' in value &&
  Object.keys(value).length === 1;

/** Problems with a CLI answer: exit codes 0/1/2, user errors in the documented form, no stack, no internal error. */
function checkAnswer(stage: string, answer: CliResult, expectOutput: boolean): Problem[] {
  const problems: Problem[] = [];
  const cli = (message: string): Problem => ({
    kind: 'cli',
    stage,
    message,
    detail: answer.stderr.slice(0, 4000),
  });
  if (![0, 1, 2].includes(answer.code)) problems.push(cli(`exit code ${answer.code}`));
  if (answer.stderr.includes('internal error')) {
    const first = answer.stderr.split('\n')[0] ?? '';
    problems.push({
      kind: 'crash',
      stage,
      message: first.replace(/^statement-diff: /, '').slice(0, 300),
      detail: answer.stderr.slice(0, 4000),
    });
  } else if (answer.code === 2) {
    if (!/^statement-diff: .+ \[E_[A-Z_]+\]\n$/s.test(answer.stderr))
      problems.push(
        cli(`exit 2 without a user error line: ${JSON.stringify(answer.stderr.slice(0, 200))}`),
      );
    if (answer.stdout !== '') problems.push(cli('exit 2 with output on stdout'));
  } else if (expectOutput && answer.stdout === '')
    problems.push(cli(`exit ${answer.code} without output`));
  if (/\n\s+at .+:\d+:\d+\)?\n/.test(answer.stderr)) problems.push(cli('stack trace on stderr'));
  return problems;
}

/** Checks `c` against the library and the CLI; `tmpDir` is this worker's scratch folder. */
export async function checkCase(
  c: FuzzCase,
  seedPath: string,
  seedBytes: Uint8Array,
  tmpDir: string,
): Promise<CaseResult> {
  const started = performance.now();
  slowest = { stage: '', ms: 0, allowance: 1 };
  inputMb = c.bytes.length / 1_000_000;
  const problems: Problem[] = [];
  const seed = seedStatement(seedPath, seedBytes);

  // Library: parse + analyse, invariants, comparisons both ways and with itself, every renderer.
  // U+0000: the CLI refuses it as binary (E_BINARY) and CommonMark replaces it with U+FFFD, so
  // the library is given the replacement (spans then compare).
  const text = c.text.replace(/\0/g, '\ufffd');
  const parsed = guarded('parse+analyse', problems, () =>
    analyseStatement(
      parseStatement(text, {
        file: c.name,
        ...(c.inputFormat !== undefined ? { format: c.inputFormat } : {}),
      }),
    ),
  );
  const userError = isRefusal(parsed) ? parsed.userError : undefined;
  if (parsed !== undefined && !isRefusal(parsed)) {
    const mutant = parsed;
    let violations = checkStatement(mutant).filter((v) => !isMarkupOnly(v));
    if (violations.length > 0 && mutant.format !== 'text') {
      // Judge again without the code and raw HTML blocks remark finds: the reader drops them.
      violations = checkStatement(mutant, { dropped: droppedBlocks(mutant.source) }).filter(
        (v) => !isMarkupOnly(v),
      );
    }
    for (const violation of violations.slice(0, 10))
      problems.push({ kind: 'invariant', stage: 'statement', message: violation });
    const sides: [string, Statement, Statement][] = [
      ['compare seed→mutant', seed, mutant],
      ['compare mutant→seed', mutant, seed],
      ['compare mutant→mutant', mutant, mutant],
    ];
    for (const [stage, before, after] of sides) {
      const report = guarded(stage, problems, () => compareStatements(before, after));
      if (report === undefined || isRefusal(report)) {
        if (report)
          problems.push({
            kind: 'crash',
            stage,
            message: `user error ${report.userError} from a pure stage`,
          });
        continue;
      }
      for (const violation of checkReport(report, before, after))
        problems.push({ kind: 'invariant', stage, message: violation });
      if (before === after && (report.changes.length > 0 || report.summary.differs)) {
        problems.push({
          kind: 'invariant',
          stage,
          message: `a statement compared with itself has ${report.changes.length} changes (differs: ${report.summary.differs})`,
        });
      }
      if (stage !== 'compare seed→mutant') continue;
      for (const [format, render] of Object.entries(COMPARISON_RENDERERS)) {
        for (const color of format === 'terminal' ? [false, true] : [false]) {
          const out = guarded(`render ${format}`, problems, () =>
            render(report, { color, width: 100 }),
          );
          if (typeof out === 'string' && format === 'json') {
            try {
              JSON.parse(out);
            } catch (error) {
              problems.push({
                kind: 'invariant',
                stage: 'render json',
                message: `not JSON: ${(error as Error).message}`,
              });
            }
          }
        }
      }
    }
    guarded(
      'render statement json',
      problems,
      () => JSON.parse(statementToJson(mutant)) as unknown,
    );
    guarded('render statement tree', problems, () => statementToTree(mutant));
  }

  // CLI in-process, with the mutant written to a file.
  const file = join(tmpDir, c.name);
  mkdirSync(tmpDir, { recursive: true });
  writeFileSync(file, c.bytes);
  try {
    const forced = c.inputFormat !== undefined ? ['--input-format', c.inputFormat] : [];
    let since = cpuMs();
    const compare = await runCli(['compare', seedPath, file, '--format', c.format, ...forced]);
    timed(`cli compare --format ${c.format}`, since, compare.stdout.length);
    problems.push(...checkAnswer(`cli compare --format ${c.format}`, compare, true));
    since = cpuMs();
    const parse = await runCli(['parse', file, ...forced]);
    timed('cli parse', since, parse.stdout.length);
    problems.push(...checkAnswer('cli parse', parse, true));
    // Invalid UTF-8: read with U+FFFD and a warning that names the first bad byte.
    const bom = c.bytes[0] === 0xef && c.bytes[1] === 0xbb && c.bytes[2] === 0xbf ? 3 : 0;
    const bad = firstIllFormedUtf8(c.bytes.subarray(bom));
    if (bad !== -1 && compare.code !== 2) {
      const offset = bad + bom;
      if (!compare.stderr.includes(`invalid UTF-8 at byte offset ${offset};`)) {
        const said = /invalid UTF-8 at byte offset (\d+)/.exec(compare.stderr)?.[1];
        problems.push({
          kind: 'cli',
          stage: 'cli compare (UTF-8 warning)',
          message:
            said === undefined
              ? 'no warning for invalid UTF-8'
              : `invalid UTF-8 warning names byte offset ${said}, the first bad byte is at ${offset}`,
          detail: compare.stderr.slice(0, 2000),
        });
      }
    }
  } catch (error) {
    problems.push(crash('cli (run rejected)', error));
  } finally {
    rmSync(file, { force: true });
  }
  const result: CaseResult = {
    index: c.index,
    problems,
    elapsedMs: performance.now() - started,
    slowestStage: slowest,
  };
  return userError === undefined ? result : { ...result, userError };
}
