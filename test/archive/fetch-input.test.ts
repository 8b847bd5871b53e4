/** Statements given as URLs, against a local HTTP server the test starts (no internet). */
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStatement } from '../../src/archive/load-statement.js';
import { sentencesOf } from '../../src/analyse/analyse-statement.js';
import { makePdf } from '../support/make-pdf.js';
import { runCli } from '../support/run-cli.js';

const before = `# Joint Statement\n\n1. The two sides agreed to meet again in 2027.\n\n2. China will support the corridor.\n`;
const after = `# Joint Statement\n\n1. The two sides agreed to meet again in 2028.\n\n2. China will support the corridor.\n`;
const page = `<html><head><title>Joint Statement</title></head><body><nav><a href="/">Home</a></nav><article><h1>Joint Statement</h1><p>1. The two sides agreed to meet again in 2027 and to deepen cooperation in agriculture, mining and information technology over the coming five years.</p><p>2. China will support the corridor and the industrial zones along it, and Pakistan welcomed that support.</p></article><footer>Copyright</footer></body></html>`;

let server: Server;
let base: string;
const hits = new Map<string, number>();
let pdf: Uint8Array;
const cache = mkdtempSync(join(tmpdir(), 'sd-url-cache-'));
const env = { STATEMENT_DIFF_URL_CACHE: cache };

beforeAll(async () => {
  pdf = await makePdf([
    [
      { text: 'Joint Statement', size: 16 },
      { text: '1. The two sides agreed to meet again in 2027.', gap: 6 },
      { text: '2. China will support the corridor.', gap: 6 },
    ],
  ]);
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const send = (type: string, body: string | Uint8Array) => {
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    };
    if (path === '/before.md') send('text/markdown; charset=utf-8', before);
    else if (path === '/after.md') send('text/markdown', after);
    else if (path === '/page') send('text/html; charset=utf-8', page);
    else if (path === '/statement.pdf') send('application/pdf', pdf);
    else if (path === '/moved') {
      res.writeHead(301, { location: '/after.md' });
      res.end();
    } else if (path === '/image') send('image/png', 'not a statement');
    else if (path === '/slow') setTimeout(() => send('text/plain', 'late'), 3000);
    else if (path === '/endless') {
      // No Content-Length: the limit must stop the reading, not the header.
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = 'The two sides agreed to meet. '.repeat(1000);
      const push = () => {
        if (res.destroyed) return;
        if (res.write(chunk)) setImmediate(push);
        else res.once('drain', push);
      };
      push();
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(cache, { recursive: true, force: true });
});

describe('URL inputs', () => {
  it('compares two URLs, recording each URL as the source', async () => {
    const cli = await runCli(
      ['compare', `${base}/before.md`, `${base}/after.md`, '--format', 'json'],
      { env },
    );
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(1);
    const report = JSON.parse(cli.stdout) as {
      before: { file: string; meta: { source?: string } };
      changes: unknown[];
    };
    expect(report.before.file).toBe(`${base}/before.md`);
    expect(report.before.meta.source).toBe(`${base}/before.md`);
    expect(report.changes).toHaveLength(1);
  });

  it('builds a series of URLs', async () => {
    const cli = await runCli(
      ['series', `${base}/before.md`, `${base}/after.md`, '--format', 'json'],
      {
        env,
      },
    );
    expect(cli.stderr).toBe('');
    const series = JSON.parse(cli.stdout) as { rounds: { file: string }[] };
    // Without dates, rounds are in the order of their names.
    expect(series.rounds.map((r) => r.file)).toEqual([`${base}/after.md`, `${base}/before.md`]);
  });

  it('follows redirects, reads HTML pages by their Content-Type and PDFs by their bytes', async () => {
    const moved = await loadStatement(`${base}/moved`);
    expect(sentencesOf(moved).map((s) => s.text)).toContain(
      'The two sides agreed to meet again in 2028.',
    );
    const html = await loadStatement(`${base}/page`);
    expect(html.format).toBe('html');
    expect(sentencesOf(html)).toHaveLength(2);
    const fromPdf = await loadStatement(`${base}/statement.pdf`);
    expect(fromPdf.format).toBe('pdf');
    expect(sentencesOf(fromPdf).map((s) => s.text)).toEqual(
      sentencesOf(await loadStatement(`${base}/before.md`)).map((s) => s.text),
    );
  });

  it('reads a URL from the cache on the second run, and fetches it again with --refresh', async () => {
    const url = `${base}/page`;
    const count = () => hits.get('/page') ?? 0;
    const first = count();
    expect((await runCli(['parse', url], { env })).code).toBe(0);
    expect(count()).toBe(first + 1);
    const cached = await runCli(['parse', url], { env });
    expect(cached.code).toBe(0);
    expect(count()).toBe(first + 1);
    expect((await runCli(['parse', url, '--refresh'], { env })).code).toBe(0);
    expect(count()).toBe(first + 2);
    // One body and one entry (with the body's sha256) per URL.
    const entries = readdirSync(cache).filter((f) => f.endsWith('.json'));
    expect(entries.length).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['/missing', /HTTP 404 Not Found.*\[E_URL\]/],
    ['/image', /the server sent image\/png, not a statement.*\[E_URL_TYPE\]/],
  ])('%s: a clear error, exit code 2', async (path, message) => {
    const cli = await runCli(['parse', `${base}${path}`], { env });
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(message);
    expect(cli.stderr).toContain(`${base}${path}`);
  });

  it('gives up after --timeout seconds', async () => {
    const start = Date.now();
    const cli = await runCli(['parse', `${base}/slow`, '--timeout', '0.5', '--refresh'], { env });
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/no answer within 0\.5 s.*\[E_URL\]/);
    expect(Date.now() - start).toBeLessThan(2900);
  });

  it('stops reading a body over --max-bytes, with or without Content-Length', async () => {
    for (const path of ['/endless', '/page']) {
      const cli = await runCli(['parse', `${base}${path}`, '--max-bytes', '200', '--refresh'], {
        env,
      });
      expect(cli.code).toBe(2);
      expect(cli.stderr).toMatch(/over the limit of 200.*\[E_TOO_LARGE\]/);
    }
  });

  it('says so when nothing listens at the address', async () => {
    // A port that was free a moment ago: listened on, then closed.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const cli = await runCli(['parse', `http://127.0.0.1:${port}/statement`], { env });
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/\/statement: cannot be fetched \(ECONNREFUSED\).*\[E_URL\]/);
  });
});
