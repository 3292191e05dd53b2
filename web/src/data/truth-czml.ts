// A live run's truth (GET /api/runs/:id/truth) as CZML packets of the same shape a
// recorded run's scene.czml holds (czml-scene.ts), so one truth layer draws both: each
// flight as sampled positions with a `kind` property, the true launch and impact
// points; and, which only the service knows, the false-alarm sources while they are
// active (`source/…`) and each report no real object caused, shown for a while where
// it came from (`firing/…`).
import { IMPACT_RGBA, LAUNCH_RGBA, markerPacket } from '../../../src/analysis/export/czml-marker.ts';
import type { Truth } from './types.ts';

/** How long a false report's point stays on the globe after it, s. */
export const FIRING_SHOWN_S = 30;

const SOURCE_RGBA = [255, 160, 255, 255];
const FIRING_RGBA = [255, 120, 255, 255];

type Packet = Record<string, unknown>;

export function truthCzml(truth: Truth): Packet[] {
  const epochMs = Date.parse(truth.epoch);
  const iso = (tS: number) => new Date(epochMs + tS * 1000).toISOString();
  const packets: Packet[] = [{ id: 'document', name: `${truth.runId} truth`, version: '1.0' }];
  for (const o of truth.objects) {
    if (o.samples.length === 0) continue;
    const t0 = o.samples[0]![0];
    const cartographicDegrees: number[] = [];
    for (const [tS, latDeg, lonDeg, altKm] of o.samples)
      cartographicDegrees.push(tS - t0, lonDeg, latDeg, altKm * 1000);
    packets.push({
      id: o.id,
      name: `${o.id} (${o.kind}, ${o.vehicleClass})`,
      availability: `${iso(t0)}/${iso(o.samples[o.samples.length - 1]![0])}`,
      properties: { kind: o.kind, eventId: o.launchId, vehicleClass: o.vehicleClass },
      position: {
        epoch: iso(t0),
        interpolationAlgorithm: 'LAGRANGE',
        interpolationDegree: 5,
        cartographicDegrees,
      },
    });
  }
  for (const l of truth.launches)
    packets.push(markerPacket(`launch/${l.id}`, `${l.id} launch`, l.latDeg, l.lonDeg, LAUNCH_RGBA));
  for (const o of truth.objects)
    if (o.kind === 'rv' && o.impact)
      packets.push(
        markerPacket(`impact/${o.id}`, `${o.launchId} impact`, o.impact.latDeg, o.impact.lonDeg, IMPACT_RGBA),
      );
  for (const s of truth.sources) {
    const shape =
      s.radiusKm > 0
        ? {
            ellipse: {
              semiMajorAxis: s.radiusKm * 1000,
              semiMinorAxis: s.radiusKm * 1000,
              material: { solidColor: { color: { rgba: [...SOURCE_RGBA.slice(0, 3), 50] } } },
              outline: true,
              outlineColor: { rgba: SOURCE_RGBA },
              height: 0,
            },
          }
        : { point: { pixelSize: 8, color: { rgba: SOURCE_RGBA } } };
    packets.push({
      id: `source/${s.id}`,
      name: `${s.id} (${s.kind})`,
      availability: `${iso(s.fromS)}/${iso(s.untilS)}`,
      properties: { sourceKind: s.kind },
      position: { cartographicDegrees: [s.lonDeg, s.latDeg, 0] },
      ...shape,
    });
  }
  for (const f of truth.firings)
    packets.push({
      id: `firing/${f.reportId}`,
      name: `${f.reportId}: ${f.cause}${f.eventId ? ` (${f.eventId})` : ''}`,
      availability: `${iso(f.tS)}/${iso(f.tS + FIRING_SHOWN_S)}`,
      properties: { cause: f.cause },
      position: { cartographicDegrees: [f.lonDeg, f.latDeg, f.altKm * 1000] },
      point: { pixelSize: 4, color: { rgba: FIRING_RGBA } },
    });
  return packets;
}
