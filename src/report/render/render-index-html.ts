/** The archive's index page: every series with its timeline and pair reports. */
import type { Element } from 'hast';
import type { Child } from './html-page.js';
import { DATA_TABLE_CSS, IdAllocator, el, relativeHref, renderPage, slug } from './html-page.js';

/**
 * One entry of the index page's search: `[series, lineage id, date, paragraph, text]`, one per
 * distinct wording of a lineage.
 */
export type SearchEntry = [string, string, string, string, string];

/** The index page's search, run in the page from file:// (no server, no network). */
const SEARCH_SCRIPT = `document.addEventListener('DOMContentLoaded',function(){
var d=document,data=d.getElementById('search-data'),form=d.getElementById('search');
if(!data||!form)return;
var q=d.getElementById('q'),out=d.getElementById('search-results'),status=d.getElementById('search-status');
var entries=JSON.parse(data.textContent||'[]');
var WORD=/[\\p{L}\\p{N}]+/gu;
function words(t){return (t.toLowerCase().match(WORD)||[]);}
var index=entries.map(function(e){return words(e[4]);});
function starts(ws,t){for(var i=0;i<ws.length;i++)if(ws[i].indexOf(t)===0)return true;return false;}
function mark(into,text,terms){
  var re=new RegExp(WORD.source,'gu'),last=0,m;
  while((m=re.exec(text))){
    var w=m[0].toLowerCase();
    if(!terms.some(function(t){return w.indexOf(t)===0;}))continue;
    into.appendChild(d.createTextNode(text.slice(last,m.index)));
    var k=d.createElement('mark');k.textContent=m[0];into.appendChild(k);last=m.index+m[0].length;
  }
  into.appendChild(d.createTextNode(text.slice(last)));
}
function run(){
  var terms=words(q.value);out.textContent='';
  if(!terms.length){status.textContent='';return;}
  var hits=[];
  for(var i=0;i<entries.length;i++)if(terms.every(function(t){return starts(index[i],t);}))hits.push(entries[i]);
  status.textContent=hits.length+(hits.length===1?' wording':' wordings')+' found'+(hits.length>100?'; the first 100 shown':'');
  hits.slice(0,100).forEach(function(e){
    var li=d.createElement('li'),a=d.createElement('a');
    a.href=e[0]+'/history/'+e[1].replace(/[^A-Za-z0-9-]/g,'_')+'.html';a.textContent=e[1];
    li.appendChild(a);
    var meta=d.createElement('span');meta.className='meta';meta.textContent=' '+e[0]+' · '+e[2]+' · ¶'+e[3]+' ';li.appendChild(meta);
    var t=d.createElement('span');mark(t,e[4],terms);li.appendChild(t);out.appendChild(li);
  });
}
form.hidden=false;
q.addEventListener('input',run);
form.addEventListener('submit',function(ev){ev.preventDefault();run();});
});`;

/** What the index shows of one pair report. */
export interface PairSummary {
  /** The counts line (`new 3 · dropped 1 · changed 4 · unchanged 9`). */
  readonly counts: string;
  /** The lead change in one line: kind, citation, main reason, text. */
  readonly lead?: string;
}

/** What the index lists for one series. */
export interface IndexSeries {
  readonly series: string;
  readonly title: string;
  readonly rounds: number;
  /** Link to the series timeline page, relative to the index. */
  readonly timeline: string;
  /** Pair reports: label (`2025-08-21 → 2026-01-04`) and link. */
  readonly pairs: readonly {
    readonly label: string;
    readonly html: string;
    readonly markdown: string;
    readonly json: string;
    readonly summary?: PairSummary;
  }[];
  readonly downloads: readonly { readonly label: string; readonly href: string }[];
}

/** CSS of the index, after the shared page and table CSS. */
const INDEX_CSS = `
.search{margin:16px 0}
.search input{font:inherit;padding:4px 8px;min-width:20em}
#search-results{padding-left:1.4em}
#search-results li{margin:.3em 0}
#search-results .meta{color:var(--muted);font-size:.85rem}
.toc{list-style:none;display:flex;flex-wrap:wrap;gap:6px;margin:0 0 8px;padding:0}
.series-card{margin:28px 0 0}
.series-card h2{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 12px}
.series-card h2 .id{font-size:.8rem;font-weight:400;color:var(--muted)}
.actions{display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px;margin:0 0 14px;font-size:.9rem}
.primary{display:inline-block;padding:5px 14px;border-radius:6px;background:var(--accent);color:#fff;font-weight:600;text-decoration:none}
.primary:hover{background:#033d8b}
.downloads{color:var(--muted)}
.downloads a{margin-left:6px}
.pairs td.label{font-variant-numeric:tabular-nums;white-space:nowrap}
.pairs td a+a{margin-left:10px}
.pairs td.counts{white-space:nowrap;font-variant-numeric:tabular-nums;color:var(--muted);font-size:.85rem}
.pairs td.lead{font-size:.9rem}
@media print{.primary{background:none;color:inherit;padding:0;font-weight:600}}
`;

function seriesSection(s: IndexSeries, id: string): Element {
  return el(
    'section',
    { id, className: ['series-card'], ariaLabelledBy: [`${id}-h`] },
    el(
      'h2',
      { id: `${id}-h` },
      el('span', null, s.title),
      s.title !== s.series ? el('code', { className: ['id'] }, s.series) : null,
    ),
    el(
      'p',
      { className: ['meta-line'] },
      el('span', null, `${s.rounds} ${s.rounds === 1 ? 'round' : 'rounds'}`),
      el('span', null, `${s.pairs.length} ${s.pairs.length === 1 ? 'comparison' : 'comparisons'}`),
    ),
    el(
      'p',
      { className: ['actions'] },
      el(
        'a',
        { className: ['primary'], href: relativeHref(s.timeline) },
        'Timeline of every commitment',
      ),
      s.downloads.length
        ? el(
            'span',
            { className: ['downloads'] },
            'Series data:',
            s.downloads.map((d) => el('a', { href: relativeHref(d.href) }, d.label)),
          )
        : null,
    ),
    s.pairs.length
      ? el(
          'div',
          { className: ['table-wrap'] },
          el(
            'table',
            { className: ['data', 'pairs'] },
            el(
              'thead',
              null,
              el(
                'tr',
                null,
                el('th', { scope: 'col' }, 'Rounds compared'),
                el('th', { scope: 'col' }, 'Changes'),
                el('th', { scope: 'col' }, 'Lead change'),
                el('th', { scope: 'col' }, 'Report'),
                el('th', { scope: 'col' }, 'Other formats'),
              ),
            ),
            el(
              'tbody',
              null,
              s.pairs.map((p) =>
                el(
                  'tr',
                  null,
                  el('td', { className: ['label'] }, p.label),
                  el('td', { className: ['counts'] }, p.summary?.counts ?? ''),
                  el('td', { className: ['lead'] }, p.summary?.lead ?? ''),
                  el('td', null, el('a', { href: relativeHref(p.html) }, 'HTML')),
                  el(
                    'td',
                    null,
                    el('a', { href: relativeHref(p.markdown) }, 'Markdown'),
                    el('a', { href: relativeHref(p.json) }, 'JSON'),
                  ),
                ),
              ),
            ),
          ),
        )
      : el('p', { className: ['note'] }, 'One round only: nothing to compare yet.'),
  );
}

/** The index page (links are relative; no network). */
export function renderIndexHtml(
  series: readonly IndexSeries[],
  toolVersion: string,
  search: readonly SearchEntry[] = [],
): string {
  const alloc = new IdAllocator();
  const ids = series.map((s) => alloc.take(`series-${slug(s.series)}`));
  const comparisons = series.reduce((n, s) => n + s.pairs.length, 0);
  const body: Child[] = [
    el(
      'div',
      { className: ['page', 'index'] },
      el(
        'header',
        null,
        el('h1', null, 'statement-diff reports'),
        el(
          'p',
          { className: ['subtitle'] },
          `${series.length} series · ${comparisons} ${comparisons === 1 ? 'comparison' : 'comparisons'} of consecutive rounds`,
        ),
        series.length > 1
          ? el(
              'ul',
              { className: ['toc'], ariaLabel: 'Series' },
              series.map((s, i) =>
                el(
                  'li',
                  { className: ['chip', 'plain'] },
                  el('a', { href: `#${ids[i] ?? ''}` }, s.title),
                ),
              ),
            )
          : null,
      ),
      search.length
        ? el(
            'section',
            { className: ['search'], ariaLabel: 'Search' },
            el(
              'form',
              { id: 'search', role: 'search', hidden: true },
              el(
                'label',
                { htmlFor: ['q'] },
                'Search every wording of every commitment ',
                el('input', {
                  type: 'search',
                  id: 'q',
                  autoComplete: ['off'],
                  placeholder: 'e.g. Kashmir',
                }),
              ),
            ),
            el('p', { id: 'search-status', ariaLive: 'polite' }),
            el('ol', { id: 'search-results' }),
            // Data, not code: never executed; "<" escaped so no text can close the element.
            el(
              'script',
              { type: 'application/json', id: 'search-data' },
              JSON.stringify(search).replace(/</g, '\\u003c'),
            ),
          )
        : null,
      el(
        'main',
        null,
        series.length
          ? series.map((s, i) => seriesSection(s, ids[i] ?? `series-${i + 1}`))
          : el('p', { className: ['note'] }, 'No series found in statements/.'),
      ),
      el(
        'footer',
        null,
        `Generated by statement-diff ${toolVersion} from statements/. `,
        el('a', { href: 'manifest.json' }, 'manifest.json'),
        ' lists the SHA-256 of every input and output.',
      ),
    ),
  ];
  return renderPage({
    title: 'statement-diff reports',
    body,
    css: `${DATA_TABLE_CSS}${INDEX_CSS}`,
    script: SEARCH_SCRIPT,
  });
}
