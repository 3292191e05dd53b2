// Located problems with a scenario, as the service reports them (line, column, field
// path, message), as a table; choosing a row puts the editor's caret on that line.
import type { ApiProblem } from '../data/types.ts';
import { h } from './dom.ts';

/** `line 12, column 5` / `line 12` / `whole file`. */
export function problemPlace(p: Pick<ApiProblem, 'line' | 'column'>): string {
  if (p.line === undefined) return 'whole file';
  return p.column === undefined ? `line ${p.line}` : `line ${p.line}, column ${p.column}`;
}

export function problemTable(
  problems: readonly ApiProblem[],
  goTo: (line: number, column: number) => void,
): HTMLElement {
  return h(
    'table',
    { class: 'problems' },
    h('thead', null, h('tr', null, h('th', null, 'Where'), h('th', null, 'Field'), h('th', null, 'Problem'))),
    h(
      'tbody',
      null,
      ...problems.map((p) =>
        h(
          'tr',
          {
            class: 'problem',
            'data-line': p.line ?? '',
            'data-field': p.path,
            onclick: () => {
              if (p.line !== undefined) goTo(p.line, p.column ?? 1);
            },
          },
          h('td', { class: 'problem-place' }, problemPlace(p)),
          h('td', { class: 'problem-field' }, p.path || '(document)'),
          h('td', { class: 'problem-message' }, p.message),
        ),
      ),
    ),
  );
}

/** Moves a textarea's caret to a line and column (1-based) and scrolls to it. */
export function caretTo(area: HTMLTextAreaElement, line: number, column: number): void {
  const lines = area.value.split('\n');
  let offset = 0;
  for (let i = 0; i < Math.min(line - 1, lines.length); i++) offset += lines[i]!.length + 1;
  offset += Math.max(0, column - 1);
  area.focus();
  area.setSelectionRange(offset, offset);
  const lineHeight = Number.parseFloat(getComputedStyle(area).lineHeight) || 16;
  area.scrollTop = Math.max(0, (line - 3) * lineHeight);
}
