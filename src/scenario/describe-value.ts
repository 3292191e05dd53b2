// Short renderings of values and type names for error messages: one line, clipped,
// control characters escaped, so a hostile file cannot forge extra output lines.

const MAX_SHOWN = 40;

/** `'text'` with line breaks and control characters escaped, clipped to 40 characters. */
export function quote(text: string): string {
  const escaped = printable(
    JSON.stringify(text.length > MAX_SHOWN ? text.slice(0, MAX_SHOWN) : text).slice(1, -1),
  );
  return `'${escaped}${text.length > MAX_SHOWN ? '...' : ''}'`;
}

/** `text` on one printable line: control characters and line separators escaped as `\uXXXX`. */
export function printable(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Text a file gave, shown inside a message: line breaks as spaces, other control characters escaped, 40 characters at most. */
export function clipped(text: string): string {
  const flat = text.replace(/[\r\n\t]/g, ' ');
  return printable(flat.length > MAX_SHOWN ? `${flat.slice(0, MAX_SHOWN - 3)}...` : flat);
}

/** What a value is, for "got …" in messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return value === '' ? 'empty text' : quote(value);
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'not-a-number (.nan)';
    if (!Number.isFinite(value)) return value > 0 ? 'infinity (.inf)' : 'minus infinity (-.inf)';
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
  if (value instanceof Uint8Array) return 'binary data';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping (key: value pairs)',
  array: 'a list',
  tuple: 'a list',
  null: 'an empty value',
};

/** A zod `expected` type name in words. */
export function typeName(expected: string): string {
  return TYPE_NAMES[expected] ?? expected;
}
