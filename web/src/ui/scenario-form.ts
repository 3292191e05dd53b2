// The form editor: a scenario's launches and notifications as rows of fields beside
// the YAML, which stays the source of truth — each change is written into the text
// (data/scenario-edit.ts) and the rows are read back from it.
import {
  checkLaunch,
  LAUNCH_CLASSES,
  type LaunchRow,
  NOTIFIED_CLASSES,
  type NotificationRow,
  readLaunches,
  readNotifications,
  removeItem,
  writeLaunch,
  writeNotification,
} from '../data/scenario-edit.ts';
import { h, setChildren } from './dom.ts';

function numberInput(
  value: number | null,
  label: string,
  onchange: (v: number | null) => void,
): HTMLInputElement {
  const input = h('input', {
    type: 'number',
    step: 'any',
    value: value ?? '',
    'aria-label': label,
    title: label,
  });
  input.addEventListener('change', () => onchange(input.value === '' ? null : Number(input.value)));
  return input;
}

function textInput(value: string, label: string, onchange: (v: string) => void): HTMLInputElement {
  const input = h('input', { type: 'text', value, 'aria-label': label, title: label });
  input.addEventListener('change', () => onchange(input.value));
  return input;
}

function select(
  value: string,
  options: readonly string[],
  label: string,
  onchange: (v: string) => void,
): HTMLSelectElement {
  const el = h(
    'select',
    { 'aria-label': label },
    ...options.map((o) => h('option', { value: o, selected: o === value }, o)),
  );
  el.addEventListener('change', () => onchange(el.value));
  return el;
}

export class ScenarioForm {
  readonly el = h('div', { class: 'scenario-form' });
  private readonly getText: () => string;
  private readonly setText: (text: string) => void;

  constructor(getText: () => string, setText: (text: string) => void) {
    this.getText = getText;
    this.setText = setText;
  }

  /** Reads the rows from the text again (after the text changed). */
  refresh(): void {
    let launches: LaunchRow[];
    let notifications: NotificationRow[];
    try {
      launches = readLaunches(this.getText());
      notifications = readNotifications(this.getText());
    } catch (err) {
      setChildren(
        this.el,
        h('p', { class: 'empty' }, `The form needs a readable file: ${(err as Error).message}`),
      );
      return;
    }
    setChildren(
      this.el,
      h('h4', null, 'Launches'),
      ...launches.map((row) => this.launchRow(row)),
      h(
        'button',
        {
          type: 'button',
          class: 'add-launch',
          onclick: () =>
            this.write(() =>
              writeLaunch(this.getText(), {
                index: -1,
                id: `L${launches.length + 1}`,
                class: 'icbm-solid',
                from: [55, 90],
                to: [40, -100],
                azimuth: null,
                at: '60s',
              }),
            ),
        },
        'Add launch',
      ),
      h('h4', null, 'Notifications'),
      ...notifications.map((row) => this.notificationRow(row)),
      h(
        'button',
        {
          type: 'button',
          class: 'add-notification',
          onclick: () =>
            this.write(() =>
              writeNotification(this.getText(), {
                index: -1,
                id: `N${notifications.length + 1}`,
                vehicleClass: 'ICBM',
                issued: '',
                windowStart: '',
                windowEnd: '',
                launchCenter: null,
                launchRadiusKm: null,
              }),
            ),
        },
        'Add notification',
      ),
    );
  }

  private write(change: () => string): void {
    try {
      this.setText(change());
    } catch (err) {
      this.el.prepend(h('p', { class: 'error' }, (err as Error).message));
      return;
    }
    this.refresh();
  }

  private launchRow(row: LaunchRow): HTMLElement {
    const problems = checkLaunch(row);
    const update = (patch: Partial<LaunchRow>) => {
      const next = { ...row, ...patch };
      if (checkLaunch(next).length > 0) {
        // Keep the text as it was; show what the form found.
        setChildren(
          rowEl.querySelector('.row-problems')!,
          ...checkLaunch(next).map(([f, m]) => h('li', null, `${f}: ${m}`)),
        );
        return;
      }
      this.write(() => writeLaunch(this.getText(), next));
    };
    const rowEl = h(
      'div',
      { class: 'form-row launch-row', 'data-index': row.index },
      textInput(row.id, 'id', (id) => update({ id })),
      select(row.class, LAUNCH_CLASSES, 'class', (c) => update({ class: c })),
      numberInput(row.from[0], 'from latitude, degrees', (v) =>
        update({ from: [v ?? Number.NaN, row.from[1]] }),
      ),
      numberInput(row.from[1], 'from longitude, degrees', (v) =>
        update({ from: [row.from[0], v ?? Number.NaN] }),
      ),
      row.to
        ? numberInput(row.to[0], 'to latitude, degrees', (v) => update({ to: [v ?? Number.NaN, row.to![1]] }))
        : numberInput(row.azimuth, 'azimuth, degrees', (v) => update({ azimuth: v })),
      row.to
        ? numberInput(row.to[1], 'to longitude, degrees', (v) =>
            update({ to: [row.to![0], v ?? Number.NaN] }),
          )
        : null,
      textInput(row.at, "at (after the epoch: '60s', '2m')", (at) => update({ at })),
      h(
        'button',
        {
          type: 'button',
          class: 'remove',
          title: 'Remove',
          onclick: () => this.write(() => removeItem(this.getText(), 'events', row.index)),
        },
        '×',
      ),
      h('ul', { class: 'row-problems' }, ...problems.map(([f, m]) => h('li', null, `${f}: ${m}`))),
    );
    return rowEl;
  }

  private notificationRow(row: NotificationRow): HTMLElement {
    const update = (patch: Partial<NotificationRow>) =>
      this.write(() => writeNotification(this.getText(), { ...row, ...patch }));
    return h(
      'div',
      { class: 'form-row notification-row', 'data-index': row.index },
      textInput(row.id, 'id', (id) => update({ id })),
      select(row.vehicleClass, NOTIFIED_CLASSES, 'vehicle class', (vehicleClass) => update({ vehicleClass })),
      textInput(row.issued, 'issued (UTC ISO-8601)', (issued) => update({ issued })),
      textInput(row.windowStart, 'window start (UTC)', (windowStart) => update({ windowStart })),
      textInput(row.windowEnd, 'window end (UTC)', (windowEnd) => update({ windowEnd })),
      numberInput(row.launchCenter?.[0] ?? null, 'launch area latitude', (v) =>
        update({ launchCenter: [v ?? 0, row.launchCenter?.[1] ?? 0] }),
      ),
      numberInput(row.launchCenter?.[1] ?? null, 'launch area longitude', (v) =>
        update({ launchCenter: [row.launchCenter?.[0] ?? 0, v ?? 0] }),
      ),
      numberInput(row.launchRadiusKm, 'launch area radius, km', (v) => update({ launchRadiusKm: v })),
      h(
        'button',
        {
          type: 'button',
          class: 'remove',
          title: 'Remove',
          onclick: () => this.write(() => removeItem(this.getText(), 'notifications', row.index)),
        },
        '×',
      ),
    );
  }
}
