/**
 * The archive's index page searches every wording from file:// (no server), and each result and
 * each lineage row of a series page opens that commitment's history page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildArchive } from '../../src/archive/build-archive.js';
import { describeInBrowser, launchBrowser } from '../support/browser.js';

describeInBrowser('index search and history pages in a browser', () => {
  let browser: Browser;
  let out: string;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'sd-index-search-'));
    await buildArchive('statements', out);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('finds the Kashmir wordings, highlights them, and each result opens its history', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(join(out, 'index.html')).href);
    await page.locator('#q').fill('kashm');
    const results = page.locator('#search-results li');
    expect(await results.count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('#search-status').textContent()).toMatch(/\d+ wordings found/);
    expect((await page.locator('#search-results mark').first().textContent())?.toLowerCase()).toBe(
      'kashmir',
    );
    // Two words narrow it: every result holds both.
    await page.locator('#q').fill('kashmir dispute');
    const texts = await results.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts)
      expect(t.toLowerCase()).toMatch(/kashmir[\s\S]*dispute|dispute[\s\S]*kashmir/);
    await results.first().locator('a').click();
    await page.waitForURL(/\/history\/L[0-9a-f]{7}.*\.html$/);
    expect(await page.locator('h1').textContent()).toMatch(/^L[0-9a-f]{7}/);
    expect(await page.locator('ol.history li').count()).toBe(7);
    expect(errors).toEqual([]);
    expect(requests.every((u) => u.startsWith('file://'))).toBe(true);
    await page.close();
  });

  it('links every lineage row of the series page to a history page that exists', async () => {
    const page = await browser.newPage();
    await page.goto(
      pathToFileURL(join(out, 'china-pakistan-fm-strategic-dialogue', 'series.html')).href,
    );
    const links = page.locator('tr[data-lineage] a.hist');
    const n = await links.count();
    expect(n).toBeGreaterThan(50);
    await links.nth(3).click();
    await page.waitForURL(/\/history\/L[0-9a-f]{7}.*\.html$/);
    expect(await page.locator('ol.history li').count()).toBe(7);
    await page.close();
  });

  it('works without JavaScript too: no broken form is shown', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(out, 'index.html')).href);
    expect(await page.locator('#search').isVisible()).toBe(false);
    expect(await page.locator('main').isVisible()).toBe(true);
    await context.close();
  });
});
