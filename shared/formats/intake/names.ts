/**
 * File names in intake: quoting them for messages, their extension, and sizes in words.
 */

/** The name as it appears in messages: “article.html”. */
export function quoteName(fileName: string): string {
  return `“${fileName}”`;
}

/** The last path segment of `fileName` (both / and \ separate folders). */
export function fileBaseName(fileName: string): string {
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  return fileName.slice(slash + 1);
}

/**
 * The lower-case extension without its dot ("html" for "News.HTML", "txt" for
 * "a.xml.txt"), or "" when the name has none. A leading dot does not start an extension
 * (".DS_Store" has none).
 */
export function fileExtension(fileName: string): string {
  const base = fileBaseName(fileName);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}
