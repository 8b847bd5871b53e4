/**
 * The HTML report in a real browser (Debian chromium through playwright-core): it renders, the kind
 * filters and view buttons work, anchors jump, hostile statement text stays inert, and a screenshot
 * goes to docs/screenshot-compare.png. Without /usr/bin/chromium it skips, except under CI, where it
 * fails (CI installs chromium with .ci/install-browser).
 */
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser, useBrowser } from '../support/browser.js';
import { analyseStatement } from '../../src/analyse/analyse-statement.js';
import { loadStatement } from '../../src/archive/load-statement.js';
import type { ComparisonReport } from '../../src/model/changes.js';
import { parseStatement } from '../../src/parse/parse-statement.js';
import { compareStatements } from '../../src/report/build-comparison.js';
import { visibleChanges } from '../../src/report/describe-change.js';
import { renderHtml } from '../../src/report/render/render-html.js';
import { DEFAULT_RENDER_OPTIONS } from '../../src/report/render/render-options.js';

const SCREENSHOT = 'docs/screenshot-compare.png';

async function archivePair(): Promise<ComparisonReport> {
  const dir = 'statements/china-pakistan-fm-strategic-dialogue';
  return compareStatements(
    await loadStatement(`${dir}/2025-08-21.md`),
    await loadStatement(`${dir}/2026-01-04.md`),
  );
}

/** Two small statements whose text, headings and metadata carry hostile strings. */
function hostileReport(): ComparisonReport {
  const front = (date: string): string =>
    `---\ntitle: "Talks <script>alert(1)</script>"\ndate: ${date}\nplace: "\\" onmouseover=\\"alert(2)"\n---\n\n`;
  const before = `${front('2025-01-01')}# Cooperation \\<img src=x onerror=alert(3)>

1. The two sides agreed to cooperate on trade.

2. The parties noted \\<script>alert(4)\\</script> the progress made.

3. They welcomed \\[link](javascript:alert(5)) the new plan.

4. China said " onmouseover="alert(6)" x=" it would help.
`;
  const after = `${front('2025-06-01')}# Cooperation \\<img src=x onerror=alert(3)>

1. The two sides agreed to deepen cooperation on trade and \\<img src=x onerror=alert(7)> investment.

2. The parties noted \\<script>alert(4)\\</script> the great progress made.

3. Pakistan said " onmouseover="alert(6)" x=" it would help.

4. They agreed to meet again \\<b onmouseover="alert(8)">soon\\</b> in \\[Beijing](javascript:alert(9)).
`;
  const load = (text: string, file: string) => analyseStatement(parseStatement(text, { file }));
  return compareStatements(load(before, 'hostile-a.md'), load(after, 'hostile-b.md'));
}

/** Visible entries (`[data-kind]`) under `scope`, counted by kind. */
async function visibleKinds(page: Page, scope: string): Promise<Record<string, number>> {
  return page.evaluate((sel) => {
    const out: Record<string, number> = {};
    for (const e of Array.from(document.querySelectorAll(`${sel} [data-kind]`))) {
      const kind = e.getAttribute('data-kind') ?? '';
      if (e.checkVisibility()) out[kind] = (out[kind] ?? 0) + 1;
    }
    return out;
  }, scope);
}

function countKinds(kinds: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of kinds) out[k] = (out[k] ?? 0) + 1;
  return out;
}

describeInBrowser('HTML report in a browser', () => {
  const { open, openWithoutScript } = useBrowser('statement-diff-html-');
  let report: ComparisonReport;
  let html: string;

  beforeAll(async () => {
    report = await archivePair();
    html = renderHtml(report, DEFAULT_RENDER_OPTIONS);
  });

  it('renders: the headline is visible, the script ran, nothing loaded from the network', async () => {
    const { page, errors, requests } = await open(html);
    expect(await page.locator('h1').isVisible()).toBe(true);
    expect(await page.locator('h1').textContent()).toBeTruthy();
    expect(await page.locator('#controls').isVisible()).toBe(true);
    expect(await page.locator('#view-inline').isVisible()).toBe(true);
    expect(await page.locator('#view-sbs').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    await page.close();
  });

  it('a kind filter hides exactly the entries of that kind, and shows them again', async () => {
    const { page } = await open(html);
    const all = countKinds(visibleChanges(report).map((c) => c.kind));
    expect(await visibleKinds(page, '#view-inline')).toEqual(all);
    const kind = Object.keys(all).find((k) => k !== 'new') ?? 'new';
    const box = page.locator(`input[data-filter-kind][value="${kind}"]`);
    await box.uncheck();
    const rest = Object.fromEntries(Object.entries(all).filter(([k]) => k !== kind));
    expect(await visibleKinds(page, '#view-inline')).toEqual(rest);
    expect(await visibleKinds(page, '.top')).not.toHaveProperty(kind);
    await page.click('button[data-set-view=sbs]');
    expect(await visibleKinds(page, '#view-sbs')).toEqual(rest);
    await page.click('button[data-set-view=inline]');
    // Printing shows everything, controls hidden.
    await page.emulateMedia({ media: 'print' });
    expect(await visibleKinds(page, '#view-inline')).toEqual(all);
    expect(await page.locator('#controls').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await box.check();
    expect(await visibleKinds(page, '#view-inline')).toEqual(all);
    await page.close();
  });

  it('the side-by-side button shows the table and hides the inline list', async () => {
    const { page } = await open(html);
    await page.click('button[data-set-view=sbs]');
    expect(await page.locator('table.sbs').isVisible()).toBe(true);
    expect(await page.locator('#view-inline').isVisible()).toBe(false);
    expect(await page.getAttribute('button[data-set-view=sbs]', 'aria-pressed')).toBe('true');
    const rows = await page.locator('table.sbs tbody[data-kind]').count();
    expect(rows).toBe(visibleChanges(report).length);
    await page.click('button[data-set-view=inline]');
    expect(await page.locator('table.sbs').isVisible()).toBe(false);
    expect(await page.locator('#view-inline').isVisible()).toBe(true);
    await page.close();
  });

  it('#p-… anchors exist and jump there, from either view', async () => {
    const after = visibleChanges(report).find((c) => c.after && c.after.paragraph !== '1')?.after
      ?.paragraph;
    expect(after).toBeDefined();
    const { page } = await open(html, `#p-${after}`);
    expect(await page.locator(`#p-${after}`).count()).toBe(1);
    const inView = async (id: string) =>
      page.evaluate((sel) => {
        const r = document.getElementById(sel)?.closest('[data-kind]')?.getBoundingClientRect();
        return r !== undefined && r.top >= 0 && r.top < window.innerHeight;
      }, id);
    expect(await inView(`p-${after}`)).toBe(true);
    await page.click('button[data-set-view=sbs]');
    await page.evaluate(() => {
      location.hash = '';
    });
    await page.evaluate((h) => {
      location.hash = h;
    }, `p-${after}`);
    await page.waitForFunction(
      () => document.documentElement.getAttribute('data-view') === 'inline',
    );
    expect(await inView(`p-${after}`)).toBe(true);
    await page.close();
  });

  it('reads fully without JavaScript: both views, every entry, no dead controls', async () => {
    const { page, close } = await openWithoutScript(html);
    const all = countKinds(visibleChanges(report).map((c) => c.kind));
    expect(await visibleKinds(page, '#view-inline')).toEqual(all);
    expect(await visibleKinds(page, '#view-sbs')).toEqual(all);
    expect(await page.locator('#controls').isVisible()).toBe(false);
    await close();
  });

  it('hostile statement text stays inert: no dialog, no foreign script, no event-handler attribute', async () => {
    const hostile = renderHtml(hostileReport(), DEFAULT_RENDER_OPTIONS);
    const { page, dialogs, errors, requests } = await open(hostile);
    for (const text of await page.locator('.text').all()) await text.hover();
    await page.click('button[data-set-view=sbs]');
    for (const cell of await page.locator('table.sbs td').all()) await cell.hover();
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    const facts = await page.evaluate(() => ({
      scripts: Array.from(document.scripts).map((s) => ({
        src: s.src,
        inHead: s.parentElement === document.head,
        own: s.text.includes('data-set-view'),
      })),
      handlers: Array.from(document.querySelectorAll('*')).flatMap((e) =>
        e
          .getAttributeNames()
          .filter((n) => n.startsWith('on'))
          .map((n) => `${e.tagName} ${n}`),
      ),
      onerror: document.querySelectorAll('[onerror]').length,
      images: document.images.length,
      jsLinks: Array.from(document.querySelectorAll('a[href]')).filter(
        (a) => !a.getAttribute('href')?.startsWith('#'),
      ).length,
      body: document.body.innerText,
    }));
    expect(facts.scripts).toEqual([{ src: '', inHead: true, own: true }]);
    expect(facts.handlers).toEqual([]);
    expect(facts.onerror).toBe(0);
    expect(facts.images).toBe(0);
    expect(facts.jsLinks).toBe(0);
    expect(facts.body).toContain('<script>alert(4)</script>');
    expect(facts.body).toContain('<img src=x onerror=alert(7)>');
    expect(facts.body).toContain('[Beijing](javascript:alert(9))');
    await page.close();
  });
});
