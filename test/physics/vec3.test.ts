import { describe, expect, it } from 'vitest';
import * as vec3 from '../../src/physics/vec3.ts';

const a = () => vec3.create(1, 2, 3);
const b = () => vec3.create(-4, 5, 0.5);

describe('vec3', () => {
  it('create and set write x, y, z in order', () => {
    expect(Array.from(vec3.create(1, 2, 3))).toEqual([1, 2, 3]);
    const out = new Float64Array(3);
    expect(vec3.set(out, 7, 8, 9)).toBe(out);
    expect(Array.from(out)).toEqual([7, 8, 9]);
  });

  it('add, sub, scale and scaleAndAdd compute componentwise and return out', () => {
    const out = new Float64Array(3);
    expect(vec3.add(out, a(), b())).toBe(out);
    expect(Array.from(out)).toEqual([-3, 7, 3.5]);
    expect(vec3.sub(out, a(), b())).toBe(out);
    expect(Array.from(out)).toEqual([5, -3, 2.5]);
    expect(vec3.scale(out, a(), -2)).toBe(out);
    expect(Array.from(out)).toEqual([-2, -4, -6]);
    expect(vec3.scaleAndAdd(out, a(), b(), 2)).toBe(out);
    expect(Array.from(out)).toEqual([-7, 12, 4]);
  });

  it('works when out is the same array as an input', () => {
    const x = a();
    vec3.add(x, x, b());
    expect(Array.from(x)).toEqual([-3, 7, 3.5]);
    const y = b();
    vec3.sub(y, a(), y);
    expect(Array.from(y)).toEqual([5, -3, 2.5]);
    const c = a();
    vec3.cross(c, c, b());
    expect(Array.from(c)).toEqual(Array.from(vec3.cross(new Float64Array(3), a(), b())));
    const d = b();
    vec3.cross(d, a(), d);
    expect(Array.from(d)).toEqual(Array.from(vec3.cross(new Float64Array(3), a(), b())));
    const n = a();
    vec3.normalize(n, n);
    expect(vec3.norm(n)).toBeCloseTo(1, 15);
    const s = a();
    vec3.scaleAndAdd(s, s, s, 1);
    expect(Array.from(s)).toEqual([2, 4, 6]);
  });

  it('does not modify its inputs', () => {
    const x = a();
    const y = b();
    vec3.cross(new Float64Array(3), x, y);
    vec3.scaleAndAdd(new Float64Array(3), x, y, 3);
    expect(Array.from(x)).toEqual([1, 2, 3]);
    expect(Array.from(y)).toEqual([-4, 5, 0.5]);
  });

  it('cross follows the right-hand rule and is orthogonal to both inputs', () => {
    const out = vec3.cross(new Float64Array(3), vec3.create(1, 0, 0), vec3.create(0, 1, 0));
    expect(Array.from(out)).toEqual([0, 0, 1]);
    const c = vec3.cross(new Float64Array(3), a(), b());
    expect(vec3.dot(c, a())).toBeCloseTo(0, 12);
    expect(vec3.dot(c, b())).toBeCloseTo(0, 12);
  });

  it('dot, norm, normSq and distance agree with hand computation', () => {
    expect(vec3.dot(a(), b())).toBe(-4 + 10 + 1.5);
    expect(vec3.normSq(a())).toBe(14);
    expect(vec3.norm(vec3.create(3, 4, 12))).toBe(13);
    expect(vec3.distance(vec3.create(1, 1, 1), vec3.create(4, 5, 13))).toBe(13);
  });

  it('normalize leaves the zero vector at zero rather than NaN', () => {
    const out = vec3.normalize(new Float64Array(3), new Float64Array(3));
    expect(Array.from(out)).toEqual([0, 0, 0]);
  });

  it('angleBetween is exact at right angles and accurate for nearly parallel vectors', () => {
    expect(vec3.angleBetween(vec3.create(1, 0, 0), vec3.create(0, 5, 0))).toBe(Math.PI / 2);
    expect(vec3.angleBetween(vec3.create(1, 0, 0), vec3.create(-2, 0, 0))).toBe(Math.PI);
    // 1e-9 rad apart: acos(dot) would give 0 or ~1.5e-8; atan2 keeps full precision.
    const tiny = 1e-9;
    const angle = vec3.angleBetween(vec3.create(1, 0, 0), vec3.create(Math.cos(tiny), Math.sin(tiny), 0));
    expect(Math.abs(angle - tiny) / tiny).toBeLessThan(1e-12);
  });

  it('works on plain number arrays as well as Float64Array', () => {
    const out = [0, 0, 0];
    vec3.add(out, [1, 2, 3], [1, 1, 1]);
    expect(out).toEqual([2, 3, 4]);
  });

  it('getAt and setAt address triple i of a structure-of-arrays store', () => {
    const store = new Float64Array(9);
    expect(vec3.setAt(store, 1, [4, 5, 6])).toBe(store);
    expect(Array.from(store)).toEqual([0, 0, 0, 4, 5, 6, 0, 0, 0]);
    const out = new Float64Array(3);
    expect(vec3.getAt(out, store, 1)).toBe(out);
    expect(Array.from(out)).toEqual([4, 5, 6]);
  });

  describe('limb geometry with angleBetween (DOMAIN.md §3.1, sphere R = 6371 km)', () => {
    /** Earth half-angle seen from altitude h, and arc from the sub-satellite point to the limb, deg. */
    function limbAngles(altitudeM: number): [number, number] {
      const r = 6371e3;
      const sat = vec3.create(0, 0, r + altitudeM);
      // The tangent point L satisfies (S − L)·L = 0: in the x–z plane, L = r(sin λ, 0, cos λ), cos λ = r/|S|.
      const lambda = Math.acos(r / (r + altitudeM));
      const limb = vec3.create(r * Math.sin(lambda), 0, r * Math.cos(lambda));
      expect(vec3.dot(vec3.sub(new Float64Array(3), sat, limb), limb)).toBeCloseTo(0, 0);
      const toCentre = vec3.scale(new Float64Array(3), sat, -1);
      const toLimb = vec3.sub(new Float64Array(3), limb, sat);
      const deg = 180 / Math.PI;
      return [vec3.angleBetween(toCentre, toLimb) * deg, vec3.angleBetween(sat, limb) * deg];
    }

    it('from GEO (35,786 km) the Earth subtends 8.69° and the limb is 81.3° of arc away', () => {
      const [half, arc] = limbAngles(35786e3);
      expect(half).toBeCloseTo(8.69, 2);
      expect(arc).toBeCloseTo(81.3, 1);
    });

    it('from 39,700 km the values are 7.95° and 82.1°', () => {
      const [half, arc] = limbAngles(39700e3);
      expect(half).toBeCloseTo(7.95, 2);
      expect(arc).toBeCloseTo(82.1, 1);
    });
  });
});
