/**
 * HTML → Markdown on hostile markup: nested inline formatting is bounded before remark-stringify
 * (whose cost grows steeply with its depth), and inline wrappers of nothing but white space are
 * taken out before hast-util-minify-whitespace (quadratic in a run of them). What is checked is
 * the shape handed on and the text kept, not the time taken.
 */
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import {
  flattenInlineFormatting,
  HTML_DEPTH_REPORTED,
  htmlToMarkdown,
  MAX_INLINE_DEPTH,
} from '../../src/parse/html-to-markdown.js';
import { isUserError } from '../../src/model/errors.js';
import { parseStatement } from '../../src/parse/parse-statement.js';

/** A paragraph of `levels` formatting nodes, alternately strong and emphasis, around `text`. */
function nested(levels: number, text: string): Root {
  let inner: Root['children'][number] | { type: 'text'; value: string } = {
    type: 'text',
    value: text,
  };
  for (let i = 0; i < levels; i++)
    inner = { type: i % 2 ? 'strong' : 'emphasis', children: [inner] } as never;
  return { type: 'root', children: [{ type: 'paragraph', children: [inner] } as never] };
}

/** The deepest nesting of formatting nodes in `node`. */
function depth(node: { type: string; children?: unknown[] }): number {
  const own = ['emphasis', 'strong', 'delete', 'link'].includes(node.type) ? 1 : 0;
  const inner = (node.children ?? []).map((c) =>
    depth(c as { type: string; children?: unknown[] }),
  );
  return own + Math.max(0, ...inner);
}

/** The text of `node`, markup left out. */
function text(node: { value?: string; children?: unknown[] }): string {
  return node.value ?? (node.children ?? []).map((c) => text(c as { value?: string })).join('');
}

/** The sentences of an HTML statement. */
function sentences(html: string): string[] {
  const statement = parseStatement(html, { file: 'page.html' });
  const all: string[] = [];
  const walk = (sections: typeof statement.sections): void => {
    for (const section of sections) {
      for (const p of section.paragraphs) all.push(...p.sentences.map((s) => s.text));
      walk(section.sections);
    }
  };
  walk(statement.sections);
  return all;
}

describe('nested inline formatting', () => {
  it('is unwrapped beyond MAX_INLINE_DEPTH levels, the text kept', () => {
    const tree = nested(600, 'The two sides agreed.');
    expect(depth(tree)).toBe(600);
    expect(flattenInlineFormatting(tree)).toBe(MAX_INLINE_DEPTH);
    expect(depth(tree)).toBe(MAX_INLINE_DEPTH);
    expect(text(tree)).toBe('The two sides agreed.');
  });

  it('leaves shallow formatting as it is', () => {
    const tree = nested(3, 'x');
    const before = JSON.stringify(tree);
    expect(flattenInlineFormatting(tree)).toBe(3);
    expect(JSON.stringify(tree)).toBe(before);
  });

  it(
    'hundreds of unclosed <b><i><u> reach remark-stringify at most MAX_INLINE_DEPTH deep',
    { timeout: 20_000 },
    () => {
      const html = `<p>${'<b><i><u>'.repeat(300)}The two sides agreed to meet again.`;
      expect(html.length).toBeGreaterThan(2_500);
      const { markdown } = htmlToMarkdown(html);
      // Each level is at most two markers on each side.
      expect((markdown.match(/[*_]/g) ?? []).length).toBeLessThanOrEqual(4 * MAX_INLINE_DEPTH);
      expect(markdown.replace(/[*_]/g, '').trim()).toBe('The two sides agreed to meet again.');
      expect(sentences(html)).toEqual(['The two sides agreed to meet again.']);
    },
  );
});

describe('inline wrappers of nothing but white space', () => {
  it('read as their white space: the sentence text does not change', () => {
    expect(sentences('<p>The two<span> </span>sides<a href="#x"></a> agreed.</p>')).toEqual([
      'The two sides agreed.',
    ]);
    expect(sentences('<p>They met<b>\n</b>in <i></i>Vantor<x-note></x-note>.</p>')).toEqual([
      'They met in Vantor.',
    ]);
    // An empty quotation keeps its marks, as before; an empty <code> no longer leaves "``".
    expect(sentences('<p>He said <q></q> and left<code></code>.</p>')).toEqual([
      'He said "" and left.',
    ]);
    // Wrappers with text, and breaks, are kept.
    expect(htmlToMarkdown('<p><b>firmly</b> agreed<br>again</p>').markdown).toBe(
      '**firmly** agreed\\\nagain\n',
    );
  });

  it(
    'long runs of them (empty links, spans of a space, unknown or code elements) are read',
    { timeout: 20_000 },
    () => {
      for (const unit of [
        '<a href="#x"></a>',
        '<span> </span>',
        '<x-y></x-y>',
        '<code></code>',
        '<q></q>',
      ]) {
        const html = `<p>${unit.repeat(3000)}The two sides agreed.</p>`;
        const found = sentences(html);
        expect(found.at(-1)?.endsWith('The two sides agreed.'), unit).toBe(true);
      }
    },
  );
});

describe('blocks inside phrasing (misnested HTML)', () => {
  it('keeps their text when unclosed headings and bold repeat (fuzzer: was a hang)', () => {
    const page = '<h2>Economic cooperation <b>The two sides agreed to build a port.</p>'.repeat(60);
    const { markdown } = htmlToMarkdown(`<html><body><main>${page}</main></body></html>`);
    expect(markdown.match(/agreed to build a port/g)?.length).toBe(60);
    expect(markdown.match(/Economic cooperation/g)?.length).toBe(60);
    const headings = parseStatement(markdown, { file: 'page.md' }).sections;
    expect(headings.length).toBeGreaterThan(0);
  });

  it('unwraps a heading nested in strong nested in a heading', () => {
    const tree = {
      type: 'root',
      children: [
        {
          type: 'heading',
          depth: 2,
          children: [
            { type: 'text', value: 'Trade' },
            {
              type: 'strong',
              children: [
                { type: 'heading', depth: 2, children: [{ type: 'text', value: 'Ports' }] },
                { type: 'code', value: 'x = 1' },
              ],
            },
          ],
        },
      ],
    } as unknown as Root;
    flattenInlineFormatting(tree);
    const heading = tree.children[0] as {
      children: { type: string; children?: { type: string }[] }[];
    };
    const strong = heading.children[1];
    expect(strong?.type).toBe('strong');
    expect(strong?.children?.map((c) => c.type)).toEqual(['text', 'text', 'text']);
    expect(text(tree as never).replace(/\s+/g, ' ')).toBe('Trade Ports ');
  });
});

describe('HTML nested too deeply to convert', () => {
  /** The code, line and expectation of the error `parseStatement` raises on `html`. */
  function refusal(html: string): { code: string; line?: number; expected?: string } | undefined {
    try {
      parseStatement(html, { file: 'deep.html', format: 'html' });
      return undefined;
    } catch (error) {
      if (!isUserError(error)) throw error;
      return {
        code: error.code,
        ...(error.location?.line !== undefined ? { line: error.location.line } : {}),
        ...(error.expected !== undefined ? { expected: error.expected } : {}),
      };
    }
  }
  const intro = '<html><body>\n<h1>Joint statement</h1>\n<p>The ministers met.</p>\n';

  it('names the line of the first element HTML_DEPTH_REPORTED levels deep', () => {
    // One element a line from line 4; <html> and <body> are levels 1 and 2, the first <div> 3.
    const opens = Array.from({ length: 6000 }, () => '<div>').join('\n');
    const refused = refusal(`${intro}${opens}The sides agreed.</body></html>`);
    expect(refused).toEqual({
      code: 'E_TOO_DEEP',
      line: 4 + HTML_DEPTH_REPORTED - 3,
      expected: `HTML elements nested fewer than ${HTML_DEPTH_REPORTED} levels deep`,
    });
  });

  it('reads a page nested a few hundred levels deep', () => {
    const depth = 300;
    const html = `${intro}${'<div>'.repeat(depth)}<p>The sides agreed.</p>${'</div>'.repeat(depth)}</body></html>`;
    expect(refusal(html)).toBeUndefined();
  });
});
