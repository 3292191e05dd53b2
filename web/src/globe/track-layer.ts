// Tracks on the globe as primitives — pooled points and lines in a few shared
// collections, not one entity each — so thousands stay smooth (issue 7). A 3-D track
// is a point at its estimated position, a trail of dots at its recent positions, and
// a translucent disc of 2σ of its position error, sized in pixels each frame from the
// camera distance. An angle-only track (one IR satellite) is a diamond where its
// bearing first met the ground — a glint or a fire shows up here — with the
// satellite's current line of sight drawn down to the ground.
import {
  type Billboard,
  BillboardCollection,
  BoundingSphere,
  Cartesian3,
  Color,
  Ellipsoid,
  IntersectionTests,
  type PointPrimitive,
  type Polyline,
  Ray,
  type Scene,
} from 'cesium';
import { HISTORY_POINTS, type PictureModel, type TrackChange } from '../data/picture-model.ts';
import type { Track } from '../data/types.ts';
import { TRACK_COLOURS, trackColourKey } from './colours.ts';
import { PointPool, PolylinePool } from './pools.ts';

const POINT_PX = 7;
const DOT_PX = 2.5;
/** Largest uncertainty disc, px. */
const MAX_DISC_PX = 300;
/** A disc smaller than this is hidden under the point, px. */
const MIN_DISC_PX = POINT_PX + 2;
/** Length of a line of sight that misses the Earth (limb viewing), m. */
const LIMB_RAY_M = 3_000_000;

interface Drawn {
  point: PointPrimitive | null;
  disc: PointPrimitive | null;
  /** Trail dots, a ring: `next` is the oldest. */
  dots: PointPrimitive[];
  next: number;
  /** Time of the newest history point drawn. */
  lastDotS: number;
  glint: Billboard | null;
  bearing: Polyline | null;
  /** 2σ of position error, m (0: no disc). */
  radiusM: number;
}

function diamondIcon(): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = c.height = 18;
  const g = c.getContext('2d')!;
  g.beginPath();
  g.moveTo(9, 1);
  g.lineTo(17, 9);
  g.lineTo(9, 17);
  g.lineTo(1, 9);
  g.closePath();
  g.fillStyle = '#ffffff';
  g.fill();
  g.lineWidth = 2;
  g.strokeStyle = '#000000';
  g.stroke();
  return c;
}

const positionScratch = new Cartesian3();
const sphereScratch = new BoundingSphere();
const rayScratch = new Ray();

export class TrackLayer {
  private readonly scene: Scene;
  private readonly model: PictureModel;
  private readonly points = new PointPool();
  private readonly discs = new PointPool();
  private readonly dots = new PointPool();
  private readonly bearings = new PolylinePool(Color.ORANGE.withAlpha(0.6), 1);
  private readonly glints = new BillboardCollection();
  private readonly freeGlints: Billboard[] = [];
  private readonly drawn = new Map<string, Drawn>();
  private readonly icon = diamondIcon();
  private readonly unlisten: () => void;

  constructor(scene: Scene, model: PictureModel) {
    this.scene = scene;
    this.model = model;
    for (const c of this.collections()) scene.primitives.add(c);
    this.unlisten = model.on('tracks', (change) => this.apply(change));
    scene.preRender.addEventListener(this.sizeDiscs, this);
    this.apply({ replaced: true, changed: [], dropped: [] });
  }

  get count(): number {
    return this.drawn.size;
  }

  /** Where a track is drawn, or null. */
  positionOf(id: string, result: Cartesian3): Cartesian3 | null {
    const d = this.drawn.get(id);
    const p = d?.point ?? d?.glint;
    return p ? Cartesian3.clone(p.position, result) : null;
  }

  destroy(): void {
    this.unlisten();
    this.scene.preRender.removeEventListener(this.sizeDiscs, this);
    for (const c of this.collections()) this.scene.primitives.remove(c);
  }

  private collections() {
    return [
      this.discs.collection,
      this.dots.collection,
      this.bearings.collection,
      this.points.collection,
      this.glints,
    ];
  }

  private apply(change: TrackChange): void {
    if (change.replaced) {
      for (const id of [...this.drawn.keys()]) this.remove(id);
      for (const track of this.model.tracks.values()) this.draw(track);
    } else {
      for (const id of change.dropped) this.remove(id);
      for (const id of change.changed) {
        const t = this.model.tracks.get(id);
        if (t) this.draw(t);
      }
    }
    this.scene.requestRender();
  }

  private remove(id: string): void {
    const d = this.drawn.get(id);
    if (!d) return;
    if (d.point) this.points.release(d.point);
    if (d.disc) this.discs.release(d.disc);
    for (const dot of d.dots) this.dots.release(dot);
    if (d.glint) {
      d.glint.show = false;
      this.freeGlints.push(d.glint);
    }
    if (d.bearing) this.bearings.release(d.bearing);
    this.drawn.delete(id);
  }

  private draw(t: Track): void {
    let d = this.drawn.get(t.id);
    if (!d) {
      d = {
        point: null,
        disc: null,
        dots: [],
        next: 0,
        lastDotS: Number.NEGATIVE_INFINITY,
        glint: null,
        bearing: null,
        radiusM: 0,
      };
      this.drawn.set(t.id, d);
    }
    const colour = TRACK_COLOURS[trackColourKey(t.classification)];
    const alpha = t.status === 'tentative' ? 0.55 : t.status === 'coasting' ? 0.7 : 1;
    if (t.position) this.draw3d(t, d, colour, alpha);
    else this.drawAngleOnly(t, d, colour, alpha);
  }

  private draw3d(t: Track, d: Drawn, colour: Color, alpha: number): void {
    const p = t.position!;
    const position = Cartesian3.fromDegrees(
      p.lonDeg,
      p.latDeg,
      p.altKm * 1000,
      Ellipsoid.WGS84,
      positionScratch,
    );
    if (!d.point) {
      d.point = this.points.acquire();
      d.point.id = t.id;
      d.point.pixelSize = POINT_PX;
      d.point.outlineColor = Color.BLACK;
      d.point.outlineWidth = 1;
      d.disc = this.discs.acquire();
      d.disc.id = t.id;
      d.disc.show = false;
    }
    d.point.position = position;
    d.point.color = alpha === 1 ? colour : colour.withAlpha(alpha);
    d.disc!.position = position;
    d.disc!.color = colour.withAlpha(0.18);
    d.radiusM = t.positionSigmaKm === null ? 0 : 2 * t.positionSigmaKm * 1000;
    this.drawDots(t.id, d, colour);
  }

  /** Adds the history points newer than those drawn, over the oldest dots. */
  private drawDots(id: string, d: Drawn, colour: Color): void {
    const h = this.model.history.get(id);
    if (!h) return;
    const dotColour = colour.withAlpha(0.6);
    for (let i = 0; i < h.length; i += 4) {
      const tS = h[i]!;
      if (tS <= d.lastDotS) continue;
      let dot = d.dots.length < HISTORY_POINTS ? null : d.dots[d.next]!;
      if (!dot) {
        dot = this.dots.acquire();
        dot.pixelSize = DOT_PX;
        d.dots.push(dot);
      } else d.next = (d.next + 1) % HISTORY_POINTS;
      dot.position = Cartesian3.fromDegrees(
        h[i + 2]!,
        h[i + 1]!,
        h[i + 3]! * 1000,
        Ellipsoid.WGS84,
        positionScratch,
      );
      dot.color = dotColour;
      d.lastDotS = tS;
    }
  }

  private drawAngleOnly(t: Track, d: Drawn, colour: Color, alpha: number): void {
    if (t.groundPoint) {
      const ground = Cartesian3.fromDegrees(t.groundPoint.lonDeg, t.groundPoint.latDeg, 0);
      if (!d.glint) {
        d.glint =
          this.freeGlints.pop() ?? this.glints.add({ image: this.icon, scale: 0.8, position: ground });
        d.glint.show = true;
        d.glint.id = t.id;
      }
      d.glint.position = ground;
      d.glint.color = colour.withAlpha(alpha);
    }
    if (t.bearing) {
      const from = Cartesian3.fromDegrees(
        t.bearing.from.lonDeg,
        t.bearing.from.latDeg,
        t.bearing.from.altKm * 1000,
      );
      const ray = rayScratch;
      ray.origin = from;
      ray.direction = Cartesian3.normalize(Cartesian3.fromArray(t.bearing.losEcef), ray.direction);
      const hit = IntersectionTests.rayEllipsoid(ray, Ellipsoid.WGS84);
      const end = hit ? Ray.getPoint(ray, hit.start) : Ray.getPoint(ray, LIMB_RAY_M);
      if (!d.bearing) {
        d.bearing = this.bearings.acquire();
        d.bearing.id = t.id;
      }
      d.bearing.positions = [from, end];
    }
  }

  /** Sizes each uncertainty disc to 2σ at the camera's distance (before every frame). */
  private sizeDiscs(): void {
    const camera = this.scene.camera;
    const width = this.scene.drawingBufferWidth;
    const height = this.scene.drawingBufferHeight;
    for (const d of this.drawn.values()) {
      if (!d.disc || d.radiusM <= 0) continue;
      sphereScratch.center = d.disc.position;
      sphereScratch.radius = 0;
      const metresPerPixel = camera.getPixelSize(sphereScratch, width, height);
      const px = Math.min(MAX_DISC_PX, (2 * d.radiusM) / metresPerPixel);
      const show = px >= MIN_DISC_PX;
      if (d.disc.show !== show) d.disc.show = show;
      if (show && Math.abs(d.disc.pixelSize - px) > 0.5) d.disc.pixelSize = px;
    }
  }
}
