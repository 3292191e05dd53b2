// Reused primitives. Removing one point or polyline from a Cesium collection rebuilds
// the collection's vertex buffers, and removing a polyline destroys its material;
// hiding and reusing them costs only an attribute write. A polyline here always has
// its own material (polylines of equal colour are still drawn together: Cesium
// batches by material type and values).
import {
  type Color,
  Material,
  type PointPrimitive,
  PointPrimitiveCollection,
  type Polyline,
  PolylineCollection,
} from 'cesium';

export function colourMaterial(colour: Color): Material {
  return Material.fromType('Color', { color: colour });
}

export class PointPool {
  readonly collection = new PointPrimitiveCollection();
  private readonly free: PointPrimitive[] = [];

  acquire(): PointPrimitive {
    const p = this.free.pop();
    if (p) {
      p.show = true;
      return p;
    }
    return this.collection.add({});
  }

  release(p: PointPrimitive): void {
    p.show = false;
    p.id = undefined;
    this.free.push(p);
  }
}

export class PolylinePool {
  readonly collection = new PolylineCollection();
  private readonly free: Polyline[] = [];
  private readonly colour: Color;
  private readonly width: number;

  constructor(colour: Color, width: number) {
    this.colour = colour;
    this.width = width;
  }

  acquire(): Polyline {
    const p = this.free.pop();
    if (p) {
      p.show = true;
      return p;
    }
    return this.collection.add({ width: this.width, material: colourMaterial(this.colour) });
  }

  release(p: Polyline): void {
    p.show = false;
    p.id = undefined;
    this.free.push(p);
  }
}
