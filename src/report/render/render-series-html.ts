/**
 * Series HTML renderer: one self-contained page per series (inline CSS, SVG and JS, no network).
 * Header with counts and legend, a timeline chart of the churn per round (inline SVG drawn here, no
 * chart library), the lineage matrix (one row per commitment, one column per round) with filters,
 * and the table of rounds with optional links to the pair reports. Built as a hast tree, so all
 * statement text is escaped by construction; the page reads fully without JavaScript.
 */
import type { Element } from 'hast';
import type {
  Lineage,
  Occurrence,
  OccurrenceStatus,
  SeriesReport,
  SeriesRound,
} from '../../model/series.js';
import type { Child } from './html-page.js';
import {
  DATA_TABLE_CSS,
  IdAllocator,
  el,
  renderPage,
  slug,
  statementLang,
  svgEl,
} from './html-page.js';
import { MARKS, historyOf, orderedLineages } from './render-series.js';

/** Where `report` writes the history page of a lineage, relative to its series page. */
export function historyHref(lineageId: string): string {
  return `history/${lineageId.replace(/[^A-Za-z0-9-]/g, '_')}.html`;
}

/** How to render a series page. */
export interface SeriesHtmlOptions {
  /**
   * Link each round to the pair report of it and the round before, `<before-date>--<after-date>.html`
   * in the same folder, as the archive writes them (default: `false`, so a page written anywhere
   * else has no dead links).
   */
  readonly pairLinks?: boolean;
  /**
   * Link each lineage row to the history page of that commitment, `history/<lineage id>.html`
   * beside the page, as `report` writes them (default: `false`).
   */
  readonly historyLinks?: boolean;
  /**
   * Most lineage rows in the matrix; commitments are kept before context sentences, and a note says
   * how many were left out (default: `400`; FOMC, 162 rounds and 226 lineages, makes a 0.8 MB page
   * that opens in well under a second).
   */
  readonly maxLineages?: number;
}

/** Rows of the matrix when {@link SeriesHtmlOptions.maxLineages} is not given. */
export const DEFAULT_MAX_LINEAGES = 400;

/** Up to this many rounds the matrix shows a mark and a date per column; beyond, a compact strip. */
const WIDE_ROUNDS = 12;

/** A round date of the archive's naming (`YYYY-MM-DD`), the only kind a pair link is built from. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Words of an occurrence's status in tooltips. */
const STATUS_WORD: Readonly<Record<OccurrenceStatus, string>> = {
  first: 'first round',
  new: 'new',
  carried: 'carried unchanged',
  changed: 'changed',
  revived: 'revived',
};

/** Chart segments stacked from the baseline up (`first` only in the first round). */
const STACK = ['carried', 'changed', 'revived', 'new'] as const;

/** Legend entries of the chart, in reading order. */
const CHART_LEGEND: readonly (readonly [string, string])[] = [
  ['new', 'new'],
  ['changed', 'changed'],
  ['revived', 'revived'],
  ['carried', 'carried unchanged'],
  ['dropped', 'dropped (below the line)'],
  ['first', 'first round'],
];

/** A number for SVG coordinates: at most one decimal, so output is short and deterministic. */
function num(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(rounded === 0 ? 0 : rounded);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Year and month-day of a round date, for column headings (`—` and the whole date when not ISO). */
function dateParts(date: string): { year: string; day: string } {
  return ISO_DATE.test(date)
    ? { year: date.slice(0, 4), day: date.slice(5) }
    : { year: '—', day: date };
}

/** The one language all rounds declare, when it is not English (for `lang` on statement text). */
function seriesLang(report: SeriesReport): string | undefined {
  const langs = new Set(report.rounds.map((r) => r.meta.language ?? ''));
  const [only] = [...langs];
  return langs.size === 1 && only ? statementLang(only) : undefined;
}

/** Sentences stacked above the line in round `r`: every sentence of the first round, else the kept and new ones. */
function roundTotal(round: SeriesRound, r: number): number {
  const c = round.counts;
  return r === 0 ? round.sentences : c.carried + c.changed + c.revived + c.new;
}

/**
 * History of a lineage: the events of {@link historyOf}, `standing` first; when there are more than
 * six, per kind a count and date range (`changed ×23 (2016-01-27 … 2019-03-20)`), so a row of a
 * 160-round series stays one line.
 */
export function historyText(report: SeriesReport, lineage: Lineage): string {
  const full = historyOf(report, lineage);
  const events = full === '' ? [] : full.split('; ');
  if (events.length <= 6) {
    const rest = events.filter((e) => e !== 'standing');
    return (rest.length < events.length ? ['standing', ...rest] : rest).join('; ');
  }
  const byKind = new Map<string, string[]>();
  let standing = false;
  for (const event of events) {
    const space = event.indexOf(' ');
    if (space < 0) {
      standing ||= event === 'standing';
      continue;
    }
    const kind = event.slice(0, space);
    const list = byKind.get(kind) ?? [];
    list.push(event.slice(space + 1));
    byKind.set(kind, list);
  }
  const parts = [...byKind].map(([kind, dates]) =>
    dates.length <= 2
      ? `${kind} ${dates.join(', ')}`
      : `${kind} ×${dates.length} (${dates[0] ?? ''} … ${dates[dates.length - 1] ?? ''})`,
  );
  if (standing) parts.unshift('standing');
  return parts.join('; ');
}

/** A history as text nodes, each event kept on one line (`; ` between events). */
function historyNodes(history: string): Child[] {
  if (history === '') return ['—'];
  return history.split('; ').flatMap((event, i) => [i ? '; ' : null, el('span', null, event)]);
}

/** The rows of the matrix: commitments in {@link orderedLineages} order, then context sentences, capped. */
function matrixRows(
  report: SeriesReport,
  max: number,
): { commitments: Lineage[]; context: Lineage[]; left: number } {
  const ordered = orderedLineages(report);
  const context = report.lineages
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => l.isContext)
    .sort(
      (x, y) =>
        y.l.occurrences.length - x.l.occurrences.length ||
        (x.l.occurrences[0]?.round ?? 0) - (y.l.occurrences[0]?.round ?? 0) ||
        x.i - y.i,
    )
    .map(({ l }) => l);
  const commitments = ordered.slice(0, max);
  const kept = context.slice(0, Math.max(0, max - commitments.length));
  return {
    commitments,
    context: kept,
    left: ordered.length + context.length - commitments.length - kept.length,
  };
}

function header(report: SeriesReport, layout: MatrixLayout): Element {
  const s = report.summary;
  const first = report.rounds[0]?.date ?? '';
  const last = report.rounds[report.rounds.length - 1]?.date ?? '';
  const commitments = report.lineages.filter((l) => !l.isContext).length;
  const chip = (n: number, label: string, cls?: string): Element =>
    el(
      'li',
      { className: ['chip', n === 0 ? 'zero' : '', cls ?? ''].filter(Boolean) },
      el('b', null, String(n)),
      label,
    );
  return el(
    'header',
    null,
    el('h1', null, report.title),
    el(
      'p',
      { className: ['subtitle'] },
      `Series of ${plural(s.rounds, 'round')}, `,
      first,
      el('span', { className: ['arrow'] }, ' → '),
      last,
    ),
    el(
      'ul',
      { className: ['chips'], ariaLabel: 'Series summary' },
      chip(s.rounds, 'rounds', 'plain'),
      chip(s.lineages, 'lineages', 'plain'),
      chip(commitments, 'commitments', 'plain'),
      chip(s.standing, 'standing (in every round)', 'k-unchanged'),
      chip(s.revived, 'revived', 'k-moved'),
      chip(s.lineages - commitments, 'context sentences', 'plain'),
    ),
    el(
      'p',
      { className: ['legend'] },
      el('span', null, 'A lineage is one commitment followed across the rounds.'),
      el(
        'span',
        { className: ['marks-legend'] },
        markSample('s-carried', MARKS.carried),
        ' present ',
        markSample('s-new', MARKS.new),
        ' new ',
        markSample('s-changed', MARKS.changed),
        ' changed ',
        markSample('s-revived', MARKS.revived),
        ' revived ',
        markSample('s-dropped', '×'),
        ' dropped ',
        markSample('s-absent', MARKS.absent),
        ' absent',
      ),
    ),
  );

  function markSample(cls: string, mark: string): Element {
    return el(
      'span',
      { className: ['mk', cls, layout.wide ? '' : 'solid'].filter(Boolean), ariaHidden: 'true' },
      mark,
    );
  }
}

/** Geometry of the chart, in SVG user units (the SVG scales to the page width). */
const CHART = { width: 1072, height: 290, left: 52, right: 14, top: 22, bottom: 48 } as const;

/** A "nice" tick step (1, 2, 5 × 10^k) giving at most `ticks` intervals over `range`. */
function tickStep(range: number, ticks: number): number {
  if (range <= 0) return 1;
  const raw = range / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return Math.max(1, m * power);
  return Math.max(1, 10 * power);
}

function roundTitle(report: SeriesReport, r: number): string {
  const round = report.rounds[r] as SeriesRound;
  const head = `${round.date} · round ${r + 1} of ${report.rounds.length}`;
  if (r === 0) return `${head} (first): ${plural(round.sentences, 'sentence')}`;
  const c = round.counts;
  return `${head}: ${plural(round.sentences, 'sentence')}\nnew ${c.new} · changed ${c.changed} · revived ${c.revived} · carried ${c.carried} · dropped ${c.dropped}`;
}

function chartSummary(report: SeriesReport): string {
  const rounds = report.rounds;
  const most = (key: 'new' | 'dropped'): string => {
    let best = -1;
    let at = 0;
    rounds.forEach((round, r) => {
      if (r > 0 && round.counts[key] > best) {
        best = round.counts[key];
        at = r;
      }
    });
    return best < 0 ? '' : ` Most ${key}: ${best} on ${rounds[at]?.date ?? ''}.`;
  };
  return (
    `Timeline chart of ${report.title}: sentences per round for ${plural(rounds.length, 'round')}, ` +
    `${rounds[0]?.date ?? ''} to ${rounds[rounds.length - 1]?.date ?? ''}. ` +
    'Each bar stacks the carried, changed, revived and new sentences of a round; dropped sentences hang below the line.' +
    most('new') +
    most('dropped') +
    ' The table of rounds gives every number.'
  );
}

function timelineChart(report: SeriesReport): Element {
  const { width, height, left, right, top, bottom } = CHART;
  const n = report.rounds.length;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const maxUp = Math.max(1, ...report.rounds.map((round, r) => roundTotal(round, r)));
  const maxDown = Math.max(0, ...report.rounds.map((round) => round.counts.dropped));
  const step = tickStep(maxUp + maxDown, 6);
  const upTop = Math.ceil(maxUp / step) * step;
  const downBottom = Math.ceil(maxDown / step) * step;
  const scale = plotH / (upTop + downBottom);
  const y = (value: number): number => top + (upTop - value) * scale;
  const band = plotW / Math.max(1, n);
  const barW = Math.min(band * 0.72, 44);
  const xOf = (r: number): number => left + r * band + (band - barW) / 2;

  const grid: Element[] = [];
  for (let v = -downBottom; v <= upTop; v += step) {
    grid.push(
      svgEl('line', {
        className: [v === 0 ? 'zero' : 'grid'],
        x1: num(left),
        x2: num(width - right),
        y1: num(y(v)),
        y2: num(y(v)),
      }),
      svgEl(
        'text',
        { className: ['tick'], x: num(left - 6), y: num(y(v) + 3.5), textAnchor: 'end' },
        String(Math.abs(v)),
      ),
    );
  }

  const bars = report.rounds.map((round, r) => {
    const x = xOf(r);
    const rects: Element[] = [
      svgEl('rect', {
        className: ['hit'],
        x: num(left + r * band),
        y: num(top),
        width: num(band),
        height: num(plotH),
      }),
    ];
    const segment = (kind: string, from: number, to: number): void => {
      if (to <= from) return;
      rects.push(
        svgEl('rect', {
          className: [`b-${kind}`],
          x: num(x),
          y: num(y(to)),
          width: num(barW),
          height: num((to - from) * scale),
        }),
      );
    };
    if (r === 0) segment('first', 0, round.sentences);
    else {
      let base = 0;
      for (const kind of STACK) {
        segment(kind, base, base + round.counts[kind]);
        base += round.counts[kind];
      }
      segment('dropped', -round.counts.dropped, 0);
    }
    return svgEl(
      'g',
      { className: ['round'], dataRound: String(r + 1) },
      svgEl('title', null, roundTitle(report, r)),
      rects,
    );
  });

  const labels: Element[] = [];
  const labelY = height - bottom + 16;
  const centre = (r: number): number => left + r * band + band / 2;
  if (n * 78 <= plotW) {
    report.rounds.forEach((round, r) =>
      labels.push(
        svgEl(
          'text',
          { className: ['tick'], x: num(centre(r)), y: num(labelY), textAnchor: 'middle' },
          round.date,
        ),
      ),
    );
  } else {
    // Sparse labels: the year at its first round, when far enough from the previous label.
    let lastX = -Infinity;
    let lastYear = '';
    report.rounds.forEach((round, r) => {
      const year = dateParts(round.date).year;
      if (year === lastYear) return;
      lastYear = year;
      const x = left + r * band;
      labels.push(
        svgEl('line', {
          className: ['year-tick'],
          x1: num(x),
          x2: num(x),
          y1: num(height - bottom),
          y2: num(height - bottom + 5),
        }),
      );
      // Why 34 and 30: a year label is about 28 units wide at 11px; closer labels would touch.
      if (x - lastX < 34 || x + 30 > width - right) return;
      lastX = x;
      labels.push(
        svgEl(
          'text',
          { className: ['tick'], x: num(x + 2), y: num(labelY), textAnchor: 'start' },
          year,
        ),
      );
    });
  }

  const upMid = (top + y(0)) / 2;
  const downMid = (y(0) + y(-downBottom)) / 2;
  const axisTitles = [
    svgEl(
      'text',
      {
        className: ['axis-title'],
        transform: `translate(14 ${num(upMid)}) rotate(-90)`,
        textAnchor: 'middle',
      },
      'sentences',
    ),
    downBottom > 0
      ? svgEl(
          'text',
          {
            className: ['axis-title', 'down'],
            transform: `translate(14 ${num(downMid)}) rotate(-90)`,
            textAnchor: 'middle',
          },
          'dropped',
        )
      : null,
    svgEl(
      'text',
      { className: ['axis-title'], x: num(width - right), y: num(height - 6), textAnchor: 'end' },
      'round (date)',
    ),
  ];

  return svgEl(
    'svg',
    {
      className: ['chart'],
      id: 'timeline-chart',
      viewBox: `0 0 ${width} ${height}`,
      width: String(width),
      height: String(height),
      role: 'img',
      ariaLabel: chartSummary(report),
      preserveAspectRatio: 'xMidYMid meet',
    },
    svgEl('g', { className: ['axes'] }, grid, labels, axisTitles),
    svgEl('g', { className: ['bars'] }, bars),
  );
}

function timelineSection(report: SeriesReport): Element {
  return el(
    'section',
    { id: 'timeline', ariaLabelledBy: ['h-timeline'] },
    el('h2', { id: 'h-timeline' }, 'Timeline: churn per round'),
    el(
      'figure',
      { className: ['chart-box'] },
      timelineChart(report),
      el(
        'figcaption',
        { className: ['legend', 'chart-legend'] },
        CHART_LEGEND.map(([kind, label]) =>
          el(
            'span',
            null,
            el('span', { className: ['swatch', `b-${kind}`], ariaHidden: 'true' }),
            label,
          ),
        ),
        el('span', null, 'Hover a bar for its numbers.'),
      ),
    ),
  );
}

interface MatrixLayout {
  readonly wide: boolean;
  /** Width of a round column, px. */
  readonly cell: number;
  readonly label: number;
  readonly history: number;
}

function layoutOf(rounds: number): MatrixLayout {
  if (rounds <= WIDE_ROUNDS) return { wide: true, cell: 48, label: 380, history: 250 };
  return {
    wide: false,
    cell: Math.min(24, Math.max(8, Math.floor(560 / rounds))),
    label: 320,
    history: 270,
  };
}

/**
 * Tooltip of an occurrence: date, status, paragraph and line, then the text. A carried occurrence
 * names the round its wording dates from instead of repeating it (identical by definition), which
 * keeps a long series' page small: FOMC, 162 rounds, halves the bytes of the matrix.
 */
function occurrenceTitle(report: SeriesReport, o: Occurrence, wordedIn: number): string {
  const date = report.rounds[o.round]?.date ?? String(o.round + 1);
  const where = `¶${o.paragraph}, line ${o.line}`;
  if (o.status === 'carried') {
    const since = report.rounds[wordedIn]?.date ?? String(wordedIn + 1);
    return `${date} · carried unchanged · ${where}\nsame text as ${since}`;
  }
  const similarity =
    (o.status === 'changed' || o.status === 'revived') && o.score < 1
      ? ` (similarity ${o.score.toFixed(2)})`
      : '';
  return `${date} · ${STATUS_WORD[o.status]}${similarity} · ${where}\n${o.text}`;
}

/** The cells of one lineage: an occurrence per round, its drops, and runs of absence (one cell each run). */
function lineageCells(report: SeriesReport, lineage: Lineage): Element[] {
  const byRound = new Map<number, Occurrence>();
  for (const o of lineage.occurrences) if (!byRound.has(o.round)) byRound.set(o.round, o);
  const dropped = new Set(lineage.droppedIn);
  const dateOf = (r: number): string => report.rounds[r]?.date ?? String(r + 1);
  const cells: Element[] = [];
  const n = report.rounds.length;
  let wordedIn = 0;
  for (let r = 0; r < n;) {
    const o = byRound.get(r);
    if (o) {
      if (o.status !== 'carried') wordedIn = r;
      cells.push(
        el(
          'td',
          { className: ['m', `s-${o.status}`], title: occurrenceTitle(report, o, wordedIn) },
          MARKS[o.status],
        ),
      );
      r++;
    } else if (dropped.has(r)) {
      cells.push(el('td', { className: ['m', 's-dropped'], title: `${dateOf(r)} · dropped` }, '×'));
      r++;
    } else {
      let end = r;
      while (end + 1 < n && !byRound.has(end + 1) && !dropped.has(end + 1)) end++;
      const span = end - r + 1;
      cells.push(
        el(
          'td',
          {
            className: ['m', 's-absent'],
            colSpan: span > 1 ? span : undefined,
            title: span > 1 ? `absent ${dateOf(r)} – ${dateOf(end)}` : `${dateOf(r)} · absent`,
          },
          el('span', { className: ['sr-only'] }, span > 1 ? `absent in ${span} rounds` : 'absent'),
        ),
      );
      r = end + 1;
    }
  }
  return cells;
}

function lineageRow(
  report: SeriesReport,
  lineage: Lineage,
  id: string,
  layout: MatrixLayout,
  historyLinks = false,
): Element {
  const revived = lineage.occurrences.some((o) => o.status === 'revived');
  const history = historyText(report, lineage);
  return el(
    'tr',
    {
      id,
      dataLineage: lineage.id,
      dataStanding: lineage.standing ? '' : undefined,
      dataRevived: revived ? '' : undefined,
      dataContext: lineage.isContext ? '' : undefined,
    },
    el(
      'th',
      { scope: 'row' },
      el('a', { className: ['lid'], href: `#${id}` }, lineage.id),
      ' ',
      el('span', { className: ['lbl'], title: lineage.label }, lineage.label),
      lineage.isContext ? el('span', { className: ['tag'] }, 'context') : null,
      historyLinks
        ? el(
            'a',
            {
              className: ['hist'],
              href: historyHref(lineage.id),
              title: 'Every wording, round by round',
            },
            'history',
          )
        : null,
    ),
    lineageCells(report, lineage),
    // The compact matrix keeps the history on one line, cut off: the whole of it in a tooltip.
    el(
      'td',
      { className: ['hist'], title: layout.wide || history === '' ? undefined : history },
      historyNodes(history),
    ),
  );
}

function matrixHead(report: SeriesReport, layout: MatrixLayout): Element {
  const years: { year: string; span: number }[] = [];
  for (const round of report.rounds) {
    const { year } = dateParts(round.date);
    const last = years[years.length - 1];
    if (last && last.year === year) last.span++;
    else years.push({ year, span: 1 });
  }
  const columns = report.rounds.map((round, r) => {
    const title = `${round.date} · round ${r + 1}`;
    return layout.wide
      ? el(
          'th',
          { scope: 'col', className: ['rd'] },
          el('a', { href: `#round-${r + 1}`, title }, dateParts(round.date).day),
        )
      : el(
          'th',
          { scope: 'col', className: ['rd'], title },
          el('span', { className: ['sr-only'] }, round.date),
        );
  });
  return el(
    'thead',
    null,
    el(
      'tr',
      { className: ['years'] },
      el('th', { className: ['corner'], rowSpan: 2, scope: 'col' }, 'Commitment'),
      years.map(({ year, span }) =>
        el(
          'th',
          {
            className: ['year'],
            colSpan: span > 1 ? span : undefined,
            scope: 'colgroup',
            title: span > 1 ? `${year}: ${span} rounds` : undefined,
          },
          year,
        ),
      ),
      el('th', { className: ['hist'], rowSpan: 2, scope: 'col' }, 'History'),
    ),
    el('tr', { className: ['days'] }, columns),
  );
}

function controls(rows: { commitments: Lineage[]; context: Lineage[] }): Element {
  const all = [...rows.commitments, ...rows.context];
  const count = (n: number, name?: string): Element =>
    el('span', { className: ['count'], dataCount: name }, String(n));
  return el(
    'div',
    { className: ['controls'], id: 'controls', role: 'group', ariaLabel: 'Filter the lineages' },
    el(
      'div',
      { className: ['filters'] },
      el('span', { className: ['label'] }, 'Show'),
      el(
        'label',
        null,
        el('input', { type: 'checkbox', dataFilter: 'standing' }),
        'standing only',
        count(rows.commitments.filter((l) => l.standing).length, 'standing'),
      ),
      el(
        'label',
        null,
        el('input', { type: 'checkbox', dataFilter: 'revived' }),
        'revived only',
        count(
          rows.commitments.filter((l) => l.occurrences.some((o) => o.status === 'revived')).length,
          'revived',
        ),
      ),
      el(
        'label',
        null,
        el('input', { type: 'checkbox', dataFilter: 'context' }),
        'context sentences too',
        count(rows.context.length),
      ),
    ),
    el(
      'label',
      { className: ['search'] },
      el('span', { className: ['sr-only'] }, 'Search the commitments'),
      el('input', {
        type: 'search',
        dataFilter: 'search',
        placeholder: 'Search commitments…',
        autoComplete: ['off'],
        spellCheck: 'false',
      }),
    ),
    el(
      'output',
      { className: ['shown'], id: 'shown', ariaLive: 'polite' },
      `${plural(all.length, 'lineage')}`,
    ),
  );
}

function matrixSection(report: SeriesReport, options: SeriesHtmlOptions): Element {
  const rows = matrixRows(report, Math.max(0, options.maxLineages ?? DEFAULT_MAX_LINEAGES));
  const layout = layoutOf(report.rounds.length);
  const alloc = new IdAllocator();
  const rowId = (l: Lineage): string =>
    alloc.take(/^L[0-9a-z-]+$/.test(l.id) ? l.id : `L${slug(l.id)}`);
  const lang = seriesLang(report);
  const span = report.rounds.length + 2;
  const tableWidth = layout.label + layout.cell * report.rounds.length + layout.history;
  const body: Element[] = [
    el(
      'tbody',
      { className: ['commitments'], lang },
      rows.commitments.map((l) =>
        lineageRow(report, l, rowId(l), layout, options.historyLinks === true),
      ),
    ),
  ];
  if (rows.context.length) {
    body.push(
      el(
        'tbody',
        { className: ['context'], lang },
        el(
          'tr',
          { className: ['group'], dataContext: '' },
          el(
            'th',
            { colSpan: span, scope: 'rowgroup' },
            el('span', null, 'Context sentences'),
            ' — venue lines and narrative that commit nobody',
          ),
        ),
        rows.context.map((l) =>
          lineageRow(report, l, rowId(l), layout, options.historyLinks === true),
        ),
      ),
    );
  }
  return el(
    'section',
    { id: 'lineages', ariaLabelledBy: ['h-lineages'] },
    el('h2', { id: 'h-lineages' }, 'Commitments across rounds'),
    el(
      'p',
      { className: ['note'] },
      'Standing commitments first, then the longest-lived, then by first appearance. Hover a cell for the date, status, paragraph and text; ',
      layout.wide
        ? 'click a date for the round’s counts.'
        : 'each column is one round, years above.',
    ),
    controls(rows),
    rows.left > 0
      ? el(
          'p',
          { className: ['warning'], role: 'note' },
          `The matrix shows ${rows.commitments.length + rows.context.length} of ${report.lineages.length} lineages (${plural(rows.left, 'lineage')} left out, commitments kept first); the CSV and JSON reports carry every one.`,
        )
      : null,
    el(
      'div',
      {
        className: ['matrix-wrap'],
        tabIndex: 0,
        role: 'region',
        ariaLabel: 'Lineage matrix (scrolls)',
      },
      el(
        'table',
        {
          className: ['matrix', layout.wide ? 'wide' : 'compact'],
          style: `--cw:${layout.cell}px;width:max(100%,${tableWidth}px)`,
        },
        el(
          'caption',
          { className: ['sr-only'] },
          `Lineages (rows) across the ${report.rounds.length} rounds (columns)`,
        ),
        el(
          'colgroup',
          null,
          el('col', { style: `width:${layout.label}px` }),
          el('col', { span: report.rounds.length, style: `width:${layout.cell}px` }),
          el('col', { className: ['c-hist'] }),
        ),
        matrixHead(report, layout),
        body,
      ),
    ),
    el(
      'p',
      { className: ['no-match', 'note'], id: 'no-match', hidden: true },
      'No lineage matches these filters.',
    ),
  );
}

function pairHref(report: SeriesReport, r: number): string | undefined {
  const before = report.rounds[r - 1]?.date;
  const after = report.rounds[r]?.date;
  return before && after && ISO_DATE.test(before) && ISO_DATE.test(after)
    ? `${before}--${after}.html`
    : undefined;
}

function roundsSection(report: SeriesReport, options: SeriesHtmlOptions): Element {
  const links = options.pairLinks === true;
  const lang = seriesLang(report);
  const countCell = (r: number, n: number): Element =>
    r === 0
      ? el('td', { className: ['num', 'zero'] }, '—')
      : el('td', { className: ['num', n === 0 ? 'zero' : ''].filter(Boolean) }, String(n));
  const head = (label: string, kind?: string): Element =>
    el(
      'th',
      { scope: 'col', className: ['num'] },
      kind ? el('span', { className: ['swatch', `b-${kind}`], ariaHidden: 'true' }) : null,
      label,
    );
  return el(
    'section',
    { id: 'rounds', ariaLabelledBy: ['h-rounds'] },
    el('h2', { id: 'h-rounds' }, 'Rounds'),
    el(
      'p',
      { className: ['note'] },
      'Counts of each round against the round before (every sentence, context included).',
      links ? ' “changes” opens the report comparing a round with the one before.' : null,
    ),
    el(
      'div',
      { className: ['table-wrap'] },
      el(
        'table',
        { className: ['data', 'rounds'] },
        el(
          'thead',
          null,
          el(
            'tr',
            null,
            el('th', { scope: 'col', className: ['num'] }, '#'),
            el('th', { scope: 'col' }, 'Date'),
            el('th', { scope: 'col' }, 'Statement'),
            head('Sentences'),
            head('New', 'new'),
            head('Changed', 'changed'),
            head('Revived', 'revived'),
            head('Carried', 'carried'),
            head('Dropped', 'dropped'),
            links ? el('th', { scope: 'col' }, 'Report') : null,
          ),
        ),
        el(
          'tbody',
          null,
          report.rounds.map((round, r) => {
            const href = links && r > 0 ? pairHref(report, r) : undefined;
            const file = round.file.split(/[\\/]/).pop() ?? round.file;
            const about = [round.meta.title, round.meta.place].filter(
              (p): p is string => typeof p === 'string' && p !== '',
            );
            return el(
              'tr',
              { id: `round-${r + 1}` },
              el('td', { className: ['num'] }, String(r + 1)),
              el('td', { className: ['date'] }, round.date),
              el(
                'td',
                { className: ['about'], lang },
                about.length ? about.join(' · ') : null,
                el('span', { className: ['sub'], title: round.file }, file),
              ),
              el('td', { className: ['num'] }, String(round.sentences)),
              countCell(r, round.counts.new),
              countCell(r, round.counts.changed),
              countCell(r, round.counts.revived),
              countCell(r, round.counts.carried),
              countCell(r, round.counts.dropped),
              links
                ? el(
                    'td',
                    null,
                    href
                      ? el(
                          'a',
                          { href, title: `${report.rounds[r - 1]?.date ?? ''} → ${round.date}` },
                          'changes',
                        )
                      : r === 0
                        ? el('span', { className: ['zero'] }, '—')
                        : null,
                  )
                : null,
            );
          }),
        ),
      ),
    ),
  );
}

/** CSS of the series page, after the shared page and table CSS. */
const SERIES_CSS = `
.chips .chip.k-unchanged,.chips .chip.k-moved{background:var(--soft)}
.marks-legend{white-space:nowrap}
.mk{display:inline-block;min-width:1.5em;text-align:center;border-radius:3px;font-size:.8rem;line-height:1.5}
.mk.s-absent{color:#8c959f}
.mk.solid{color:#fff}
.mk.solid.s-first,.mk.solid.s-carried{background:#afb8c1}
.mk.solid.s-new{background:#2da44e}
.mk.solid.s-changed{background:#d4a72c}
.mk.solid.s-revived{background:#8250df}
.mk.solid.s-dropped{background:#e5534b}
.mk.solid.s-absent{color:transparent;background:linear-gradient(#afb8c1,#afb8c1) 0 50%/100% 1px no-repeat}
.chart-box{margin:0}
.chart{display:block;width:100%;height:auto;max-height:320px}
.chart text{font:11px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:var(--muted)}
.chart .axis-title{font-weight:600;fill:var(--fg)}
.chart .axis-title.down{fill:#a40e26}
.chart .grid{stroke:#eaeef2;stroke-width:1}
.chart .zero{stroke:#8c959f;stroke-width:1}
.chart .year-tick{stroke:#8c959f}
.chart .hit{fill:transparent}
.chart .round:hover .hit{fill:rgba(9,105,218,.08)}
.b-first{fill:#d0d7de;background:#d0d7de}
.b-carried{fill:#afb8c1;background:#afb8c1}
.b-changed{fill:#d4a72c;background:#d4a72c}
.b-revived{fill:#8250df;background:#8250df}
.b-new{fill:#2da44e;background:#2da44e}
.b-dropped{fill:#e5534b;background:#e5534b}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:5px;vertical-align:-1px}
.chart-legend{margin-top:4px}
.rounds th .swatch{width:8px;height:8px;margin-right:4px}
.rounds td.about{min-width:22em}
.rounds td.date{white-space:nowrap;font-variant-numeric:tabular-nums}
.rounds td.zero,.rounds span.zero{color:#8c959f}
#lineages .controls{margin-top:8px;justify-content:space-between}
a.hist{margin-left:.5em;font-size:.85em}
.search input{font:inherit;width:16em;padding:3px 8px;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
.shown{color:var(--muted);font-variant-numeric:tabular-nums;margin-left:auto}
.matrix-wrap{overflow:auto;max-height:78vh;border:1px solid var(--line);border-radius:6px;margin-top:10px;background:var(--bg)}
.matrix{border-collapse:separate;border-spacing:0;table-layout:fixed;font-size:.85rem;line-height:1.35}
.matrix th,.matrix td{padding:0;border-bottom:1px solid #eaeef2;vertical-align:middle}
.matrix thead th{position:sticky;background:var(--soft);color:var(--muted);font-size:.75rem;font-weight:600;z-index:2;white-space:nowrap;overflow:hidden}
.matrix thead tr.years th{top:0;height:22px;padding:0 4px;text-align:left;border-bottom:0}
.matrix thead tr.days th{top:22px;height:22px;border-bottom:1px solid var(--line)}
.matrix thead th.corner,.matrix thead th.hist{vertical-align:bottom;padding:0 10px 4px;border-bottom:1px solid var(--line);color:var(--fg)}
.matrix thead th.corner{left:0;z-index:3;border-right:1px solid var(--line)}
.matrix thead th.year{border-left:1px solid var(--line)}
.matrix.wide thead th.year,.matrix.wide thead th.rd{text-align:center;padding:0}
.matrix thead th.rd a{color:inherit;text-decoration:none;font-variant-numeric:tabular-nums}
.matrix thead th.rd a:hover{color:var(--accent);text-decoration:underline}
.matrix tbody th{position:sticky;left:0;z-index:1;background:var(--bg);text-align:left;font-weight:400;padding:4px 10px;border-right:1px solid var(--line);overflow-wrap:anywhere}
.matrix .lid{font:11px/1 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:var(--muted);text-decoration:none}
.matrix .lid:hover{color:var(--accent);text-decoration:underline}
.matrix .tag{margin-left:6px;font-size:.68rem;font-weight:700;letter-spacing:.04em;text-transform:uppercase;color:var(--muted);border:1px solid var(--line);border-radius:4px;padding:0 4px}
.matrix td.hist{padding:4px 10px;color:var(--muted);font-size:.76rem;line-height:1.35;border-left:1px solid var(--line)}
.matrix td.hist span{white-space:nowrap}
.matrix.compact tbody th{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;padding-top:2px;padding-bottom:2px}
.matrix.compact td.hist{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;padding-top:2px;padding-bottom:2px}
.matrix tbody tr:hover th,.matrix tbody tr:hover td.hist{background:var(--soft)}
.matrix tbody tr:target th,.matrix tbody tr:target td.hist{background:#fff8c5}
.matrix tr.group th{position:static;background:var(--soft);color:var(--muted);font-size:.8rem;padding:6px 10px;border-top:1px solid var(--line)}
.matrix tr.group th span{font-weight:650;color:var(--fg)}
.matrix td.m{text-align:center;color:var(--muted);box-shadow:inset 0 0 0 2px var(--bg);cursor:default}
.s-first,.s-carried{background:#eaeef2;color:#424a53}
.s-new{background:#dafbe1;color:#116329}
.s-changed{background:#fff1c5;color:#7d4e00}
.s-revived{background:#f3e8ff;color:#6639ba}
.s-dropped{background:#ffebe9;color:#a40e26}
.matrix td.m.s-first,.matrix td.m.s-carried{color:#424a53}
.matrix td.m.s-new{color:#116329}
.matrix td.m.s-changed{color:#7d4e00;font-weight:700}
.matrix td.m.s-revived{color:#6639ba;font-weight:700}
.matrix td.m.s-dropped{color:#a40e26;font-weight:700}
.matrix td.s-absent{background:radial-gradient(circle,#afb8c1 1.2px,transparent 1.7px) 0 50%/var(--cw) 100% repeat-x}
.matrix.wide td.m{height:28px;font-size:.9rem}
.matrix.compact td.m{height:24px;font-size:0;color:transparent;box-shadow:inset 1px 0 0 var(--bg),inset 0 -5px 0 var(--bg),inset 0 5px 0 var(--bg)}
.matrix.compact .s-first,.matrix.compact .s-carried{background:#afb8c1}
.matrix.compact .s-new{background:#2da44e}
.matrix.compact .s-changed{background:#d4a72c}
.matrix.compact .s-revived{background:#8250df}
.matrix.compact .s-dropped{background:#e5534b}
.matrix.compact td.s-absent{background:linear-gradient(#d0d7de,#d0d7de) 0 50%/100% 1px no-repeat}
.matrix.compact thead tr.days th{height:6px}
.matrix.compact thead tr.years th{height:24px}
.matrix.compact thead tr.days th{top:24px}
@media screen{html.js:not(.show-context) [data-context]{display:none}}
@media print{.matrix-wrap{overflow:visible;max-height:none;border:0}.matrix thead th,.matrix tbody th{position:static}
.matrix td.m,.swatch,.mk,.chart{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.matrix tbody tr{break-inside:avoid}#timeline{break-inside:avoid}}
`;

/**
 * The page's one script: reveals the controls (the page reads fully without it), filters the
 * matrix rows (standing only, revived only, context sentences too, search over ids and labels),
 * counts the rows shown and, per filter, the rows it would keep, and reveals a row a `#L…` link points at. It reads only the DOM.
 */
const SERIES_SCRIPT = `(function(){
var d=document,root=d.documentElement;
root.classList.add('js');
function all(sel){return Array.prototype.slice.call(d.querySelectorAll(sel));}
function box(name){return d.querySelector('[data-filter="'+name+'"]');}
function on(name){var b=box(name);return b!==null&&b.checked;}
function apply(){
var q=box('search'),query=q?q.value.trim().toLowerCase():'',context=on('context'),standing=on('standing'),revived=on('revived');
root.classList.toggle('show-context',context);
var shown=0,total=0,shownContext=0,counts={standing:0,revived:0};
all('tr[data-lineage]').forEach(function(r){
var isContext=r.hasAttribute('data-context');
var ok=(standing?r.hasAttribute('data-standing'):true)&&(revived?r.hasAttribute('data-revived'):true)&&(query===''||r.cells[0].textContent.toLowerCase().indexOf(query)>=0);
r.classList.toggle('filtered-out',!ok);
if(isContext&&!context)return;
total++;
if(r.hasAttribute('data-standing'))counts.standing++;
if(r.hasAttribute('data-revived'))counts.revived++;
if(ok){shown++;if(isContext)shownContext++;}
});
all('[data-count]').forEach(function(c){c.textContent=String(counts[c.getAttribute('data-count')]||0);});
all('tr.group').forEach(function(g){g.classList.toggle('filtered-out',shownContext===0);});
var out=d.getElementById('shown');
if(out)out.textContent='Showing '+shown+' of '+total+(context?' lineages':' commitments');
var none=d.getElementById('no-match');
if(none)none.hidden=shown>0;
}
function follow(){
var id=location.hash.slice(1),t=null;
if(!id)return;
try{t=d.getElementById(decodeURIComponent(id));}catch(e){return;}
if(!t)return;
var row=t.closest('tr[data-lineage]');
if(row){
var changed=false;
if(row.hasAttribute('data-context')&&!on('context')){box('context').checked=true;changed=true;}
['standing','revived'].forEach(function(n){if(on(n)&&!row.hasAttribute('data-'+n)){box(n).checked=false;changed=true;}});
if(row.classList.contains('filtered-out')){var q=box('search');if(q)q.value='';changed=true;}
if(changed)apply();
}
t.scrollIntoView({block:'center'});
}
d.addEventListener('DOMContentLoaded',function(){
all('input[data-filter]').forEach(function(i){i.addEventListener(i.type==='search'?'input':'change',apply);});
apply();
if(location.hash)follow();
});
window.addEventListener('hashchange',follow);
})();`;

/** The series page: a self-contained page, byte-identical for identical reports. */
export function renderSeriesHtml(report: SeriesReport, options: SeriesHtmlOptions = {}): string {
  const body: Child[] = [
    el(
      'div',
      { className: ['page', 'series'] },
      header(report, layoutOf(report.rounds.length)),
      el(
        'main',
        null,
        report.rounds.length ? timelineSection(report) : null,
        matrixSection(report, options),
        roundsSection(report, options),
      ),
      el(
        'footer',
        null,
        `${report.tool.name} ${report.tool.version} · series schema ${report.schemaVersion}`,
      ),
    ),
  ];
  return renderPage({
    title: `${report.title}: ${plural(report.summary.rounds, 'round')}`,
    body,
    css: `${DATA_TABLE_CSS}${SERIES_CSS}`,
    script: SERIES_SCRIPT,
  });
}
