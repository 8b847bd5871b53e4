import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MappedText } from '../../src/parse/blocks.js';
import type { MarkdownContent } from '../../src/parse/read-markdown.js';
import { MAX_ITEMS_PER_CHUNK, readMarkdown, splitChunks } from '../../src/parse/read-markdown.js';
import { generatePair } from '../../bench/generate-pairs.js';

/** Blocks with their offsets listed, so that the two ways of storing offsets compare. */
function comparable(content: MarkdownContent): unknown {
  const list = (text: MappedText): { plain: string; offsets: (number | undefined)[] } => ({
    plain: text.plain,
    offsets: Array.from({ length: text.offsets.length }, (_, i) => text.offsets.at(i)),
  });
  return {
    ...content,
    blocks: content.blocks.map((block) =>
      block.kind === 'heading'
        ? { ...block, text: list(block.text) }
        : { ...block, pieces: block.pieces.map(list) },
    ),
  };
}

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return markdownFiles(path);
    return e.name.endsWith('.md') && e.name !== 'README.md' ? [path] : [];
  });
}

const corpora = [
  ...markdownFiles('test/fixtures/parse'),
  ...markdownFiles('statements'),
  ...markdownFiles('../shared/corpus/fomc'),
  ...markdownFiles('../shared/benchmarks/argrewrite'),
];

const tricky = [
  '# Title #\n\nPlain text with a [link](x) and *emphasis*.\n\n1. First item\n   continued\n\n   Second paragraph of the item.\n\n2) Second\n',
  'Setext heading\n==============\n\nText\n---\n\n> quote\n> more\n\n- bullet\n- list\n\n```\ncode\n\nstill code\n```\n\nAfter code.\n',
  'Line with a hard break  \nnext line.\n\n12(a) Labelled paragraph.\n\n0. Zero item\n\n1.\n\nTrailing\\\nbackslash.\n\n#hashtag is text\n\n    indented code\n',
  '---\ntitle: x\n---\n\n# H\n\nPara one.\nstill para one.\n2. not an item inside a paragraph\n\n3. Item three &amp; more\n',
];

describe('readMarkdown fast path', () => {
  it.each(corpora)('gives the same blocks as remark alone: %s', (file) => {
    const text = readFileSync(file, 'utf8');
    expect(comparable(readMarkdown(text))).toEqual(
      comparable(readMarkdown(text, { fastPath: false })),
    );
  });

  it.each(tricky.map((t, i) => [i, t] as const))(
    'gives the same blocks as remark on tricky Markdown #%i',
    (_i, text) => {
      expect(comparable(readMarkdown(text))).toEqual(
        comparable(readMarkdown(text, { fastPath: false })),
      );
    },
  );

  it('gives the same blocks on generated statements, also when remark reads them in small chunks', () => {
    for (const seed of [1, 2, 3]) {
      const { before, after } = generatePair(seed, 40_000);
      for (const text of [before, after]) {
        const whole = readMarkdown(text, { fastPath: false, chunkSize: 1e9 });
        expect(comparable(readMarkdown(text))).toEqual(comparable(whole));
        expect(comparable(readMarkdown(text, { fastPath: false, chunkSize: 2_000 }))).toEqual(
          comparable(whole),
        );
      }
    }
  });

  it('cuts chunks by size only before non-indented lines that follow a blank line', () => {
    const text = 'a\n\nb\n   c\n\nd\n\n```\nx\n\ny\n```\n\ne\n';
    for (const [start] of splitChunks(text, 1).slice(1)) {
      expect(text[start - 1]).toBe('\n');
      expect(text[start - 2]).toBe('\n');
      expect(text[start]).not.toMatch(/\s/);
    }
  });
});

describe('long lists cut between items (micromark is quadratic in the items of a nested list)', () => {
  const starts = (text: string, maxItems: number): string[] =>
    splitChunks(text, 1e9, maxItems)
      .slice(1)
      .map(([start]) => text.slice(start, text.indexOf('\n', start)));
  /** The blocks read in one chunk and with a cut before every item that allows one. */
  const sameBlocks = (text: string): void => {
    const whole = readMarkdown(text, { fastPath: false, chunkSize: 1e9, chunkItems: 1e9 });
    expect(
      comparable(readMarkdown(text, { fastPath: false, chunkSize: 1e9, chunkItems: 1 })),
    ).toEqual(comparable(whole));
    expect(comparable(readMarkdown(text))).toEqual(comparable(whole));
  };

  it('cuts a tight list with nested lists every MAX_ITEMS_PER_CHUNK items, blocks unchanged', () => {
    const text = `# T\n\n${'- The sides agreed.\n  - On trade.\n'.repeat(3 * MAX_ITEMS_PER_CHUNK)}`;
    const cuts = starts(text, MAX_ITEMS_PER_CHUNK);
    expect(cuts).toEqual(['- The sides agreed.', '- The sides agreed.']);
    sameBlocks(text);
  });

  it.each([
    ['bullets with sub-lists', '- a one.\n  - sub.\n- b two.\n  1. sub.\n- c three.\n'],
    ['numbered items', '1. One.\n2. Two.\n   - sub.\n3. Three.\n10. Ten.\n'],
    ['closing parentheses', '1) One.\n2) Two.\n3) Three.\n'],
    ['loose items', '- a one.\n\n  - sub.\n\n- b two.\n\n- c three.\n'],
    ['lazy continuation', '- a one\nlazy text.\n- b two.\n- c three.\n'],
    ['an ordered line that cannot interrupt', '- a one\n2. not an item.\n- b two.\n'],
    ['another marker type', '- a one.\n* b two.\n* c three.\n+ d four.\n'],
    ['thematic breaks', '- a one.\n- - -\n- b two.\n* * *\n'],
    ['fenced code', '- a one.\n```\n- x\n- y\n```\n- b two.\n'],
    ['a list after text', 'Text.\n- a one.\n- b two.\n- c three.\n'],
    ['a list inside an HTML block', '<div>\n- a one.\n- b two.\n- c three.\n</div>\n'],
    [
      'a list inside a comment',
      'Text.\n\n<!--\n\n- a one.\n- b two.\n\n- c three.\n-->\n\n- d four.\n- e five.\n',
    ],
  ])('reads %s the same cut or not', (_name, body) => {
    sameBlocks(`# T\n\n${body}`);
  });

  it('does not cut where an item line might be text: after text, in HTML blocks and comments', () => {
    expect(starts('Text.\n- a one.\n- b two.\n- c three.\n', 1)).toEqual([]);
    expect(starts('<div>\n- a one.\n- b two.\n- c three.\n', 1)).toEqual([]);
    // Items in the comment are not counted: the first cut comes once the chunk holds one item.
    expect(starts('<!--\n\n- a one.\n- b two.\n\n- c.\n-->\n\n- d four.\n- e five.\n', 1)).toEqual([
      '- e five.',
    ]);
    // After a line that is not known to be an item, the list is not known to be open.
    expect(starts('- a one\n2. not an item.\n- b two.\n', 1)).toEqual([]);
    expect(starts('- a one.\n- b two.\n- c three.\n', 1)).toEqual(['- b two.', '- c three.']);
  });
});
