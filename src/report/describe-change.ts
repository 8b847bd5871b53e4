/** Words shared by every renderer: change labels, qualifier phrases, citations, headlines. */
import type {
  ChangeSide,
  CommitmentChange,
  ComparisonReport,
  Qualifier,
} from '../model/changes.js';
import type { SourceSpan, StatementMeta } from '../model/statement.js';
import { isMostSignificant } from '../rank/rank-change.js';
import { sharedTitle } from '../util/shared-title.js';

/** Upper-case label of a change kind, as reports show it. */
export function kindLabel(change: CommitmentChange): string {
  switch (change.kind) {
    case 'new':
      return 'NEW';
    case 'dropped':
      return 'DROPPED';
    case 'split':
      return 'SPLIT';
    case 'merged':
      return 'MERGED';
    case 'moved':
      return change.edits.some((e) => e.op !== 'equal') ? 'MOVED+CHANGED' : 'MOVED';
    case 'cosmetic':
      return 'COSMETIC';
    case 'unchanged':
      return 'UNCHANGED';
    default:
      return 'CHANGED';
  }
}

/** One qualifier as a short phrase ("figure 3-3/4 to 4 → 3-1/2 to 3-3/4"). */
export function qualifierText(q: Qualifier): string {
  switch (q.kind) {
    case 'strengthened':
    case 'weakened':
      return `${q.kind} ${q.from}→${q.to}${q.markers.length ? ` (${q.markers.join(', ')})` : ''}`;
    case 'actor-changed':
      return `actor ${q.from} → ${q.to}`;
    case 'act-changed':
      return `act ${q.from} → ${q.to}`;
    case 'action-changed':
      return `action ${q.from} → ${q.to}`;
    case 'figure-changed':
      return `figure ${q.from.join(', ') || '—'} → ${q.to.join(', ') || '—'}`;
    case 'entities-added':
      return `added: ${q.items.join(', ')}`;
    case 'entities-removed':
      return `removed: ${q.items.join(', ')}`;
    case 'items-added':
      return `item added: ${q.items.join(', ')}`;
    case 'items-removed':
      return `item dropped: ${q.items.join(', ')}`;
  }
}

/** The reasons of a change's rank, joined ("action lower → maintain · figure …"). */
export function reasonsText(change: CommitmentChange): string {
  return change.reasons.join(' · ');
}

/** Heading of the group that holds context changes, after the commitments in every human format. */
export const CONTEXT_HEADING = 'Context (venue, date, chairs, what the talks covered)';

/** The changes that clear the bar of "most significant" (src/rank/rank-options.ts `bar`), context never. */
export function mostSignificant(changes: readonly CommitmentChange[]): CommitmentChange[] {
  return changes.filter((c) => !c.isContext && isMostSignificant(c.significance));
}

/**
 * Changes grouped for reading: commitments and assessments by section (as {@link bySection}),
 * then one group of context changes, last.
 */
export function groupChanges(
  report: ComparisonReport,
  changes: readonly CommitmentChange[],
): [string, CommitmentChange[]][] {
  const groups = bySection(
    report,
    changes.filter((c) => !c.isContext),
  );
  const context = changes.filter((c) => c.isContext);
  if (context.length > 0) groups.push([CONTEXT_HEADING, context]);
  return groups;
}

/** All qualifiers of a change, joined. */
export function qualifiersText(change: CommitmentChange): string {
  return change.qualifiers.map(qualifierText).join(' · ');
}

function cite(side: ChangeSide): string {
  const last = side.ids.length > 1 ? `–${side.sentence + side.ids.length - 1}` : '';
  return `¶${side.paragraph}.${side.sentence}${last}`;
}

/** Where a change stands: `¶3.1`, or `¶3.1 → ¶4.2` when its place changed. */
export function citation(change: CommitmentChange): string {
  const b = change.before ? cite(change.before) : null;
  const a = change.after ? cite(change.after) : null;
  if (b && a) return b === a ? a : `${b} → ${a}`;
  return (a ?? b) as string;
}

/** `file:line`, or for a PDF `file, p. 2, line 14` (the line on its page). */
export function placeOf(file: string, span: SourceSpan): string {
  if (span.page !== undefined && span.pageLine !== undefined)
    return `${file}, p. ${span.page}, line ${span.pageLine}`;
  return `${file}:${span.line}`;
}

/** `file:line` of the side a reader should open (after, else before). */
export function fileLine(report: ComparisonReport, change: CommitmentChange): string {
  if (change.after) return placeOf(report.after.file, change.after.span);
  if (change.before) return placeOf(report.before.file, change.before.span);
  return '';
}

/** A round's short name: its title's series part or file, with the date. */
export function roundName(meta: StatementMeta, file: string): string {
  return meta.date ?? file;
}

/** Headline of a comparison: `title  before-date → after-date`. */
export function headline(report: ComparisonReport): string {
  const title = sharedTitle([report.before.meta, report.after.meta]);
  return `${title}  ${roundName(report.before.meta, report.before.file)} → ${roundName(report.after.meta, report.after.file)}`;
}

/** The summary counts line: `changed 3 · dropped 1 · new 1 · unchanged 9`. */
export function countsLine(report: ComparisonReport): string {
  const c = report.summary.counts;
  const changed = c.reworded + c.moved + c.split + c.merged;
  const parts = [`new ${c.new}`, `dropped ${c.dropped}`, `changed ${changed}`];
  if (c.cosmetic) parts.push(`cosmetic ${c.cosmetic}`);
  parts.push(`unchanged ${c.unchanged}`);
  if (report.summary.renumberedParagraphs)
    parts.push(`renumbered ¶ ${report.summary.renumberedParagraphs}`);
  return parts.join(' · ');
}

/** Changes worth showing (all but unchanged), most significant first. */
export function visibleChanges(
  report: ComparisonReport,
  only?: ReadonlySet<string>,
): CommitmentChange[] {
  return report.changes.filter((c) => c.kind !== 'unchanged' && (!only || only.has(c.kind)));
}

/**
 * Changes grouped by the section they stand under, in after-document order; a dropped change
 * goes under the after section its before section was paired with.
 */
export function bySection(
  report: ComparisonReport,
  changes: readonly CommitmentChange[],
): [string, CommitmentChange[]][] {
  const pairedHeading = new Map<string | null, string | null>();
  for (const s of report.sections)
    if (s.before !== null && s.after !== null) pairedHeading.set(s.beforeHeading, s.afterHeading);
  const position = (c: CommitmentChange): number => (c.after ?? c.before)?.span.start ?? 0;
  const sorted = [...changes].sort(
    (x, y) => (x.after ? 0 : 1) - (y.after ? 0 : 1) || position(x) - position(y),
  );
  const groups = new Map<string, CommitmentChange[]>();
  for (const change of sorted) {
    const heading =
      (change.after
        ? change.after.section
        : change.before && pairedHeading.has(change.before.section)
          ? pairedHeading.get(change.before.section)
          : change.before?.section) ?? '(no heading)';
    const list = groups.get(heading);
    if (list) list.push(change);
    else groups.set(heading, [change]);
  }
  return [...groups.entries()];
}

/** What to say when no change is listed: nothing differs, or only paragraph numbers / sections moved. */
export function noChangesLine(report: ComparisonReport): string {
  const s = report.summary;
  const parts: string[] = [];
  if (s.renumberedParagraphs) parts.push(`${s.renumberedParagraphs} paragraph(s) renumbered`);
  if (s.movedSections) parts.push(`${s.movedSections} section(s) moved`);
  if (s.renamedSections) parts.push(`${s.renamedSections} section(s) renamed`);
  return parts.length ? `No commitment changed; ${parts.join(', ')}.` : 'No differences.';
}
