/**
 * Markdown articles are imported as plain text: the text is kept as written (no rendering),
 * except that a leading YAML front-matter block is removed and its simple `key: value`
 * lines give the metadata (title, url, date, outlet or source).
 *
 * The stored text keeps its markup, heading markers included ("# العنوان", "**كلمة**"): it is
 * what annotators read and what span offsets count in, and removing some markup but not the
 * rest would make it neither the file nor a rendering of it. Only the title, which is a label
 * and holds no spans, is plain: without a front-matter title it is the first line with its
 * markup removed ({@link markdownLineText}), so "# اجتماع الوزراء" gives "اجتماع الوزراء".
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

const ATX_OPENING = /^ {0,3}#{1,6}(?=[ \t]|$)/;
const ATX_CLOSING = /(?:^|[ \t]+)#+[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:=[ \t]*)+)$/;

/**
 * One line of Markdown as plain words, for a title: without the heading markers of an ATX
 * heading ("## عنوان ##" → "عنوان"), a blockquote's ">", images and links (their text kept),
 * strong or emphasised text and code marks. A thematic break or setext underline ("---",
 * "===") gives ''. Other characters are kept as written.
 */
export function markdownLineText(line: string): string {
  if (THEMATIC_BREAK.test(line)) return '';
  let text = line.replace(/^ {0,3}(?:>[ \t]?)+/, '');
  if (ATX_OPENING.test(text)) text = text.replace(ATX_OPENING, '').replace(ATX_CLOSING, '');
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])/g, '$1')
    .replace(/`+([^`]+)`+/g, '$1')
    .trim();
}
