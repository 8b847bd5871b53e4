/** A fingerprint of the running tool's own code and data, so caches and skipped reports follow code changes. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TOOL_VERSION } from '../version.js';

let fingerprint: string | undefined;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(js|ts|yaml)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => `${e.parentPath}/${e.name}`)
    .sort();
}

/**
 * SHA-256 over the version and every module and data file of the package (dist/ when built,
 * src/ when run from source). Why: keying caches on the version alone kept stale parses and
 * skipped stale reports after a code change with the same version (docs/decisions/005).
 */
export function toolFingerprint(): string {
  if (fingerprint === undefined) {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const hash = createHash('sha256').update(TOOL_VERSION);
    for (const file of filesUnder(root))
      hash.update(file.slice(root.length)).update(readFileSync(file));
    fingerprint = hash.digest('hex');
  }
  return fingerprint;
}
