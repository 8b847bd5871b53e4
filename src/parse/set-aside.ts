/**
 * Lines of a saved news report or web page that are not the statement: related-article links,
 * bylines, photo credits, publication stamps, and the wire-service dateline that opens a story.
 * They are set aside with a diagnostic, never silently kept or dropped (issue 14).
 */
import { escapeRegExp } from '../util/text-patterns.js';

/** Why a line was set aside, and how much of it. */
export interface SetAside {
  /** `line`: the whole line; `prefix`: only its first `length` characters (a dateline). */
  readonly kind: 'line' | 'prefix';
  readonly length: number;
  /** What it is, for the diagnostic ("related-article link", "byline" …). */
  readonly what: string;
}

/** One rule of the default list (docs/tricky-cases.md § News reports). */
export interface SetAsideRule {
  readonly what: string;
  readonly pattern: RegExp;
}

/** The default rules, in order. Each is tested on one trimmed line. */
export const DEFAULT_SET_ASIDE_RULES: readonly SetAsideRule[] = [
  {
    what: 'related-article link',
    pattern:
      /^(?:also read|read also|read more|more to read|related(?: stories| articles| news| content)?|see also|recommended(?: for you)?|more from [\p{L} ]+|you may also like|must read|trending)\b\s*[:|>»\-–—]?/iu,
  },
  {
    what: 'byline',
    pattern: /^[Bb]y\s+(?:\p{Lu}[\p{L}.'’-]*\s*){1,5}(?:[|,/–—-]\s*[^.!?]*)?$/u,
  },
  {
    what: 'publication stamp',
    pattern:
      /^(?:published|updated|last updated|last update|last modified|release date|posted|first published)(?:\s+on)?\s*[:\-–—]?\s+[^.!?]{0,60}$/iu,
  },
  {
    what: 'photo credit',
    pattern:
      /^(?:\(?\s*(?:photo|photograph|image|picture|file photo|photo credit|courtesy)s?\b[^)]{0,80}\)?\s*$|(?:photo|photograph|image|picture|file photo)s?\s*[:|\-–—])/iu,
  },
  {
    what: 'release stamp',
    pattern:
      /^(?:(?:joint\s+)?(?:press release|press statement|news release|statement|release)\s+(?:no\.?|number|#)\s*[\w./-]+|(?:date|dated|issued on)\s*[:\-–]\s*\S)/iu,
  },
  {
    what: 'meta line',
    // A document symbol and/or a date alone on its line ("SC/15721 27 May 2026", "4 January 2026").
    pattern:
      /^(?=\S)(?:[A-Z]{1,5}\/[\w./-]+)?\s*(?:\d{1,2}\s+\p{Lu}\p{Ll}{2,8}\.?\s+\d{4}|\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2},\s+\d{4})?\s*$/u,
  },
  {
    what: 'breadcrumb',
    pattern: /^(?:home|start|main page)\s*(?:>|»|›|\/|\|)\s*\S/iu,
  },
  {
    what: 'page furniture',
    pattern:
      /^(?:advertisement|sponsored|subscribe(?: now)?|follow us|share(?: this)?(?: article| story)?|click here|print|email|comments?)\s*[:.]?$/iu,
  },
];

/**
 * A wire-service dateline opening a paragraph: "ISLAMABAD (Reuters) - ", "BEIJING, Jan 4 (APP):",
 * "NEW YORK — ". Only the dateline is set aside; the sentence after it is the statement's.
 */
const DATELINE =
  /^\p{Lu}{3,}(?:[ -]\p{Lu}{2,})*(?:,\s*(?:\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}|\d{1,2}\s+\p{Lu}\p{Ll}{2,8}))?\s*(?:\((?:[\p{L}.& ]{2,30})\))?\s*[:\-–—]\s+(?=\p{Lu})/u;

/** A series' own rules (series.yaml `setAside:`): line openings, matched case-insensitively. */
export function setAsideRules(extra: readonly string[] = []): readonly SetAsideRule[] {
  return [
    ...DEFAULT_SET_ASIDE_RULES,
    ...extra.map((opening) => ({
      what: `line set aside by series.yaml ("${opening}")`,
      pattern: new RegExp(`^${escapeRegExp(opening.trim())}`, 'iu'),
    })),
  ];
}

/** What of `line` (trimmed) is not the statement, or undefined when all of it is. */
export function setAsideOf(line: string, rules: readonly SetAsideRule[]): SetAside | undefined {
  const text = line.trim();
  if (text === '') return undefined;
  for (const rule of rules) {
    if (rule.pattern.test(text)) return { kind: 'line', length: text.length, what: rule.what };
  }
  const dateline = DATELINE.exec(text);
  if (dateline) return { kind: 'prefix', length: dateline[0].length, what: 'dateline' };
  return undefined;
}

/** The text a Markdown line shows: markup of emphasis, links, list and quote markers removed. */
function shownText(line: string): string {
  return line
    .replace(/^\s*(?:[>*+-]\s+|\d+[.)]\s+)*/, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/\\(.)/g, '$1')
    .trim();
}

/**
 * Blanks the lines of converted Markdown that are not the statement (spaces of the same length,
 * so offsets and line numbers stay), and says which: what Readability left of a page's chrome
 * (release stamps, "Also Read" links, share rows).
 */
export function blankSetAsideLines(
  markdown: string,
  rules: readonly SetAsideRule[],
): { markdown: string; setAside: { line: number; text: string; what: string }[] } {
  const setAside: { line: number; text: string; what: string }[] = [];
  const lines = markdown.split('\n');
  lines.forEach((line, i) => {
    const shown = shownText(line);
    if (shown === '') return;
    const aside = setAsideOf(shown, rules);
    if (aside?.kind !== 'line') return;
    setAside.push({ line: i + 1, text: shown, what: aside.what });
    lines[i] = ' '.repeat(line.length);
  });
  return { markdown: lines.join('\n'), setAside };
}
