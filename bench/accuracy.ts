/**
 * Alignment accuracy on ArgRewrite V.2 (../shared/benchmarks/argrewrite), with our own sentence
 * segmentation, scored by the metric of that folder's README. Also runs the seeded move/split/merge
 * generator. Usage: npm run bench:accuracy [-- --json] [-- --set k=v ...] (option overrides).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseStatement } from '../src/analyse/analyse-statement.js';
import type { AlignOptions } from '../src/align/align-options.js';
import { alignStatements } from '../src/align/align-statements.js';
import type { Sentence, Statement } from '../src/model/statement.js';
import { parseStatement } from '../src/parse/parse-statement.js';
import { sentencesOf } from '../src/analyse/analyse-statement.js';
import { scoreGenerated } from './generated-accuracy.js';

const ROOT = '../shared/benchmarks/argrewrite';

interface Gold {
  old_sentences: string[];
  new_sentences: string[];
  aligned: { old_index: number; new_index: number; old: string; new: string }[];
  deleted: unknown[];
  added: unknown[];
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
const prf = (c: Counts) => {
  const precision = c.tp / Math.max(1, c.tp + c.fp);
  const recall = c.tp / Math.max(1, c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision: round(precision), recall: round(recall), f1: round(f1) };
};
const round = (x: number) => Math.round(x * 1000) / 1000;

/** Character spans of each gold sentence in the file (each occurs verbatim, in order). */
function goldSpans(text: string, sentences: string[]): [number, number][] {
  const spans: [number, number][] = [];
  let from = 0;
  for (const s of sentences) {
    const at = text.indexOf(s, from);
    if (at === -1) throw new Error(`gold sentence not found: ${s.slice(0, 60)}`);
    spans.push([at, at + s.length]);
    from = at + s.length;
  }
  return spans;
}

/** Gold sentence indices (1-based) that a unit's span overlaps. */
function covered(sentence: Sentence, spans: [number, number][]): number[] {
  const out: number[] = [];
  spans.forEach(([s, e], i) => {
    if (sentence.span.start < e && sentence.span.end > s) out.push(i + 1);
  });
  return out;
}

export interface ArgRewriteScore {
  documents: number;
  allPairs: ReturnType<typeof prf>;
  modifiedPairs: ReturnType<typeof prf>;
  deletedAdded: { accuracy: number; precision: number; gold: number };
}

export function scoreArgRewrite(options: Partial<AlignOptions> = {}): ArgRewriteScore | undefined {
  if (!existsSync(ROOT)) return undefined;
  const all = zero();
  const mod = zero();
  let goldDA = 0;
  let correctDA = 0;
  let predictedDA = 0;
  const dirs = readdirSync(ROOT)
    .filter((d) => existsSync(join(ROOT, d, 'gold.json')))
    .sort();
  for (const dir of dirs) {
    const gold = JSON.parse(readFileSync(join(ROOT, dir, 'gold.json'), 'utf8')) as Gold;
    const oldText = readFileSync(join(ROOT, dir, 'old.md'), 'utf8');
    const newText = readFileSync(join(ROOT, dir, 'new.md'), 'utf8');
    const before: Statement = analyseStatement(parseStatement(oldText, { file: `${dir}/old.md` }));
    const after: Statement = analyseStatement(parseStatement(newText, { file: `${dir}/new.md` }));
    const oldSpans = goldSpans(oldText, gold.old_sentences);
    const newSpans = goldSpans(newText, gold.new_sentences);
    const byIdB = new Map(sentencesOf(before).map((s) => [s.id, covered(s, oldSpans)]));
    const byIdA = new Map(sentencesOf(after).map((s) => [s.id, covered(s, newSpans)]));
    const alignment = alignStatements(before, after, options);
    const predicted = new Set<string>();
    for (const pair of alignment.pairs) {
      const olds = pair.before.flatMap((id) => byIdB.get(id) ?? []);
      const news = pair.after.flatMap((id) => byIdA.get(id) ?? []);
      for (const o of olds) for (const n of news) predicted.add(`${o} ${n}`);
    }
    const goldPairs = new Set(gold.aligned.map((p) => `${p.old_index} ${p.new_index}`));
    const differs = (key: string): boolean => {
      const [o, n] = key.split(' ').map(Number) as [number, number];
      return gold.old_sentences[o - 1] !== gold.new_sentences[n - 1];
    };
    for (const key of predicted) {
      const hit = goldPairs.has(key);
      if (hit) all.tp++;
      else all.fp++;
      if (differs(key)) {
        if (hit) mod.tp++;
        else mod.fp++;
      }
    }
    for (const key of goldPairs) {
      if (!predicted.has(key)) {
        all.fn++;
        if (differs(key)) mod.fn++;
      }
    }
    const pairedOld = new Set([...predicted].map((k) => Number(k.split(' ')[0])));
    const pairedNew = new Set([...predicted].map((k) => Number(k.split(' ')[1])));
    const goldPairedOld = new Set(gold.aligned.map((p) => p.old_index));
    const goldPairedNew = new Set(gold.aligned.map((p) => p.new_index));
    gold.old_sentences.forEach((_, i) => {
      const goldDeleted = !goldPairedOld.has(i + 1);
      const predDeleted = !pairedOld.has(i + 1);
      if (goldDeleted) goldDA++;
      if (predDeleted) predictedDA++;
      if (goldDeleted && predDeleted) correctDA++;
    });
    gold.new_sentences.forEach((_, i) => {
      const goldAdded = !goldPairedNew.has(i + 1);
      const predAdded = !pairedNew.has(i + 1);
      if (goldAdded) goldDA++;
      if (predAdded) predictedDA++;
      if (goldAdded && predAdded) correctDA++;
    });
  }
  return {
    documents: dirs.length,
    allPairs: prf(all),
    modifiedPairs: prf(mod),
    deletedAdded: {
      accuracy: round(correctDA / Math.max(1, goldDA)),
      precision: round(correctDA / Math.max(1, predictedDA)),
      gold: goldDA,
    },
  };
}

function main(): void {
  const overrides: Record<string, number> = {};
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--set') {
      const [k, v] = String(args[++i]).split('=');
      overrides[String(k)] = Number(v);
    }
  }
  const arg = scoreArgRewrite(overrides as Partial<AlignOptions>);
  const generated = scoreGenerated(overrides as Partial<AlignOptions>);
  if (args.includes('--json')) {
    console.log(JSON.stringify({ argrewrite: arg ?? null, generated }, null, 2));
    return;
  }
  if (!arg) console.log('SKIPPED: ArgRewrite (../shared/benchmarks/argrewrite not present)');
  else {
    console.log(`ArgRewrite V.2, ${arg.documents} document pairs, our segmentation`);
    console.log(
      '| measure | precision | recall | F1 | goal | difflib baseline (gold segmentation) |',
    );
    console.log('|---|---|---|---|---|---|');
    console.log(
      `| all pairs | ${arg.allPairs.precision} | ${arg.allPairs.recall} | ${arg.allPairs.f1} | ≥ 0.98 | 0.962 |`,
    );
    console.log(
      `| modified pairs | ${arg.modifiedPairs.precision} | ${arg.modifiedPairs.recall} | ${arg.modifiedPairs.f1} | ≥ 0.95 | 0.900 |`,
    );
    console.log(
      `| deleted/added sentences (${arg.deletedAdded.gold}) | ${arg.deletedAdded.precision} | ${arg.deletedAdded.accuracy} (accuracy) | | | |`,
    );
  }
  console.log('');
  console.log(`Generated pairs (seeded, ${generated.pairs} pairs)`);
  console.log('| measure | precision | recall | goal |');
  console.log('|---|---|---|---|');
  for (const [name, score] of Object.entries(generated.measures)) {
    console.log(`| ${name} | ${score.precision} | ${score.recall} | ${score.goal} |`);
  }
}

if (process.argv[1]?.endsWith('accuracy.ts')) main();
