/** HTML reader: a saved statement page becomes Markdown (headings, paragraphs, lists kept; chrome dropped). */
import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import type rehypeParseType from 'rehype-parse';
import type rehypeRemarkType from 'rehype-remark';
import type remarkGfmType from 'remark-gfm';
import type remarkStringifyType from 'remark-stringify';
import type * as UnifiedModule from 'unified';
import { loadDefault } from './load-module.js';

/** Elements that carry page chrome or code rather than statement text. */
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'iframe',
  'svg',
  'button',
  'select',
  'template',
  'menu',
  'object',
  'embed',
  'canvas',
  'head',
]);

function prune(node: HastRoot | Element): void {
  node.children = node.children.filter((child: HastContent) => {
    if (child.type === 'comment') return false;
    if (child.type !== 'element') return true;
    if (DROPPED.has(child.tagName)) return false;
    const role = String(child.properties['role'] ?? '');
    if (role === 'navigation' || role === 'banner' || role === 'contentinfo') return false;
    prune(child);
    return true;
  }) as typeof node.children;
}

function findMain(node: HastRoot | Element): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'main' || child.tagName === 'article') return child;
    const inner = findMain(child);
    if (inner) return inner;
  }
  return undefined;
}

function findTitle(node: HastRoot | Element): string | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'title') {
      const text = child.children
        .map((c) => (c.type === 'text' ? c.value : ''))
        .join('')
        .trim();
      return text === '' ? undefined : text;
    }
    const inner = findTitle(child);
    if (inner) return inner;
  }
  return undefined;
}

/** The Markdown text of an HTML page's statement, and the page title. */
export interface ConvertedHtml {
  readonly markdown: string;
  readonly title?: string;
}

/**
 * Converts `html` to Markdown. The `<main>` or `<article>` element is kept when there is one,
 * else the body; navigation, scripts, styles and forms are dropped.
 */
export function htmlToMarkdown(html: string): ConvertedHtml {
  // Loaded on first HTML input only (see load-module.ts).
  const { unified } = loadDefault<typeof UnifiedModule>('unified');
  const rehypeParse = loadDefault<typeof rehypeParseType>('rehype-parse');
  const rehypeRemark = loadDefault<typeof rehypeRemarkType>('rehype-remark');
  const remarkGfm = loadDefault<typeof remarkGfmType>('remark-gfm');
  const remarkStringify = loadDefault<typeof remarkStringifyType>('remark-stringify');
  const tree = unified().use(rehypeParse).parse(html) as HastRoot;
  const title = findTitle(tree);
  prune(tree);
  const main = findMain(tree);
  const root: HastRoot = main ? { type: 'root', children: [main] } : tree;
  const mdast = unified().use(rehypeRemark).runSync(root);
  const markdown = unified()
    .use(remarkGfm)
    .use(remarkStringify, { bullet: '-', listItemIndent: 'one', rule: '-' })
    .stringify(mdast as never);
  return title ? { markdown, title } : { markdown };
}
