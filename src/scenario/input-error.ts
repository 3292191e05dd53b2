// The one error type for bad input from outside (scenario files, CLI flags, API
// bodies, bus and exchange messages). Each problem names where it is and what was
// expected, so every edge can print it as one clear line (DESIGN.md §5).

export type FieldPath = ReadonlyArray<string | number>;

export interface InputProblem {
  /** File name or other source label (e.g. "--from", "request body"). */
  source?: string;
  /** 1-based line and column in the source text, when known. */
  line?: number;
  column?: number;
  /** Path of the offending field inside the document, e.g. ["events", 0, "from"]. */
  path: FieldPath;
  /** What is wrong and what was expected. */
  message: string;
}

export class InputError extends Error {
  readonly problems: readonly InputProblem[];

  constructor(problems: InputProblem[] | InputProblem) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = list;
  }
}

/** `events[0].from` style rendering of a field path. */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out;
}

/** One line: `file:line:col: path: message` with absent parts left out. */
export function formatProblem(p: InputProblem): string {
  let where = p.source ?? '';
  if (p.line !== undefined)
    where += `${where ? ':' : ''}${p.line}${p.column !== undefined ? `:${p.column}` : ''}`;
  const path = formatPath(p.path);
  return [where, path, p.message].filter((s) => s !== '').join(': ');
}
