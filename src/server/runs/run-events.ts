// What happens to runs, as the service tells the WebSocket stream (and anything else
// listening): status and clock changes, the picture's changes each step, whole
// pictures after a seek or during replay, and what operators and notifications add.
// The stream's message schemas are src/server/schemas/stream.ts.
import type { FeedCounts } from '../../analysis/live/feed-queue.ts';
import type { LiveTrack } from '../../analysis/live/live-track.ts';
import type { SensorStatus } from '../../analysis/live/sensor-status.ts';
import type { NotificationRecord, OperatorAction, RunRecord } from '../../store/records.ts';
import type { RunMode } from '../schemas/run.ts';
import type { AlertView } from './operator-ledger.ts';
import type { PublicationState } from './step-publisher.ts';

export interface Clock {
  timeS: number;
  playing: boolean;
  mode: RunMode;
  pace: number;
}

export interface RunView extends RunRecord {
  epoch: string;
  durationS: number;
  stepS: number;
  clock: Clock;
  /** Its stored steps on their way to the bus. */
  publication: PublicationState;
  /** A run with an external feed: what became of its reports. */
  feed?: FeedCounts;
}

export interface Picture {
  runId: string;
  timeS: number;
  stepS: number | null;
  tracks: LiveTrack[];
  alerts: AlertView[];
  sensors: SensorStatus[];
}

export type SnapshotReason = 'subscribe' | 'seek' | 'replay' | 'resync';

export type RunEvent =
  | { type: 'run'; runId: string; run: RunView }
  | { type: 'time'; runId: string; timeS: number; progressS: number | null; playing: boolean }
  | {
      type: 'step';
      runId: string;
      timeS: number;
      tracks: LiveTrack[];
      droppedTrackIds: string[];
      alerts: AlertView[];
      sensors: SensorStatus[];
      reports: { total: number; bySensor: Record<string, number> };
    }
  | { type: 'snapshot'; runId: string; reason: SnapshotReason; picture: Picture }
  | { type: 'action'; runId: string; action: OperatorAction; alert: AlertView | null }
  | { type: 'notification'; runId: string; notification: NotificationRecord };

export type RunEventListener = (event: RunEvent) => void;
