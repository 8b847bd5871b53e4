/** Runs the CLI in-process with captured streams. */
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  args: string[],
  options: { stdin?: string; isTTY?: boolean; env?: Record<string, string> } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (t) => {
      if (typeof t === 'string') stdout += t;
      else t((chunk) => (stdout += chunk));
    },
    stderr: (t) => {
      stderr += t;
    },
    readStdin: () => Promise.resolve(Buffer.from(options.stdin ?? '')),
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}
