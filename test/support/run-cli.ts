/** Runs the CLI in-process with captured streams, through the same entry as the executable. */
import { Readable } from 'node:stream';
import { readStream } from '../../src/archive/read-input.js';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  args: readonly string[],
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
    // Stdin goes through the CLI's own stream reader (size limit, read errors).
    readStdin: (maxBytes) =>
      readStream(Readable.from([Buffer.from(options.stdin ?? '')]), maxBytes),
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
