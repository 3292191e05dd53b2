// A labelled point in CZML — a launch, an impact, a radar site — and the colours of the
// truth's markers, shared by the scene export (czml.ts) and the console, which draws a
// live run's truth with the same layer as a recorded scene's (web/src/data/truth-czml.ts).
// No imports: the console bundles it as it is.

export const LAUNCH_RGBA = [255, 255, 0, 255];
export const IMPACT_RGBA = [255, 64, 64, 255];

/** Positions in degrees, rounded to 1e-5° (about a metre) as every export is. */
const round5 = (x: number) => Math.round(x * 1e5) / 1e5 + 0;

export function markerPacket(
  id: string,
  name: string,
  latDeg: number,
  lonDeg: number,
  rgba: number[],
): Record<string, unknown> {
  return {
    id,
    name,
    position: { cartographicDegrees: [round5(lonDeg), round5(latDeg), 0] },
    point: { pixelSize: 9, color: { rgba }, outlineColor: { rgba: [0, 0, 0, 255] }, outlineWidth: 1 },
    label: {
      text: name,
      font: '12px sans-serif',
      pixelOffset: { cartesian2: [10, -10] },
      fillColor: { rgba },
    },
  };
}
