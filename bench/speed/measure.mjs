// One measured run: the whole process under GNU time (`/usr/bin/time -f "%e %M %x"`), stdout to
// /dev/null. Wall time is taken with hrtime around the time process (ms resolution; %e only has
// 10 ms), peak RSS is time's %M (KB), exit status is %x. A run past the timeout is killed with
// its whole process group and reported as "timeout".
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const scratch = mkdtempSync(join(tmpdir(), 'statement-diff-bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
let serial = 0;

/**
 * @param {string[]} argv command and arguments
 * @param {{ okCodes?: number[], abortCode?: number, timeoutMs: number, cwd?: string }} options
 * @returns {Promise<{ status: 'ok'|'aborted'|'timeout'|'error', wall: number, rss: number, exit: number|null, message?: string }>}
 */
export function measure(argv, { okCodes = [0], abortCode, timeoutMs, cwd }) {
  const timeFile = join(scratch, `time-${serial++}.txt`);
  const devNull = openSync('/dev/null', 'w');
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-o', timeFile, '-f', '%e %M %x', ...argv], {
      cwd,
      stdio: ['ignore', devNull, 'pipe'],
      detached: true, // own process group, so a timeout kills the command and its children
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('close', () => {
      const wall = Number(process.hrtime.bigint() - start) / 1e9;
      clearTimeout(timer);
      closeSync(devNull);
      if (timedOut) return resolve({ status: 'timeout', wall, rss: NaN, exit: null });
      let line = '';
      try {
        const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
        line = lines.findLast((l) => /^\d+(\.\d+)? \d+ -?\d+$/.test(l)) ?? '';
      } catch {
        // no time output: treated as an error below
      }
      rmSync(timeFile, { force: true });
      const m = /^(\S+) (\d+) (-?\d+)$/.exec(line);
      if (!m)
        return resolve({
          status: 'error',
          wall,
          rss: NaN,
          exit: null,
          message: `no time output; stderr: ${stderr.trim()}`,
        });
      const rss = Number(m[2]);
      const exit = Number(m[3]);
      if (okCodes.includes(exit)) return resolve({ status: 'ok', wall, rss, exit });
      if (abortCode !== undefined && exit === abortCode)
        return resolve({ status: 'aborted', wall, rss, exit });
      resolve({
        status: 'error',
        wall,
        rss,
        exit,
        message: `exit ${exit}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`,
      });
    });
  });
}
