// The truth — what really flew, from a recorded run's CZML or the service's truth of a
// live run (data/truth-czml.ts) — for training and replay only: each flight as a point
// with a ten-minute trail at the time shown, the true launch and impact points, and
// (live runs) the false-alarm sources and false reports as their packets draw them.
// Created only when the operator asks for the truth.
import {
  Color,
  ConstantProperty,
  CzmlDataSource,
  JulianDate,
  PathGraphics,
  PointGraphics,
  type Viewer,
} from 'cesium';
import type { PictureModel } from '../data/picture-model.ts';
import { TRUTH_COLOUR } from './colours.ts';

const TRAIL_S = 600;

export class TruthLayer {
  private readonly viewer: Viewer;
  private readonly model: PictureModel;
  private readonly source: CzmlDataSource;
  private readonly epoch: JulianDate;
  private readonly unlisten: () => void;

  private constructor(viewer: Viewer, model: PictureModel, source: CzmlDataSource) {
    this.viewer = viewer;
    this.model = model;
    this.source = source;
    this.epoch = JulianDate.fromIso8601(model.run.epoch);
    source.show = false;
    for (const e of source.entities.values) {
      if (!e.properties?.hasProperty('kind')) continue;
      e.point = new PointGraphics({
        pixelSize: 5,
        color: TRUTH_COLOUR,
        outlineColor: Color.BLACK,
        outlineWidth: 1,
      });
      e.path = new PathGraphics({
        leadTime: new ConstantProperty(0),
        trailTime: new ConstantProperty(TRAIL_S),
        width: new ConstantProperty(1),
        material: TRUTH_COLOUR.withAlpha(0.6),
      });
    }
    this.unlisten = model.on('clock', () => this.follow());
    this.follow();
  }

  static async create(viewer: Viewer, model: PictureModel, packets: unknown[]): Promise<TruthLayer> {
    const source = await CzmlDataSource.load(packets);
    await viewer.dataSources.add(source);
    return new TruthLayer(viewer, model, source);
  }

  /** Entities drawn: flights, markers, sources and false reports. */
  get entityCount(): number {
    return this.source.entities.values.length;
  }

  get visible(): boolean {
    return this.source.show;
  }

  set visible(show: boolean) {
    this.source.show = show;
    this.viewer.scene.requestRender();
  }

  destroy(): void {
    this.unlisten();
    this.viewer.dataSources.remove(this.source, true);
  }

  private follow(): void {
    JulianDate.addSeconds(this.epoch, this.model.clock.timeS, this.viewer.clock.currentTime);
    if (this.source.show) this.viewer.scene.requestRender();
  }
}
