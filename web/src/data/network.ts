// The service's Network (GET /api/runs/:id/network) as the globe draws it.
import type { GlobeNetwork, Network } from './types.ts';

export function globeNetworkOf(network: Network): GlobeNetwork {
  return {
    satellites: network.satellites.map((s) => ({ id: s.id, fieldOfRegard: s.fieldOfRegard, track: s.track })),
    radars: network.radars.map((r) => ({
      id: r.id,
      site: r.site,
      faces: r.faces.map((f) => ({
        id: f.id,
        fan: f.fan,
        volume: {
          boresightDeg: f.boresightDeg,
          halfWidthDeg: f.halfWidthDeg,
          minElevationDeg: f.minElevationDeg,
          maxElevationDeg: f.maxElevationDeg,
          maxRangeKm: f.maxRangeKm,
        },
      })),
    })),
  };
}
