// Deterministic inputs for the speed benchmark: compiles bench/generate-pairs.ts with the project's
// TypeScript (transpile only, in memory) and writes one before/after pair per size under bench/out/speed/,
// cached by size, seed and a hash of the generator source (a changed generator gives new files).
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const BENCH = dirname(dirname(fileURLToPath(import.meta.url)));
export const OUT = join(BENCH, 'out', 'speed');

/** Parses "10k", "300k", "1m", "10m", "2500" into bytes (decimal units: 1k = 1,000 bytes). */
export function parseSize(label) {
  const m = /^(\d+(?:\.\d+)?)([km]?)b?$/i.exec(label.trim());
  if (!m) throw new Error(`bad size: ${label} (expected e.g. 10k, 300k, 1m)`);
  const unit = { '': 1, k: 1e3, m: 1e6 }[m[2].toLowerCase()];
  return Math.round(Number(m[1]) * unit);
}

let generator;
let generatorHash;
async function loadGenerator() {
  if (generator) return generator;
  const source = readFileSync(join(BENCH, 'generate-pairs.ts'), 'utf8');
  generatorHash = createHash('sha256').update(source).digest('hex').slice(0, 8);
  const js = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  // Imported from a data: URL, so no generated JavaScript lands in the tree (linters would see it);
  // the generator has no imports of its own.
  generator = (await import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`))
    .generatePair;
  return generator;
}

/** Returns { label, seed, before, after, bytes } for a size label, generating files if missing. */
export async function pairFor(label, seed) {
  const generatePair = await loadGenerator();
  const stem = join(OUT, `${label}-seed${seed}-gen${generatorHash}`);
  const before = `${stem}-before.md`;
  const after = `${stem}-after.md`;
  if (!existsSync(before) || !existsSync(after)) {
    mkdirSync(OUT, { recursive: true });
    // Files of an older generator for this size and seed are stale: remove them.
    const stale = new RegExp(
      `^${label}-seed${seed}-gen(?!${generatorHash})[0-9a-f]+-(before|after)\\.md$`,
    );
    for (const f of readdirSync(OUT)) if (stale.test(f)) rmSync(join(OUT, f), { force: true });
    const pair = generatePair(seed, parseSize(label));
    // Write then rename, so an interrupted run never leaves a half file in the cache.
    writeFileSync(`${before}.tmp`, pair.before);
    writeFileSync(`${after}.tmp`, pair.after);
    renameSync(`${before}.tmp`, before);
    renameSync(`${after}.tmp`, after);
  }
  return { label, seed, before, after, bytes: statSync(before).size + statSync(after).size };
}
