/**
 * Which parts of a saved web page are never article text: executable or embedded content,
 * page chrome (navigation, headers, footers, sidebars, forms), hidden elements and
 * typical boilerplate blocks named by class or id (menus, share buttons, related
 * articles, comments, advertising, cookie banners, breadcrumbs, newsletters).
 */
import { attr, type HtmlElement } from './html-dom';

/** Elements whose whole subtree is dropped: code, embedded content, page chrome, controls. */
const DROPPED_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'svg', 'math', 'canvas', 'video', 'audio', 'picture', 'map',
  'form', 'button', 'input', 'select', 'option', 'textarea', 'label', 'dialog',
  'nav', 'header', 'footer', 'aside', 'menu',
  'head', 'title', 'meta', 'link', 'base',
]);

/** ARIA landmark roles of page chrome. */
const DROPPED_ROLES: ReadonlySet<string> = new Set([
  'navigation', 'banner', 'contentinfo', 'complementary', 'menu', 'menubar', 'search', 'dialog', 'alertdialog', 'toolbar',
]);

/** One word of a class or id that marks boilerplate ("share" in "share-buttons", "comments" in "post-comments"). */
const BOILERPLATE_WORD =
  /^(?:menu|menus|nav|navbar|navigation|footer|share|sharing|sharebar|social|related|comment|comments|advert\w*|ad|ads|adsbygoogle|sponsor|sponsored|cookie|cookies|consent|breadcrumb|breadcrumbs|newsletter|subscribe|subscription|sidebar|promo|popup)$/;

/** A first word that makes the rest a state, not a kind of block: "has-sidebar", "with-comments", "no-ads". */
const STATE_PREFIX = /^(?:has|with|without|no|show|hide|is|enable|enabled|disable|disabled|allow)$/;

/** Elements never dropped by class or id (the page and its main landmark). */
const NEVER_DROPPED_BY_NAME: ReadonlySet<string> = new Set(['html', 'body', 'main']);

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

/** Block-level elements: each starts a new paragraph. Every other element is inline. */
const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'plaintext', 'pre', 'section', 'summary', 'table',
  'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'ul', 'xmp',
]);

/** True when one class name or id ("share-buttons", "relatedPosts") names a boilerplate block. */
export function isBoilerplateName(name: string): boolean {
  const parts = name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase().split(/[_-]+/).filter(Boolean);
  if (parts.length === 0 || STATE_PREFIX.test(parts[0]!)) return false;
  return parts.some((w) => BOILERPLATE_WORD.test(w));
}

/** True when a class or the id of `el` names boilerplate (see {@link isBoilerplateName}). */
export function hasBoilerplateName(el: HtmlElement): boolean {
  if (NEVER_DROPPED_BY_NAME.has(el.name)) return false;
  const names = [...(attr(el, 'class') ?? '').split(/\s+/), attr(el, 'id') ?? ''].filter(Boolean);
  return names.some(isBoilerplateName);
}

/** True when `el` is hidden: the `hidden` attribute, aria-hidden="true", or an inline display:none / visibility:hidden. */
export function isHidden(el: HtmlElement): boolean {
  if (attr(el, 'hidden') !== undefined) return true;
  if (attr(el, 'aria-hidden')?.trim().toLowerCase() === 'true') return true;
  const style = attr(el, 'style');
  return style !== undefined && HIDDEN_STYLE.test(style);
}

/** True for a link that runs code instead of going somewhere (href="javascript:…"), i.e. a page control. */
function isScriptLink(el: HtmlElement): boolean {
  // Browsers ignore ASCII whitespace and control characters inside the scheme.
  const href = attr(el, 'href');
  if (el.name !== 'a' || href === undefined) return false;
  const scheme = Array.from(href.slice(0, 64)).filter((c) => c.charCodeAt(0) > 0x20).join('');
  return /^javascript:/i.test(scheme);
}

/** How strictly {@link isDropped} judges. */
export interface DropRules {
  /** Keep <header> (when looking for the headline inside an article). */
  allowHeader?: boolean;
  /** Also drop blocks whose class or id names boilerplate (default true). */
  byName?: boolean;
}

/**
 * True when nothing inside `el` is article text: a dropped tag, a chrome landmark role,
 * a hidden element, a javascript: link, or (unless `rules.byName` is false) a
 * boilerplate class or id.
 */
export function isDropped(el: HtmlElement, rules: DropRules = {}): boolean {
  if (DROPPED_TAGS.has(el.name) && !(rules.allowHeader && el.name === 'header')) return true;
  const role = attr(el, 'role')?.trim().toLowerCase();
  if (role && DROPPED_ROLES.has(role)) return true;
  if (isHidden(el) || isScriptLink(el)) return true;
  return rules.byName !== false && hasBoilerplateName(el);
}

/** True for block-level elements (each starts a new paragraph); everything else is inline. */
export function isBlock(el: HtmlElement): boolean {
  return BLOCK_TAGS.has(el.name);
}
