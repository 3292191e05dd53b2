// The defended territory's outline on the globe (territory.ts).
import { Cartesian3, PolylineCollection, type Scene } from 'cesium';
import { TERRITORY_COLOUR } from './colours.ts';
import { colourMaterial } from './pools.ts';
import type { TerritoryShape } from './territory.ts';

/** Height of the outline above the ellipsoid, so it is not buried in the globe, m. */
const OUTLINE_HEIGHT_M = 2000;

export class TerritoryLayer {
  private readonly scene: Scene;
  private readonly lines = new PolylineCollection();

  constructor(scene: Scene, shape: TerritoryShape) {
    this.scene = scene;
    for (const ring of shape.rings) {
      if (ring.length < 6) continue;
      const heights: number[] = [];
      for (let i = 0; i + 1 < ring.length; i += 2) heights.push(ring[i]!, ring[i + 1]!, OUTLINE_HEIGHT_M);
      this.lines.add({
        positions: Cartesian3.fromDegreesArrayHeights(heights),
        width: 2,
        material: colourMaterial(TERRITORY_COLOUR),
      });
    }
    scene.primitives.add(this.lines);
    scene.requestRender();
  }

  destroy(): void {
    this.scene.primitives.remove(this.lines);
  }
}
