/**
 * Markdown articles are imported as plain text: the text is kept as written (no rendering),
 * except that a leading YAML front-matter block is removed and its simple `key: value`
 * lines give the metadata (title, url, date, outlet or source).
 */

/** A Markdown article: its text and the metadata of its front matter. */
export interface MarkdownArticle {
  text: string;
  title?: string;
  url?: string;
  date?: string;
  outlet?: string;
}

const OPENING = /^---[ \t]*\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;
const KEY_VALUE = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$/;

/** A front-matter value without its surrounding quotes ('' inside single quotes is one '). */
function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) return value.slice(1, -1).replace(/\\"/g, '"');
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1).replace(/''/g, "'");
  return value;
}

/**
 * Splits off a leading front-matter block: a first line `---`, YAML-like lines with at
 * least one `key: value`, and a closing `---` (or `...`); nested values are ignored. The block and the blank lines right after it are removed;
 * the rest of the text is unchanged. Without a closed block the text is returned as it is.
 * `text` has \n line endings.
 */
export function extractMarkdownArticle(text: string): MarkdownArticle {
  const opening = OPENING.exec(text);
  if (!opening) return { text };
  const lines = text.slice(opening[0].length).split('\n');
  const close = lines.findIndex((line) => CLOSING.test(line));
  if (close < 0) return { text };
  const block = lines.slice(0, close);
  // Only YAML-like blocks count (key: value, indented or list lines, comments, blanks):
  // a text that merely starts with a --- rule keeps all its lines.
  if (!block.some((line) => KEY_VALUE.test(line)) || !block.every((line) => KEY_VALUE.test(line) || /^(?:[ \t]|-[ \t]|#|$)/.test(line))) return { text };
  const fields = new Map<string, string>();
  for (const line of block) {
    const match = KEY_VALUE.exec(line);
    if (!match) continue;
    const key = match[1]!.toLowerCase();
    const value = unquote(match[2]!).trim();
    if (value !== '' && !fields.has(key)) fields.set(key, value);
  }
  let bodyStart = close + 1;
  while (bodyStart < lines.length - 1 && lines[bodyStart]!.trim() === '') bodyStart++;
  const article: MarkdownArticle = { text: lines.slice(bodyStart).join('\n') };
  const title = fields.get('title');
  if (title) article.title = title;
  const url = fields.get('url');
  if (url) article.url = url;
  const date = fields.get('date');
  if (date) article.date = date;
  const outlet = fields.get('outlet') ?? fields.get('source');
  if (outlet) article.outlet = outlet;
  return article;
}
