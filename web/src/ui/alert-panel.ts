// The alert ladder, the console's main panel: every alert of the run as a card
// (alert-card.ts), the highest level first and withdrawn ones last, with a count per
// level above. Redrawn at most once per animation frame, whatever the rate of updates.
import type { PictureModel } from '../data/picture-model.ts';
import type { AlertView } from '../data/types.ts';
import { LEVELS, levelLabel, levelRank } from '../format/levels.ts';
import { AlertCard, type CardActions } from './alert-card.ts';
import { h, setChildren } from './dom.ts';

/** Order of the ladder: standing alerts before withdrawn, higher level first, then earlier. */
export function ladderOrder(a: AlertView, b: AlertView): number {
  if (a.cancelled !== b.cancelled) return a.cancelled ? 1 : -1;
  const byLevel = levelRank(b.level) - levelRank(a.level);
  if (byLevel !== 0) return byLevel;
  return a.timeS - b.timeS || (a.id < b.id ? -1 : 1);
}

export class AlertPanel {
  readonly el: HTMLElement;
  private readonly model: PictureModel;
  private readonly actions: CardActions;
  private readonly list = h('div', { class: 'alert-list' });
  private readonly tally = h('div', { class: 'alert-tally' });
  private readonly cards = new Map<string, AlertCard>();
  private readonly unlisten: Array<() => void>;
  private frame = 0;
  private structureStale = true;

  constructor(model: PictureModel, actions: CardActions) {
    this.model = model;
    this.actions = actions;
    this.el = h(
      'section',
      { class: 'alert-panel', 'aria-label': 'Alerts' },
      h('h2', null, 'Alerts'),
      this.tally,
      this.list,
    );
    this.unlisten = [
      model.on('alerts', () => {
        this.structureStale = true;
        this.schedule();
      }),
      model.on('clock', () => this.schedule()),
    ];
    this.render();
  }

  destroy(): void {
    for (const u of this.unlisten) u();
    cancelAnimationFrame(this.frame);
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  /** Draws now (tests call it; the panel itself waits for a frame). */
  render(): void {
    const now = this.model.clock.timeS;
    if (this.structureStale) {
      this.structureStale = false;
      const alerts = [...this.model.alerts.values()].sort(ladderOrder);
      for (const id of [...this.cards.keys()]) if (!this.model.alerts.has(id)) this.cards.delete(id);
      const ordered = alerts.map((a) => {
        let card = this.cards.get(a.id);
        if (!card) {
          card = new AlertCard(a, this.model.run.epoch, this.actions);
          this.cards.set(a.id, card);
        }
        return card;
      });
      const wanted = ordered.length ? ordered.map((c) => c.el) : [h('p', { class: 'empty' }, 'No alerts.')];
      // Re-append only when the order changed: moving a card would interrupt a click on it.
      const same =
        ordered.length > 0 &&
        wanted.length === this.list.children.length &&
        wanted.every((el, i) => this.list.children[i] === el);
      if (!same) setChildren(this.list, ...wanted);
      const counts = LEVELS.map(
        (level) => [level, alerts.filter((a) => a.level === level && !a.cancelled).length] as const,
      )
        .filter(([, n]) => n > 0)
        .reverse();
      const unacknowledged = alerts.filter((a) => !a.cancelled && !a.operator.acknowledged).length;
      setChildren(
        this.tally,
        ...counts.map(([level, n]) =>
          h('span', { class: 'tally', 'data-level': level }, `${n} ${levelLabel(level).toLowerCase()}`),
        ),
        alerts.length
          ? h('span', { class: 'tally unacknowledged' }, `${unacknowledged} not acknowledged`)
          : null,
      );
    }
    for (const card of this.cards.values()) {
      const alert = this.model.alerts.get(card.id);
      if (alert) card.update(alert, now);
    }
  }
}
