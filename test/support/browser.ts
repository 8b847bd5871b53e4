/** Shared set-up of the browser tests: Debian chromium through playwright-core, pages that record what happens. */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { describe, it } from 'vitest';

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
