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

/** A size for messages, in the style of the decoder's messages: "25 MB", "12 KB". */
export function formatByteSize(bytes: number): string {
  const mib = Math.round((bytes / (1024 * 1024)) * 10) / 10;
  if (mib >= 1) return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}
