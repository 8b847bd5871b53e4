/** Report stage: alignment + word diffs + qualifiers → the ComparisonReport every renderer consumes. */
import { sentencesOf } from '../analyse/analyse-statement.js';
import type { AlignOptions } from '../align/align-options.js';
import type { AlignedPair } from '../model/alignment.js';
import { alignCommitments } from '../identify/identify-commitments.js';
import type { IdentityOptions } from '../identify/identity-options.js';
import { answeringWords, decidedActions, rankChange } from '../rank/rank-change.js';
import type { RankOptions } from '../rank/rank-options.js';
import type {
  ChangeKind,
  ChangeSide,
  CommitmentChange,
  ComparisonReport,
  ReportSentence,
  ReportSide,
} from '../model/changes.js';
import type { Commitment, Paragraph, Statement } from '../model/statement.js';
import { qualifyChange } from '../diff/qualify-change.js';
import type { SentencePlace } from '../parse/walk-statement.js';
import { locateSentences } from '../parse/walk-statement.js';
import type { WordDiffOptions } from '../diff/word-diff.js';
import { DEFAULT_WORD_DIFF_OPTIONS, diffWords } from '../diff/word-diff.js';
import { TOOL_VERSION } from '../version.js';
import { CHANGE_KINDS } from './formats.js';

/** Version of the comparison JSON (docs/report-schema.md); bumped on any incompatible change. */
export const COMPARISON_SCHEMA_VERSION = 2;

export { CHANGE_KINDS } from './formats.js';

/** Options of {@link compareStatements}. */
export interface CompareOptions {
  readonly align?: Partial<AlignOptions>;
  readonly wordDiff?: WordDiffOptions;
  readonly identity?: IdentityOptions;
  readonly rank?: RankOptions;
}

function label(paragraph: Paragraph): string {
  return paragraph.number ?? String(paragraph.ordinal);
}

function kindOf(pair: AlignedPair): ChangeKind {
  switch (pair.kind) {
    case 'added':
      return 'new';
    case 'removed':
      return 'dropped';
    case 'unchanged':
      return pair.matchedBy === 'normalized' ? 'cosmetic' : 'unchanged';
    default:
      return pair.kind;
  }
}

/** Compares two analysed statements. Pure: the same inputs give the same report. */
export function compareStatements(
  before: Statement,
  after: Statement,
  options: CompareOptions = {},
): ComparisonReport {
  const alignment = alignCommitments(before, after, options.align, undefined, options.identity);
  const whereB = locateSentences(before);
  const whereA = locateSentences(after);
  const commitmentsB = new Map(before.commitments.map((c) => [c.sentenceId, c]));
  const commitmentsA = new Map(after.commitments.map((c) => [c.sentenceId, c]));
  const decided = decidedActions(after.commitments);
  const answering = answeringWords(after.commitments);

  const side = (
    ids: readonly string[],
    where: Map<string, SentencePlace>,
    commitments: Map<string, Commitment>,
  ): ChangeSide | null => {
    const first = ids[0];
    if (first === undefined) return null;
    const at = where.get(first);
    const sentence = at?.sentence;
    const commitment =
      ids.map((id) => commitments.get(id)).find((c) => c && !c.isContext) ?? commitments.get(first);
    if (!at || !sentence || !commitment) throw new Error(`unknown sentence ${first}`);
    return {
      ids,
      // The places hold the sentences: no second id → sentence map per side (memory, issue 5).
      text: ids.map((id) => where.get(id)?.sentence.text ?? '').join(' '),
      paragraph: label(at.paragraph),
      sentence: at.index + 1,
      section: at.section.heading,
      span: sentence.span,
      actor: commitment.actor.name,
      act: commitment.act,
      family: commitment.family,
      ...(commitment.action !== undefined ? { action: commitment.action } : {}),
      strength: commitment.strength.level,
      role: commitment.role,
      isContext: commitment.isContext,
    };
  };

  // The figures each round states, for the qualifiers of assessments that restate one.
  const figuresOf = (commitments: Iterable<Commitment>) =>
    new Set(
      [...commitments].flatMap((c) =>
        c.entities.filter((e) => e.kind === 'figure').map((e) => e.value),
      ),
    );
  const known = {
    before: figuresOf(commitmentsB.values()),
    after: figuresOf(commitmentsA.values()),
  };
  const changes: (CommitmentChange & { order: number })[] = alignment.pairs.map((pair, order) => {
    const b = side(pair.before, whereB, commitmentsB);
    const a = side(pair.after, whereA, commitmentsA);
    const kind = kindOf(pair);
    const cb = pair.before
      .map((id) => commitmentsB.get(id))
      .filter((c): c is Commitment => c !== undefined);
    const ca = pair.after
      .map((id) => commitmentsA.get(id))
      .filter((c): c is Commitment => c !== undefined);
    const dates = {
      ...(before.meta.date ? { before: before.meta.date } : {}),
      ...(after.meta.date ? { after: after.meta.date } : {}),
    };
    const qualifiers = b && a ? qualifyChange(cb, ca, dates, known) : [];
    const rank = rankChange(
      {
        kind,
        qualifiers,
        before: cb,
        after: ca,
        moved: pair.moved,
        reworded: pair.reworded,
        dates,
        decided,
        answering,
      },
      options.rank,
    );
    const diff =
      b && a
        ? diffWords(b.text, a.text, options.wordDiff ?? DEFAULT_WORD_DIFF_OPTIONS)
        : { edits: [], replaced: false };
    return {
      id: `${pair.before.join('+') || '∅'}>${pair.after.join('+') || '∅'}`,
      kind,
      significance: rank.significance,
      reasons: rank.reasons,
      isContext: rank.isContext,
      qualifiers,
      before: b,
      after: a,
      edits: diff.edits,
      replaced: diff.replaced,
      score: pair.score,
      matchedBy: pair.matchedBy,
      moved: pair.moved,
      order,
    };
  });
  changes.sort((x, y) => y.significance - x.significance || x.order - y.order);

  const counts = Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  for (const change of changes) counts[change.kind]++;
  const sideOf = (statement: Statement, where: Map<string, SentencePlace>): ReportSide => ({
    file: statement.file,
    meta: statement.meta,
    sentences: sentencesOf(statement).map((s): ReportSentence => ({
      id: s.id,
      text: s.text,
      span: s.span,
      paragraph: label((where.get(s.id) as SentencePlace).paragraph),
    })),
  });
  const renumbered = alignment.paragraphs.filter((p) => p.renumbered).length;
  const movedSections = alignment.sections.filter((s) => s.moved).length;
  const renamedSections = alignment.sections.filter((s) => s.renamed).length;
  return {
    schemaVersion: COMPARISON_SCHEMA_VERSION,
    tool: { name: 'statement-diff', version: TOOL_VERSION },
    before: sideOf(before, whereB),
    after: sideOf(after, whereA),
    summary: {
      sentencesBefore: whereB.size,
      sentencesAfter: whereA.size,
      counts,
      renumberedParagraphs: renumbered,
      movedSections,
      renamedSections,
      budgetExhausted: alignment.stats.budgetExhausted,
      differs:
        changes.some((c) => c.kind !== 'unchanged') ||
        movedSections > 0 ||
        renamedSections > 0 ||
        renumbered > 0,
    },
    alignment: alignment.pairs,
    paragraphs: alignment.paragraphs,
    sections: alignment.sections,
    // Unchanged pairs are in `alignment`; `changes` lists what changed.
    changes: changes
      .filter((c) => c.kind !== 'unchanged')
      .map(({ order: _order, ...change }) => change),
    diagnostics: [
      ...before.diagnostics.map((d) => ({ ...d, file: before.file })),
      ...after.diagnostics.map((d) => ({ ...d, file: after.file })),
      ...(alignment.stats.budgetExhausted
        ? [
            {
              severity: 'warning' as const,
              message: `alignment budget reached after ${alignment.stats.comparisons} comparisons; some pairs may be missing`,
              file: after.file,
            },
          ]
        : []),
      ...(alignment.stats.identitySkipped
        ? [
            {
              severity: 'warning' as const,
              message:
                'commitment identity pass skipped (more than 50,000 sentences): reworded or moved commitments the sentence alignment missed are reported as dropped and new',
              file: after.file,
            },
          ]
        : []),
    ],
  };
}
