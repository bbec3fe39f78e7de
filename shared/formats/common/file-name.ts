/** File names of dataset exports. */

/** A file-name stem from a corpus name: ASCII letters and digits joined by "-" ("corpus" when none are left). */
export function corpusSlug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'corpus'
  );
}
