#!/usr/bin/env node
/** The executable: runs the CLI and sets the exit code; never calls process.exit. */
import { processIo } from './io.js';
import { run } from './run.js';

process.exitCode = await run(process.argv.slice(2), processIo());
