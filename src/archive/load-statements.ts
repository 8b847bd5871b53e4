/** Loads several statements, in worker threads when the inputs are large enough for that to pay. */
import { isUrl } from './fetch-input.js';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { UserError } from '../model/errors.js';
import type { Statement } from '../model/statement.js';
import type { LoadOptions } from './load-statement.js';
import { loadStatement } from './load-statement.js';
import type { ParseRequest } from './parse-worker.js';

/**
 * Least total size of the files to parse before workers are used (default: 512 KiB), when
 * workers are asked for (`jobs` > 1). Below it the start-up of a worker (~0.3 s: each loads the
 * parser) costs more than it saves.
 */
export const PARALLEL_MIN_BYTES = 512 * 1024;

/** True when this module runs as compiled JavaScript (workers cannot load the TypeScript sources). */
function canUseWorkers(): boolean {
  return import.meta.url.endsWith('.js');
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

type Reply =
  | { id: number; statement: Statement }
  | {
      id: number;
      userError: {
        code: string;
        message: string;
        location?: UserError['location'];
        expected?: string;
      };
    }
  | { id: number; internalError: { message: string; stack?: string } };

/**
 * Loads `files` (stdin `-` included) in order. With `jobs` > 1 and large inputs they are parsed
 * by a pool of worker threads (at most one per core and per file); errors come back as they
 * would in one thread. Default `jobs` 1: on the 2-core machines measured, workers were slower
 * (1 MB pair: 1.8–2.0 s sequential against 3.4–5.1 s in workers; docs/decisions/012).
 */
export async function loadStatements(
  files: readonly string[],
  options: LoadOptions = {},
  jobs = 1,
): Promise<Statement[]> {
  const total = files.reduce((n, f) => n + (f === '-' ? 0 : sizeOf(f)), 0);
  const threads = Math.min(jobs, availableParallelism(), files.filter((f) => f !== '-').length);
  if (!canUseWorkers() || threads < 2 || total < PARALLEL_MIN_BYTES || files.some(isUrl)) {
    const out: Statement[] = [];
    for (const file of files) out.push(await loadStatement(file, options));
    return out;
  }
  const { readStdin: _readStdin, ...serialisable } = options;
  const results = new Array<Statement | undefined>(files.length);
  const queue = files.map((file, id) => ({ id, file })).filter((r) => r.file !== '-');
  const workers = Array.from(
    { length: threads },
    () => new Worker(new URL('./parse-worker.js', import.meta.url)),
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = (): void => {
              const request = queue.shift();
              if (!request) {
                resolve();
                return;
              }
              const message: ParseRequest = {
                id: request.id,
                file: request.file,
                options: serialisable,
              };
              worker.postMessage(message);
            };
            worker.on('message', (reply: Reply) => {
              if ('statement' in reply) {
                results[reply.id] = reply.statement;
                next();
              } else if ('userError' in reply) {
                const e = reply.userError;
                reject(
                  new UserError(e.code, e.message, {
                    ...(e.location ? { location: e.location } : {}),
                    ...(e.expected ? { expected: e.expected } : {}),
                  }),
                );
              } else {
                const error = new Error(reply.internalError.message);
                if (reply.internalError.stack) error.stack = reply.internalError.stack;
                reject(error);
              }
            });
            worker.on('error', reject);
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  for (let i = 0; i < files.length; i++) {
    if (files[i] === '-') results[i] = await loadStatement('-', options);
  }
  return results as Statement[];
}
