/**
 * HTML renderer: one self-contained page per comparison (inline CSS and JS, no network). Header with
 * counts and legend, the most significant changes, then every change by section in two views
 * (inline word diff, side-by-side table) with filters by change kind. Built as a hast tree, so all
 * statement text is escaped by construction; the page is fully readable without JavaScript.
 */
import type { Element } from 'hast';
import type {
  ChangeKind,
  ChangeSide,
  CommitmentChange,
  ComparisonReport,
} from '../../model/changes.js';
import { CHANGE_KINDS } from '../build-comparison.js';
import {
  groupChanges,
  mostSignificant,
  reasonsText,
  citation,
  fileLine,
  headline,
  kindLabel,
  roundName,
  visibleChanges,
  noChangesLine,
} from '../describe-change.js';
import { sharedTitle } from '../../util/shared-title.js';
import type { Child } from './html-page.js';
import { IdAllocator, diffNodes, el, renderPage, safeLang, slug } from './html-page.js';
import type { RenderOptions } from './render-options.js';

/** Filter label of each kind, matching the badges entries carry (reworded shows as CHANGED). */
const FILTER_LABEL: Readonly<Record<ChangeKind, string>> = {
  new: 'NEW',
  dropped: 'DROPPED',
  reworded: 'CHANGED',
  moved: 'MOVED',
  split: 'SPLIT',
  merged: 'MERGED',
  cosmetic: 'COSMETIC',
  unchanged: 'UNCHANGED',
};

/** Ids and languages fixed once per report, so both views and the top list agree. */
interface Context {
  readonly report: ComparisonReport;
  /** Change id → its element id in the inline view (`change-…`). */
  readonly ids: Map<string, string>;
  /** Change id → paragraph anchors (`p-4`, `before-p-3`) its inline entry carries. */
  readonly anchors: Map<string, string[]>;
  readonly langBefore: string | undefined;
  readonly langAfter: string | undefined;
}

/** `lang` of statement text, set only when it differs from the English page chrome. */
function textLang(tag: string | undefined): string | undefined {
  const lang = safeLang(tag);
  return lang && !/^en(?:-|$)/i.test(lang) ? lang : undefined;
}

function context(
  report: ComparisonReport,
  groups: readonly (readonly [string, readonly CommitmentChange[]])[],
): Context {
  const alloc = new IdAllocator();
  const ids = new Map<string, string>();
  const anchors = new Map<string, string[]>();
  for (const [, group] of groups) {
    for (const change of group) {
      ids.set(change.id, alloc.take(`change-${slug(change.id)}`));
      const list: string[] = [];
      if (change.after) {
        const id = `p-${slug(change.after.paragraph)}`;
        if (!alloc.has(id)) list.push(alloc.take(id));
      }
      if (change.before) {
        const id = `before-p-${slug(change.before.paragraph)}`;
        if (!alloc.has(id)) list.push(alloc.take(id));
      }
      if (list.length) anchors.set(change.id, list);
    }
  }
  return {
    report,
    ids,
    anchors,
    langBefore: textLang(report.before.meta.language),
    langAfter: textLang(report.after.meta.language),
  };
}

function badge(change: CommitmentChange): Element {
  return el('span', { className: ['badge', `k-${change.kind}`] }, kindLabel(change));
}

function whole(tag: 'del' | 'ins', side: ChangeSide | null): Child {
  return side ? el(tag, { className: ['whole'] }, side.text) : null;
}

/** The inline word diff of a change (a new or dropped sentence marked whole). */
function inlineText(change: CommitmentChange): Child[] {
  if (change.kind === 'new' || (!change.before && change.after))
    return [whole('ins', change.after)];
  if (change.kind === 'dropped' || (change.before && !change.after))
    return [whole('del', change.before)];
  if (change.edits.length === 0) return [change.after?.text ?? change.before?.text ?? ''];
  return diffNodes(change.edits, 'inline');
}

/** One side of a side-by-side row. */
function sideText(change: CommitmentChange, side: 'before' | 'after'): Child[] {
  const own = change[side];
  if (!own) return [];
  if (!change.before || !change.after) return [whole(side === 'before' ? 'del' : 'ins', own)];
  if (change.edits.length === 0) return [own.text];
  return diffNodes(change.edits, side);
}

/** `file.md:12` of the side to open, the full path in a tooltip. */
function sourceLocation(ctx: Context, change: CommitmentChange): Element {
  const full = fileLine(ctx.report, change);
  const short = full.split(/[\\/]/).pop() ?? full;
  return el('span', { className: ['loc'], title: short === full ? undefined : full }, short);
}

function head(ctx: Context, change: CommitmentChange, href: string): Element {
  const quals = reasonsText(change);
  return el(
    'div',
    { className: ['head'] },
    el('a', { className: ['cite'], href: `#${href}` }, citation(change)),
    badge(change),
    quals ? el('span', { className: ['quals'] }, quals) : null,
    sourceLocation(ctx, change),
  );
}

function entryId(ctx: Context, change: CommitmentChange): string {
  return ctx.ids.get(change.id) ?? `change-${slug(change.id)}`;
}

/** An entry of a by-section list: anchors, head line, inline diff. */
function entry(ctx: Context, change: CommitmentChange, group: string): Element {
  const id = entryId(ctx, change);
  return el(
    'li',
    { className: ['change'], id, dataKind: change.kind, dataInGroup: group },
    (ctx.anchors.get(change.id) ?? []).map((a) => el('span', { id: a })),
    head(ctx, change, id),
    el(
      'p',
      { className: ['text'], lang: change.after ? ctx.langAfter : ctx.langBefore },
      inlineText(change),
    ),
  );
}

/** A compact entry of the most significant list: where and what on the left, linking to the entry in context. */
function topEntry(ctx: Context, change: CommitmentChange): Element {
  const quals = reasonsText(change);
  return el(
    'li',
    { className: ['change'], dataKind: change.kind, dataInGroup: 'top' },
    el(
      'div',
      { className: ['where'] },
      el('a', { className: ['cite'], href: `#${entryId(ctx, change)}` }, citation(change)),
      badge(change),
    ),
    el(
      'div',
      null,
      quals ? el('p', { className: ['quals'] }, quals) : null,
      el(
        'p',
        { className: ['text'], lang: change.after ? ctx.langAfter : ctx.langBefore },
        inlineText(change),
      ),
    ),
  );
}

function header(report: ComparisonReport, changes: readonly CommitmentChange[]): Element {
  const s = report.summary;
  const file = (side: ComparisonReport['before']): Child[] => {
    const parts = [side.meta.date, side.meta.title, side.meta.place].filter(
      (p): p is string => typeof p === 'string' && p !== '',
    );
    return [el('code', null, side.file), parts.length ? ` · ${parts.join(' · ')}` : null];
  };
  const chips = CHANGE_KINDS.map((kind) =>
    el(
      'li',
      { className: ['chip', `k-${kind}`, s.counts[kind] === 0 ? 'zero' : ''].filter(Boolean) },
      el('b', null, String(s.counts[kind])),
      kind,
    ),
  );
  chips.push(
    el(
      'li',
      { className: ['chip', 'plain'] },
      'sentences ',
      el('b', null, `${s.sentencesBefore} → ${s.sentencesAfter}`),
    ),
  );
  if (s.renumberedParagraphs)
    chips.push(
      el(
        'li',
        { className: ['chip', 'plain'] },
        'renumbered ¶ ',
        el('b', null, String(s.renumberedParagraphs)),
      ),
    );
  if (s.movedSections)
    chips.push(
      el(
        'li',
        { className: ['chip', 'plain'] },
        'moved sections ',
        el('b', null, String(s.movedSections)),
      ),
    );
  if (s.renamedSections)
    chips.push(
      el(
        'li',
        { className: ['chip', 'plain'] },
        'renamed sections ',
        el('b', null, String(s.renamedSections)),
      ),
    );
  return el(
    'header',
    null,
    el('h1', null, sharedTitle([report.before.meta, report.after.meta])),
    el(
      'p',
      { className: ['subtitle'] },
      roundName(report.before.meta, report.before.file),
      el('span', { className: ['arrow'] }, ' → '),
      roundName(report.after.meta, report.after.file),
    ),
    el(
      'dl',
      { className: ['files'] },
      el('dt', null, 'Before'),
      el('dd', null, file(report.before)),
      el('dt', null, 'After'),
      el('dd', null, file(report.after)),
    ),
    el('ul', { className: ['chips'], ariaLabel: 'Changes by kind' }, chips),
    changes.length
      ? el(
          'p',
          { className: ['legend'] },
          el(
            'span',
            null,
            'Legend: ',
            el('del', null, 'removed words'),
            ' ',
            el('ins', null, 'added words'),
          ),
          el('span', null, '¶3.1 = paragraph 3, sentence 1; ¶2.1 → ¶3.1 = moved'),
          el(
            'span',
            null,
            'Most significant: new or dropped, actor, strength, figures, names or items changed.',
          ),
        )
      : null,
    s.budgetExhausted
      ? el(
          'p',
          { className: ['warning'], role: 'note' },
          'Warning: the alignment budget was reached; some pairs may be missing and the report may be incomplete.',
        )
      : null,
  );
}

function controls(changes: readonly CommitmentChange[]): Element {
  const present = CHANGE_KINDS.filter(
    (kind) => kind !== 'unchanged' && changes.some((c) => c.kind === kind),
  );
  return el(
    'nav',
    { className: ['controls'], id: 'controls', ariaLabel: 'View and filters' },
    el('span', { className: ['label'], id: 'view-label' }, 'View'),
    el(
      'div',
      { className: ['group-btn'], role: 'group', ariaLabelledBy: ['view-label'] },
      el('button', { type: 'button', dataSetView: 'inline', ariaPressed: 'true' }, 'Inline'),
      el('button', { type: 'button', dataSetView: 'sbs', ariaPressed: 'false' }, 'Side by side'),
    ),
    el(
      'div',
      { className: ['filters'], role: 'group', ariaLabelledBy: ['filter-label'] },
      el('span', { className: ['label'], id: 'filter-label' }, 'Show'),
      present.map((kind) =>
        el(
          'label',
          null,
          el('input', { type: 'checkbox', checked: true, value: kind, dataFilterKind: '' }),
          el('span', { className: ['badge', `k-${kind}`] }, FILTER_LABEL[kind]),
          el(
            'span',
            { className: ['count'] },
            String(changes.filter((c) => c.kind === kind).length),
          ),
        ),
      ),
    ),
  );
}

function inlineView(
  ctx: Context,
  groups: readonly (readonly [string, readonly CommitmentChange[]])[],
): Element {
  return el(
    'section',
    { id: 'view-inline', dataViewName: 'inline', ariaLabelledBy: ['h-inline'] },
    el('h2', { id: 'h-inline' }, 'Changes by section'),
    groups.map(([heading, group], i) =>
      el(
        'section',
        { className: ['group'], dataGroupHead: `i${i + 1}` },
        el('h3', null, heading),
        el(
          'ul',
          { className: ['list'] },
          group.map((change) => entry(ctx, change, `i${i + 1}`)),
        ),
      ),
    ),
  );
}

function sideBySideView(
  ctx: Context,
  groups: readonly (readonly [string, readonly CommitmentChange[]])[],
): Element {
  const { report } = ctx;
  const rows: Element[] = [];
  groups.forEach(([heading, group], i) => {
    const key = `s${i + 1}`;
    rows.push(
      el(
        'tbody',
        { dataGroupHead: key },
        el(
          'tr',
          null,
          el('th', { className: ['section'], colSpan: 2, scope: 'colgroup' }, heading),
        ),
      ),
    );
    for (const change of group) {
      const id = `sbs-${entryId(ctx, change)}`;
      const cell = (side: 'before' | 'after'): Element => {
        const content = sideText(change, side);
        return el(
          'td',
          {
            className: content.length ? [] : ['empty'],
            lang: side === 'before' ? ctx.langBefore : ctx.langAfter,
          },
          content.length
            ? content
            : el(
                'span',
                { className: ['sr-only'] },
                side === 'before' ? 'not in the before statement' : 'not in the after statement',
              ),
        );
      };
      rows.push(
        el(
          'tbody',
          { id, dataKind: change.kind, dataInGroup: key },
          el(
            'tr',
            { className: ['meta'] },
            el('th', { colSpan: 2, scope: 'rowgroup' }, head(ctx, change, id)),
          ),
          el('tr', null, cell('before'), cell('after')),
        ),
      );
    }
  });
  return el(
    'section',
    { id: 'view-sbs', dataViewName: 'sbs', ariaLabelledBy: ['h-sbs'] },
    el('h2', { id: 'h-sbs' }, 'Side by side'),
    el(
      'table',
      { className: ['sbs'] },
      el('colgroup', null, el('col', { style: 'width:50%' }), el('col', { style: 'width:50%' })),
      el(
        'thead',
        null,
        el(
          'tr',
          null,
          el(
            'th',
            { scope: 'col' },
            `Before · ${roundName(report.before.meta, report.before.file)}`,
          ),
          el('th', { scope: 'col' }, `After · ${roundName(report.after.meta, report.after.file)}`),
        ),
      ),
      rows,
    ),
  );
}

/** The HTML report: a self-contained page, byte-identical for identical reports. */
export function renderHtml(report: ComparisonReport, options: RenderOptions): string {
  const changes = visibleChanges(report, options.only);
  const groups = groupChanges(report, changes);
  const ctx = context(report, groups);
  const top = mostSignificant(changes);
  const main: Child[] = [];
  if (changes.length === 0) {
    main.push(
      el(
        'p',
        { className: ['empty-report'] },
        options.only ? 'No changes of the selected kinds.' : noChangesLine(report),
      ),
    );
  } else {
    if (top.length) {
      main.push(
        el(
          'section',
          { className: ['top'], dataGroupHead: 'top', ariaLabelledBy: ['h-top'] },
          el('h2', { id: 'h-top' }, `Most significant (${top.length})`),
          el(
            'ul',
            { className: ['list'] },
            top.map((change) => topEntry(ctx, change)),
          ),
        ),
      );
    }
    main.push(inlineView(ctx, groups), sideBySideView(ctx, groups));
  }
  return renderPage({
    title: headline(report),
    body: [
      el(
        'div',
        { className: ['page'] },
        header(report, changes),
        changes.length ? controls(changes) : null,
        el('main', null, main),
        el(
          'footer',
          null,
          `${report.tool.name} ${report.tool.version} · comparison schema ${report.schemaVersion}`,
        ),
      ),
    ],
  });
}
