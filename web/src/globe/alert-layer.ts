// Launch and impact areas of the alerts on the globe: each 95% ellipse filled and
// outlined in its alert's level colour (grey once withdrawn), the impact area
// labelled with the alert id and place.
import {
  Cartesian2,
  Cartesian3,
  Color,
  ColorMaterialProperty,
  type Entity,
  LabelStyle,
  PolygonHierarchy,
  VerticalOrigin,
  type Viewer,
} from 'cesium';
import type { PictureModel } from '../data/picture-model.ts';
import type { AlertView, Area } from '../data/types.ts';
import { levelColour } from './colours.ts';
import { ellipseRing } from './geo.ts';

const WITHDRAWN = Color.fromCssColorString('#9a9a9a');

export class AlertLayer {
  private readonly viewer: Viewer;
  private readonly model: PictureModel;
  private readonly drawn = new Map<string, { key: string; entities: Entity[] }>();
  private readonly unlisten: () => void;

  constructor(viewer: Viewer, model: PictureModel) {
    this.viewer = viewer;
    this.model = model;
    this.unlisten = model.on('alerts', () => this.sync());
    this.sync();
  }

  destroy(): void {
    this.unlisten();
    for (const id of [...this.drawn.keys()]) this.remove(id);
  }

  /** Centres of the standing alerts' predicted impact areas — where the threat is — as [lonDeg, latDeg]. */
  impactPoints(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (const a of this.model.alerts.values())
      if (a.impactArea && !a.cancelled) out.push([a.impactArea.lonDeg, a.impactArea.latDeg]);
    return out;
  }

  private sync(): void {
    for (const id of [...this.drawn.keys()]) if (!this.model.alerts.has(id)) this.remove(id);
    for (const alert of this.model.alerts.values()) {
      const key = JSON.stringify([alert.level, alert.cancelled, alert.launchArea, alert.impactArea]);
      if (this.drawn.get(alert.id)?.key === key) continue;
      this.remove(alert.id);
      this.drawn.set(alert.id, { key, entities: this.draw(alert) });
    }
    this.viewer.scene.requestRender();
  }

  private remove(id: string): void {
    const d = this.drawn.get(id);
    if (!d) return;
    for (const e of d.entities) this.viewer.entities.remove(e);
    this.drawn.delete(id);
  }

  private draw(alert: AlertView): Entity[] {
    const colour = alert.cancelled ? WITHDRAWN : levelColour(alert.level);
    const out: Entity[] = [];
    const ellipse = (area: Area, role: 'launch' | 'impact') => {
      const ring = Cartesian3.fromDegreesArray(ellipseRing(area));
      out.push(
        this.viewer.entities.add({
          id: `${role}-ellipse/${alert.id}`,
          polygon: {
            hierarchy: new PolygonHierarchy(ring),
            material: new ColorMaterialProperty(colour.withAlpha(0.3)),
          },
          polyline: { positions: ring, width: 2, material: new ColorMaterialProperty(colour) },
        }),
      );
    };
    if (alert.launchArea) ellipse(alert.launchArea, 'launch');
    if (alert.impactArea) {
      ellipse(alert.impactArea, 'impact');
      out.push(
        this.viewer.entities.add({
          id: `impact-label/${alert.id}`,
          position: Cartesian3.fromDegrees(alert.impactArea.lonDeg, alert.impactArea.latDeg),
          label: {
            text: `${alert.id} impact${alert.impactRegion ? ` · ${alert.impactRegion}` : ''}`,
            font: '12px sans-serif',
            fillColor: colour,
            outlineColor: Color.BLACK,
            outlineWidth: 3,
            style: LabelStyle.FILL_AND_OUTLINE,
            verticalOrigin: VerticalOrigin.BOTTOM,
            pixelOffset: new Cartesian2(0, -8),
          },
        }),
      );
    }
    return out;
  }
}
