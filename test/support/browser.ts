/** Shared set-up of the browser tests: Debian chromium through playwright-core, pages that record what happens. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';

/** Where Debian installs chromium (.ci/install-browser). */
export const CHROMIUM = '/usr/bin/chromium';

/** Flags that keep headless chromium off the network and quiet on this machine. */
export const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Declares `name` with `body` when chromium is present; without it the tests fail under CI
 * (which installs it) and are skipped, saying so, elsewhere.
 */
export function describeInBrowser(name: string, body: () => void): void {
  const present = existsSync(CHROMIUM);
  if (!present && process.env['CI']) {
    describe(name, () => {
      it('needs Debian chromium', () => {
        throw new Error(
          `browser tests: ${CHROMIUM} is missing on CI; .ci/install-browser should have installed it (apt-get install chromium)`,
        );
      });
    });
  } else if (!present) {
    console.log(`SKIPPED: browser tests (no ${CHROMIUM})`);
    describe(name, () => {
      it.skip('needs Debian chromium at /usr/bin/chromium', () => {});
    });
  } else describe(name, body);
}

/** Launches chromium. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 30_000 });
}

/** A page opened on `content` (written to `dir`) at 1200 px wide, recording errors, dialogs and requests. */
export async function openPage(
  browser: Browser,
  dir: string,
  content: string,
  hash = '',
): Promise<{ page: Page; errors: string[]; dialogs: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
  page.setDefaultTimeout(5_000);
  const errors: string[] = [];
  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => requests.push(r.url()));
  const file = join(dir, `page-${++opened}.html`);
  writeFileSync(file, content);
  await page.goto(`${pathToFileURL(file).href}${hash}`);
  return { page, errors, dialogs, requests };
}

let opened = 0;

/** A page opened by {@link useBrowser}, with what it recorded. */
export type OpenedPage = Awaited<ReturnType<typeof openPage>>;

/**
 * Launches chromium and a scratch folder (`prefix…` under the system temporary folder) for the
 * enclosing `describe`, and closes both after it. `open` opens a recording page on some HTML;
 * `openWithoutScript` one with JavaScript disabled (call `close` when done).
 */
export function useBrowser(prefix: string): {
  open: (content: string, hash?: string) => Promise<OpenedPage>;
  openWithoutScript: (content: string) => Promise<{ page: Page; close: () => Promise<void> }>;
} {
  let browser: Browser | undefined;
  let tmp: string | undefined;
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), prefix));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });
  const launched = (): { browser: Browser; tmp: string } => {
    if (!browser || !tmp) throw new Error('useBrowser: the browser is not launched yet');
    return { browser, tmp };
  };
  return {
    open: (content, hash = '') => {
      const { browser: b, tmp: dir } = launched();
      return openPage(b, dir, content, hash);
    },
    openWithoutScript: async (content) => {
      const context = await launched().browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 1200, height: 1400 },
      });
      const page = await context.newPage();
      page.setDefaultTimeout(5_000);
      await page.setContent(content);
      return { page, close: () => context.close() };
    },
  };
}
