// The form editor's view of a scenario file (the YAML stays the source of truth):
// its launch events and notifications read out as rows of fields, and each edit
// written back into the document — comments and the rest of the file kept — with
// the checks a form can make before the service checks the whole file.
import { isMap, isSeq, parseDocument } from 'yaml';
import type { LaunchClass } from '../../../src/scenario/schema-events.ts';
import type { NOTIFIED_VEHICLE_CLASSES } from '../../../src/scenario/schema-notifications.ts';

export const LAUNCH_CLASSES = [
  'icbm-liquid',
  'icbm-solid',
  'slbm',
  'irbm',
  'mrbm',
  'srbm',
  'slv',
  'sounding-rocket',
] as const satisfies readonly LaunchClass[];
/** Fails to compile when the scenario format gains a class this list lacks. */
export const LAUNCH_CLASSES_COMPLETE: Exclude<LaunchClass, (typeof LAUNCH_CLASSES)[number]> extends never
  ? true
  : false = true;

export type NotifiedClass = (typeof NOTIFIED_VEHICLE_CLASSES)[number];
export const NOTIFIED_CLASSES = [
  'ICBM',
  'SLBM',
  'IRBM',
  'MRBM',
  'SRBM',
  'SLV',
  'SOUNDING',
  'OTHER',
] as const satisfies readonly NotifiedClass[];

export interface LaunchRow {
  /** Index in `events`. */
  index: number;
  id: string;
  class: string;
  from: [number, number];
  /** Aim point; null for a space launch given an azimuth. */
  to: [number, number] | null;
  azimuth: number | null;
  /** As written: `60s`, `2m` or seconds. */
  at: string;
}

export interface NotificationRow {
  index: number;
  id: string;
  vehicleClass: string;
  issued: string;
  windowStart: string;
  windowEnd: string;
  launchCenter: [number, number] | null;
  launchRadiusKm: number | null;
}

function doc(text: string) {
  const d = parseDocument(text.replace(/^\uFEFF/, ''), { version: '1.2' });
  if (!isMap(d.contents)) throw new Error('a scenario is a mapping of keys (name, epoch, events, …)');
  return d;
}

function pair(v: unknown): [number, number] | null {
  if (!Array.isArray(v) || v.length !== 2) return null;
  const [a, b] = v as unknown[];
  return typeof a === 'number' && typeof b === 'number' ? [a, b] : null;
}

export function readLaunches(text: string): LaunchRow[] {
  const events = doc(text).toJS().events;
  if (!Array.isArray(events)) return [];
  return events.flatMap((e: Record<string, unknown>, index: number): LaunchRow[] =>
    e && e['type'] === 'launch'
      ? [
          {
            index,
            id: String(e['id'] ?? ''),
            class: String(e['class'] ?? ''),
            from: pair(e['from']) ?? [0, 0],
            to: pair(e['to']),
            azimuth: typeof e['azimuth'] === 'number' ? e['azimuth'] : null,
            at: String(e['at'] ?? '0s'),
          },
        ]
      : [],
  );
}

export function readNotifications(text: string): NotificationRow[] {
  const list = doc(text).toJS().notifications;
  if (!Array.isArray(list)) return [];
  return list.map((n: Record<string, unknown>, index: number) => {
    const window = (n['window'] ?? {}) as Record<string, unknown>;
    const area = (n['launchArea'] ?? {}) as Record<string, unknown>;
    const iso = (v: unknown) => (v instanceof Date ? v.toISOString().replace('.000Z', 'Z') : String(v ?? ''));
    return {
      index,
      id: String(n['id'] ?? ''),
      vehicleClass: String(n['vehicleClass'] ?? ''),
      issued: iso(n['issued']),
      windowStart: iso(window['start']),
      windowEnd: iso(window['end']),
      launchCenter: pair(area['center']),
      launchRadiusKm: typeof area['radiusKm'] === 'number' ? area['radiusKm'] : null,
    };
  });
}

/** Field problems a form can see: [field, message]. */
export function checkLaunch(row: LaunchRow): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (!/^[A-Za-z0-9][A-Za-z0-9_.#:-]*$/.test(row.id))
    out.push(['id', 'an id of letters, digits and - _ . : #']);
  if (!(LAUNCH_CLASSES as readonly string[]).includes(row.class))
    out.push(['class', `one of ${LAUNCH_CLASSES.join(', ')}`]);
  const point = (name: string, p: [number, number] | null) => {
    if (!p) return;
    if (!(Math.abs(p[0]) <= 90)) out.push([`${name}[0]`, 'latitude from -90 to 90']);
    if (!(Math.abs(p[1]) <= 180)) out.push([`${name}[1]`, 'longitude from -180 to 180']);
  };
  point('from', row.from);
  point('to', row.to);
  if (row.class !== 'slv' && row.class !== 'sounding-rocket' && !row.to)
    out.push(['to', 'a ballistic launch needs an aim point']);
  if (!/^\d+(\.\d+)?\s*(s|m|h|min)?$/.test(row.at.trim()))
    out.push(['at', "a time after the epoch: '60s', '2m' or seconds"]);
  return out;
}

function atValue(at: string): string | number {
  const t = at.trim();
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

function flowPair(d: ReturnType<typeof doc>, p: [number, number]) {
  const node = d.createNode(p);
  node.flow = true;
  return node;
}

/** The text with launch `row` written at its index (or appended when index < 0). */
export function writeLaunch(text: string, row: LaunchRow): string {
  const d = doc(text);
  if (!isSeq(d.get('events'))) d.set('events', d.createNode([]));
  const events = d.get('events') as import('yaml').YAMLSeq;
  const index = row.index < 0 ? events.items.length : row.index;
  if (row.index < 0) events.add(d.createNode({ type: 'launch' }));
  const path = ['events', index];
  d.setIn([...path, 'id'], row.id);
  d.setIn([...path, 'class'], row.class);
  d.setIn([...path, 'from'], flowPair(d, row.from));
  if (row.to) d.setIn([...path, 'to'], flowPair(d, row.to));
  else d.deleteIn([...path, 'to']);
  if (row.azimuth !== null) d.setIn([...path, 'azimuth'], row.azimuth);
  else d.deleteIn([...path, 'azimuth']);
  d.setIn([...path, 'at'], atValue(row.at));
  return d.toString();
}

/** The text with notification `row` written at its index (or appended when index < 0), as a pre-launch notice. */
export function writeNotification(text: string, row: NotificationRow): string {
  const d = doc(text);
  if (!isSeq(d.get('notifications'))) d.set('notifications', d.createNode([]));
  const list = d.get('notifications') as import('yaml').YAMLSeq;
  const index = row.index < 0 ? list.items.length : row.index;
  if (row.index < 0) list.add(d.createNode({ id: row.id, regime: 'HCoC', kind: 'pre-launch' }));
  const path = ['notifications', index];
  d.setIn([...path, 'id'], row.id);
  d.setIn([...path, 'vehicleClass'], row.vehicleClass);
  d.setIn([...path, 'issued'], row.issued);
  const window = d.createNode({ start: row.windowStart, end: row.windowEnd });
  window.flow = true;
  d.setIn([...path, 'window'], window);
  if (row.launchCenter && row.launchRadiusKm !== null) {
    const area = d.createNode({ center: row.launchCenter, radiusKm: row.launchRadiusKm });
    area.flow = true;
    d.setIn([...path, 'launchArea'], area);
  }
  return d.toString();
}

/** The text without the item at `index` of `key` (`events` or `notifications`). */
export function removeItem(text: string, key: 'events' | 'notifications', index: number): string {
  const d = doc(text);
  d.deleteIn([key, index]);
  return d.toString();
}
