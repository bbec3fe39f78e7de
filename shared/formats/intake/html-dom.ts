/**
 * The parsed-HTML node types used by intake, named from htmlparser2's own exports (so
 * they always match the installed parser), and small helpers to walk them.
 */
import { ElementType, type parseDocument } from 'htmlparser2';

/** A parsed document (htmlparser2 / domhandler). */
export type HtmlDocument = ReturnType<typeof parseDocument>;

/** Any node below the document: element, text, comment, processing instruction. */
export type HtmlNode = HtmlDocument['children'][number];

/** An element node: `name` (lower case in HTML mode), `attribs`, `children`. */
export type HtmlElement = Extract<HtmlNode, { attribs: Record<string, string> }>;

/** True for elements, including <script> and <style> (which domhandler types apart). */
export function isElement(node: HtmlNode): node is HtmlElement {
  return 'attribs' in node;
}

/** The text of a text node, or undefined for every other node (comments included). */
export function textOf(node: HtmlNode): string | undefined {
  return node.type === ElementType.Text ? node.data : undefined;
}

/** The value of an attribute, or undefined. Attribute names are lower case in HTML mode. */
export function attr(el: HtmlElement, name: string): string | undefined {
  return Object.hasOwn(el.attribs, name) ? el.attribs[name] : undefined;
}

/**
 * Visits every element below `root` in document order. `visit` returns false to skip an
 * element's subtree. Iterative, so very deep pages cannot overflow the stack.
 */
export function walkElements(root: { children: HtmlNode[] }, visit: (el: HtmlElement) => boolean | void): void {
  const stack: HtmlNode[] = [...root.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (visit(node) === false) continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

/** The first element below `root` (document order) for which `test` holds. */
export function findElement(root: { children: HtmlNode[] }, test: (el: HtmlElement) => boolean, descend?: (el: HtmlElement) => boolean): HtmlElement | undefined {
  let found: HtmlElement | undefined;
  walkElements(root, (el) => {
    if (found) return false;
    if (test(el)) {
      found = el;
      return false;
    }
    return descend ? descend(el) : true;
  });
  return found;
}
