import { describe, expect, it } from 'vitest';
import { ReorderBuffer } from '../../../src/centre/fusion/reorder-buffer.ts';
import { createRng } from '../../../src/physics/random.ts';
import type { SensorReport } from '../../../src/sensors/report.ts';
import { irReport } from '../synthetic.ts';

const report = (id: string, t: number): SensorReport =>
  irReport(id, 's', t, [4e7, 0, 0], [0, 0, 0], 1e-5, null);

describe('reorder buffer', () => {
  it('releases reports in time order whatever the order of arrival', () => {
    const rng = createRng(1, 'buffer');
    const buffer = new ReorderBuffer();
    const times = Array.from({ length: 500 }, () => Math.round(rng.uniform() * 1000) / 10);
    times.forEach((t, i) => {
      buffer.push(report(`r${i}`, t));
    });
    const out: number[] = [];
    while (buffer.size > 0) out.push(buffer.pop()!.timeS);
    expect(out).toEqual([...times].sort((a, b) => a - b));
  });

  it('keeps arrival order among reports of equal time', () => {
    const buffer = new ReorderBuffer();
    for (const id of ['c', 'a', 'b']) buffer.push(report(id, 5));
    buffer.push(report('early', 1));
    expect(buffer.peekTime()).toBe(1);
    expect([buffer.pop(), buffer.pop(), buffer.pop(), buffer.pop()].map((r) => r!.id)).toEqual([
      'early',
      'c',
      'a',
      'b',
    ]);
    expect(buffer.pop()).toBeUndefined();
    expect(buffer.peekTime()).toBe(Number.POSITIVE_INFINITY);
  });
});
