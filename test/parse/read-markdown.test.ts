import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MappedText } from '../../src/parse/blocks.js';
import type { MarkdownContent } from '../../src/parse/read-markdown.js';
import { readMarkdown, splitChunks } from '../../src/parse/read-markdown.js';
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

  it('cuts chunks only before non-indented lines that follow a blank line', () => {
    const text = 'a\n\nb\n   c\n\nd\n\n```\nx\n\ny\n```\n\ne\n';
    for (const [start] of splitChunks(text, 1).slice(1)) {
      expect(text[start - 1]).toBe('\n');
      expect(text[start - 2]).toBe('\n');
      expect(text[start]).not.toMatch(/\s/);
    }
  });
});
