/**
 * A value read from a file, as it appears in a message: strings and numbers as they are,
 * objects and lists as short JSON (never "[object Object]"), long ones cut with an ellipsis.
 */

const LIMIT = 60;

/** `value` for a message about the file it came from (see the module comment). */
export function valueText(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (value === undefined) text = '(none)';
  else if (typeof value === 'object' && value !== null) {
    try {
      text = JSON.stringify(value);
    } catch {
      text = Array.isArray(value) ? '(a list)' : '(an object)';
    }
  } else text = String(value);
  return text.length > LIMIT ? `${text.slice(0, LIMIT - 1)}…` : text;
}
