/**
 * Readable-article extraction from saved news pages. The page is parsed with htmlparser2
 * (entities decoded) and only its text is taken: nothing is rendered, run or loaded, and
 * the output is plain text without markup. Scripts, styles, embedded content, page
 * chrome, hidden elements and boilerplate blocks are dropped (see html-rules), the
 * article container is chosen (<article>, then [itemprop=articleBody], then <main>, then
 * the element with the most paragraph text), and its blocks become paragraphs. A <br>
 * starts a new line, as does a line feed in <pre>; in Isnad's text model every line is a
 * paragraph. A <q> is written with quotation marks, which the browser would show.
 *
 * Whitespace: runs of ASCII whitespace (space, tab, LF, FF, CR) inside a line become
 * one space and are trimmed at the ends; NBSP, ZWNJ/ZWJ, bidi marks and harakat are kept;
 * soft hyphens (U+00AD, &shy;) are removed from paragraphs and title.
 * A paragraph made only of whitespace and invisible characters is dropped. Text that the
 * page escaped (&lt;b&gt;) is the page's text and stays as literal characters.
 */
import { parseDocument } from 'htmlparser2';
import { attr, findElement, isElement, textOf, walkElements, type HtmlElement, type HtmlNode } from './html-dom';
import { firstTimeDatetime, plainTextOf, readHtmlMetadata, stripTitleSuffix } from './html-meta';
import { isBlock, isDropped, type DropRules } from './html-rules';
import { isBlank } from '../../text/chars';
import { baseDirection } from '../../text/paragraphs';
import { collapseAsciiWhitespace, withoutSoftHyphens } from './whitespace';

/** The article found in a page. `paragraphs` is empty when the page has no article text. */
export interface HtmlArticle {
  title?: string;
  paragraphs: string[];
  url?: string;
  date?: string;
  outlet?: string;
}

/** Options of {@link extractHtmlArticle}. */
export interface HtmlExtractOptions {
  /** XHTML: `<div/>` closes itself (as in XML) instead of opening an element. */
  xhtml?: boolean;
}

/** An element, or the whole page when it has no <body>: something with children to read. */
interface Container {
  name: string;
  children: HtmlNode[];
}

/** Builds paragraphs (lines of the text) from a stream of text and line or block boundaries. */
class ParagraphCollector {
  readonly paragraphs: string[] = [];
  private parts: string[] = [];

  /** Adds inline text to the current paragraph. */
  text(s: string): void {
    this.parts.push(s);
  }

  /** Closes the current paragraph (kept unless it is blank once whitespace is collapsed). */
  end(): void {
    const paragraph = collapseAsciiWhitespace(this.parts.join(''));
    if (!isBlank(paragraph)) this.paragraphs.push(paragraph);
    this.parts = [];
  }
}

/** Elements whose line feeds are line breaks (preformatted text). */
const PREFORMATTED: ReadonlySet<string> = new Set(['pre', 'listing', 'xmp', 'plaintext']);

/**
 * The quotation marks of a <q>, by the direction of the block around it and how deep it is
 * nested in other <q>s: « » and “ ” inside them in right-to-left text, “ ” and ‘ ’ inside
 * them in left-to-right text. `directions` caches each block's direction.
 */
function quotationMarks(block: Container, depth: number, directions: Map<Container, boolean>): [string, string] {
  let rtl = directions.get(block);
  if (rtl === undefined) {
    rtl = baseDirection(plainTextOf(block)) === 'rtl';
    directions.set(block, rtl);
  }
  if (depth === 0) return rtl ? ['«', '»'] : ['“', '”'];
  return rtl ? ['“', '”'] : ['‘', '’'];
}

/** What the walk of {@link collectParagraphs} does after an element's children. */
type Close = { close: 'block' } | { close: 'pre' } | { close: 'q'; mark: string };

/**
 * Collects the paragraphs below `root`: each block element (and each run of inline content
 * between blocks) is one paragraph, and so is each line that a <br>, or a line feed in
 * preformatted text, begins. A <q> gets quotation marks (see {@link quotationMarks}).
 */
function collectParagraphs(root: Container, rules: DropRules): string[] {
  const out = new ParagraphCollector();
  // Iterative walk; an element pushes what to do after its content (close its paragraph, its quotation).
  const stack: Array<HtmlNode | Close> = [{ close: 'block' }, ...[...root.children].reverse()];
  const blocks: Container[] = [root];
  let preformatted = 0;
  let quotes = 0;
  const directions = new Map<Container, boolean>();
  while (stack.length) {
    const item = stack.pop()!;
    if ('close' in item) {
      if (item.close === 'block') {
        out.end();
        blocks.pop();
      } else if (item.close === 'pre') {
        preformatted--;
      } else {
        out.text(item.mark);
        quotes--;
      }
      continue;
    }
    const text = textOf(item);
    if (text !== undefined) {
      if (preformatted === 0) out.text(text);
      else
        text.split(/\r\n?|\n/).forEach((line, i) => {
          if (i > 0) out.end();
          out.text(line);
        });
      continue;
    }
    if (!isElement(item) || isDropped(item, rules)) continue;
    if (item.name === 'br') {
      out.end();
      continue;
    }
    if (item.name === 'h1' || item.name === 'hr') {
      // The headline is the title, not a paragraph of the body.
      out.end();
      continue;
    }
    if (isBlock(item)) {
      out.end();
      blocks.push(item);
      stack.push({ close: 'block' });
    }
    if (PREFORMATTED.has(item.name)) {
      preformatted++;
      stack.push({ close: 'pre' });
    }
    if (item.name === 'q') {
      const [open, close] = quotationMarks(blocks.at(-1)!, quotes, directions);
      out.text(open);
      quotes++;
      stack.push({ close: 'q', mark: close });
    }
    for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i]!);
  }
  return out.paragraphs;
}

/** Length of the inline text below `el` and of the part inside links, skipping dropped subtrees and nested blocks (scored on their own). */
function textLengths(el: HtmlElement, rules: DropRules): { total: number; inLinks: number } {
  let total = 0;
  let inLinks = 0;
  const stack: Array<{ node: HtmlNode; link: boolean }> = el.children.map((node) => ({ node, link: el.name === 'a' }));
  while (stack.length) {
    const { node, link } = stack.pop()!;
    const text = textOf(node);
    if (text !== undefined) {
      const n = collapseAsciiWhitespace(text).length;
      total += n;
      if (link) inLinks += n;
    } else if (isElement(node) && !isDropped(node, rules) && !isBlock(node)) {
      for (const child of node.children) stack.push({ node: child, link: link || node.name === 'a' });
    }
  }
  return { total, inLinks };
}

/**
 * How much article-like text sits directly in `el`: the inline text of its direct <p> and
 * <div> children (sites often write one <div> per paragraph), of its direct inline
 * children and text nodes, reduced by the share of that text inside links.
 */
function paragraphScore(el: Container, rules: DropRules): number {
  let total = 0;
  let inLinks = 0;
  for (const child of el.children) {
    const text = textOf(child);
    if (text !== undefined) {
      total += collapseAsciiWhitespace(text).length;
    } else if (isElement(child) && !isDropped(child, rules) && (child.name === 'p' || child.name === 'div' || !isBlock(child))) {
      const lengths = textLengths(child, rules);
      total += lengths.total;
      inLinks += child.name === 'a' ? lengths.total : lengths.inLinks;
    }
  }
  return total === 0 ? 0 : total * (1 - inLinks / total);
}

/**
 * The elements below `root` that pass `test`, skipping dropped subtrees. With
 * `outermost`, matches inside a match are left out (an outer container always holds at
 * least its inner ones' text), which keeps nested <article>s linear.
 */
function elementsWhere(root: Container, rules: DropRules, test: (el: HtmlElement) => boolean, outermost = false): HtmlElement[] {
  const found: HtmlElement[] = [];
  walkElements(root, (el) => {
    if (isDropped(el, rules)) return false;
    if (!test(el)) return true;
    found.push(el);
    return !outermost;
  });
  return found;
}

function textLength(paragraphs: string[]): number {
  return paragraphs.reduce((n, p) => n + p.length, 0);
}

/** The container with the most paragraph text among `candidates` (none when all are empty). */
function richest(candidates: Container[], rules: DropRules): { el: Container; paragraphs: string[] } | undefined {
  let best: { el: Container; paragraphs: string[]; length: number } | undefined;
  for (const el of candidates) {
    const paragraphs = collectParagraphs(el, rules);
    const length = textLength(paragraphs);
    if (length > 0 && (!best || length > best.length)) best = { el, paragraphs, length };
  }
  return best;
}

/** Chooses the article container and collects its paragraphs. */
function chooseContainer(body: Container, rules: DropRules): { el: Container; paragraphs: string[] } {
  const semantic = [
    (el: HtmlElement) => el.name === 'article',
    (el: HtmlElement) => (attr(el, 'itemprop') ?? '').split(/\s+/).includes('articleBody'),
    (el: HtmlElement) => el.name === 'main' || attr(el, 'role')?.trim().toLowerCase() === 'main',
  ];
  for (const test of semantic) {
    const chosen = richest(elementsWhere(body, rules, test, true), rules);
    if (chosen) return chosen;
  }
  let best: { el: Container; score: number } | undefined;
  for (const el of [body, ...elementsWhere(body, rules, isBlock)]) {
    const score = paragraphScore(el, rules);
    if (score > 0 && (!best || score > best.score)) best = { el, score };
  }
  if (best) {
    const paragraphs = collectParagraphs(best.el, rules);
    if (paragraphs.length) return { el: best.el, paragraphs };
  }
  return { el: body, paragraphs: collectParagraphs(body, rules) };
}

/** The first non-empty <h1> inside the container (its <header> included unless the container is the whole page). */
function headline(container: Container, wholePage: boolean): string | undefined {
  const rules: DropRules = { allowHeader: !wholePage };
  const h1 = findElement(container, (el) => el.name === 'h1' && plainTextOf(el) !== '', (el) => !isDropped(el, rules));
  return h1 ? plainTextOf(h1) : undefined;
}

/**
 * Extracts the readable article from an HTML page: title (og:title, else the first <h1>
 * of the article container, else <title> without a " - Site" / " | Site" suffix),
 * paragraphs in document order, and the canonical URL (or og:url), publication date
 * (article:published_time, datePublished, else <time datetime>) and outlet
 * (og:site_name). If nothing is left once boilerplate blocks named by class or id are
 * dropped, extraction is repeated without that rule, so an unlucky class name never
 * loses a whole article.
 */
export function extractHtmlArticle(html: string, options: HtmlExtractOptions = {}): HtmlArticle {
  const document = parseDocument(html, { decodeEntities: true, recognizeSelfClosing: options.xhtml === true });
  const meta = readHtmlMetadata(document);
  // htmlparser2 builds no implied <body>: a fragment's nodes sit directly in the document.
  const root: Container = findElement(document, (el) => el.name === 'body') ?? { name: '#document', children: document.children };
  let rules: DropRules = {};
  let chosen = chooseContainer(root, rules);
  if (chosen.paragraphs.length === 0) {
    rules = { byName: false };
    chosen = chooseContainer(root, rules);
  }
  const article: HtmlArticle = { paragraphs: chosen.paragraphs.map(withoutSoftHyphens) };
  const title = withoutSoftHyphens(meta.ogTitle ?? headline(chosen.el, chosen.el === root) ?? (meta.documentTitle ? stripTitleSuffix(meta.documentTitle) : ''));
  if (title) article.title = title;
  if (meta.url) article.url = meta.url;
  const visible = (el: HtmlElement): boolean => !isDropped(el, { allowHeader: true });
  const date = meta.date ?? firstTimeDatetime(chosen.el, visible) ?? firstTimeDatetime(root, visible);
  if (date) article.date = date;
  if (meta.outlet) article.outlet = meta.outlet;
  return article;
}
