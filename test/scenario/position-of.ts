// Test helper: the 1-based line and column of a token in a text, found by plain
// string search, so expected error positions are computed independently of the
// loader's YAML-node mapping.
export function positionOf(text: string, token: string, occurrence = 1): { line: number; column: number } {
  let index = -1;
  for (let n = 0; n < occurrence; n++) {
    index = text.indexOf(token, index + 1);
    if (index < 0)
      throw new Error(`token ${JSON.stringify(token)} (occurrence ${occurrence}) not in the text`);
  }
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  return { line, column };
}
