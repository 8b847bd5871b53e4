/**
 * The series page in a real browser (Debian chromium through playwright-core): it renders, the SVG
 * chart shows one bar group per round, the filters (standing, revived, search, context) change the
 * visible rows as expected, `#L…` links reveal their row, the page reads without JavaScript, hostile
 * statement text stays inert, and a screenshot goes to docs/screenshot-series.png. Without
 * /usr/bin/chromium it skips, except under CI, where it fails (CI installs chromium with
 * .ci/install-browser).
 */
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { hostileSeries } from '../support/hostile.js';
import { describeInBrowser, useBrowser } from '../support/browser.js';
import { loadSeries } from '../../src/archive/load-series.js';
import type { Lineage, SeriesReport } from '../../src/model/series.js';
import { orderedLineages } from '../../src/report/render/render-series.js';
import { renderSeriesHtml } from '../../src/report/render/render-series-html.js';
import { buildSeries } from '../../src/series/build-series.js';

const SCREENSHOT = 'docs/screenshot-series.png';

const isRevived = (l: Lineage): boolean => l.occurrences.some((o) => o.status === 'revived');

/** Ids of the matrix rows the reader sees, top to bottom. */
async function visibleRows(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('tr[data-lineage]'))
      .filter((r) => r.checkVisibility())
      .map((r) => r.getAttribute('data-lineage') ?? ''),
  );
}

describeInBrowser('series page in a browser', () => {
  const { open, openWithoutScript } = useBrowser('statement-diff-series-');
  let report: SeriesReport;
  let html: string;
  let commitments: string[];

  beforeAll(async () => {
    report = buildSeries(await loadSeries(['statements/china-pakistan-fm-strategic-dialogue']));
    html = renderSeriesHtml(report);
    commitments = orderedLineages(report).map((l) => l.id);
  });

  it('renders: headline, chart with one bar group per round, controls; nothing from the network', async () => {
    const { page, errors, requests } = await open(html);
    expect(await page.locator('h1').textContent()).toBe(report.title);
    const chart = page.locator('svg#timeline-chart');
    expect(await chart.isVisible()).toBe(true);
    const box = await chart.boundingBox();
    expect(box?.width).toBeGreaterThan(900);
    expect(box?.height).toBeGreaterThan(150);
    expect(await page.locator('svg#timeline-chart g.round').count()).toBe(report.rounds.length);
    // Every bar drawn is visible and has a size; rounds with new sentences show a green bar.
    const bars = await page.evaluate(() =>
      Array.from(document.querySelectorAll('svg#timeline-chart g.round')).map((g) =>
        Array.from(g.querySelectorAll('rect:not(.hit)')).map((r) => {
          const b = r.getBoundingClientRect();
          return { kind: r.getAttribute('class'), w: b.width, h: b.height };
        }),
      ),
    );
    expect(bars).toHaveLength(report.rounds.length);
    bars.forEach((group, r) => {
      for (const bar of group) {
        expect(bar.w).toBeGreaterThan(4);
        expect(bar.h).toBeGreaterThan(0);
      }
      if ((report.rounds[r]?.counts.new ?? 0) > 0)
        expect(group.map((b) => b.kind)).toContain('b-new');
    });
    expect(await page.locator('#controls').isVisible()).toBe(true);
    expect(await page.locator('table.matrix').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    await page.close();
  });

  it('shows the commitments by default, in order, and counts them', async () => {
    const { page } = await open(html);
    expect(await visibleRows(page)).toEqual(commitments);
    expect(await page.locator('#shown').textContent()).toBe(
      `Showing ${commitments.length} of ${commitments.length} commitments`,
    );
    expect(await page.locator('tr.group').isVisible()).toBe(false);
    await page.close();
  });

  it('the context box adds the context sentences, and the standing/revived boxes narrow the rows', async () => {
    const { page } = await open(html);
    const context = report.lineages.filter((l) => l.isContext).map((l) => l.id);
    expect(context.length).toBeGreaterThan(0);
    await page.locator('input[data-filter=context]').check();
    const all = await visibleRows(page);
    expect(all.slice(0, commitments.length)).toEqual(commitments);
    expect(new Set(all.slice(commitments.length))).toEqual(new Set(context));
    expect(await page.locator('tr.group').isVisible()).toBe(true);

    await page.locator('input[data-filter=standing]').check();
    const standing = report.lineages.filter((l) => l.standing).map((l) => l.id);
    expect(standing.length).toBeGreaterThan(0);
    expect(new Set(await visibleRows(page))).toEqual(new Set(standing));
    expect(await page.locator('[data-count=standing]').textContent()).toBe(String(standing.length));

    await page.locator('input[data-filter=context]').uncheck();
    const standingCommitments = report.lineages.filter((l) => l.standing && !l.isContext);
    expect(await visibleRows(page)).toHaveLength(standingCommitments.length);
    expect(await page.locator('#no-match').isVisible()).toBe(standingCommitments.length === 0);

    await page.locator('input[data-filter=standing]').uncheck();
    await page.locator('input[data-filter=revived]').check();
    const revived = orderedLineages(report)
      .filter(isRevived)
      .map((l) => l.id);
    expect(revived.length).toBeGreaterThan(0);
    expect(await visibleRows(page)).toEqual(revived);
    expect(await page.locator('#shown').textContent()).toBe(
      `Showing ${revived.length} of ${commitments.length} commitments`,
    );
    await page.locator('input[data-filter=revived]').uncheck();
    expect(await visibleRows(page)).toEqual(commitments);
    await page.close();
  });

  it('the search box keeps the rows whose id or label holds the words, ignoring case', async () => {
    const { page } = await open(html);
    const word = 'kashmir';
    const expected = orderedLineages(report)
      .filter((l) => `${l.id} ${l.label}`.toLowerCase().includes(word))
      .map((l) => l.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(commitments.length);
    await page.locator('input[data-filter=search]').fill('KASHMIR');
    expect(await visibleRows(page)).toEqual(expected);
    const id = commitments[3] as string;
    await page.locator('input[data-filter=search]').fill(id);
    expect(await visibleRows(page)).toEqual([id]);
    await page.locator('input[data-filter=search]').fill('no such words anywhere');
    expect(await visibleRows(page)).toEqual([]);
    expect(await page.locator('#no-match').isVisible()).toBe(true);
    await page.locator('input[data-filter=search]').fill('');
    expect(await visibleRows(page)).toEqual(commitments);
    expect(await page.locator('#no-match').isVisible()).toBe(false);
    await page.close();
  });

  it('a cell tooltip names the date, status, paragraph and text', async () => {
    const { page } = await open(html);
    const lineage = orderedLineages(report).find((l) =>
      l.occurrences.some((o) => o.status === 'changed'),
    );
    const o = lineage?.occurrences.find((x) => x.status === 'changed');
    if (!lineage || !o) throw new Error('no changed occurrence');
    const title = await page
      .locator(`tr[id="${lineage.id}"] td.s-changed`)
      .first()
      .getAttribute('title');
    expect(title).toContain(report.rounds[o.round]?.date);
    expect(title).toContain('changed');
    expect(title).toContain(`¶${o.paragraph}`);
    expect(title).toContain(o.text);
    await page.close();
  });

  it('a #L… link shows its row, turning on the context sentences when it is one', async () => {
    const target = report.lineages.find((l) => l.isContext && !l.standing);
    if (!target) throw new Error('no context lineage');
    const { page } = await open(html, `#${target.id}`);
    const row = page.locator(`tr[id="${target.id}"]`);
    expect(await row.isVisible()).toBe(true);
    expect(await page.locator('input[data-filter=context]').isChecked()).toBe(true);
    expect(await row.isVisible()).toBe(true);
    const inView = await row.evaluate((r) => {
      const b = r.getBoundingClientRect();
      return b.top >= 0 && b.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    await page.close();
  });

  it('prints every row, controls hidden', async () => {
    const { page } = await open(html);
    await page.locator('input[data-filter=revived]').check();
    await page.emulateMedia({ media: 'print' });
    expect(await visibleRows(page)).toHaveLength(report.lineages.length);
    expect(await page.locator('#controls').isVisible()).toBe(false);
    expect(await page.locator('svg#timeline-chart').isVisible()).toBe(true);
    await page.close();
  });

  it('reads fully without JavaScript: every row and the chart shown, no dead controls', async () => {
    const { page, close } = await openWithoutScript(html);
    expect(await visibleRows(page)).toHaveLength(report.lineages.length);
    expect(await page.locator('#controls').isVisible()).toBe(false);
    expect(await page.locator('svg#timeline-chart g.round').count()).toBe(report.rounds.length);
    expect(await page.locator('#rounds table').isVisible()).toBe(true);
    await close();
  });

  it('hostile statement text stays inert: no dialog, no foreign script, no event-handler attribute', async () => {
    const hostile = renderSeriesHtml(hostileSeries(), { pairLinks: true });
    const { page, dialogs, errors, requests } = await open(hostile);
    await page.locator('input[data-filter=context]').check();
    for (const cell of await page.locator('table.matrix td, table.matrix th').all())
      await cell.hover();
    for (const bar of await page.locator('svg#timeline-chart g.round').all()) await bar.hover();
    await page.locator('input[data-filter=search]').fill('<script>');
    await page.locator('input[data-filter=search]').fill('');
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    const facts = await page.evaluate(() => ({
      scripts: Array.from(document.scripts).map((s) => ({
        src: s.src,
        inHead: s.parentElement === document.head,
        own: s.text.includes('data-filter'),
      })),
      handlers: Array.from(document.querySelectorAll('*')).flatMap((e) =>
        e
          .getAttributeNames()
          .filter((n) => n.startsWith('on'))
          .map((n) => `${e.tagName} ${n}`),
      ),
      images: document.images.length,
      links: Array.from(document.querySelectorAll('a[href]'))
        .map((a) => a.getAttribute('href') ?? '')
        .filter((h) => !h.startsWith('#')),
      title: document.title,
      body: document.body.innerText,
      tips: Array.from(document.querySelectorAll('[title]'))
        .map((e) => e.getAttribute('title'))
        .join('\n'),
    }));
    expect(facts.scripts).toEqual([{ src: '', inHead: true, own: true }]);
    expect(facts.handlers).toEqual([]);
    expect(facts.images).toBe(0);
    expect(facts.links).toEqual(['2025-01-01--2025-06-01.html', '2025-06-01--2025-12-01.html']);
    expect(facts.title).toContain('<script>alert(1)</script>');
    expect(facts.body).toContain('<img src=x onerror=alert(7)>');
    expect(facts.body).toContain('" onmouseover="alert(6)" x="');
    expect(facts.tips).toContain('<script>alert(4)</script>');
    expect(facts.tips).toContain('[Beijing](javascript:alert(9))');
    await page.close();
  });
});
