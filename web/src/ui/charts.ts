// Charts of the run (uPlot, canvas): reports per sensor over time, tracks held over
// time, and the warning margin of each raid. Redrawn at most once a second.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { PictureModel } from '../data/picture-model.ts';
import { REPORT_BIN_S } from '../data/picture-model.ts';
import { raidMargins, reportSeries } from '../format/series.ts';
import { formatDuration } from '../format/time.ts';
import { h, setChildren } from './dom.ts';

const WIDTH = 340;
const HEIGHT = 150;
const REDRAW_MS = 1000;
const PALETTE = ['#ff6b6b', '#ffd166', '#06d6a0', '#4cc9f0', '#b388ff', '#f78c6b', '#9aa5b1'];

const minutesAxis: uPlot.Axis = {
  stroke: '#9fb3c8',
  grid: { stroke: '#22384d' },
  values: (_u, ticks) => ticks.map((t) => formatDuration(t)),
};
const countAxis: uPlot.Axis = { stroke: '#9fb3c8', grid: { stroke: '#22384d' }, size: 40 };

export class Charts {
  readonly el: HTMLElement;
  private readonly model: PictureModel;
  private readonly reportsBox = h('div', { class: 'chart', 'data-chart': 'reports' });
  private readonly tracksBox = h('div', { class: 'chart', 'data-chart': 'tracks' });
  private readonly marginsBox = h('div', { class: 'chart', 'data-chart': 'margins' });
  private readonly plots: uPlot[] = [];
  private readonly unlisten: Array<() => void>;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly reportSeriesAvailable: boolean;

  constructor(model: PictureModel, reportSeriesAvailable: boolean) {
    this.model = model;
    this.reportSeriesAvailable = reportSeriesAvailable;
    this.el = h(
      'section',
      { class: 'charts', 'aria-label': 'Charts' },
      h('h3', null, 'Reports per sensor'),
      this.reportsBox,
      h('h3', null, 'Tracks held'),
      this.tracksBox,
      h('h3', null, 'Warning margin per raid'),
      this.marginsBox,
    );
    this.unlisten = [model.on('series', () => this.schedule()), model.on('alerts', () => this.schedule())];
    this.schedule();
  }

  destroy(): void {
    for (const u of this.unlisten) u();
    if (this.timer) clearTimeout(this.timer);
    for (const p of this.plots) p.destroy();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.el.isConnected) this.draw();
    }, REDRAW_MS);
  }

  /** Draws every chart now. */
  draw(): void {
    for (const p of this.plots.splice(0)) p.destroy();
    this.drawReports();
    this.drawTracks();
    this.drawMargins();
  }

  private drawReports(): void {
    if (!this.reportSeriesAvailable) {
      setChildren(
        this.reportsBox,
        h('p', { class: 'empty' }, 'A recorded summary keeps no reports over time.'),
      );
      return;
    }
    const s = reportSeries(
      this.model.reportBins,
      REPORT_BIN_S,
      Math.max(this.model.clock.timeS, REPORT_BIN_S),
    );
    if (s.series.length === 0) {
      setChildren(this.reportsBox, h('p', { class: 'empty' }, 'No reports yet.'));
      return;
    }
    setChildren(this.reportsBox);
    this.plots.push(
      new uPlot(
        {
          width: WIDTH,
          height: HEIGHT,
          legend: { show: true },
          scales: { x: { time: false } },
          axes: [minutesAxis, countAxis],
          series: [
            { label: 'time' },
            ...s.series.map((x, i) => ({
              label: x.label,
              stroke: PALETTE[i % PALETTE.length]!,
              width: 1.5,
              value: (_u: uPlot, v: number | null) => (v == null ? '' : `${v}/min`),
            })),
          ],
        },
        [s.times, ...s.series.map((x) => x.counts)],
        this.reportsBox,
      ),
    );
  }

  private drawTracks(): void {
    const now = this.model.clock.timeS;
    const points = this.model.trackCounts.filter(([t]) => t <= now);
    if (points.length < 2) {
      setChildren(this.tracksBox, h('p', { class: 'empty' }, 'Not enough of the run yet.'));
      return;
    }
    setChildren(this.tracksBox);
    this.plots.push(
      new uPlot(
        {
          width: WIDTH,
          height: HEIGHT,
          scales: { x: { time: false } },
          axes: [minutesAxis, countAxis],
          series: [
            { label: 'time' },
            { label: 'tracks', stroke: '#4cc9f0', width: 1.5, fill: 'rgba(76,201,240,0.15)' },
          ],
        },
        [points.map((p) => p[0]), points.map((p) => p[1])],
        this.tracksBox,
      ),
    );
  }

  private drawMargins(): void {
    const raids = raidMargins(this.model.alerts.values()).filter((r) => r.marginS !== null);
    if (raids.length === 0) {
      setChildren(
        this.marginsBox,
        h('p', { class: 'empty' }, 'No attack warning with a predicted impact yet.'),
      );
      return;
    }
    setChildren(
      this.marginsBox,
      h(
        'ol',
        { class: 'margin-list' },
        ...raids.map((r) =>
          h(
            'li',
            null,
            `${r.raidId}: ${formatDuration(r.marginS!)} from first attack warning to first predicted impact (${r.alertIds.join(', ')})`,
          ),
        ),
      ),
    );
    const bars = uPlot.paths.bars!({ size: [0.6, 60] });
    this.plots.push(
      new uPlot(
        {
          width: WIDTH,
          height: HEIGHT,
          legend: { show: false },
          scales: {
            x: { time: false, range: [-0.5, raids.length - 0.5] },
            y: { range: (_u, _min, max) => [0, max * 1.1] },
          },
          axes: [
            {
              stroke: '#9fb3c8',
              grid: { show: false },
              values: (_u, ticks) => ticks.map((t) => raids[t]?.raidId ?? ''),
            },
            { ...minutesAxis, size: 50 },
          ],
          series: [
            {},
            { label: 'margin', fill: '#ff6b6b', stroke: '#ff6b6b', paths: bars, points: { show: false } },
          ],
        },
        [raids.map((_, i) => i), raids.map((r) => r.marginS)],
        this.marginsBox,
      ),
    );
  }
}
