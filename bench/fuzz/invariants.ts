/**
 * Invariants of a comparison report that hold for any two statements, shared by the fuzzer and
 * the property tests: every unit of both sides accounted for exactly once, pair shapes, counts,
 * and word edits that rebuild both texts.
 */
import { sentencesOf } from '../../src/analyse/analyse-statement.js';
import { rebuild } from '../../src/diff/word-diff.js';
import type { ComparisonReport } from '../../src/model/changes.js';
import type { Paragraph, Section, Statement } from '../../src/model/statement.js';

function sectionsOf(statement: Statement): Section[] {
  const out: Section[] = [];
  const walk = (sections: readonly Section[]): void => {
    for (const section of sections) {
      out.push(section);
      walk(section.sections);
    }
  };
  walk(statement.sections);
  return out;
}

function paragraphsOf(statement: Statement): Paragraph[] {
  return sectionsOf(statement).flatMap((section) => section.paragraphs);
}

/** Checks that `used` names every id of `all` exactly once and nothing else; returns problems. */
function exactlyOnce(what: string, all: readonly string[], used: readonly string[]): string[] {
  const problems: string[] = [];
  const counts = new Map<string, number>(all.map((id) => [id, 0]));
  for (const id of used) {
    const n = counts.get(id);
    if (n === undefined) problems.push(`${what}: unknown id ${id}`);
    else counts.set(id, n + 1);
  }
  for (const [id, n] of counts) if (n !== 1) problems.push(`${what}: ${id} appears ${n} times`);
  return problems;
}

/** Every invariant of `report` = compareStatements(before, after); returns the violations (at most 20). */
export function checkReport(
  report: ComparisonReport,
  before: Statement,
  after: Statement,
): string[] {
  const problems: string[] = [];
  const idsB = sentencesOf(before).map((s) => s.id);
  const idsA = sentencesOf(after).map((s) => s.id);
  const pairs = report.alignment;
  problems.push(
    ...exactlyOnce(
      'before sentence',
      idsB,
      pairs.flatMap((p) => p.before),
    ),
  );
  problems.push(
    ...exactlyOnce(
      'after sentence',
      idsA,
      pairs.flatMap((p) => p.after),
    ),
  );
  for (const pair of pairs) {
    const label = `pair ${pair.before.join('+') || '∅'}>${pair.after.join('+') || '∅'} (${pair.kind})`;
    if (pair.before.length === 0 && pair.after.length === 0) problems.push(`${label}: empty`);
    if ((pair.kind === 'added') !== (pair.before.length === 0))
      problems.push(`${label}: added iff no before side`);
    if ((pair.kind === 'removed') !== (pair.after.length === 0))
      problems.push(`${label}: removed iff no after side`);
    if (pair.kind === 'split' && (pair.after.length < 2 || pair.before.length !== 1))
      problems.push(`${label}: split shape`);
    if (pair.kind === 'merged' && (pair.before.length < 2 || pair.after.length !== 1))
      problems.push(`${label}: merged shape`);
    if (!(pair.score >= 0 && pair.score <= 1)) problems.push(`${label}: score ${pair.score}`);
  }
  problems.push(
    ...exactlyOnce(
      'before paragraph',
      paragraphsOf(before).map((p) => p.id),
      report.paragraphs.flatMap((p) => (p.before === null ? [] : [p.before])),
    ),
    ...exactlyOnce(
      'after paragraph',
      paragraphsOf(after).map((p) => p.id),
      report.paragraphs.flatMap((p) => (p.after === null ? [] : [p.after])),
    ),
    ...exactlyOnce(
      'before section',
      sectionsOf(before).map((s) => s.id),
      report.sections.flatMap((s) => (s.before === null ? [] : [s.before])),
    ),
    ...exactlyOnce(
      'after section',
      sectionsOf(after).map((s) => s.id),
      report.sections.flatMap((s) => (s.after === null ? [] : [s.after])),
    ),
  );
  const { summary } = report;
  if (summary.sentencesBefore !== idsB.length)
    problems.push(`summary.sentencesBefore ${summary.sentencesBefore} ≠ ${idsB.length}`);
  if (summary.sentencesAfter !== idsA.length)
    problems.push(`summary.sentencesAfter ${summary.sentencesAfter} ≠ ${idsA.length}`);
  if (
    report.before.sentences.length !== idsB.length ||
    report.after.sentences.length !== idsA.length
  ) {
    problems.push('report sides do not carry every sentence');
  }
  const total = Object.values(summary.counts).reduce((n, k) => n + k, 0);
  if (total !== pairs.length)
    problems.push(`counts add up to ${total}, not to the ${pairs.length} pairs`);
  if (report.changes.length !== pairs.length - summary.counts.unchanged) {
    problems.push(
      `${report.changes.length} changes for ${pairs.length - summary.counts.unchanged} pairs that are not unchanged`,
    );
  }
  let last = Infinity;
  for (const change of report.changes) {
    if (change.kind === 'unchanged') problems.push(`change ${change.id} is unchanged`);
    if (change.significance > last) problems.push(`change ${change.id} out of significance order`);
    last = change.significance;
    if (change.before && change.after) {
      if (rebuild(change.edits, 'before') !== change.before.text)
        problems.push(`change ${change.id}: edits do not rebuild the before text`);
      if (rebuild(change.edits, 'after') !== change.after.text)
        problems.push(`change ${change.id}: edits do not rebuild the after text`);
    } else if (change.edits.length > 0)
      problems.push(`change ${change.id}: edits on a one-sided change`);
  }
  return problems.slice(0, 20);
}
