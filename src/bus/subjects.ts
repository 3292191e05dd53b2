// The bus's subjects and the streams that keep them (issue 6, DESIGN.md §6). Every
// subject starts with a root token, `vigil` unless the deployment (or a test run)
// picks its own, so several can share one NATS server.
//
//   vigil.reports.<sensorId>  sensor reports, one subject per sensor (a sensor id with
//                             '.' spans several tokens); JSON as in report-schema.ts;
//                             external feeds publish here too
//   vigil.tracks              track updates from the centre
//   vigil.alerts              alert changes from the centre
//   vigil.notifications       launch notifications received or sent
//   vigil.exchange.<centreId> signed messages to a warning centre from its partners
//                             (src/exchange/subjects.ts names them)
//   vigil.work.montecarlo     Monte Carlo work items (a work queue: each taken once)
//   vigil.deadletter          messages a consumer rejected, with the reason (dead-letter.ts)
//
// Stream names are the root in capitals with the stream's own name: VIGIL_REPORTS…
import { InputError } from '../scenario/input-error.ts';

export const DEFAULT_ROOT = 'vigil';

/** How long a repeated message id is recognised and dropped, ms (JetStream's default). */
export const DUPLICATE_WINDOW_MS = 120_000;

export interface StreamSpec {
  name: string;
  subjects: string[];
  /** `limits`: kept until too old or too many; `workqueue`: removed once acknowledged. */
  retention: 'limits' | 'workqueue';
  maxAgeMs: number;
  maxMessages: number;
  duplicateWindowMs: number;
}

export interface Subjects {
  root: string;
  report(sensorId: string): string;
  /** Filter matching every sensor's reports. */
  allReports: string;
  tracks: string;
  alerts: string;
  notifications: string;
  monteCarloWork: string;
  deadLetter: string;
}

const ROOT = /^[a-z][a-z0-9_-]{0,31}$/;
/** Letters, digits, '_', ':', '-' in '.'-separated tokens (no wildcards, no empty token). */
const SENSOR_SUBJECT = /^[A-Za-z0-9_:-]+(\.[A-Za-z0-9_:-]+)*$/;

const HOUR_MS = 3_600_000;

export function subjectsFor(root = DEFAULT_ROOT): Subjects {
  if (!ROOT.test(root))
    throw new InputError({
      source: 'bus',
      path: ['root'],
      message: `a subject root is 1-32 lower-case letters, digits, '_' or '-', starting with a letter; got '${root}'`,
    });
  return {
    root,
    report: (sensorId) => {
      if (!SENSOR_SUBJECT.test(sensorId))
        throw new InputError({
          source: 'bus',
          path: ['sensorId'],
          message: `sensor id '${sensorId}' cannot be a subject: letters, digits, '_', ':', '-' and inner '.' only`,
        });
      return `${root}.reports.${sensorId}`;
    },
    allReports: `${root}.reports.>`,
    tracks: `${root}.tracks`,
    alerts: `${root}.alerts`,
    notifications: `${root}.notifications`,
    monteCarloWork: `${root}.work.montecarlo`,
    deadLetter: `${root}.deadletter`,
  };
}

export function streamLayout(root = DEFAULT_ROOT): StreamSpec[] {
  const s = subjectsFor(root);
  const prefix = root.toUpperCase().replace(/-/g, '_');
  const stream = (
    name: string,
    subjects: string[],
    maxAgeMs: number,
    maxMessages: number,
    retention: StreamSpec['retention'] = 'limits',
  ): StreamSpec => ({
    name: `${prefix}_${name}`,
    subjects,
    retention,
    maxAgeMs,
    maxMessages,
    duplicateWindowMs: DUPLICATE_WINDOW_MS,
  });
  return [
    // Five million reports (about 2 GB; over 8 minutes at the 10,000/s ingest target) or a day.
    stream('REPORTS', [s.allReports], 24 * HOUR_MS, 5_000_000),
    stream('TRACKS', [s.tracks], 24 * HOUR_MS, 1_000_000),
    stream('ALERTS', [s.alerts], 30 * 24 * HOUR_MS, 1_000_000),
    stream('NOTIFICATIONS', [s.notifications], 30 * 24 * HOUR_MS, 1_000_000),
    stream('EXCHANGE', [`${root}.exchange.>`], 30 * 24 * HOUR_MS, 1_000_000),
    stream('WORK', [`${root}.work.>`], 24 * HOUR_MS, 1_000_000, 'workqueue'),
    stream('DEADLETTER', [s.deadLetter], 30 * 24 * HOUR_MS, 1_000_000),
  ];
}

/** NATS subject matching: `*` is one token, a final `>` one or more. */
export function subjectMatches(filter: string, subject: string): boolean {
  const f = filter.split('.');
  const s = subject.split('.');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '>') return s.length > i;
    if (i >= s.length || (f[i] !== '*' && f[i] !== s[i])) return false;
  }
  return f.length === s.length;
}

/** The stream whose subjects cover every subject `filter` can match, or undefined. */
export function streamFor(layout: readonly StreamSpec[], filter: string): StreamSpec | undefined {
  return layout.find((spec) => spec.subjects.some((covering) => covers(covering, filter)));
}

/** Whether every subject matching `inner` also matches `outer`. */
function covers(outer: string, inner: string): boolean {
  const o = outer.split('.');
  const n = inner.split('.');
  for (let i = 0; i < o.length; i++) {
    if (o[i] === '>') return n.length > i;
    if (i >= n.length || n[i] === '>') return false;
    if (o[i] !== '*' && (n[i] === '*' || o[i] !== n[i])) return false;
  }
  return o.length === n.length;
}
