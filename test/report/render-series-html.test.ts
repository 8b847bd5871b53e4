import type { Element, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostileSeries } from '../support/hostile.js';
import { analyseStatement } from '../../src/analyse/analyse-statement.js';
import { loadSeries } from '../../src/archive/load-series.js';
import type { SeriesReport } from '../../src/model/series.js';
import type { Statement } from '../../src/model/statement.js';
import { parseStatement } from '../../src/parse/parse-statement.js';
import { relativeHref } from '../../src/report/render/html-page.js';
import { MARKS, historyOf, orderedLineages } from '../../src/report/render/render-series.js';
import { historyText, renderSeriesHtml } from '../../src/report/render/render-series-html.js';
import { buildSeries } from '../../src/series/build-series.js';

const dir = 'statements/china-pakistan-fm-strategic-dialogue';

async function archiveSeries(): Promise<SeriesReport> {
  return buildSeries(await loadSeries([dir]));
}

function load(text: string, file: string): Statement {
  return analyseStatement(parseStatement(text, { file }));
}

/** `rounds` small rounds, one a month from January 2001, of a slowly changing statement. */
function longSeries(rounds: number): SeriesReport {
  const statements: Statement[] = [];
  for (let r = 0; r < rounds; r++) {
    const date = `${2001 + Math.floor(r / 12)}-${String((r % 12) + 1).padStart(2, '0')}-15`;
    const paragraphs = [
      'The Committee will maintain the target range for the federal funds rate.',
      `The Committee expects growth of ${1 + (Math.floor(r / 5) % 4)} percent this year.`,
      r % 7 < 4 ? 'The Committee will continue its purchases of agency securities.' : null,
      `The meeting number ${r + 1} was held in Washington.`,
    ].filter((p): p is string => p !== null);
    const text = `---\ntitle: "Policy statement"\ndate: ${date}\n---\n\n${paragraphs
      .map((p, i) => `${i + 1}. ${p}\n`)
      .join('\n')}`;
    statements.push(load(text, `${date}.md`));
  }
  return buildSeries(statements);
}

function parse(html: string): Root {
  return unified().use(rehypeParse).parse(html);
}

function elements(node: Root | RootContent): Element[] {
  const out: Element[] = [];
  const walk = (n: Root | RootContent): void => {
    if (n.type === 'element') out.push(n);
    if ('children' in n) for (const c of n.children) walk(c);
  };
  walk(node);
  return out;
}

function textOf(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

function classes(e: Element): string[] {
  const c = e.properties['className'];
  return Array.isArray(c) ? c.map(String) : [];
}

function byId(root: Root, id: string): Element | undefined {
  return elements(root).find((e) => e.properties['id'] === id);
}

/** Matrix rows (`tr[data-lineage]`). */
function rowsOf(tree: Root): Element[] {
  return elements(tree).filter(
    (e) => e.tagName === 'tr' && e.properties['dataLineage'] !== undefined,
  );
}

/** A row's round cells expanded by colspan: one mark class per round. */
function roundMarks(row: Element): { status: string; title: string; text: string }[] {
  const out: { status: string; title: string; text: string }[] = [];
  for (const cell of row.children) {
    if (cell.type !== 'element' || cell.tagName !== 'td' || !classes(cell).includes('m')) continue;
    const status =
      classes(cell)
        .find((c) => c.startsWith('s-'))
        ?.slice(2) ?? '?';
    const span = Number(cell.properties['colSpan'] ?? 1);
    for (let i = 0; i < span; i++)
      out.push({ status, title: String(cell.properties['title'] ?? ''), text: textOf(cell) });
  }
  return out;
}

describe('renderSeriesHtml on the archive series', () => {
  let report: SeriesReport;
  let html: string;
  let tree: Root;
  beforeAll(async () => {
    report = await archiveSeries();
    html = renderSeriesHtml(report);
    tree = parse(html);
  });

  it('is one self-contained document with the required head and one inline script', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.match(/<html[\s>]/g)).toHaveLength(1);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    const scripts = elements(tree).filter((e) => e.tagName === 'script');
    expect(scripts).toHaveLength(1);
    expect(scripts[0]?.properties['src']).toBeUndefined();
    expect(
      elements(tree).filter((e) =>
        ['link', 'img', 'iframe', 'object', 'embed'].includes(e.tagName),
      ),
    ).toEqual([]);
  });

  it('loads nothing from the network: every href is a # anchor by default, the CSS imports nothing', () => {
    for (const e of elements(tree)) {
      for (const attr of ['src', 'href', 'action', 'poster', 'srcSet', 'xLinkHref']) {
        const value = e.properties[attr];
        if (value !== undefined) expect(String(value), `${e.tagName} ${attr}`).toMatch(/^#/);
      }
    }
    expect(html).not.toMatch(/url\(|@import|https?:\/\/[^"'\s<]*\.(?:css|js|woff2?)/);
    expect(html).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//);
  });

  it('has a header with the series counts', () => {
    const h1 = elements(tree).filter((e) => e.tagName === 'h1');
    expect(h1).toHaveLength(1);
    expect(textOf(h1[0] as Element)).toBe(report.title);
    const chips = elements(tree)
      .filter((e) => classes(e).includes('chip'))
      .map((e) => textOf(e));
    expect(chips).toContain(`${report.summary.rounds}rounds`);
    expect(chips).toContain(`${report.summary.lineages}lineages`);
    expect(chips).toContain(`${report.summary.standing}standing (in every round)`);
    expect(chips).toContain(`${report.summary.revived}revived`);
  });

  it('draws one SVG chart with one bar group per round, each with a tooltip, and an accessible name', () => {
    const svgs = elements(tree).filter((e) => e.tagName === 'svg');
    expect(svgs).toHaveLength(1);
    const svg = svgs[0] as Element;
    expect(svg.properties['role']).toBe('img');
    expect(String(svg.properties['ariaLabel'])).toContain(`${report.rounds.length} rounds`);
    expect(svg.properties['viewBox']).toMatch(/^0 0 \d+ \d+$/);
    const groups = elements(svg).filter((e) => e.tagName === 'g' && classes(e).includes('round'));
    expect(groups).toHaveLength(report.rounds.length);
    groups.forEach((g, r) => {
      const round = report.rounds[r];
      if (!round) throw new Error('missing round');
      const title = g.children.find(
        (c): c is Element => c.type === 'element' && c.tagName === 'title',
      );
      expect(title && textOf(title)).toContain(round.date);
      const bars = elements(g).filter((e) => e.tagName === 'rect' && !classes(e).includes('hit'));
      const kinds = bars.map((b) => classes(b)[0]);
      if (r === 0) expect(kinds).toEqual(['b-first']);
      else {
        if (round.counts.new) expect(kinds).toContain('b-new');
        if (round.counts.dropped) expect(kinds).toContain('b-dropped');
        if (round.counts.changed) expect(kinds).toContain('b-changed');
        if (!round.counts.revived) expect(kinds).not.toContain('b-revived');
      }
      for (const b of bars) expect(Number(b.properties['height'])).toBeGreaterThan(0);
    });
    // One date label per round when they fit (7 rounds do).
    const labels = elements(svg)
      .filter((e) => e.tagName === 'text')
      .map(textOf);
    for (const round of report.rounds) expect(labels).toContain(round.date);
  });

  it('bar heights are proportional to the counts', () => {
    const svg = elements(tree).find((e) => e.tagName === 'svg') as Element;
    const heights = (kind: string): number[] =>
      elements(svg)
        .filter((e) => e.tagName === 'g' && classes(e).includes('round'))
        .map((g) => {
          const bar = elements(g).find((e) => classes(e).includes(kind));
          return bar ? Number(bar.properties['height']) : 0;
        });
    const news = heights('b-new');
    const perUnit = (news[1] as number) / (report.rounds[1]?.counts.new as number);
    report.rounds.forEach((round, r) => {
      if (r === 0) return;
      expect(news[r]).toBeCloseTo(round.counts.new * perUnit, 0);
      expect(heights('b-dropped')[r]).toBeCloseTo(round.counts.dropped * perUnit, 0);
    });
  });

  it('has one matrix row per lineage: commitments in orderedLineages order, then context sentences', () => {
    const rows = rowsOf(tree);
    expect(rows).toHaveLength(report.lineages.length);
    const commitments = rows.filter((r) => r.properties['dataContext'] === undefined);
    expect(commitments.map((r) => r.properties['dataLineage'])).toEqual(
      orderedLineages(report).map((l) => l.id),
    );
    const context = rows.filter((r) => r.properties['dataContext'] !== undefined);
    expect(context.length).toBe(report.lineages.filter((l) => l.isContext).length);
    expect(rows.slice(commitments.length)).toEqual(context);
    for (const row of rows) {
      const lineage = report.lineages.find((l) => l.id === row.properties['dataLineage']);
      if (!lineage) throw new Error('unknown lineage');
      expect(row.properties['id']).toBe(lineage.id);
      expect(row.properties['dataStanding'] !== undefined).toBe(lineage.standing);
      expect(row.properties['dataRevived'] !== undefined).toBe(
        lineage.occurrences.some((o) => o.status === 'revived'),
      );
      const head = row.children.find(
        (c): c is Element => c.type === 'element' && c.tagName === 'th',
      );
      expect(head && textOf(head)).toContain(lineage.id);
      expect(head && textOf(head)).toContain(lineage.label);
    }
  });

  it('marks every round of a lineage like the text reports, with a tooltip per occurrence', () => {
    for (const row of rowsOf(tree)) {
      const lineage = report.lineages.find((l) => l.id === row.properties['dataLineage']);
      if (!lineage) throw new Error('unknown lineage');
      const marks = roundMarks(row);
      expect(marks).toHaveLength(report.rounds.length);
      const dropped = new Set(lineage.droppedIn);
      marks.forEach((m, r) => {
        const o = lineage.occurrences.find((x) => x.round === r);
        const date = report.rounds[r]?.date ?? '';
        if (o) {
          expect(m.title, `${lineage.id} round ${r}`).toContain(date);
          expect(m.status).toBe(o.status);
          expect(m.text).toBe(MARKS[o.status]);
          expect(m.title).toContain(`¶${o.paragraph}`);
          expect(m.title).toContain(o.status === 'first' ? 'first round' : o.status);
          if (o.status !== 'carried') expect(m.title).toContain(o.text);
        } else if (dropped.has(r)) {
          expect(m.status).toBe('dropped');
          expect(m.title).toBe(`${date} · dropped`);
        } else {
          expect(m.status).toBe('absent');
          expect(m.title).toMatch(/absent/);
        }
      });
    }
  });

  it('has a history column: historyOf, shortened only when long', () => {
    for (const row of rowsOf(tree)) {
      const lineage = report.lineages.find((l) => l.id === row.properties['dataLineage']);
      if (!lineage) throw new Error('unknown lineage');
      const cell = row.children.find(
        (c): c is Element => c.type === 'element' && classes(c).includes('hist'),
      );
      const full = historyOf(report, lineage);
      expect(cell && textOf(cell)).toBe(historyText(report, lineage) || '—');
      const events = full.split('; ');
      if (events.length <= 6)
        expect(historyText(report, lineage)).toBe(
          (lineage.standing
            ? ['standing', ...events.filter((e) => e !== 'standing')]
            : events
          ).join('; '),
        );
    }
  });

  it('has unique ids, an anchor for every # link, lineage and round anchors', () => {
    const ids = elements(tree)
      .map((e) => e.properties['id'])
      .filter((id): id is string => typeof id === 'string');
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of elements(tree)) {
      const href = e.properties['href'];
      if (typeof href === 'string') expect(ids, href).toContain(href.slice(1));
    }
    for (const lineage of report.lineages) expect(ids).toContain(lineage.id);
    report.rounds.forEach((_, r) => expect(ids).toContain(`round-${r + 1}`));
    for (const id of ids) expect(id).toMatch(/^[A-Za-z][A-Za-z0-9-]*$/);
  });

  it('has filters for standing, revived, context and a search box, hidden until the script runs', () => {
    const inputs = elements(tree).filter((e) => e.tagName === 'input');
    expect(inputs.map((i) => i.properties['dataFilter'])).toEqual([
      'standing',
      'revived',
      'context',
      'search',
    ]);
    expect(inputs.every((i) => i.properties['checked'] === undefined)).toBe(true);
    expect(classes(byId(tree, 'controls') as Element)).toContain('controls');
  });

  it('has a table of rounds with the churn counts and, by default, no pair links', () => {
    const table = elements(byId(tree, 'rounds') as Element).find((e) => e.tagName === 'table');
    const rows = elements(table as Element).filter((e) => e.tagName === 'tr' && e.properties['id']);
    expect(rows).toHaveLength(report.rounds.length);
    rows.forEach((row, r) => {
      const round = report.rounds[r];
      if (!round) throw new Error('missing round');
      const cells = row.children.filter((c): c is Element => c.type === 'element').map(textOf);
      expect(cells[1]).toBe(round.date);
      expect(cells.slice(3, 9)).toEqual(
        r === 0
          ? [String(round.sentences), '—', '—', '—', '—', '—']
          : [
              String(round.sentences),
              String(round.counts.new),
              String(round.counts.changed),
              String(round.counts.revived),
              String(round.counts.carried),
              String(round.counts.dropped),
            ],
      );
    });
    expect(html).not.toContain('.html"');
  });

  it('links each round to its pair report with { pairLinks: true }, as the archive names them', () => {
    const linked = renderSeriesHtml(report, { pairLinks: true });
    const hrefs = elements(parse(linked))
      .map((e) => e.properties['href'])
      .filter((h): h is string => typeof h === 'string' && !h.startsWith('#'));
    expect(hrefs).toEqual(
      report.rounds
        .slice(1)
        .map((round, k) => `${report.rounds[k]?.date ?? ''}--${round.date}.html`),
    );
    for (const href of hrefs) expect(href).toMatch(/^\d{4}-\d{2}-\d{2}--\d{4}-\d{2}-\d{2}\.html$/);
  });

  it('builds no pair link from a round date that is not YYYY-MM-DD', () => {
    const odd: SeriesReport = {
      ...report,
      rounds: report.rounds.map((round, r) =>
        r === 1 ? { ...round, date: 'javascript:alert(1)//' } : round,
      ),
    };
    const hrefs = elements(parse(renderSeriesHtml(odd, { pairLinks: true })))
      .map((e) => e.properties['href'])
      .filter((h): h is string => typeof h === 'string' && !h.startsWith('#'));
    expect(hrefs).toHaveLength(report.rounds.length - 3);
    expect(hrefs.join(' ')).not.toContain('javascript');
  });

  it('caps the matrix at maxLineages, commitments first, and says so', () => {
    const capped = parse(renderSeriesHtml(report, { maxLineages: 5 }));
    const rows = rowsOf(capped);
    expect(rows.map((r) => r.properties['dataLineage'])).toEqual(
      orderedLineages(report)
        .slice(0, 5)
        .map((l) => l.id),
    );
    const note = elements(capped).find((e) => classes(e).includes('warning'));
    expect(note && textOf(note)).toContain(`5 of ${report.lineages.length} lineages`);
    expect(elements(tree).some((e) => classes(e).includes('warning'))).toBe(false);
  });

  it('has headings in order (one h1, no level skipped)', () => {
    const levels = elements(tree)
      .filter((e) => /^h[1-6]$/.test(e.tagName))
      .map((e) => Number(e.tagName.slice(1)));
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    for (let i = 1; i < levels.length; i++)
      expect((levels[i] as number) - (levels[i - 1] as number)).toBeLessThanOrEqual(1);
  });

  it('is deterministic: the same report, or the series built again, give byte-identical HTML', async () => {
    expect(renderSeriesHtml(report)).toBe(html);
    expect(renderSeriesHtml(await archiveSeries())).toBe(html);
    expect(html).not.toMatch(/\b20\d\d-\d\d-\d\dT\d\d:/);
  });
});

describe('renderSeriesHtml on a long series', () => {
  const report = longSeries(40);
  const html = renderSeriesHtml(report);
  const tree = parse(html);

  it('switches the matrix to a compact strip and labels the chart by year', () => {
    const matrix = elements(tree).find(
      (e) => e.tagName === 'table' && classes(e).includes('matrix'),
    );
    expect(matrix && classes(matrix)).toContain('compact');
    const svg = elements(tree).find((e) => e.tagName === 'svg') as Element;
    expect(
      elements(svg).filter((e) => e.tagName === 'g' && classes(e).includes('round')),
    ).toHaveLength(40);
    const labels = elements(svg)
      .filter((e) => e.tagName === 'text' && classes(e).includes('tick'))
      .map(textOf)
      .filter((t) => /^\d{4}$/.test(t));
    expect(labels).toEqual(['2001', '2002', '2003', '2004']);
    const years = elements(matrix as Element).filter((e) => classes(e).includes('year'));
    expect(years.map((y) => [textOf(y), y.properties['colSpan']])).toEqual([
      ['2001', 12],
      ['2002', 12],
      ['2003', 12],
      ['2004', 4],
    ]);
  });

  it('keeps the page small: absences collapse into one cell per run', () => {
    const rows = rowsOf(tree);
    expect(rows).toHaveLength(report.lineages.length);
    for (const row of rows) expect(roundMarks(row)).toHaveLength(40);
    const cells = elements(tree).filter(
      (e) => e.tagName === 'td' && classes(e).includes('m'),
    ).length;
    expect(cells).toBeLessThan(rows.length * 40);
    const occurrences = report.lineages.reduce((n, l) => n + l.occurrences.length, 0);
    const matrix = html.slice(html.indexOf('<table class="matrix'), html.indexOf('</table>'));
    expect(matrix.length / occurrences).toBeLessThan(300);
  });
});

describe('renderSeriesHtml with hostile statement text', () => {
  const report = hostileSeries();
  const html = renderSeriesHtml(report, { pairLinks: true });
  const tree = parse(html);

  it('the hostile strings do reach the report (the test is not vacuous)', () => {
    const text = report.lineages.flatMap((l) => l.occurrences.map((o) => o.text)).join('\n');
    for (const s of [
      '<script>alert(4)</script>',
      '<img src=x onerror=alert(7)>',
      '[the plan](javascript:alert(5))',
      '" onmouseover="alert(6)" x="',
      '[Beijing](javascript:alert(9))',
    ])
      expect(text).toContain(s);
    expect(report.title).toContain('<script>');
    expect(report.rounds.every((r) => r.meta.place?.includes('onmouseover'))).toBe(true);
  });

  it('keeps them inert text: no unescaped tag, no on… attribute, no javascript: href', () => {
    // Attribute values are always double-quoted, `"` inside them escaped: there `<` is plain text.
    // (The DOM checks below are the real test; these catch a serialiser that stops escaping.)
    const outsideAttributes = html.replace(/="[^"]*"/g, '=""');
    expect(outsideAttributes).not.toMatch(/<script>alert/i);
    expect(outsideAttributes).not.toMatch(/<img/i);
    expect(outsideAttributes).not.toMatch(/<b\s/i);
    expect(outsideAttributes).not.toMatch(/<[^>]*\son[a-z]+=/i);
    expect(html).not.toMatch(/href="\s*javascript:/i);
    const scripts = elements(tree).filter((e) => e.tagName === 'script');
    expect(scripts).toHaveLength(1);
    expect(textOf(scripts[0] as Element)).not.toContain('alert');
    for (const e of elements(tree)) {
      expect(['img', 'iframe', 'object', 'embed'].includes(e.tagName), e.tagName).toBe(false);
      if (e.tagName === 'b') expect(e.properties).toEqual({});
      for (const [name, value] of Object.entries(e.properties)) {
        expect(name, `${e.tagName} ${name}`).not.toMatch(/^on/i);
        if (name === 'href') expect(String(value)).not.toMatch(/javascript:|alert/i);
      }
    }
  });

  it('shows them as written, in the title, labels and tooltips', () => {
    const title = elements(tree).find((e) => e.tagName === 'title');
    expect(title && textOf(title)).toContain('Talks <script>alert(1)</script>');
    const tips = elements(tree)
      .map((e) => e.properties['title'])
      .filter((t): t is string => typeof t === 'string')
      .join('\n');
    expect(tips).toContain('<img src=x onerror=alert(7)>');
    expect(tips).toContain('[Beijing](javascript:alert(9))');
    const labels = rowsOf(tree).map(textOf).join('\n');
    expect(labels).toContain('<img src=x onerror=alert(7)>');
    expect(labels).toContain('" onmouseover="alert(6)" x="');
    expect(html).toContain('&#x3C;img src=x onerror=alert(7)> roads.</span>');
    expect(html).toContain('title="2025-06-01 · new · ¶2, line 11\nPakistan pledged to build <img');
  });
});

describe('relativeHref', () => {
  it('keeps a relative path and makes any other string one', () => {
    expect(relativeHref('a-b/2025-01-01--2025-06-01.html')).toBe('a-b/2025-01-01--2025-06-01.html');
    expect(relativeHref('a b/x#y?.html')).toBe('a%20b/x%23y%3F.html');
    expect(relativeHref('javascript:alert(1)/series.html')).toBe(
      'javascript%3Aalert(1)/series.html',
    );
    expect(relativeHref('//evil.example/x.html')).toBe('evil.example/x.html');
  });
});
