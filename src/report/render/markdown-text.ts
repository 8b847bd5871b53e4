/** Text as Markdown: escaped, and word edits as a redline. Shared by the reports and the archive queries. */
import type { WordEdit } from '../../model/changes.js';

/** Escapes Markdown syntax in statement text so it renders as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-!|<>~])/g, '\\$1').replace(/\s+/g, ' ');
}

/** Edits as Markdown: deleted ~~struck~~, inserted **bold**, whitespace kept outside the markers. */
export function markdownDiff(edits: readonly WordEdit[]): string {
  return edits
    .map((e) => {
      if (e.op === 'equal') return escapeMarkdown(e.text);
      const lead = /^\s*/.exec(e.text)?.[0] ?? '';
      const trail = /\s*$/.exec(e.text)?.[0] ?? '';
      const core = escapeMarkdown(e.text.trim());
      if (core === '') return e.text;
      return `${lead ? ' ' : ''}${e.op === 'delete' ? `~~${core}~~` : `**${core}**`}${trail ? ' ' : ''}`;
    })
    .join('');
}
