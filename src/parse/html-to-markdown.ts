/** HTML reader: a saved statement page becomes Markdown (headings, paragraphs, lists kept; chrome dropped). */
import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import type rehypeParseType from 'rehype-parse';
import type rehypeRemarkType from 'rehype-remark';
import type remarkGfmType from 'remark-gfm';
import type remarkStringifyType from 'remark-stringify';
import type * as Parse5Module from 'parse5';
import type * as UnifiedModule from 'unified';
import { UserError } from '../model/errors.js';
import { loadDefault, loadModule } from './load-module.js';

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

/**
 * Elements that are more than inline wrappers of text: blocks (which separate text even when
 * empty: hast-util-minify-whitespace's list), embedded and form content, breaks and quotations.
 * Every other element, unknown ones included, only wraps text. (An empty `<code>` was a stray
 * "``" in the sentence; one of white space reads as that space either way.)
 */
const NOT_WRAPPERS = new Set(
  [
    'address article aside blockquote body br caption center col colgroup dd dialog dir div dl',
    'dt figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html legend li',
    'listing main menu nav ol optgroup option p plaintext pre section summary table tbody td',
    'tfoot th thead tr ul wbr xmp audio canvas embed iframe img math object picture svg video',
    'button input select textarea q',
  ]
    .join(' ')
    .split(' '),
);

/** HTML white space (not U+00A0, which is text). */
const HTML_SPACE = /^[ \t\n\f\r]*$/;

/** Appends text to `children`, joined to the text before it if there is one. */
function pushText(children: HastContent[], value: string): void {
  const last = children[children.length - 1];
  if (last?.type === 'text') last.value += value;
  else children.push({ type: 'text', value });
}

/**
 * Drops comments, page chrome and navigation; replaces inline wrappers of nothing but white space
 * by that white space, and joins the text they leave side by side. Why: such a wrapper says
 * nothing, and a long run of them costs hast-util-minify-whitespace quadratic time (it looks past
 * each one for the next text: 2,000 `<span> </span>` or `<a></a>` took 10 s).
 */
function prune(node: HastRoot | Element): void {
  const children: HastContent[] = [];
  for (const child of node.children) {
    if (child.type === 'comment') continue;
    if (child.type === 'text') {
      pushText(children, child.value);
      continue;
    }
    if (child.type !== 'element') {
      children.push(child);
      continue;
    }
    if (DROPPED.has(child.tagName)) continue;
    const role = String(child.properties['role'] ?? '');
    if (role === 'navigation' || role === 'banner' || role === 'contentinfo') continue;
    prune(child);
    const hollow = child.children.every((c) => c.type === 'text' && HTML_SPACE.test(c.value));
    if (hollow && (child.tagName === 'q' || !NOT_WRAPPERS.has(child.tagName))) {
      const space = child.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
      // An empty quotation still shows its quotation marks (hast-util-to-mdast's default).
      const text = child.tagName === 'q' ? `"${space}"` : space;
      if (text !== '') pushText(children, text);
      continue;
    }
    children.push(child);
  }
  node.children = children as typeof node.children;
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

/** Nodes whose children are phrasing (text and inline formatting only). */
const PHRASING_PARENTS = new Set([
  'paragraph',
  'heading',
  'tableCell',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
]);

/** Flow (block) nodes, which Markdown cannot write inside phrasing. */
const FLOW = new Set([
  'paragraph',
  'heading',
  'blockquote',
  'list',
  'listItem',
  'table',
  'tableRow',
  'tableCell',
  'code',
  'thematicBreak',
  'html',
  'definition',
  'footnoteDefinition',
]);

/** Inline formatting that can nest: each level is one more `*`, `**`, `~~` or `[…](…)` around text. */
const FORMATTING = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);

/**
 * Most levels of inline formatting kept one inside another (default: 4, as in a link around bold
 * italic struck-through text). Why a bound: remark-stringify's cost grows steeply with the depth
 * of nested formatting (50 levels of `<b><i>` took 6 s, 100 took 90 s; the fuzzer found 300 levels
 * of unclosed `<b><i><u>`). Statements use two or three levels; the words are all that count.
 */
export const MAX_INLINE_DEPTH = 4;

/**
 * Unwraps, in place, inline formatting nested deeper than `maxDepth` in `tree`: the inner
 * emphasis, strong, delete and link nodes are replaced by their children, so the text is kept and
 * only the markup goes. Blocks found inside phrasing are unwrapped the same way (their text kept,
 * code and rules dropped). Iterative, so a deep tree cannot exhaust the stack. Returns the deepest
 * nesting of formatting left (at most `maxDepth`).
 */
export function flattenInlineFormatting(tree: MdastRoot, maxDepth = MAX_INLINE_DEPTH): number {
  let deepest = 0;
  const work: { node: MdastNodes; depth: number }[] = [{ node: tree, depth: 0 }];
  for (let item = work.pop(); item; item = work.pop()) {
    const { node, depth } = item;
    if (!('children' in node)) continue;
    const kept: MdastNodes[] = [];
    const pending: MdastNodes[] = [...node.children].reverse();
    const phrasing = PHRASING_PARENTS.has(node.type);
    for (let child = pending.pop(); child; child = pending.pop()) {
      if (phrasing && FLOW.has(child.type)) {
        // Blocks inside phrasing (misnested HTML: <h2> inside <b> inside <h2> …) cannot be
        // written as Markdown and nest without bound: their text is kept, a space apart.
        if ('children' in child) {
          // A space on each side keeps words apart (at the edge of emphasis Markdown writes it as
          // `&#x20;`, which reads back as a space).
          pending.push({ type: 'text', value: ' ' });
          for (let i = child.children.length - 1; i >= 0; i--)
            pending.push(child.children[i] as MdastNodes);
          pending.push({ type: 'text', value: ' ' });
        }
        continue;
      }
      const formatting = FORMATTING.has(child.type);
      if (formatting && depth >= maxDepth && 'children' in child) {
        for (let i = child.children.length - 1; i >= 0; i--)
          pending.push(child.children[i] as MdastNodes);
        continue;
      }
      kept.push(child);
      const childDepth = formatting ? depth + 1 : depth;
      deepest = Math.max(deepest, childDepth);
      work.push({ node: child, depth: childDepth });
    }
    (node as { children: MdastNodes[] }).children = kept;
  }
  return deepest;
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
  try {
    return convert(html);
  } catch (error) {
    // Thousands of nested elements exhaust the stack of the recursive tree walkers.
    if (error instanceof RangeError) throw tooDeepHtml(html);
    throw error;
  }
}

/** Least text (characters) a Readability extract must hold to be taken instead of the page. */
const MIN_EXTRACT_CHARS = 200;

/**
 * Deepest element nesting Readability is run on. Its cost grows with the cube of the depth
 * (measured: 100 levels 0.2 s, 300 levels 1.4 s, 1,000 levels 44 s); real pages nest a few
 * dozen levels, so a deeper page is read whole, as a fragment is.
 */
export const READABILITY_MAX_DEPTH = 100;

interface DomNode {
  readonly children?: ArrayLike<DomNode>;
}

/** Whether `root` has an element nested more than `limit` levels below it (walked without recursion). */
function nestsDeeperThan(root: DomNode, limit: number): boolean {
  const work: { node: DomNode; depth: number }[] = [{ node: root, depth: 0 }];
  for (let item = work.pop(); item; item = work.pop()) {
    if (item.depth > limit) return true;
    const children = item.node.children;
    if (!children) continue;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child) work.push({ node: child, depth: item.depth + 1 });
    }
  }
  return false;
}

/**
 * The main content of a whole web page, by Mozilla's Readability over a linkedom DOM
 * (docs/decisions/020): header, navigation, breadcrumbs, share links, related articles, sidebars
 * and footer go. A fragment (no `<body>`), or a page Readability finds too little in, is kept whole.
 */
function mainContent(html: string): { html: string; title?: string } | undefined {
  if (!/<body[\s>]/i.test(html)) return undefined;
  const { parseHTML } = loadModule<{ parseHTML: (html: string) => { document: unknown } }>(
    'linkedom',
  );
  const { Readability } = loadModule<{
    Readability: new (
      document: unknown,
      options?: object,
    ) => {
      parse(): {
        content?: string | null;
        textContent?: string | null;
        title?: string | null;
      } | null;
    };
  }>('@mozilla/readability');
  const { document } = parseHTML(html);
  if (nestsDeeperThan(document as DomNode, READABILITY_MAX_DEPTH)) return undefined;
  // Readability drops the page's first heading when it repeats the <title>, and turns every
  // <h1> into <h2>; the statement's own heading is put back so the section tree stays the author's.
  const heading = (document as { querySelector(s: string): { textContent: string | null } | null })
    .querySelector('h1')
    ?.textContent?.trim();
  const article = new Readability(document, { keepClasses: false }).parse();
  if (!article?.content || (article.textContent ?? '').trim().length < MIN_EXTRACT_CHARS)
    return undefined;
  const kept = (article.textContent ?? '').trimStart().startsWith(heading ?? '');
  const restored = heading && !kept ? `<h1>${escapeHtml(heading)}</h1>` : '';
  return {
    html: `<article>${restored}${article.content}</article>`,
    ...(article.title ? { title: article.title } : {}),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** {@link htmlToMarkdown} without the stack guard. */
function convert(page: string): ConvertedHtml {
  const extract = mainContent(page);
  const html = extract?.html ?? page;
  // Loaded on first HTML input only (see load-module.ts).
  const { unified } = loadDefault<typeof UnifiedModule>('unified');
  const rehypeParse = loadDefault<typeof rehypeParseType>('rehype-parse');
  const rehypeRemark = loadDefault<typeof rehypeRemarkType>('rehype-remark');
  const remarkGfm = loadDefault<typeof remarkGfmType>('remark-gfm');
  const remarkStringify = loadDefault<typeof remarkStringifyType>('remark-stringify');
  const title = findTitle(unified().use(rehypeParse).parse(page) as HastRoot) ?? extract?.title;
  const tree = extract
    ? (unified().use(rehypeParse).parse(html) as HastRoot)
    : (unified().use(rehypeParse).parse(page) as HastRoot);
  prune(tree);
  const main = findMain(tree);
  const root: HastRoot = main ? { type: 'root', children: [main] } : tree;
  const mdast = unified().use(rehypeRemark).runSync(root) as MdastRoot;
  flattenInlineFormatting(mdast);
  const markdown = unified()
    .use(remarkGfm)
    .use(remarkStringify, { bullet: '-', listItemIndent: 'one', rule: '-' })
    .stringify(mdast as never);
  return title ? { markdown, title } : { markdown };
}

/**
 * Elements nested deeper than this are where an HTML page is said to be too deep when its
 * conversion runs out of stack (hast-util-from-parse5 recurses: about 4,000 levels here).
 */
export const HTML_DEPTH_REPORTED = 1000;

/**
 * The error for a page nested too deeply to convert, naming the line of its first element
 * {@link HTML_DEPTH_REPORTED} levels deep. parse5 builds its tree without recursion, so the
 * page is parsed again with source locations and walked with an explicit stack.
 */
function tooDeepHtml(html: string): UserError {
  const { parse } = loadModule<typeof Parse5Module>('parse5');
  const document = parse(html, { sourceCodeLocationInfo: true });
  type Node = Parse5Module.DefaultTreeAdapterMap['parentNode'];
  const work: { node: Node; depth: number }[] = [{ node: document, depth: 0 }];
  let line: number | undefined;
  for (let item = work.pop(); item; item = work.pop()) {
    const { node, depth } = item;
    if (depth >= HTML_DEPTH_REPORTED && 'sourceCodeLocation' in node) {
      line = node.sourceCodeLocation?.startLine;
      break;
    }
    for (let i = node.childNodes.length - 1; i >= 0; i--) {
      const child = node.childNodes[i];
      if (child && 'childNodes' in child) work.push({ node: child, depth: depth + 1 });
    }
  }
  return new UserError('E_TOO_DEEP', 'the input is nested too deeply to read', {
    location: line === undefined ? { file: '' } : { file: '', line },
    expected: `HTML elements nested fewer than ${HTML_DEPTH_REPORTED} levels deep`,
  });
}
