// One alert of the ladder as a card: its level, how long since launch, the countdown
// to the predicted impact, the launch and impact areas with place names, confidence,
// the notification check, the evidence in words up to the time shown, and — for
// those allowed — acknowledge and comment (the service audits both). The card keeps
// its comment box across updates; times are refreshed on every clock change.
import type { AlertView } from '../data/types.ts';
import { evidenceUpTo, formatConfidence, formatNotification } from '../format/alert-text.ts';
import { LEVEL_COLOURS, levelLabel } from '../format/levels.ts';
import { formatArea } from '../format/places.ts';
import { formatDuration, formatRunTime, formatUtc, impactCountdown } from '../format/time.ts';
import { h, setChildren, setText } from './dom.ts';

export interface CardActions {
  /** Absent: the viewer may not acknowledge (no button). */
  acknowledge?: (alertId: string) => Promise<void>;
  comment?: (alertId: string, text: string) => Promise<void>;
  /** Asks the globe to show the alert's areas. */
  locate?: (alertId: string) => void;
}

/** "since launch 3:25" from the estimated launch time, else "raised 3:25 ago". */
export function sinceLaunchText(alert: Pick<AlertView, 'launchTimeS' | 'timeS'>, nowS: number): string {
  if (alert.launchTimeS !== null && alert.launchTimeS !== undefined)
    return `since launch ${formatDuration(Math.max(0, nowS - alert.launchTimeS))} (launched ${formatRunTime(alert.launchTimeS)})`;
  return `raised ${formatDuration(Math.max(0, nowS - alert.timeS))} ago`;
}

/** The countdown line, or null for an alert with no predicted impact (or withdrawn). */
export function countdownOf(
  alert: Pick<AlertView, 'impactTimeS' | 'cancelled'>,
  nowS: number,
): ReturnType<typeof impactCountdown> | null {
  if (alert.cancelled || alert.impactTimeS === null || alert.impactTimeS === undefined) return null;
  return impactCountdown(alert.impactTimeS, nowS);
}

export class AlertCard {
  readonly el: HTMLElement;
  private alert: AlertView;
  private readonly epoch: string;
  private readonly actions: CardActions;
  private readonly body = h('div', { class: 'alert-body' });
  private readonly countdown = h('div', { class: 'countdown' });
  private readonly since = h('div', { class: 'since-launch' });
  private readonly evidence = h('ol', { class: 'evidence' });
  private readonly status = h('div', { class: 'action-status', role: 'status' });
  private readonly commentBox: HTMLElement | null;
  private evidenceShown = -1;

  constructor(alert: AlertView, epoch: string, actions: CardActions) {
    this.alert = alert;
    this.epoch = epoch;
    this.actions = actions;
    this.commentBox = actions.comment ? this.makeCommentBox() : null;
    this.el = h('article', { class: 'alert-card', 'data-alert-id': alert.id });
    this.el.append(this.body, this.countdown, this.since, this.evidence);
    if (actions.acknowledge || this.commentBox) this.el.append(this.makeButtons());
    if (this.commentBox) this.el.append(this.commentBox);
    this.el.append(this.status);
    this.renderBody();
  }

  get id(): string {
    return this.alert.id;
  }

  update(alert: AlertView, nowS: number): void {
    if (alert !== this.alert) {
      this.alert = alert;
      this.renderBody();
      this.evidenceShown = -1;
    }
    this.renderTimes(nowS);
  }

  private renderBody(): void {
    const a = this.alert;
    this.el.dataset['level'] = a.level;
    this.el.classList.toggle('withdrawn', a.cancelled);
    this.el.classList.toggle('acknowledged', a.operator.acknowledged);
    this.el.style.setProperty('--level-colour', LEVEL_COLOURS[a.level]);
    const ack = a.operator.acknowledged
      ? `acknowledged by ${a.operator.acknowledgedBy ?? 'someone'}${a.operator.acknowledgedAt ? ` at ${a.operator.acknowledgedAt.slice(11, 19)}Z` : ''}`
      : 'not acknowledged';
    setChildren(
      this.body,
      h(
        'header',
        null,
        h('span', { class: 'level', 'data-level': a.level }, levelLabel(a.level)),
        h('span', { class: 'alert-id' }, a.id, a.raidId ? ` · raid ${a.raidId}` : ''),
        a.cancelled ? h('span', { class: 'withdrawn-tag' }, 'withdrawn') : null,
        h('span', { class: 'ack-state' }, ack),
      ),
      h(
        'dl',
        { class: 'areas' },
        h('dt', null, 'Launch'),
        h('dd', { class: 'launch-area' }, formatArea(a.launchArea, a.launchRegion)),
        h('dt', null, 'Impact'),
        h(
          'dd',
          { class: 'impact-area' },
          a.impactArea
            ? `${formatArea(a.impactArea, a.impactRegion)}${a.impactTimeS != null ? ` · at ${formatRunTime(a.impactTimeS)} (${formatUtc(this.epoch, a.impactTimeS, false)})` : ''}`
            : 'not predicted',
        ),
        h('dt', null, 'Confidence'),
        h(
          'dd',
          { class: 'confidence' },
          formatConfidence(a.confidence),
          a.classEstimate ? ` · ${a.classEstimate}` : a.classification ? ` · ${a.classification}` : '',
        ),
        h('dt', null, 'Notification'),
        h('dd', { class: `notification ${a.notificationStatus ?? ''}` }, formatNotification(a)),
        a.operator.comments > 0 ? h('dt', null, 'Comments') : null,
        a.operator.comments > 0 ? h('dd', { class: 'comments' }, String(a.operator.comments)) : null,
      ),
    );
    const ackButton = this.el.querySelector<HTMLButtonElement>('button.ack');
    if (ackButton) {
      ackButton.disabled = a.operator.acknowledged;
      ackButton.textContent = a.operator.acknowledged ? 'Acknowledged' : 'Acknowledge';
    }
  }

  private renderTimes(nowS: number): void {
    const c = countdownOf(this.alert, nowS);
    setText(this.countdown, c ? c.text : this.alert.cancelled ? 'withdrawn' : 'no impact predicted');
    this.countdown.classList.toggle('urgent', c?.urgent ?? false);
    this.countdown.classList.toggle('passed', c !== null && c.remainingS <= 0);
    setText(this.since, sinceLaunchText(this.alert, nowS));
    const lines = evidenceUpTo(this.alert.evidence, nowS);
    if (lines.length !== this.evidenceShown) {
      this.evidenceShown = lines.length;
      setChildren(
        this.evidence,
        ...lines.map((e) => h('li', null, e.stamp ? h('time', null, e.stamp) : null, ` ${e.text}`)),
      );
    }
  }

  private makeButtons(): HTMLElement {
    const buttons = h('div', { class: 'alert-actions' });
    if (this.actions.locate)
      buttons.append(
        h(
          'button',
          { type: 'button', class: 'locate', onclick: () => this.actions.locate?.(this.alert.id) },
          'Show',
        ),
      );
    if (this.actions.acknowledge) {
      const ack = h('button', { type: 'button', class: 'ack' }, 'Acknowledge');
      ack.addEventListener('click', () =>
        this.run(ack, () => this.actions.acknowledge!(this.alert.id), 'acknowledged'),
      );
      buttons.append(ack);
    }
    if (this.commentBox) {
      const open = h('button', { type: 'button', class: 'comment' }, 'Comment');
      open.addEventListener('click', () => {
        this.commentBox!.hidden = !this.commentBox!.hidden;
        this.commentBox!.querySelector('textarea')?.focus();
      });
      buttons.append(open);
    }
    return buttons;
  }

  private makeCommentBox(): HTMLElement {
    const text = h('textarea', {
      rows: 2,
      maxLength: 10_000,
      placeholder: 'Comment (recorded in the audit)',
    });
    const send = h('button', { type: 'button', class: 'send-comment' }, 'Send');
    send.addEventListener('click', () => {
      const value = text.value.trim();
      if (!value) return;
      this.run(send, () => this.actions.comment!(this.alert.id, value), 'comment recorded').then((ok) => {
        if (ok) {
          text.value = '';
          box.hidden = true;
        }
      });
    });
    const box = h('div', { class: 'comment-box', hidden: true }, text, send);
    return box;
  }

  private async run(button: HTMLButtonElement, act: () => Promise<void>, done: string): Promise<boolean> {
    button.disabled = true;
    setText(this.status, '');
    this.status.classList.remove('error');
    try {
      await act();
      setText(this.status, done);
      return true;
    } catch (err) {
      setText(this.status, `not done: ${(err as Error).message}`);
      this.status.classList.add('error');
      return false;
    } finally {
      button.disabled = button.classList.contains('ack') && this.alert.operator.acknowledged;
    }
  }
}
