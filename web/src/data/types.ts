// The console's view of the service's data, typed from the service's own schemas
// (src/server/schemas): the picture of a run (tracks, alerts, sensor statuses), its
// network and territory, its truth (training and replay), the run and its clock, and
// the stream's messages. Type imports only —
// nothing of the server is bundled — so a change of the API breaks this build.
import type { z } from 'zod';
import type { apiProblemSchema, errorBodySchema } from '../../../src/server/schemas/common.ts';
import type { auditRecordSchema, operatorActionSchema } from '../../../src/server/schemas/operator.ts';
import type {
  alertViewSchema,
  areaSchema,
  networkSchema,
  pictureSchema,
  sensorStatusSchema,
  trackSchema,
} from '../../../src/server/schemas/picture.ts';
import type { clockSchema, runViewSchema } from '../../../src/server/schemas/run.ts';
import type {
  bundledScenarioSchema,
  scenarioDigestSchema,
  scenarioHeadSchema,
  scenarioVersionSchema,
} from '../../../src/server/schemas/scenario.ts';
import type { serverMessageSchema } from '../../../src/server/schemas/stream.ts';
import type { meSchema } from '../../../src/server/schemas/token.ts';
import type { truthSchema } from '../../../src/server/schemas/truth.ts';

export type Area = z.output<typeof areaSchema>;
export type AlertView = z.output<typeof alertViewSchema>;
export type Level = AlertView['level'];
export type Track = z.output<typeof trackSchema>;
export type SensorStatus = z.output<typeof sensorStatusSchema>;
export type Picture = z.output<typeof pictureSchema>;
export type Network = z.output<typeof networkSchema>;
export type Truth = z.output<typeof truthSchema>;
export type RunView = z.output<typeof runViewSchema>;
export type Clock = z.output<typeof clockSchema>;
export type ServerMessage = z.output<typeof serverMessageSchema>;
export type StepMessage = Extract<ServerMessage, { type: 'step' }>;
export type OperatorAction = z.output<typeof operatorActionSchema>;
export type AuditRecord = z.output<typeof auditRecordSchema>;
export type ApiProblem = z.output<typeof apiProblemSchema>;
export type ErrorBody = z.output<typeof errorBodySchema>;
export type Me = z.output<typeof meSchema>;
export type Role = Me['role'];
export type ScenarioHead = z.output<typeof scenarioHeadSchema>;
export type ScenarioVersion = z.output<typeof scenarioVersionSchema>;
export type ScenarioDigest = z.output<typeof scenarioDigestSchema>;
export type BundledScenario = z.output<typeof bundledScenarioSchema>;

/** What the globe needs of a network: the API's Network, or the part a recorded scene.czml holds. */
export interface GlobeNetwork {
  satellites: Array<{
    id: string;
    fieldOfRegard: { latDeg: number; lonDeg: number; radiusKm: number } | null;
    /** Sub-satellite points [tS, latDeg, lonDeg, altKm]. */
    track: Array<[number, number, number, number]>;
  }>;
  radars: Array<{
    id: string;
    site: { latDeg: number; lonDeg: number; altKm: number };
    faces: Array<{
      id: string;
      /** Ground fan ring of [lonDeg, latDeg]. */
      fan: number[][];
      /** The face's volume, when the source knows it (the API does; a scene.czml does not). */
      volume?: {
        boresightDeg: number;
        halfWidthDeg: number;
        minElevationDeg: number;
        maxElevationDeg: number;
        maxRangeKm: number;
      };
    }>;
  }>;
}

/** The run a console shows, whichever source it comes from. */
export interface RunInfo {
  id: string;
  title: string;
  /** Simulation time 0, UTC ISO-8601. */
  epoch: string;
  durationS: number;
  stepS: number;
}
