// What a recorded run's scene.czml (src/analysis/export) holds for the globe: the
// sensor network — IR satellites as sampled positions `sensor/<id>`, radar sites
// `sensor/<radar>` with fans `fan/<radar>:<face>` — and the truth: flights (packets
// with a `kind` property), true launch points `launch/…` and impact points `impact/…`;
// the defended territory `defended/…` (a country by name, a polygon as its outline).
// The alert ellipses it also holds are drawn from the alerts instead, and the centre's
// tracks `track/…` by recorded-tracks.ts.
import type { DefendedAreas } from './run-source.ts';
import type { GlobeNetwork } from './types.ts';

interface Packet {
  id: string;
  properties?: { kind?: unknown; sensorKind?: unknown; defended?: unknown; country?: unknown };
  position?: { cartographicDegrees?: number[] };
  polygon?: { positions?: { cartographicDegrees?: number[] } };
  polyline?: { positions?: { cartographicDegrees?: number[] } };
}

export function isTruthPacket(p: Packet): boolean {
  return (
    p.id === 'document' ||
    p.properties?.kind !== undefined ||
    p.id.startsWith('launch/') ||
    p.id.startsWith('impact/')
  );
}

/** The CZML packets of the truth, with the document packet first. */
export function truthPackets(czml: readonly unknown[]): unknown[] {
  return (czml as Packet[]).filter(isTruthPacket);
}

export function networkOfCzml(czml: readonly unknown[]): GlobeNetwork {
  const packets = czml as Packet[];
  const network: GlobeNetwork = { satellites: [], radars: [] };
  const radars = new Map<string, GlobeNetwork['radars'][number]>();
  for (const p of packets) {
    if (!p.id.startsWith('sensor/')) continue;
    const id = p.id.slice('sensor/'.length);
    const c = p.position?.cartographicDegrees ?? [];
    if (p.properties?.sensorKind === 'ir') {
      const track: Array<[number, number, number, number]> = [];
      for (let i = 0; i + 3 < c.length; i += 4) track.push([c[i]!, c[i + 2]!, c[i + 1]!, c[i + 3]! / 1000]);
      network.satellites.push({ id, fieldOfRegard: null, track });
    } else if (c.length >= 2) {
      const radar = { id, site: { latDeg: c[1]!, lonDeg: c[0]!, altKm: (c[2] ?? 0) / 1000 }, faces: [] };
      radars.set(id, radar);
      network.radars.push(radar);
    }
  }
  for (const p of packets) {
    if (!p.id.startsWith('fan/')) continue;
    const faceId = p.id.slice('fan/'.length);
    const radar = radars.get(faceId.split(':')[0]!);
    const c = p.polygon?.positions?.cartographicDegrees ?? [];
    if (!radar) continue;
    const fan: number[][] = [];
    for (let i = 0; i + 2 < c.length; i += 3) fan.push([c[i]!, c[i + 1]!]);
    radar.faces.push({ id: faceId, fan });
  }
  return network;
}

/** The defended territory the scene names, or null when it names none (scenes written before it did). */
export function defendedOfCzml(czml: readonly unknown[]): DefendedAreas | null {
  const areas: DefendedAreas = { countries: [], polygons: [] };
  let found = false;
  for (const p of czml as Packet[]) {
    if (!p.id.startsWith('defended/')) continue;
    found = true;
    if (p.properties?.defended === 'country' && typeof p.properties.country === 'string')
      areas.countries.push(p.properties.country);
    else if (p.properties?.defended === 'polygon') {
      const c = p.polyline?.positions?.cartographicDegrees ?? [];
      const ring: Array<[number, number]> = [];
      // [lon, lat, h] triples, the ring closed: the last point repeats the first.
      for (let i = 0; i + 2 < c.length - 3; i += 3) ring.push([c[i + 1]!, c[i]!]);
      areas.polygons.push(ring);
    }
  }
  return found ? areas : null;
}
