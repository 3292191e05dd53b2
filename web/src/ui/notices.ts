// Short messages in a corner: problems and what the service said, each gone after a while.
import { h } from './dom.ts';

const SHOW_MS = 8000;

export class Notices {
  readonly el = h('div', { class: 'notices', role: 'log', 'aria-live': 'polite' });

  show(text: string, kind: 'info' | 'error' = 'error'): void {
    const note = h('div', { class: `notice ${kind}` }, text);
    this.el.append(note);
    setTimeout(() => note.remove(), SHOW_MS);
  }
}
