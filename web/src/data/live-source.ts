// A run the service computes or replays (issue 6): its clock and controls through the
// REST API, its picture through the WebSocket stream — a snapshot to start from (and
// after every seek, replay step or resynchronisation), then each step's changes. Its
// network and defended territory come in one answer; its truth, for training and
// replay, only when asked for (the truth toggle), never with the picture.
import { type Api, seg } from './api.ts';
import { globeNetworkOf } from './network.ts';
import { PictureModel, REPORT_BIN_S } from './picture-model.ts';
import type { DefendedAreas, RunSource, SourceCapabilities } from './run-source.ts';
import { RunStream, type StreamState } from './stream.ts';
import { truthCzml } from './truth-czml.ts';
import type { AlertView, GlobeNetwork, Network, RunInfo, RunView, ServerMessage, Truth } from './types.ts';

/** Shortest pause between two fetches of the report counts, ms. */
const REPORT_COUNTS_EVERY_MS = 5000;

export function runInfoOf(run: RunView): RunInfo {
  return {
    id: run.id,
    title: `${run.scenarioName} (v${run.scenarioVersion}, seed ${run.seed})`,
    epoch: run.epoch,
    durationS: run.durationS,
    stepS: run.stepS,
  };
}

export interface LiveSourceEvents {
  /** The stream's connection changed. */
  onConnection?: (state: StreamState, detail?: string) => void;
  /** The service said something went wrong or messages were dropped. */
  onNotice?: (text: string) => void;
}

export class LiveSource implements RunSource {
  readonly kind = 'live' as const;
  readonly info: RunInfo;
  readonly model: PictureModel;
  readonly capabilities: SourceCapabilities = {
    control: true,
    operatorActions: true,
    truth: true,
    reportSeries: true,
  };
  private readonly api: Api;
  private readonly run: RunView;
  private readonly stream: RunStream;
  private readonly events: LiveSourceEvents;
  private pace: number;
  private countsFetchedAt = Number.NEGATIVE_INFINITY;
  private countsTimer: ReturnType<typeof setTimeout> | null = null;
  private networkAnswer: Promise<Network> | null = null;

  constructor(api: Api, run: RunView, events: LiveSourceEvents = {}) {
    this.api = api;
    this.run = run;
    this.events = events;
    this.info = runInfoOf(run);
    this.model = new PictureModel(this.info);
    this.pace = run.clock.pace;
    this.applyRun(run);
    this.stream = new RunStream({
      token: api.token,
      runId: run.id,
      onMessage: (m) => this.receive(m),
      onState: (state, detail) => events.onConnection?.(state, detail),
    });
  }

  static async open(api: Api, runId: string, events?: LiveSourceEvents): Promise<LiveSource> {
    return new LiveSource(api, await api.get<RunView>(`/api/runs/${seg(runId)}`), events);
  }

  /** Applies one stream message to the model (public for the bench, which feeds it directly). */
  receive(m: ServerMessage): void {
    switch (m.type) {
      case 'subscribed':
      case 'run':
        this.applyRun(m.run);
        return;
      case 'time':
        this.model.setClock({ timeS: m.timeS, playing: m.playing, progressS: m.progressS });
        return;
      case 'snapshot':
        this.model.replace(m.picture);
        // Replay walks stored steps one snapshot at a time: the counts held still hold.
        if (m.reason !== 'replay') this.refreshReportCounts(true);
        return;
      case 'step':
        this.model.applyStep(m);
        this.model.setClock({ progressS: Math.max(this.model.clock.progressS ?? 0, m.timeS) });
        return;
      case 'action':
        if (m.alert) this.model.upsertAlert(m.alert);
        return;
      case 'dropped':
        this.events.onNotice?.(`the console fell behind: ${m.count} updates dropped, picture reloaded`);
        return;
      case 'error':
        this.events.onNotice?.(m.message);
        return;
      default:
        return;
    }
  }

  async network(): Promise<GlobeNetwork> {
    return globeNetworkOf(await this.networkOnce());
  }

  /** The run's truth as CZML packets — fetched on each call: the firings grow as the run computes. */
  async truth(): Promise<unknown[]> {
    return truthCzml(await this.api.get<Truth>(`/api/runs/${seg(this.run.id)}/truth`));
  }

  async defended(): Promise<DefendedAreas> {
    return (await this.networkOnce()).defended;
  }

  /** The network answer, asked once for both the sensors and the territory. */
  private networkOnce(): Promise<Network> {
    this.networkAnswer ??= this.api.get<Network>(`/api/runs/${seg(this.run.id)}/network`).catch((err) => {
      this.networkAnswer = null;
      throw err;
    });
    return this.networkAnswer;
  }

  async play(): Promise<void> {
    this.applyRun(await this.api.post<RunView>(`/api/runs/${seg(this.run.id)}/resume`, { pace: this.pace }));
  }

  async pause(): Promise<void> {
    this.applyRun(await this.api.post<RunView>(`/api/runs/${seg(this.run.id)}/pause`));
  }

  async seek(timeS: number): Promise<void> {
    this.applyRun(await this.api.post<RunView>(`/api/runs/${seg(this.run.id)}/seek`, { timeS }));
  }

  async setPace(pace: number): Promise<void> {
    this.pace = pace;
    if (this.model.clock.playing)
      this.applyRun(await this.api.post<RunView>(`/api/runs/${seg(this.run.id)}/resume`, { pace }));
    else this.model.setClock({ pace });
  }

  async acknowledge(alertId: string, text?: string): Promise<void> {
    await this.api.post(
      `/api/runs/${seg(this.run.id)}/alerts/${seg(alertId)}/acknowledge`,
      text ? { text } : {},
    );
    await this.refreshAlert(alertId);
  }

  async comment(alertId: string, text: string): Promise<void> {
    await this.api.post(`/api/runs/${seg(this.run.id)}/alerts/${seg(alertId)}/comments`, { text });
    await this.refreshAlert(alertId);
  }

  close(): void {
    this.stream.close();
    if (this.countsTimer) clearTimeout(this.countsTimer);
  }

  /** The alert with its operator state as the service holds it now (the stream tells others). */
  private async refreshAlert(alertId: string): Promise<void> {
    const answer = await this.api.get<{ alert: AlertView }>(
      `/api/runs/${seg(this.run.id)}/alerts/${seg(alertId)}`,
    );
    this.model.upsertAlert(answer.alert);
  }

  private applyRun(run: RunView): void {
    this.model.setClock({
      timeS: run.clock.timeS,
      playing: run.clock.playing,
      pace: run.clock.pace,
      mode: run.clock.mode,
      progressS: run.progressS,
      status: run.status,
    });
    if (run.status === 'finished' || run.status === 'failed') this.refreshReportCounts(false);
  }

  /** Report counts from the store: after a snapshot at once (`now`), else at most every few seconds. */
  private refreshReportCounts(now: boolean): void {
    if (this.countsTimer) return;
    const wait = now ? 0 : Math.max(0, this.countsFetchedAt + REPORT_COUNTS_EVERY_MS - performance.now());
    this.countsTimer = setTimeout(() => {
      this.countsTimer = null;
      this.countsFetchedAt = performance.now();
      this.api
        .get<{ counts: Record<string, number[]> }>(
          `/api/runs/${seg(this.run.id)}/report-counts?binS=${REPORT_BIN_S}`,
        )
        .then(
          (r) => this.model.setReportBins(r.counts),
          (err: Error) => this.events.onNotice?.(`report counts: ${err.message}`),
        );
    }, wait);
  }
}
