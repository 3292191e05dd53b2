// The contract every sensor model fulfils. A model simulates its whole report stream
// over the run from the world view and its own random stream (split by sensor id, so
// adding a sensor never changes another's noise), emitting each report with its
// truth label. The network runner merges the streams in time order.
import type { Rng } from '../physics/random.ts';
import type { SensorReport, TruthLabel } from './report.ts';
import type { WorldView } from './world-view.ts';

export type Emit = (report: SensorReport, label: TruthLabel) => void;

export interface SensorModel {
  /** Sensor id (satellite id, or radar face id). */
  readonly id: string;
  readonly kind: 'ir' | 'radar';
  /** Simulates every report in [0, world.durationS], in time order. */
  simulate(world: WorldView, rng: Rng, emit: Emit): void;
  /**
   * The same simulation one scan (radar) or frame (IR) at a time: after each, yields a
   * time before which every report has been emitted (later scans emit none earlier), so
   * that a run stopped early need not simulate the rest. Same reports, same order.
   */
  scans(world: WorldView, rng: Rng, emit: Emit): Generator<number, void, void>;
}
