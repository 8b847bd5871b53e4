/** Worker thread body: parses the statement files it is sent and posts back the statements (or the error). */
import { parentPort } from 'node:worker_threads';
import { isUserError } from '../model/errors.js';
import type { LoadOptions } from './load-statement.js';
import { statementFromInput, readBytes } from './load-statement.js';

/** A request: one file and the serialisable load options. */
export interface ParseRequest {
  readonly id: number;
  readonly file: string;
  readonly options: Omit<LoadOptions, 'readStdin'>;
}

parentPort?.on('message', async (request: ParseRequest) => {
  try {
    const { maxBytes } = request.options;
    const bytes = readBytes(request.file, maxBytes === undefined ? {} : { maxBytes });
    const statement = await statementFromInput(bytes, request.file, request.options);
    parentPort?.postMessage({ id: request.id, statement });
  } catch (error) {
    if (isUserError(error)) {
      parentPort?.postMessage({
        id: request.id,
        userError: {
          code: error.code,
          message: error.message,
          location: error.location,
          expected: error.expected,
        },
      });
    } else {
      const err = error instanceof Error ? error : new Error(String(error));
      parentPort?.postMessage({
        id: request.id,
        internalError: { message: err.message, stack: err.stack },
      });
    }
  }
});
