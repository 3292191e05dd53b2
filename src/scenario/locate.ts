// Where a field path points in the scenario text: walks the parsed YAML document
// (JSON files are parsed as YAML too, so they get positions the same way) and turns
// the node's offset into a 1-based line and column.
import { type Document, isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { FieldPath, InputProblem } from './input-error.ts';

export interface TextPosition {
  line: number;
  column: number;
}

/**
 * The position of `path` in `doc`: the value's node when it exists (or the key's,
 * with `atKey`, for unknown keys); otherwise the nearest enclosing node that does,
 * so a missing key is reported at the mapping that lacks it.
 */
export function locate(doc: Document, lines: LineCounter, path: FieldPath, atKey = false): TextPosition {
  let node: unknown = doc.contents;
  let offset = offsetOf(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const last = i === path.length - 1;
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(key));
      if (!pair) break;
      const keyOffset = offsetOf(pair.key);
      const valueOffset = offsetOf(pair.value);
      if (last && atKey) {
        offset = keyOffset ?? offset;
        break;
      }
      offset = valueOffset ?? keyOffset ?? offset;
      if (pair.value === null || valueOffset === undefined) break;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      const itemOffset = offsetOf(item);
      if (itemOffset === undefined) break;
      offset = itemOffset;
      node = item;
    } else break;
  }
  const pos = lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/**
 * An InputProblem located in a scenario's text, for checks made after loading (for
 * example the world's "aim point out of reach"): `scenarioProblem(s.source, ['events', 2, 'to'], '…')`.
 */
export function scenarioProblem(
  source: { name: string; text: string },
  path: FieldPath,
  message: string,
): InputProblem {
  const lines = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  return { source: source.name, ...locate(doc, lines, path), path, message };
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function offsetOf(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}
