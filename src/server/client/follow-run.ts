// `vigil run <scenario> --live`: streams a run to a running service — uploads the
// scenario (a new version of the stored one of the same name, or a new one), starts a
// run of it, and follows it on the WebSocket stream, telling each alert level change
// and the run's end as they happen. Interrupting the command detaches: the run goes
// on in the service.
import { basename } from 'node:path';
import WebSocket from 'ws';
import { InputError } from '../../scenario/input-error.ts';
import type { AlertView } from '../runs/operator-ledger.ts';
import type { RunEvent, RunView } from '../runs/run-events.ts';
import { ApiClient, ApiClientError } from './api-client.ts';

export interface FollowOptions {
  server: string;
  token: string;
  /** Path of the scenario file, and its text. */
  file: string;
  text: string;
  seed?: number;
  /** × real time, or null for batch (as fast as possible). */
  pace: number | null;
  /** One line of the running account. */
  say: (line: string) => void;
  /** Called once the run is started, with a way to stop following. */
  onStarted?: (run: RunView, detach: () => void) => void;
}

export interface FollowResult {
  run: RunView;
  alerts: AlertView[];
  detached: boolean;
}

function clock(tS: number): string {
  const s = Math.max(0, Math.round(tS));
  return `T+${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Scenario names in the store: the file's base name, cleaned to the store's characters. */
export function scenarioNameOf(file: string): string {
  const stem = basename(file).replace(/\.(ya?ml|json)$/i, '');
  const cleaned = stem.replace(/[^A-Za-z0-9_.:-]/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return (cleaned || 'scenario').slice(0, 100);
}

async function upload(api: ApiClient, name: string, text: string): Promise<{ version: number }> {
  try {
    return await api.request('PUT', `/api/scenarios/${encodeURIComponent(name)}`, { text });
  } catch (err) {
    if (err instanceof ApiClientError && err.status === 404)
      return api.request('POST', '/api/scenarios', { name, text });
    throw err;
  }
}

/**
 * The service's refusals as bad input: a token it does not take (401, 403), and a
 * scenario it finds invalid (400) with the same located problems the CLI prints.
 */
function asInputError(err: unknown, file: string): unknown {
  if (!(err instanceof ApiClientError)) return err;
  if (err.status === 401 || err.status === 403)
    return new InputError({
      source: '--token',
      path: [],
      message: err.body?.message ?? `refused (${err.status})`,
    });
  if (err.status !== 400 || !err.body?.problems) return err;
  return new InputError(
    err.body.problems.map((p) => ({
      source: p.source === undefined || p.source === 'request body' ? file : p.source,
      ...(p.line === undefined ? {} : { line: p.line }),
      ...(p.column === undefined ? {} : { column: p.column }),
      path: p.pathSegments,
      message: p.message,
    })),
  );
}

export async function followLiveRun(options: FollowOptions): Promise<FollowResult> {
  const api = new ApiClient(options.server, options.token);
  const name = scenarioNameOf(options.file);
  let started: RunView;
  try {
    const stored = await upload(api, name, options.text);
    started = await api.request<RunView>('POST', '/api/runs', {
      scenario: name,
      version: stored.version,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.pace === null ? { mode: 'batch' } : { mode: 'paced', pace: options.pace }),
    });
  } catch (err) {
    throw asInputError(err, options.file);
  }
  options.say(
    `run ${started.id} of ${name} v${started.scenarioVersion} (seed ${started.seed}) on ${api.baseUrl}, ${options.pace === null ? 'batch' : `× ${options.pace}`}`,
  );

  const levels = new Map<string, string>();
  let last: RunView = started;
  const socket = new WebSocket(api.streamUrl());
  let detached = false;
  const detach = () => {
    detached = true;
    socket.close();
  };
  options.onStarted?.(started, detach);

  const tell = (a: AlertView, tS: number) => {
    const before = levels.get(a.id);
    const now = a.cancelled ? 'withdrawn' : a.level;
    if (before === now) return;
    levels.set(a.id, now);
    const where = a.impactRegion ? ` → ${a.impactRegion}` : '';
    const from = a.launchRegion ? ` from ${a.launchRegion}` : '';
    const tti = a.timeToImpactS === null ? '' : `, ${Math.round(a.timeToImpactS / 60)} min to impact`;
    options.say(`${clock(tS)}  ${a.id} ${now}${from}${where}${tti}`);
  };

  await new Promise<void>((resolve, reject) => {
    socket.on('open', () => socket.send(JSON.stringify({ type: 'subscribe', runId: started.id })));
    socket.on('message', (data) => {
      const m = JSON.parse(String(data)) as RunEvent | { type: 'error'; message: string };
      if (m.type === 'error') {
        reject(new Error(`the service: ${m.message}`));
        return;
      }
      if (m.type === 'step') for (const a of m.alerts) tell(a, m.timeS);
      if (m.type === 'snapshot') for (const a of m.picture.alerts) tell(a, m.picture.timeS);
      if (m.type === 'run') {
        last = m.run;
        if (m.run.status === 'finished' || m.run.status === 'failed') {
          options.say(
            `${clock(m.run.progressS ?? 0)}  run ${m.run.status}${m.run.statusReason ? `: ${m.run.statusReason}` : ''}`,
          );
          socket.close();
        }
      }
    });
    socket.on('error', (err) => reject(new Error(`stream of ${api.baseUrl}: ${err.message}`)));
    socket.on('close', () => resolve());
  });

  const alerts = await api.request<{ alerts: AlertView[] }>(
    'GET',
    `/api/runs/${encodeURIComponent(started.id)}/alerts?timeS=${last.progressS ?? 0}`,
  );
  return { run: last, alerts: alerts.alerts, detached };
}
