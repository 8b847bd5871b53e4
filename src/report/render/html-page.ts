/**
 * Shared shell of the HTML reports: one self-contained page (inline CSS and JS, nothing loaded from
 * the network), built as a hast tree and serialised with `toHtml`, so every text is escaped by
 * construction. Statement text only ever enters the page as hast text nodes or hast properties.
 */
import { createHash } from 'node:crypto';
import type { Element, ElementContent, Properties, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h, s } from 'hastscript';
import type { WordEdit } from '../../model/changes.js';

/** Children accepted by {@link h}: nodes, strings (become escaped text), or nothing. */
export type Child = ElementContent | string | null | undefined | false;

/** An element: `h()` with falsy children dropped. */
export function el(
  tag: string,
  props: Properties | null,
  ...children: (Child | readonly Child[])[]
): Element {
  const flat: (ElementContent | string)[] = [];
  for (const child of children.flat())
    if (child !== null && child !== undefined && child !== false) flat.push(child);
  return h(tag, props ?? {}, flat);
}

/** An SVG element (case-sensitive attributes such as `viewBox`): `s()` with falsy children dropped. */
export function svgEl(
  tag: string,
  props: Properties | null,
  ...children: (Child | readonly Child[])[]
): Element {
  const flat: (ElementContent | string)[] = [];
  for (const child of children.flat())
    if (child !== null && child !== undefined && child !== false) flat.push(child);
  return s(tag, props ?? {}, flat);
}

/**
 * A safe fragment identifier from any string: lower-case ASCII letters, digits and single dashes
 * (`∅` reads `none`), never empty.
 */
export function slug(text: string): string {
  const s = text
    .replace(/∅/g, 'none')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s === '' ? 'x' : s;
}

/** Hands out unique ids in call order: the first `p-4`, then `p-4-2`, … (deterministic). */
export class IdAllocator {
  readonly #used = new Set<string>();

  /** True when `id` has been handed out. */
  has(id: string): boolean {
    return this.#used.has(id);
  }

  /** `base`, or `base-N` with the smallest free N ≥ 2. */
  take(base: string): string {
    let id = base;
    for (let n = 2; this.#used.has(id); n++) id = `${base}-${n}`;
    this.#used.add(id);
    return id;
  }
}

/**
 * A relative link to a file beside the page: each path segment percent-encoded and empty segments
 * dropped, so no path can smuggle a scheme (`javascript:`), a host (`//…`), a query or a fragment
 * (`a/b c.html` → `a/b%20c.html`).
 */
export function relativeHref(path: string): string {
  return path
    .split(/[\\/]/)
    .filter((segment) => segment !== '')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** A BCP 47 tag fit for a `lang` attribute, or undefined when `tag` does not look like one. */
export function safeLang(tag: string | undefined): string | undefined {
  return tag !== undefined && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}$/.test(tag)
    ? tag
    : undefined;
}

/** `lang` of statement text, set only when it differs from the English page chrome. */
export function statementLang(tag: string | undefined): string | undefined {
  const lang = safeLang(tag);
  return lang && !/^en(?:-|$)/i.test(lang) ? lang : undefined;
}

/** Which text a word diff is drawn for: both (inline), or one side of a side-by-side row. */
export type DiffSide = 'inline' | 'before' | 'after';

function marked(tag: 'del' | 'ins', text: string): Child[] {
  const lead = /^\s*/.exec(text)?.[0] ?? '';
  const core = text.trim();
  if (core === '') return [text];
  const trail = text.slice(lead.length + core.length);
  return [lead, el(tag, null, core), trail];
}

/**
 * A word diff as hast nodes: deletions in `<del>`, insertions in `<ins>` (whitespace kept outside
 * the marks). `before` keeps equal + deleted runs, `after` equal + inserted, `inline` all three
 * (a whitespace-only deletion is dropped inline, where the insertion already spaces the words, and a
 * space separates a deletion from the insertion that directly follows it).
 */
export function diffNodes(edits: readonly WordEdit[], side: DiffSide): Child[] {
  const out: Child[] = [];
  let afterDelete = false;
  for (const edit of edits) {
    const joined = afterDelete && !/^\s/.test(edit.text);
    afterDelete = false;
    if (edit.op === 'equal') out.push(edit.text);
    else if (edit.op === 'delete') {
      if (side === 'after') continue;
      if (side === 'inline' && edit.text.trim() === '') continue;
      out.push(...marked('del', edit.text));
      afterDelete = side === 'inline' && !/\s$/.test(edit.text);
    } else {
      if (side === 'before') continue;
      // Inline, a deletion and the insertion replacing it would touch: a space keeps them apart.
      if (joined) out.push(' ');
      out.push(...marked('ins', edit.text));
    }
  }
  return out.filter((c) => c !== '');
}

/** Base CSS of every report page: system fonts, restrained palette, del/ins marked beyond colour. */
export const PAGE_CSS = `
:root{color-scheme:light;--fg:#1f2328;--muted:#57606a;--line:#d0d7de;--soft:#f6f8fa;--bg:#fff;--accent:#0550ae;
--del-fg:#82071e;--del-bg:#ffebe9;--ins-fg:#0f5323;--ins-bg:#dafbe1;
--k-new:#116329;--k-new-bg:#dafbe1;--k-dropped:#a40e26;--k-dropped-bg:#ffebe9;--k-reworded:#7d4e00;--k-reworded-bg:#fff1c5;
--k-moved:#6639ba;--k-moved-bg:#f3e8ff;--k-split:#0550ae;--k-split-bg:#ddf4ff;--k-merged:#0550ae;--k-merged-bg:#ddf4ff;
--k-cosmetic:#57606a;--k-cosmetic-bg:#eaeef2;--k-unchanged:#57606a;--k-unchanged-bg:#f6f8fa}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif}
.page{max-width:1120px;margin:0 auto;padding:28px 24px 48px}
h1{font-size:1.55rem;line-height:1.25;margin:0 0 4px;font-weight:650;letter-spacing:-.01em}
h2{font-size:1.15rem;margin:32px 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line);font-weight:650}
h3{font-size:.95rem;margin:22px 0 8px;color:var(--muted);font-weight:600}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,input:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
code{font:.85em/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;background:var(--soft);padding:1px 5px;border-radius:4px;overflow-wrap:anywhere}
.subtitle{margin:0 0 14px;color:var(--muted);font-size:1.05rem}
.arrow{color:var(--muted);padding:0 .3em}
.files{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:0 0 16px;font-size:.9rem}
.files dt{color:var(--muted);font-weight:600}
.files dd{margin:0}
.chips{list-style:none;display:flex;flex-wrap:wrap;gap:6px;margin:0 0 10px;padding:0}
.chip{display:inline-flex;align-items:baseline;gap:5px;padding:2px 10px;border-radius:999px;border:1px solid var(--line);background:var(--soft);font-size:.85rem}
.chip b{font-variant-numeric:tabular-nums}
.chip.zero{color:var(--muted);background:var(--bg);border-style:dashed}
.chip.plain{background:none}
.legend{font-size:.85rem;color:var(--muted);margin:0}
.legend>*{margin-right:10px}
.warning{border:1px solid #d4a72c;background:#fff8c5;color:#4d2d00;padding:8px 12px;border-radius:6px;margin:12px 0}
del{color:var(--del-fg);background:var(--del-bg);text-decoration:line-through;text-decoration-thickness:1px;border-radius:2px;padding:0 1px}
ins{color:var(--ins-fg);background:var(--ins-bg);text-decoration:underline;text-decoration-thickness:1px;text-underline-offset:2px;border-radius:2px;padding:0 1px}
del.whole,ins.whole{background:none;padding:0}
del.whole{color:#5c6570;text-decoration-color:rgba(207,34,46,.7)}
ins.whole{color:var(--fg);text-decoration-color:rgba(26,127,55,.55)}
.badge{display:inline-block;font-size:.7rem;font-weight:700;letter-spacing:.04em;padding:1px 7px;border-radius:4px;white-space:nowrap;color:var(--k-reworded);background:var(--k-reworded-bg);vertical-align:1px}
.k-new{color:var(--k-new);background:var(--k-new-bg)}
.k-dropped{color:var(--k-dropped);background:var(--k-dropped-bg)}
.k-moved{color:var(--k-moved);background:var(--k-moved-bg)}
.k-split{color:var(--k-split);background:var(--k-split-bg)}
.k-merged{color:var(--k-merged);background:var(--k-merged-bg)}
.k-cosmetic{color:var(--k-cosmetic);background:var(--k-cosmetic-bg)}
.k-unchanged{color:var(--k-unchanged);background:var(--k-unchanged-bg)}
.controls{display:none;position:sticky;top:0;z-index:2;background:var(--bg);border-bottom:1px solid var(--line);margin:20px -24px 0;padding:8px 24px;flex-wrap:wrap;align-items:center;gap:8px 18px;font-size:.85rem}
html.js .controls{display:flex}
.controls .label{color:var(--muted);font-weight:600;margin-right:2px}
.group-btn{display:inline-flex}
.group-btn button{font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--line);padding:3px 12px;cursor:pointer}
.group-btn button:first-of-type{border-radius:6px 0 0 6px}
.group-btn button:last-of-type{border-radius:0 6px 6px 0;border-left:0}
.group-btn button[aria-pressed=true]{background:var(--fg);color:var(--bg);border-color:var(--fg)}
.filters{display:flex;flex-wrap:wrap;gap:4px 12px;align-items:center}
.filters label{display:inline-flex;align-items:center;gap:4px;cursor:pointer}
.filters .count{color:var(--muted);font-variant-numeric:tabular-nums}
[id]{scroll-margin-top:64px}
.list{list-style:none;margin:0;padding:0}
.change{--kc:var(--k-reworded);border:1px solid var(--line);border-left:3px solid var(--kc);border-radius:6px;padding:8px 12px;margin:0 0 8px;background:var(--bg)}
[data-kind=new]{--kc:var(--k-new)}
[data-kind=dropped]{--kc:var(--k-dropped)}
[data-kind=moved]{--kc:var(--k-moved)}
[data-kind=split],[data-kind=merged]{--kc:var(--k-split)}
[data-kind=cosmetic]{--kc:var(--line)}
.change:target{box-shadow:0 0 0 3px #b6e3ff}
.head{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 10px;font-size:.82rem;margin-bottom:2px}
.cite{font-weight:700;font-variant-numeric:tabular-nums;text-decoration:none;color:var(--fg);white-space:nowrap}
.cite:hover{text-decoration:underline}
.quals{color:var(--muted)}
.loc{margin-left:auto;color:var(--muted);font-size:.78rem}
.text{margin:0;overflow-wrap:anywhere}
.top .list{border-top:1px solid var(--line)}
.top .change{display:grid;grid-template-columns:10.5em 1fr;gap:0 12px;margin:0;padding:6px 10px;border:0;border-bottom:1px solid var(--line);border-left:3px solid var(--kc);border-radius:0}
.top .where{display:flex;flex-wrap:wrap;align-items:baseline;gap:2px 8px;font-size:.82rem;padding-top:2px}
.top .quals{font-size:.82rem;margin:0}
.sbs{width:100%;border-collapse:collapse;table-layout:fixed;font-size:.93rem}
.sbs thead th{position:sticky;top:44px;background:var(--soft);text-align:left;font-weight:600;padding:6px 10px;border:1px solid var(--line);z-index:1}
.sbs th.section{text-align:left;background:var(--bg);color:var(--muted);font-size:.9rem;padding:18px 2px 6px;border:0}
.sbs .meta th{text-align:left;font-weight:400;padding:8px 10px 2px;border:1px solid var(--line);border-bottom:0;background:var(--soft)}
.sbs td{vertical-align:top;padding:4px 10px 8px;border:1px solid var(--line);border-top:0;overflow-wrap:anywhere}
.sbs td.empty{background:repeating-linear-gradient(135deg,var(--soft),var(--soft) 6px,var(--bg) 6px,var(--bg) 12px)}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
footer{margin-top:40px;padding-top:10px;border-top:1px solid var(--line);color:var(--muted);font-size:.8rem}
html.js[data-view=sbs] #view-inline,html.js:not([data-view=sbs]) #view-sbs{display:none}
@media screen{.filtered-out{display:none!important}}
@media (max-width:700px){.page{padding:16px 12px}.top .change{grid-template-columns:1fr}.controls{margin:16px -12px 0;padding:8px 12px}.loc{margin-left:0}}
@media print{body{font-size:10.5pt}.page{max-width:none;padding:0}.controls{display:none!important}
.sbs thead th{position:static}.change,.sbs tbody{break-inside:avoid}a{color:inherit;text-decoration:none}
del,ins,.badge{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;

/**
 * CSS of plain data tables (`table.data`, e.g. the index's pair lists and a series' rounds), of
 * `.note` paragraphs and of the `.meta-line` under a heading; pages add it through `PageParts.css`.
 */
export const DATA_TABLE_CSS = `
.table-wrap{overflow-x:auto;margin:0 0 8px}
.data{width:100%;border-collapse:collapse;font-size:.88rem;font-variant-numeric:tabular-nums}
.data th,.data td{padding:5px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:baseline}
.data thead th{background:var(--soft);border-top:1px solid var(--line);color:var(--muted);font-size:.78rem;font-weight:600;white-space:nowrap}
.data .num{text-align:right;white-space:nowrap}
.data td.zero{color:#8c959f}
.data tbody tr:hover{background:var(--soft)}
.data tbody tr:target{background:#fff8c5}
.data .sub{display:block;color:var(--muted);font-size:.78rem}
.note{color:var(--muted);font-size:.85rem;margin:6px 0}
.meta-line{color:var(--muted);font-size:.9rem;margin:0 0 10px}
.meta-line>*+*::before{content:"·";padding:0 .5em;color:var(--line)}
@media print{.data tbody tr{break-inside:avoid}}
`;

/**
 * The one inline script: reveals the controls (the page reads fully without it), switches views
 * (`data-view` on <html>), filters entries by `data-kind` (class `filtered-out`, screen only), hides a
 * group (`data-group-head`) whose members (`data-in-group`) are all filtered out, and follows `#…`
 * links into whichever view holds the target. It reads only the DOM; no statement text is in it.
 */
export const PAGE_SCRIPT = `(function(){
var d=document,root=d.documentElement;
root.classList.add('js');
root.setAttribute('data-view','inline');
function all(sel,ctx){return Array.prototype.slice.call((ctx||d).querySelectorAll(sel));}
function setView(v){
root.setAttribute('data-view',v);
all('[data-set-view]').forEach(function(b){b.setAttribute('aria-pressed',String(b.getAttribute('data-set-view')===v));});
}
function applyFilters(){
var off={};
all('input[data-filter-kind]').forEach(function(c){if(!c.checked)off[c.value]=true;});
all('[data-kind]').forEach(function(e){e.classList.toggle('filtered-out',off[e.getAttribute('data-kind')]===true);});
all('[data-group-head]').forEach(function(g){
var k=g.getAttribute('data-group-head');
var shown=all('[data-in-group]').some(function(m){return m.getAttribute('data-in-group')===k&&!m.classList.contains('filtered-out');});
g.classList.toggle('filtered-out',!shown);
});
}
function follow(){
var id=location.hash.slice(1);if(!id)return;
var t=d.getElementById(decodeURIComponent(id));if(!t)return;
var view=t.closest('[data-view-name]');
if(view)setView(view.getAttribute('data-view-name'));
var entry=t.closest('[data-kind]');
if(entry&&entry.classList.contains('filtered-out')){
all('input[data-filter-kind]').forEach(function(c){if(c.value===entry.getAttribute('data-kind'))c.checked=true;});
applyFilters();
}
t.scrollIntoView();
}
d.addEventListener('DOMContentLoaded',function(){
all('[data-set-view]').forEach(function(b){b.addEventListener('click',function(){setView(b.getAttribute('data-set-view'));});});
all('input[data-filter-kind]').forEach(function(c){c.addEventListener('change',applyFilters);});
applyFilters();
if(location.hash)follow();
});
window.addEventListener('hashchange',follow);
})();`;

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

/** What {@link renderPage} needs. */
export interface PageParts {
  /** Text of <title>. */
  readonly title: string;
  /** Language of the page chrome (default `en`). */
  readonly lang?: string;
  /** Content of <body>. */
  readonly body: readonly Child[];
  /** Extra CSS after {@link PAGE_CSS}. */
  readonly css?: string;
  /** The inline script (default {@link PAGE_SCRIPT}); it must be the page's only script. */
  readonly script?: string;
}

/**
 * The whole page as a string: doctype, <html lang>, charset, viewport, a Content-Security-Policy
 * that allows no network and only the page's own script (by hash), inline CSS, the body.
 */
export function renderPage(parts: PageParts): string {
  const css = parts.css ? `${PAGE_CSS}${parts.css}` : PAGE_CSS;
  const script = parts.script ?? PAGE_SCRIPT;
  if (/<\//.test(css) || /<\//.test(script)) throw new Error('inline CSS/JS must not contain "</"');
  const csp = [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `script-src 'sha256-${sha256(script)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      el(
        'html',
        { lang: safeLang(parts.lang) ?? 'en' },
        el(
          'head',
          null,
          el('meta', { charSet: 'utf-8' }),
          el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          el('meta', { httpEquiv: ['Content-Security-Policy'], content: csp }),
          el('meta', { name: 'referrer', content: 'no-referrer' }),
          el('title', null, parts.title.replace(/\s+/g, ' ')),
          el('style', null, css),
          el('script', null, script),
        ),
        el('body', null, ...parts.body),
      ),
    ],
  };
  return `${toHtml(tree)}\n`;
}
