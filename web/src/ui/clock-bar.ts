// The run clock and timeline: the time shown (run time and UTC), play and pause, the
// speed, and a timeline to seek on with a mark for each alert level change (coloured
// by level) and the part of a live run computed so far. The controls exist only for
// those who may drive the clock; everyone sees the time and the marks.
import type { PictureModel } from '../data/picture-model.ts';
import type { RunSource } from '../data/run-source.ts';
import { LEVEL_COLOURS, levelLabel } from '../format/levels.ts';
import { formatRunTime, formatUtc } from '../format/time.ts';
import { h, setChildren, setText } from './dom.ts';

export const SPEEDS = [1, 5, 10, 30, 60, 120, 300, 1000] as const;

export interface TimelineMark {
  timeS: number;
  level: keyof typeof LEVEL_COLOURS;
  alertId: string;
}

/** One mark per alert level change, in time order. */
export function levelMarks(model: PictureModel): TimelineMark[] {
  const marks: TimelineMark[] = [];
  for (const a of model.alerts.values())
    for (const step of a.levelHistory) marks.push({ timeS: step.timeS, level: step.level, alertId: a.id });
  return marks.sort((x, y) => x.timeS - y.timeS);
}

export class ClockBar {
  readonly el: HTMLElement;
  private readonly model: PictureModel;
  private readonly source: RunSource;
  private readonly onError: (text: string) => void;
  private readonly time = h('span', { class: 'clock-time' });
  private readonly utc = h('span', { class: 'clock-utc' });
  private readonly state = h('span', { class: 'clock-state' });
  private readonly playButton: HTMLButtonElement | null;
  private readonly speed: HTMLSelectElement | null;
  private readonly slider: HTMLInputElement;
  private readonly marks = h('div', { class: 'timeline-marks', 'aria-hidden': 'true' });
  private readonly progress = h('div', { class: 'timeline-progress' });
  private readonly unlisten: Array<() => void>;
  private dragging = false;

  constructor(source: RunSource, canControl: boolean, onError: (text: string) => void) {
    this.model = source.model;
    this.source = source;
    this.onError = onError;
    const duration = source.info.durationS;
    this.slider = h('input', {
      type: 'range',
      class: 'timeline-slider',
      min: 0,
      max: duration,
      step: source.info.stepS,
      value: 0,
      disabled: !canControl,
      'aria-label': 'Seek',
    });
    this.slider.addEventListener('input', () => {
      this.dragging = true;
      setText(this.time, formatRunTime(Number(this.slider.value)));
    });
    this.slider.addEventListener('change', () => {
      this.dragging = false;
      this.act(() => this.source.seek(Number(this.slider.value)));
    });
    this.playButton = canControl
      ? h('button', { type: 'button', class: 'play', onclick: () => this.togglePlay() }, 'Play')
      : null;
    this.speed = canControl
      ? h(
          'select',
          {
            class: 'speed',
            'aria-label': 'Speed',
            onchange: () => this.act(() => this.source.setPace(Number(this.speed!.value))),
          },
          ...SPEEDS.map((s) => h('option', { value: s }, `${s}×`)),
        )
      : null;
    this.el = h(
      'section',
      { class: 'clock-bar', 'aria-label': 'Clock' },
      h('div', { class: 'clock-readout' }, this.time, this.utc, this.state),
      this.playButton,
      this.speed,
      h('div', { class: 'timeline' }, this.progress, this.marks, this.slider),
    );
    this.unlisten = [
      this.model.on('clock', () => this.render()),
      this.model.on('alerts', () => this.renderMarks()),
    ];
    this.render();
    this.renderMarks();
  }

  destroy(): void {
    for (const u of this.unlisten) u();
  }

  private togglePlay(): void {
    this.act(() => (this.model.clock.playing ? this.source.pause() : this.source.play()));
  }

  private act(fn: () => Promise<void>): void {
    fn().catch((err: Error) => this.onError(err.message));
  }

  private render(): void {
    const c = this.model.clock;
    setText(this.time, formatRunTime(c.timeS));
    setText(this.utc, formatUtc(this.model.run.epoch, c.timeS));
    setText(
      this.state,
      `${c.playing ? 'playing' : 'paused'} · ${c.mode === 'batch' ? 'as fast as possible' : `${c.pace}×`} · ${c.status}`,
    );
    if (this.playButton) setText(this.playButton, c.playing ? 'Pause' : 'Play');
    if (this.speed) {
      const pace = String(c.pace);
      if (![...this.speed.options].some((o) => o.value === pace))
        this.speed.append(h('option', { value: pace }, `${pace}×`));
      if (this.speed.value !== pace) this.speed.value = pace;
    }
    if (!this.dragging) this.slider.value = String(c.timeS);
    const done = c.progressS ?? 0;
    this.progress.style.width = `${Math.min(100, (100 * done) / this.model.run.durationS)}%`;
  }

  private renderMarks(): void {
    const duration = this.model.run.durationS;
    setChildren(
      this.marks,
      ...levelMarks(this.model).map((m) =>
        h('span', {
          class: 'timeline-mark',
          'data-level': m.level,
          title: `${m.alertId} ${levelLabel(m.level)} at ${formatRunTime(m.timeS)}`,
          style: { left: `${(100 * m.timeS) / duration}%`, background: LEVEL_COLOURS[m.level] },
        }),
      ),
    );
  }
}
