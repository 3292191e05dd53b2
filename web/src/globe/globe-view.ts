// The globe of a run: the offline viewer (viewer.ts) with its layers — tracks, alert
// ellipses, sensors, the defended territory and (fetched and drawn only when asked
// for) the truth — fed by the run source's picture, and the camera presets.
import { Cartesian3, type Viewer } from 'cesium';
import type { RunSource } from '../data/run-source.ts';
import { AlertLayer } from './alert-layer.ts';
import { followPosition, frameBounds, stopFollowing, wholeEarth } from './camera.ts';
import { FramePacer } from './frame-pacer.ts';
import { boundsOfPoints } from './geo.ts';
import { SensorLayer } from './sensor-layer.ts';
import { type TerritoryShape, territoryShape } from './territory.ts';
import { TerritoryLayer } from './territory-layer.ts';
import { TrackLayer } from './track-layer.ts';
import { TruthLayer } from './truth-layer.ts';
import { createViewer } from './viewer.ts';

const followScratch = new Cartesian3();

export class GlobeView {
  readonly viewer: Viewer;
  readonly tracks: TrackLayer;
  readonly alerts: AlertLayer;
  readonly pacer: FramePacer;
  sensors: SensorLayer | null = null;
  truth: TruthLayer | null = null;
  territory: TerritoryShape | null = null;
  private territoryLayer: TerritoryLayer | null = null;
  private following: string | null = null;
  /** Counts truth requests: an answer to one overtaken by a later toggle is dropped. */
  private truthAsked = 0;
  private readonly container: HTMLElement;
  private readonly onProblem: (text: string) => void;
  private volumesShown = false;
  private readonly unlisten: () => void;
  private readonly source: RunSource;

  constructor(container: HTMLElement, source: RunSource, onProblem: (text: string) => void) {
    this.source = source;
    this.viewer = createViewer(container);
    this.pacer = new FramePacer(this.viewer);
    this.tracks = new TrackLayer(this.viewer.scene, source.model);
    this.alerts = new AlertLayer(this.viewer, source.model);
    this.unlisten = source.model.on('tracks', () => this.keepFollowing());
    // Tells whoever watches the page (people, tests) when the imagery has arrived.
    container.dataset['tiles'] = 'loading';
    this.viewer.scene.globe.tileLoadProgressEvent.addEventListener((queued: number) => {
      container.dataset['tiles'] = queued === 0 && this.viewer.scene.globe.tilesLoaded ? 'loaded' : 'loading';
    });
    wholeEarth(this.viewer, undefined, undefined, 0);
    source.network().then(
      (n) => {
        this.sensors = new SensorLayer(this.viewer, source.model, n);
        this.sensors.volumesVisible = this.volumesShown;
      },
      (err: Error) => onProblem(`sensor network: ${err.message}`),
    );
    source.defended().then(
      (areas) => {
        if (!areas) return;
        this.territory = territoryShape(areas);
        this.territoryLayer = new TerritoryLayer(this.viewer.scene, this.territory);
        if (this.territory.unresolved.length > 0)
          onProblem(`defended territory: no border for ${this.territory.unresolved.join(', ')}`);
      },
      (err: Error) => onProblem(`defended territory: ${err.message}`),
    );
    this.onProblem = onProblem;
    this.container = container;
    container.dataset['truth'] = 'hidden';
  }

  get followingId(): string | null {
    return this.following;
  }

  viewWholeEarth(): void {
    this.following = null;
    wholeEarth(this.viewer);
  }

  /** The defended territory, or the predicted impact areas when the source names no territory. */
  viewTerritory(): void {
    this.following = null;
    const bounds = this.territory?.bounds ?? boundsOfPoints(this.alerts.impactPoints());
    if (bounds) frameBounds(this.viewer, bounds);
    else wholeEarth(this.viewer);
  }

  /** Frames an alert's launch and impact areas. */
  viewAlert(alertId: string): void {
    const a = this.source.model.alerts.get(alertId);
    const points = [a?.launchArea, a?.impactArea].flatMap(
      (area): Array<[number, number]> => (area ? [[area.lonDeg, area.latDeg]] : []),
    );
    const bounds = boundsOfPoints(points);
    if (!bounds) return;
    this.following = null;
    frameBounds(this.viewer, bounds);
  }

  /** Keeps the camera on a track until another preset is chosen; false when it is not drawn. */
  follow(trackId: string): boolean {
    if (!this.tracks.positionOf(trackId, followScratch)) return false;
    this.following = trackId;
    followPosition(this.viewer, followScratch);
    return true;
  }

  setVolumesVisible(show: boolean): void {
    this.volumesShown = show;
    if (this.sensors) this.sensors.volumesVisible = show;
  }

  /**
   * Shows or hides the truth. Turned on, it is asked of the source afresh (a live run's
   * false reports grow as it computes) and drawn when it arrives; the globe's container
   * says which (`data-truth`: hidden, loading, shown; `data-truth-entities`).
   */
  setTruthVisible(show: boolean): void {
    const asked = ++this.truthAsked;
    if (!show) {
      if (this.truth) this.truth.visible = false;
      this.container.dataset['truth'] = 'hidden';
      return;
    }
    this.container.dataset['truth'] = 'loading';
    this.source.truth().then(
      async (packets) => {
        if (asked !== this.truthAsked) return;
        if (!packets) {
          this.container.dataset['truth'] = 'hidden';
          return;
        }
        const layer = await TruthLayer.create(this.viewer, this.source.model, packets);
        if (asked !== this.truthAsked) {
          layer.destroy();
          return;
        }
        this.truth?.destroy();
        this.truth = layer;
        layer.visible = true;
        this.container.dataset['truth'] = 'shown';
        this.container.dataset['truthEntities'] = String(layer.entityCount);
      },
      (err: Error) => {
        if (asked !== this.truthAsked) return;
        this.container.dataset['truth'] = 'hidden';
        this.onProblem(`truth: ${err.message}`);
      },
    );
  }

  destroy(): void {
    this.truthAsked++;
    this.unlisten();
    stopFollowing(this.viewer);
    this.tracks.destroy();
    this.alerts.destroy();
    this.sensors?.destroy();
    this.truth?.destroy();
    this.territoryLayer?.destroy();
    this.pacer.destroy();
    this.viewer.destroy();
  }

  private keepFollowing(): void {
    if (!this.following) return;
    if (this.tracks.positionOf(this.following, followScratch)) followPosition(this.viewer, followScratch);
    else {
      this.following = null;
      stopFollowing(this.viewer);
    }
  }
}
