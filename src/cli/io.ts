/** What a command may use of the outside world; tests pass their own. */

/** Streams and environment of one CLI run. */
export interface Io {
  /** Writes to standard output. */
  readonly stdout: (text: string) => void;
  /** Writes to standard error. */
  readonly stderr: (text: string) => void;
  /** Reads all of standard input. */
  readonly readStdin: () => Promise<Buffer>;
  /** True when standard output is a terminal (colour, progress bars). */
  readonly isTTY: boolean;
  /** Environment variables (NO_COLOR, FORCE_COLOR). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The process's own streams. */
export function processIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    isTTY: process.stdout.isTTY === true,
    env: process.env,
  };
}
