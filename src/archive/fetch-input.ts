/**
 * Statements given as http(s) URLs: fetched with a timeout and a size limit, redirects followed,
 * kept in an on-disk cache by URL (with the sha256 of the body) so a second run reads the same
 * bytes without the network; `--refresh` fetches again (docs/decisions/021).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../model/errors.js';
import { tooLargeError } from '../parse/decode-input.js';
import { sha256 } from '../util/sha256.js';
import { writeAtomic } from './write-atomic.js';

/** True when `input` names an http(s) URL rather than a file. */
export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** Options of {@link fetchInput}. */
export interface FetchOptions {
  /** Longest wait for the whole answer, in milliseconds (default: 20,000). */
  readonly timeoutMs?: number;
  /** Largest body accepted, in bytes (default: the input limit). */
  readonly maxBytes?: number;
  /** Folder of the URL cache (default: none, every run fetches). */
  readonly cacheDir?: string;
  /** Fetch again even when the cache holds the URL. */
  readonly refresh?: boolean;
}

/** A fetched statement: its bytes and what the server said they are. */
export interface FetchedInput {
  readonly bytes: Buffer;
  /** The media type of the answer, lower case, without parameters (`text/html`). */
  readonly mediaType: string;
  /** The URL the answer came from, after redirects. */
  readonly finalUrl: string;
  /** The sha256 of the bytes, hex. */
  readonly sha256: string;
  /** True when the bytes came from the cache. */
  readonly cached: boolean;
}

/** Default wait for an answer, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 20_000;

/** Media types read as statements; an answer of another type is refused. */
const ACCEPTED = new Set([
  'text/html',
  'application/xhtml+xml',
  'text/plain',
  'text/markdown',
  'text/x-markdown',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/octet-stream', // servers that do not say: the content decides
]);

/** The reader a media type asks for (`undefined`: the content decides). */
export function formatOfMediaType(mediaType: string): string | undefined {
  if (mediaType === 'text/html' || mediaType === 'application/xhtml+xml') return 'html';
  if (mediaType === 'text/plain') return 'text';
  if (mediaType === 'text/markdown' || mediaType === 'text/x-markdown') return 'markdown';
  return undefined;
}

interface CacheEntry {
  readonly url: string;
  readonly finalUrl: string;
  readonly mediaType: string;
  readonly sha256: string;
}

function urlError(url: string, message: string, expected: string): UserError {
  return new UserError('E_URL', message, { location: { file: url }, expected });
}

/** Fetches `url` (or reads it from the cache), refusing what is not a statement. */
export async function fetchInput(url: string, options: FetchOptions = {}): Promise<FetchedInput> {
  const key = sha256(url);
  const meta = options.cacheDir ? join(options.cacheDir, `${key}.json`) : undefined;
  const body = options.cacheDir ? join(options.cacheDir, `${key}.body`) : undefined;
  if (meta && body && !options.refresh && existsSync(meta) && existsSync(body)) {
    try {
      const entry = JSON.parse(readFileSync(meta, 'utf8')) as CacheEntry;
      const bytes = readFileSync(body);
      // A damaged or half-replaced entry is fetched again.
      if (entry.url === url && sha256(bytes) === entry.sha256)
        return {
          bytes,
          mediaType: entry.mediaType,
          finalUrl: entry.finalUrl,
          sha256: entry.sha256,
          cached: true,
        };
    } catch {
      // fetched again below
    }
  }
  const fetched = await download(url, options);
  if (meta && body) {
    try {
      writeAtomic(body, fetched.bytes);
      const entry: CacheEntry = {
        url,
        finalUrl: fetched.finalUrl,
        mediaType: fetched.mediaType,
        sha256: fetched.sha256,
      };
      writeAtomic(meta, `${JSON.stringify(entry, null, 2)}\n`);
    } catch {
      // The cache is an optimisation: a folder we cannot write to only costs a fetch.
    }
  }
  return fetched;
}

async function download(url: string, options: FetchOptions): Promise<FetchedInput> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? 50 * 1024 * 1024;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const timedOut = () =>
    urlError(
      url,
      `no answer within ${timeoutMs / 1000} s`,
      'a server that answers (or a larger --timeout)',
    );
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        redirect: 'follow',
        signal: controller.signal,
        headers: { accept: 'text/html, text/plain, text/markdown, application/pdf, */*;q=0.5' },
      });
    } catch (error) {
      if (controller.signal.aborted) throw timedOut();
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw urlError(
        url,
        `cannot be fetched (${cause?.code ?? cause?.message ?? (error as Error).message})`,
        'a reachable http(s) URL',
      );
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw urlError(
        url,
        `the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
        'a URL that serves a statement (HTTP 200)',
      );
    }
    const mediaType = (response.headers.get('content-type') ?? 'application/octet-stream')
      .split(';')[0]
      ?.trim()
      .toLowerCase() as string;
    if (!ACCEPTED.has(mediaType)) {
      await response.body?.cancel().catch(() => undefined);
      throw new UserError('E_URL_TYPE', `the server sent ${mediaType}, not a statement`, {
        location: { file: url },
        expected: 'HTML, plain text, Markdown, PDF or DOCX',
      });
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw tooLargeError(url, maxBytes, declared);
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    try {
      const reader = response.body?.getReader();
      for (;;) {
        const next = reader ? await reader.read() : { done: true as const, value: undefined };
        if (next.done) break;
        const chunk = next.value;
        total += chunk.length;
        if (total > maxBytes) {
          controller.abort();
          throw tooLargeError(url, maxBytes);
        }
        chunks.push(chunk);
      }
    } catch (error) {
      if (error instanceof UserError) throw error;
      if (controller.signal.aborted) throw timedOut();
      throw urlError(
        url,
        `the answer broke off (${(error as Error).message})`,
        'a complete answer',
      );
    }
    const bytes = Buffer.concat(chunks);
    return {
      bytes,
      mediaType,
      finalUrl: response.url || url,
      sha256: sha256(bytes),
      cached: false,
    };
  } finally {
    clearTimeout(timer);
  }
}
