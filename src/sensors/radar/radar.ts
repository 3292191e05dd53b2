// A radar is its faces: each face is an independent sensor model with its own id and
// random stream (issue 3). Degradations from the network (keyed by face id; a degraded
// radar appears under each of its faces' ids, sensors/network.ts) go to their faces.
import type { DegradeSpec, RadarSpec } from '../../scenario/scenario.ts';
import type { SensorModel } from '../sensor.ts';
import { RadarFace } from './face.ts';

export function radarFaces(
  spec: RadarSpec,
  degraded: ReadonlyMap<string, DegradeSpec> = new Map(),
): SensorModel[] {
  return spec.faces.map((face) => new RadarFace(spec, face, { degrade: degraded.get(face.id) }));
}
