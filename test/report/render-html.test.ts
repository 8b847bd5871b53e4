import type { Element, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseStatement } from '../../src/analyse/analyse-statement.js';
import { loadStatement } from '../../src/archive/load-statement.js';
import type { ComparisonReport } from '../../src/model/changes.js';
import { parseStatement } from '../../src/parse/parse-statement.js';
import { compareStatements } from '../../src/report/build-comparison.js';
import { mostSignificant, visibleChanges } from '../../src/report/describe-change.js';
import { diffNodes, slug } from '../../src/report/render/html-page.js';
import { renderHtml } from '../../src/report/render/render-html.js';
import { DEFAULT_RENDER_OPTIONS } from '../../src/report/render/render-options.js';

const dir = 'statements/china-pakistan-fm-strategic-dialogue';

async function archivePair(): Promise<ComparisonReport> {
  return compareStatements(
    await loadStatement(`${dir}/2025-08-21.md`),
    await loadStatement(`${dir}/2026-01-04.md`),
  );
}

/** Two small statements whose text, headings and metadata carry hostile strings (Markdown-escaped so they stay text). */
function hostileReport(): ComparisonReport {
  const front = (date: string): string =>
    `---\ntitle: "Talks <script>alert(1)</script>"\ndate: ${date}\nplace: "\\" onmouseover=\\"x"\n---\n\n`;
  const before = `${front('2025-01-01')}# Cooperation \\<img src=x onerror=alert(1)>

1. The two sides agreed to cooperate on trade.

2. The parties noted \\<script>alert(1)\\</script> the progress made.

3. They welcomed \\[link](javascript:alert(1)) the new plan.

4. China said " onmouseover="x it would help.
`;
  const after = `${front('2025-06-01')}# Cooperation \\<img src=x onerror=alert(1)>

1. The two sides agreed to deepen cooperation on trade and \\<img src=x onerror=alert(1)> investment.

2. The parties noted \\<script>alert(1)\\</script> the great progress made.

3. Pakistan said " onmouseover="x it would help.

4. They agreed to meet again \\<b onmouseover="alert(1)">soon\\</b> in \\[Beijing](javascript:alert(1)).
`;
  const load = (text: string, file: string) => analyseStatement(parseStatement(text, { file }));
  return compareStatements(load(before, 'hostile-a.md'), load(after, 'hostile-b.md'));
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

function byId(root: Root, id: string): Element | undefined {
  return elements(root).find((e) => e.properties['id'] === id);
}

function classes(e: Element): string[] {
  const c = e.properties['className'];
  return Array.isArray(c) ? c.map(String) : [];
}

describe('renderHtml on the archive pair', () => {
  let report: ComparisonReport;
  let html: string;
  let tree: Root;
  beforeAll(async () => {
    report = await archivePair();
    html = renderHtml(report, DEFAULT_RENDER_OPTIONS);
    tree = parse(html);
  });

  it('is one self-contained document with the required head', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.match(/<html[\s>]/g)).toHaveLength(1);
    expect(html.match(/<\/html>/g)).toHaveLength(1);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport"');
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    const scripts = elements(tree).filter((e) => e.tagName === 'script');
    expect(scripts).toHaveLength(1);
    expect(scripts[0]?.properties['src']).toBeUndefined();
    expect(
      elements(tree).filter(
        (e) => e.tagName === 'link' || e.tagName === 'img' || e.tagName === 'iframe',
      ),
    ).toEqual([]);
  });

  it('loads nothing from the network: every src/href is a # anchor, and the CSS imports nothing', () => {
    for (const e of elements(tree)) {
      for (const attr of ['src', 'href', 'action', 'poster', 'srcSet']) {
        const value = e.properties[attr];
        if (value !== undefined) expect(String(value), `${e.tagName} ${attr}`).toMatch(/^#/);
      }
    }
    expect(html).not.toMatch(/url\(|@import|https?:\/\/[^"'\s<]*\.(?:css|js|woff2?)/);
  });

  it('has every anchor it links to, and paragraph anchors (#p-N)', () => {
    const ids = elements(tree)
      .map((e) => e.properties['id'])
      .filter((id): id is string => typeof id === 'string');
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of elements(tree)) {
      const href = e.properties['href'];
      if (typeof href === 'string') expect(ids, href).toContain(href.slice(1));
    }
    const paragraphs = new Set(
      visibleChanges(report).flatMap((c) => (c.after ? [c.after.paragraph] : [])),
    );
    expect(paragraphs.size).toBeGreaterThan(3);
    for (const p of paragraphs) expect(ids).toContain(`p-${slug(p)}`);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  it('shows every visible change exactly once in each view', () => {
    const changes = visibleChanges(report);
    const inline = byId(tree, 'view-inline');
    const sbs = byId(tree, 'view-sbs');
    if (!inline || !sbs) throw new Error('missing views');
    const inlineEntries = elements(inline).filter((e) => e.properties['dataKind'] !== undefined);
    const sbsEntries = elements(sbs).filter((e) => e.properties['dataKind'] !== undefined);
    expect(inlineEntries).toHaveLength(changes.length);
    expect(sbsEntries).toHaveLength(changes.length);
    expect(sbs.children.some((c) => c.type === 'element' && c.tagName === 'table')).toBe(true);
    for (const change of changes) {
      const id = `change-${slug(change.id)}`;
      expect(
        inlineEntries.filter((e) => e.properties['id'] === id),
        id,
      ).toHaveLength(1);
      expect(
        sbsEntries.filter((e) => e.properties['id'] === `sbs-${id}`),
        id,
      ).toHaveLength(1);
      expect(inlineEntries.find((e) => e.properties['id'] === id)?.properties['dataKind']).toBe(
        change.kind,
      );
    }
    const top = elements(tree).filter((e) => e.properties['dataInGroup'] === 'top');
    expect(top).toHaveLength(mostSignificant(changes).length);
    expect(top.length).toBeGreaterThan(0);
    expect(top.length).toBeLessThan(changes.length);
  });

  it('marks new/dropped sentences whole and word edits with <del>/<ins>; side-by-side new/dropped rows have one empty cell', () => {
    const sbs = byId(tree, 'view-sbs');
    if (!sbs) throw new Error('missing side-by-side view');
    const rows = elements(sbs).filter(
      (e) => e.tagName === 'tbody' && e.properties['dataKind'] !== undefined,
    );
    for (const row of rows) {
      const cells = elements(row).filter((e) => e.tagName === 'td');
      expect(cells).toHaveLength(2);
      const empty = cells.filter((c) => classes(c).includes('empty')).length;
      const kind = row.properties['dataKind'];
      expect(empty, String(kind)).toBe(kind === 'new' || kind === 'dropped' ? 1 : 0);
      if (kind === 'new')
        expect(elements(cells[1] as Element).some((e) => e.tagName === 'ins')).toBe(true);
      if (kind === 'dropped')
        expect(elements(cells[0] as Element).some((e) => e.tagName === 'del')).toBe(true);
      if (kind === 'reworded') {
        expect(elements(cells[0] as Element).some((e) => e.tagName === 'ins')).toBe(false);
        expect(elements(cells[1] as Element).some((e) => e.tagName === 'del')).toBe(false);
      }
    }
    expect(html).toContain('<del>Islamabad on 21 August 2025.</del>');
  });

  it('has one kind filter per kind present and buttons for the two views', () => {
    const kinds = new Set(visibleChanges(report).map((c) => c.kind));
    const filters = elements(tree).filter(
      (e) => e.tagName === 'input' && e.properties['dataFilterKind'] !== undefined,
    );
    expect(new Set(filters.map((f) => String(f.properties['value'])))).toEqual(kinds);
    expect(
      filters.every((f) => f.properties['checked'] === true && f.properties['type'] === 'checkbox'),
    ).toBe(true);
    const buttons = elements(tree).filter((e) => e.tagName === 'button');
    expect(buttons.map((b) => b.properties['dataSetView'])).toEqual(['inline', 'sbs']);
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

  it('is deterministic: the same report, or the same inputs compared again, give byte-identical HTML', async () => {
    expect(renderHtml(report, DEFAULT_RENDER_OPTIONS)).toBe(html);
    expect(renderHtml(await archivePair(), DEFAULT_RENDER_OPTIONS)).toBe(html);
    expect(html).not.toMatch(/\b20\d\d-\d\d-\d\dT\d\d:/);
  });

  it('respects options.only', () => {
    const only = renderHtml(report, { ...DEFAULT_RENDER_OPTIONS, only: new Set(['dropped']) });
    const kinds = new Set(
      elements(parse(only)).flatMap((e) =>
        e.properties['dataKind'] !== undefined ? [String(e.properties['dataKind'])] : [],
      ),
    );
    expect([...kinds]).toEqual(['dropped']);
    const none = renderHtml(report, { ...DEFAULT_RENDER_OPTIONS, only: new Set(['merged']) });
    expect(none).toContain('No changes of the selected kinds.');
    expect(none).not.toContain(' data-kind="');
  });
});

describe('renderHtml with hostile statement text', () => {
  const report = hostileReport();
  const html = renderHtml(report, DEFAULT_RENDER_OPTIONS);
  const tree = parse(html);

  it('the hostile strings do reach the report (the test is not vacuous)', () => {
    const text = [...report.before.sentences, ...report.after.sentences]
      .map((s) => s.text)
      .join('\n');
    for (const s of [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[link](javascript:alert(1))',
      '" onmouseover="x',
    ])
      expect(text).toContain(s);
    expect(report.after.meta.title).toContain('<script>');
    expect(report.sections.some((s) => s.afterHeading?.includes('onerror'))).toBe(true);
  });

  it('keeps them inert text: no unescaped <script>alert, no onerror/onmouseover attribute, no javascript: href', () => {
    expect(html).not.toMatch(/<script>alert/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i);
    expect(html).not.toMatch(/href="\s*javascript:/i);
    const scripts = elements(tree).filter((e) => e.tagName === 'script');
    expect(scripts).toHaveLength(1);
    expect(
      scripts[0]?.children.map((c) => (c.type === 'text' ? c.value : '')).join(''),
    ).not.toContain('alert');
    for (const e of elements(tree)) {
      expect(['img', 'iframe', 'object', 'embed'].includes(e.tagName), e.tagName).toBe(false);
      for (const [name, value] of Object.entries(e.properties)) {
        expect(name, `${e.tagName} ${name}`).not.toMatch(/^on/i);
        expect(String(value)).not.toMatch(/javascript:|alert/i);
      }
    }
  });

  it('shows them as written', () => {
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    expect(html).toContain('" onmouseover="x');
    const text = elements(tree)
      .filter((e) => e.tagName === 'h1' || e.tagName === 'h3' || e.tagName === 'title')
      .flatMap((e) => e.children.map((c) => (c.type === 'text' ? c.value : '')));
    expect(text.join('\n')).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('diffNodes', () => {
  const edits = [
    { op: 'equal', text: 'a ' },
    { op: 'delete', text: 'b ' },
    { op: 'insert', text: 'c ' },
    { op: 'equal', text: 'd' },
  ] as const;
  const flat = (nodes: ReturnType<typeof diffNodes>): string =>
    nodes
      .map((n) =>
        typeof n === 'string'
          ? n
          : n && n.type === 'element'
            ? `<${n.tagName}>${n.children.map((c) => (c.type === 'text' ? c.value : '')).join('')}</${n.tagName}>`
            : '',
      )
      .join('');

  it('keeps one side per column and whitespace outside the marks', () => {
    expect(flat(diffNodes(edits, 'inline'))).toBe('a <del>b</del> <ins>c</ins> d');
    expect(flat(diffNodes(edits, 'before'))).toBe('a <del>b</del> d');
    expect(flat(diffNodes(edits, 'after'))).toBe('a <ins>c</ins> d');
  });

  it('keeps a deletion and the insertion that replaces it apart inline', () => {
    const touching = [
      { op: 'equal', text: 'in ' },
      { op: 'delete', text: 'August;' },
      { op: 'insert', text: 'September.' },
      { op: 'equal', text: ' More' },
    ] as const;
    expect(flat(diffNodes(touching, 'inline'))).toBe(
      'in <del>August;</del> <ins>September.</ins> More',
    );
    expect(flat(diffNodes(touching, 'after'))).toBe('in <ins>September.</ins> More');
  });
});
