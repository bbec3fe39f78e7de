/**
 * Metadata of a saved news page: headline candidates, canonical address, publication date
 * and outlet, read from <meta>, <link rel="canonical">, microdata (itemprop), JSON-LD
 * and <time datetime>. JSON-LD is only parsed as data; nothing in a page is ever run.
 */
import { attr, findElement, textOf, walkElements, type HtmlElement, type HtmlNode } from './html-dom';
import { collapseAsciiWhitespace } from './whitespace';

/** What the page says about itself (every field optional, values cleaned of extra whitespace). */
export interface HtmlMetadata {
  ogTitle?: string;
  documentTitle?: string;
  url?: string;
  date?: string;
  outlet?: string;
}

const DATE_META_KEYS = ['article:published_time', 'og:article:published_time', 'datepublished', 'publishdate', 'pubdate', 'dc.date.issued', 'dcterms.issued'];

/** All text below `el` (comments excluded), whitespace collapsed. */
export function plainTextOf(el: { children: HtmlNode[] }): string {
  const parts: string[] = [];
  const stack: HtmlNode[] = [...el.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    const text = textOf(node);
    if (text !== undefined) parts.push(text);
    else if ('children' in node && 'attribs' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return collapseAsciiWhitespace(parts.join(''));
}

function clean(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const cleaned = collapseAsciiWhitespace(value);
  return cleaned === '' ? undefined : cleaned;
}

/** An absolute http(s) address, or undefined (javascript:, data: and relative links are not addresses). */
export function httpUrl(value: string | undefined): string | undefined {
  const cleaned = clean(value);
  return cleaned && /^https?:\/\/[^\s/]/i.test(cleaned) ? cleaned : undefined;
}

/** Finds `datePublished` and the publisher's name in parsed JSON-LD (objects, arrays, @graph). */
function fromJsonLd(value: unknown, found: { date?: string; outlet?: string }, depth = 0): void {
  if (depth > 8 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) fromJsonLd(item, found, depth + 1);
    return;
  }
  const record = value as Record<string, unknown>;
  if (found.date === undefined && typeof record.datePublished === 'string') found.date = clean(record.datePublished);
  const publisher = record.publisher as Record<string, unknown> | undefined;
  if (found.outlet === undefined && publisher && typeof publisher === 'object' && typeof publisher.name === 'string') found.outlet = clean(publisher.name);
  if (record['@graph']) fromJsonLd(record['@graph'], found, depth + 1);
}

/** Reads the page's metadata from the whole document (head and body). */
export function readHtmlMetadata(root: { children: HtmlNode[] }): HtmlMetadata {
  const meta = new Map<string, string>();
  let canonical: string | undefined;
  let documentTitle: string | undefined;
  let microdataDate: string | undefined;
  const jsonLd: { date?: string; outlet?: string } = {};
  walkElements(root, (el: HtmlElement) => {
    if (el.name === 'meta') {
      const key = (attr(el, 'property') ?? attr(el, 'name') ?? attr(el, 'itemprop'))?.trim().toLowerCase();
      const content = clean(attr(el, 'content'));
      if (key && content !== undefined && !meta.has(key)) meta.set(key, content);
    } else if (el.name === 'link') {
      const rel = (attr(el, 'rel') ?? '').toLowerCase().split(/\s+/);
      if (rel.includes('canonical') && canonical === undefined) canonical = httpUrl(attr(el, 'href'));
    } else if (el.name === 'title') {
      documentTitle ??= clean(plainTextOf(el));
    } else if (el.name === 'script') {
      if ((attr(el, 'type') ?? '').trim().toLowerCase() === 'application/ld+json') {
        try {
          fromJsonLd(JSON.parse(plainTextOf(el)), jsonLd);
        } catch {
          // Not valid JSON-LD: ignored.
        }
      }
      return false;
    }
    if (microdataDate === undefined && attr(el, 'itemprop')?.trim() === 'datePublished') {
      microdataDate = clean(attr(el, 'content') ?? attr(el, 'datetime') ?? plainTextOf(el));
    }
    return true;
  });
  const metaDate = DATE_META_KEYS.map((k) => meta.get(k)).find((v) => v !== undefined);
  const result: HtmlMetadata = {};
  const ogTitle = meta.get('og:title');
  if (ogTitle) result.ogTitle = ogTitle;
  if (documentTitle) result.documentTitle = documentTitle;
  const url = canonical ?? httpUrl(meta.get('og:url'));
  if (url) result.url = url;
  const date = metaDate ?? microdataDate ?? jsonLd.date;
  if (date) result.date = date;
  const outlet = meta.get('og:site_name') ?? jsonLd.outlet;
  if (outlet) result.outlet = outlet;
  return result;
}

/** The first <time datetime="…"> below `root` whose subtree `descend` allows, or undefined. */
export function firstTimeDatetime(root: { children: HtmlNode[] }, descend?: (el: HtmlElement) => boolean): string | undefined {
  const time = findElement(root, (el) => el.name === 'time' && clean(attr(el, 'datetime')) !== undefined, descend);
  return time ? clean(attr(time, 'datetime')) : undefined;
}

/**
 * The <title> without a trailing site name: "Headline - Site" and "Headline | Site" give
 * "Headline" (also with – — and ::). The last separator is cut only when text remains.
 */
export function stripTitleSuffix(title: string): string {
  const match = /^(.*\S)\s+(?:[|\-–—]|::)\s+\S.*$/u.exec(title);
  const rest = match?.[1]?.trim();
  return rest ? rest : title;
}
