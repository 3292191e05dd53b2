// Several warning centres on one truth (issue 9): each centre of the scenario's
// `centres` has its own sensors, its own territory and its own warning centre, and the
// centres talk only through the exchange — the real protocol (src/exchange) on a
// simulated clock, over links with a latency and optional loss and outages.
//
// Who says what: the scenario's notifications are issued by the FIRST centre (the
// notifying party) and sent to every other centre at their issue time; that centre's
// own warning centre holds them from then on. A notification marked `delivered: false`
// is lost on every transmission (the 1995 case, DOMAIN.md §6.4: sent, never received);
// one with a `deliveredAt` later than `issued` is lost until then (delayed). A receiving
// centre files a notification when the exchange releases it to it. Every centre also
// sends its partners a generalised launch report (exchange/generalise.ts) of each of its
// alerts that passes the agreed filter, and a new revision when the coarse picture changes.
//
// The warning centre takes its notifications when it is built, so a centre that
// receives one is rebuilt with it and replayed silently to where it was: the same
// reports at the same cadence give the same centre, and the notification is in force
// only from its delivery time on, exactly as if it had been on file from the start.
import { WarningCentre } from '../centre/assessment/warning-centre.ts';
import { canonicalJson } from '../centre/audit/canonical-json.ts';
import { ExchangeNode } from '../exchange/exchange-node.ts';
import { ExchangeStore } from '../exchange/exchange-store.ts';
import {
  DEFAULT_REPORT_FILTER,
  type LaunchReportContent,
  launchReportOf,
  MIN_REVISION_INTERVAL_S,
  type ReportFilter,
} from '../exchange/generalise.ts';
import { generateKeyPair, publicKeyText } from '../exchange/keys.ts';
import {
  describeBody,
  type LaunchReportBody,
  type MessageBody,
  type WireNotification,
} from '../exchange/messages.ts';
import { receivedNotificationSpec } from '../exchange/received-notification.ts';
import { type LinkConditions, type MessageFault, SimulatedExchange } from '../exchange/simulated-exchange.ts';
import type { ExchangeTiming } from '../exchange/timing.ts';
import { gmstAt } from '../orbits/sidereal.ts';
import { createRng } from '../physics/random.ts';
import { InputError } from '../scenario/input-error.ts';
import { parseScenarioFile } from '../scenario/load.ts';
import { scenarioProblem } from '../scenario/locate.ts';
import { resolveTerritory, type Territory } from '../scenario/places/territory.ts';
import type { CentreSpec, DefendedArea, NotificationSpec, Scenario } from '../scenario/scenario.ts';
import { type NetworkRun, simulateNetwork } from '../sensors/run-network.ts';
import { generateTruth } from '../world/generate.ts';
import { summariseAlerts, summariseTracks, warningOf } from './alert-summary.ts';
import { ASSESS_EVERY_S } from './run-centre.ts';
import {
  type AlertSummary,
  countReports,
  firstRvImpactS,
  type ReportCounts,
  round,
  summariseTruth,
  type TrackSummary,
  type TruthObjectSummary,
  type WarningSummary,
} from './summary.ts';

export interface MultiCentreOptions {
  /** Overrides the scenario's seed (sensor noise and link losses). */
  seed?: number;
  /** The links between every pair of centres (default: 0.5 s, nothing lost). */
  link?: { latencyS?: number; lossProbability?: number; outages?: Array<{ fromS: number; untilS: number }> };
  timing?: Partial<ExchangeTiming>;
  reportFilter?: ReportFilter;
  onProgress?: (stage: string, done: number, total: number) => void;
}

/** Retry waits of the simulated centres: a minute at most (the protocol's own default is five). */
export const SIMULATED_TIMING: Partial<ExchangeTiming> = { retryMaxS: 60 };

export interface SentSummary {
  id: string;
  to: string;
  seq: number;
  /** `notification N-1 (pre-launch)`, `launch report A1 r2`. */
  what: string;
  queuedS: number;
  transmissions: number;
  acknowledgedS: number | null;
}

export interface ReceivedSummary {
  id: string;
  from: string;
  seq: number;
  what: string;
  receivedS: number;
  releasedS: number;
}

export interface PartnerReport extends LaunchReportContent {
  from: string;
  reportId: string;
  revision: number;
  status: LaunchReportBody['status'];
  receivedS: number;
  /** This centre's own alert for the same launch, if it has one. */
  matchesAlertId: string | null;
}

export interface CentreResult {
  id: string;
  defended: string[];
  reports: ReportCounts;
  tracks: TrackSummary[];
  alerts: AlertSummary[];
  warning: WarningSummary;
  /** Notifications on this centre's file at the end, with when each reached it. */
  notifications: Array<{ id: string; kind: string; deliveredS: number | null }>;
  exchange: {
    sent: SentSummary[];
    received: ReceivedSummary[];
    partnerReports: PartnerReport[];
    rejections: Record<string, number>;
    alarms: Array<{ timeS: number; kind: string; peer: string; text: string }>;
  };
}

export interface MultiCentreDocument {
  scenario: string;
  seed: number;
  epoch: string;
  durationS: number;
  truth: { objects: TruthObjectSummary[] };
  exchange: {
    link: { latencyS: number; lossProbability: number; outages: Array<{ fromS: number; untilS: number }> };
    transmissions: number;
    lost: Record<string, number>;
  };
  centres: CentreResult[];
}

interface CentreState {
  spec: CentreSpec;
  index: number;
  territory: Territory;
  sensors: NetworkRun;
  node: ExchangeNode;
  notifications: NotificationSpec[];
  centre: WarningCentre | null;
  steps: number;
  nextReport: number;
  stale: boolean;
  received: ReceivedSummary[];
  partnerReports: PartnerReport[];
  reportsSent: Map<string, { content: string; sentS: number; body: LaunchReportBody }>;
}

export function runMultiCentre(scenario: Scenario, options: MultiCentreOptions = {}): MultiCentreDocument {
  if (scenario.centres.length < 2)
    throw new InputError(
      scenarioProblem(
        scenario.source,
        ['centres'],
        'a multi-centre run needs at least two centres (the first notifies the others)',
      ),
    );
  const seed = options.seed ?? scenario.seed;
  const progress = options.onProgress;
  const epochMs = scenario.epochUnixMs;
  const atMs = (s: number) => epochMs + s * 1000;
  const sinceEpochS = (ms: number) => round((ms - epochMs) / 1000, 3);
  const truth = generateTruth(scenario, { onProgress: (d, t) => progress?.('flights', d, t) });

  const clock = { nowMs: epochMs };
  const stores: ExchangeStore[] = [];
  const keys = scenario.centres.map(() => generateKeyPair());
  const states: CentreState[] = scenario.centres.map((spec, index) => {
    const store = ExchangeStore.open(':memory:');
    stores.push(store);
    let n = 0;
    const node = new ExchangeNode({
      centreId: spec.id,
      privateKey: keys[index]!.privateKey,
      store,
      clock: () => clock.nowMs,
      newId: () => `${spec.id}-${++n}`,
      timing: { ...SIMULATED_TIMING, ...options.timing },
      linesFromMs: epochMs,
    });
    progress?.(`sensors of ${spec.id}`, index, scenario.centres.length);
    return {
      spec,
      index,
      territory: resolveTerritory(spec.defended, (i, message) =>
        scenarioProblem(scenario.source, ['centres', index, 'defended', i], message),
      ),
      sensors: simulateNetwork({ ...scenario, network: spec.network, defended: spec.defended }, truth, seed),
      node,
      notifications: [],
      centre: null,
      steps: 0,
      nextReport: 0,
      stale: true,
      received: [],
      partnerReports: [],
      reportsSent: new Map(),
    };
  });
  for (const a of states)
    for (const [j, b] of states.entries())
      if (a !== b) a.node.addPeer(b.spec.id, publicKeyText(keys[j]!.publicKey));

  const link = {
    latencyS: options.link?.latencyS ?? 0.5,
    lossProbability: options.link?.lossProbability ?? 0,
    outages: options.link?.outages ?? [],
  };
  const linkConditions: LinkConditions = {
    latencyS: link.latencyS,
    lossProbability: link.lossProbability,
    outages: link.outages.map((o) => ({ fromMs: atMs(o.fromS), untilMs: atMs(o.untilS) })),
  };
  const random = createRng(seed, 'exchange-links');
  const exchange = new SimulatedExchange({
    nodes: states.map((s) => s.node),
    clock,
    link: linkConditions,
    faults: faultsOf(scenario, atMs),
    random: () => random.uniform(),
  });

  // The notifying party's notifications: on its own file when issued, and sent to every partner then.
  const [notifier, ...partners] = states as [CentreState, ...CentreState[]];
  const sent = sentForms(scenario);
  for (const [i, n] of scenario.notifications.entries()) {
    notifier.notifications.push({ ...n, delivered: true, deliveredS: n.issuedS });
    exchange.schedule(atMs(n.issuedS), () => {
      for (const p of partners)
        notifier.node.send(p.spec.id, { type: 'notification', notification: sent[i]! });
    });
  }
  clock.nowMs = Math.min(epochMs, ...scenario.notifications.map((n) => atMs(n.issuedS)));

  const gmst = (t: number) => gmstAt(epochMs, t);
  const stepTime = (k: number) => Math.min(k * ASSESS_EVERY_S, scenario.durationS);
  const advance = (s: CentreState, k: number) => {
    const t = stepTime(k);
    const reports = s.sensors.reports;
    const from = s.nextReport;
    while (s.nextReport < reports.length && reports[s.nextReport]!.timeS <= t) s.nextReport++;
    s.centre!.ingest(reports.slice(from, s.nextReport), t);
    s.centre!.assess(t);
    s.steps = k;
  };
  const rebuild = (s: CentreState) => {
    const upTo = s.steps;
    s.centre = new WarningCentre({
      gmst,
      policy: scenario.policy,
      territory: s.territory,
      notifications: s.notifications,
    });
    s.nextReport = 0;
    s.steps = 0;
    for (let k = 1; k <= upTo; k++) advance(s, k);
    s.stale = false;
  };

  const steps = Math.ceil(scenario.durationS / ASSESS_EVERY_S);
  for (let k = 1; k <= steps; k++) {
    const t = stepTime(k);
    exchange.runUntil(atMs(t));
    for (const s of states) takeDeliveries(s, scenario, sinceEpochS);
    for (const s of states) {
      if (s.stale) rebuild(s);
      advance(s, k);
      sendReports(s, states, epochMs, t, options.reportFilter ?? DEFAULT_REPORT_FILTER);
    }
    if (k % 20 === 0 || k === steps) progress?.('centres', k, steps);
  }
  // Acknowledgements of the last reports, and the deadlines, up to the end of the run.
  exchange.runUntil(atMs(scenario.durationS));
  for (const s of states) takeDeliveries(s, scenario, sinceEpochS);

  const firstImpact = firstRvImpactS(truth);
  const lost: Record<string, number> = {};
  for (const x of exchange.log) if (x.lost) lost[x.lost] = (lost[x.lost] ?? 0) + 1;
  const document: MultiCentreDocument = {
    scenario: scenario.name,
    seed,
    epoch: scenario.epochIso,
    durationS: scenario.durationS,
    truth: { objects: summariseTruth(truth) },
    exchange: { link, transmissions: exchange.log.length, lost },
    centres: states.map((s) =>
      centreResult(s, exchange, firstImpact, epochMs, scenario.policy.notificationWindowMarginS),
    ),
  };
  for (const store of stores) store.close();
  return document;
}

/** The scenario's notifications as the file wrote them, without the receiver's fields. */
function sentForms(scenario: Scenario): WireNotification[] {
  const file = parseScenarioFile(scenario.source.text, scenario.source.name);
  return file.notifications.map(({ delivered: _d, deliveredAt: _a, ...sent }) => sent);
}

/** `delivered: false` → every copy lost; a `deliveredAt` after `issued` → copies lost until then. */
function faultsOf(scenario: Scenario, atMs: (s: number) => number): MessageFault[] {
  return scenario.notifications.flatMap((n): MessageFault[] => {
    if (!n.delivered) return [{ notificationId: n.id, untilMs: null }];
    if (n.deliveredS !== null && n.deliveredS > n.issuedS)
      return [{ notificationId: n.id, untilMs: atMs(n.deliveredS) }];
    return [];
  });
}

function takeDeliveries(s: CentreState, scenario: Scenario, sinceEpochS: (ms: number) => number): void {
  const delivered = s.node.take();
  for (const d of delivered) {
    s.received.push({
      id: d.id,
      from: d.from,
      seq: d.seq,
      what: describeBody(d.body),
      receivedS: sinceEpochS(d.receivedAtMs),
      releasedS: sinceEpochS(d.releasedAtMs),
    });
    if (d.body.type === 'notification') {
      s.notifications.push(
        receivedNotificationSpec(d.body.notification, d.releasedAtMs, {
          epochIso: scenario.epochIso,
          durationS: scenario.durationS,
        }),
      );
      s.stale = true;
    } else {
      const { type: _type, reportId, revision, status, ...content } = d.body;
      s.partnerReports.push({
        ...content,
        from: d.from,
        reportId,
        revision,
        status,
        receivedS: sinceEpochS(d.releasedAtMs),
        matchesAlertId: null,
      });
    }
  }
  // Handled (held in the centre's state): the inbox may hand them out no more.
  s.node.confirmTaken(delivered);
}

/**
 * Sends each partner a report of every alert that passes the filter, a new revision
 * when its coarse content has changed (at most every MIN_REVISION_INTERVAL_S), and a
 * withdrawal when the alert is cancelled.
 */
function sendReports(
  s: CentreState,
  states: readonly CentreState[],
  epochMs: number,
  tS: number,
  filter: ReportFilter,
): void {
  for (const alert of s.centre!.allAlerts()) {
    const previous = s.reportsSent.get(alert.id);
    let body: LaunchReportBody | null = null;
    if (previous && alert.cancelled) {
      if (previous.body.status === 'withdrawn') continue;
      body = { ...previous.body, revision: previous.body.revision + 1, status: 'withdrawn' };
    } else {
      const content = launchReportOf(alert, epochMs, filter);
      if (!content) continue;
      const text = canonicalJson(content);
      if (previous && (text === previous.content || tS - previous.sentS < MIN_REVISION_INTERVAL_S)) continue;
      body = {
        type: 'launch-report',
        reportId: alert.id,
        revision: (previous?.body.revision ?? 0) + 1,
        status: 'observed',
        ...content,
      };
    }
    s.reportsSent.set(alert.id, {
      content: canonicalJson(launchReportOf(alert, epochMs, filter)),
      sentS: tS,
      body,
    });
    for (const p of states) if (p !== s) s.node.send(p.spec.id, body);
  }
}

/** A partner's report matches an alert of ours when its launch time and place agree within the coarsening. */
function matchingAlert(
  report: PartnerReport,
  alerts: readonly AlertSummary[],
  epochMs: number,
  marginS: number,
): string | null {
  const reportS = (Date.parse(report.launchTime) - epochMs) / 1000;
  const [latDeg, lonDeg] = report.launchArea.center;
  for (const a of alerts) {
    if (!a.launchArea || a.launchTimeS === null || a.launchTimeS === undefined) continue;
    const rad = Math.PI / 180;
    const dLat = (a.launchArea.latDeg - latDeg) * rad;
    const dLon = Math.atan2(
      Math.sin((a.launchArea.lonDeg - lonDeg) * rad),
      Math.cos((a.launchArea.lonDeg - lonDeg) * rad),
    );
    const km = 6371 * Math.hypot(dLat, dLon * Math.cos(latDeg * rad));
    // The report's time is rounded to the minute (±30 s) and both are estimates: the
    // policy's slack for matching notifications covers them; its area is grown already.
    if (
      Math.abs(a.launchTimeS - reportS) <= marginS + 30 &&
      km <= report.launchArea.radiusKm + a.launchArea.semiMajorKm
    )
      return a.id;
  }
  return null;
}

function centreResult(
  s: CentreState,
  exchange: SimulatedExchange,
  firstImpact: number | null,
  epochMs: number,
  marginS: number,
): CentreResult {
  const centre = s.centre!;
  const alerts = summariseAlerts(centre);
  const sinceEpochS = (ms: number) => round((ms - epochMs) / 1000, 3);
  const transmissions = new Map<string, number>();
  for (const x of exchange.log)
    if (x.from === s.spec.id && x.seq !== null)
      transmissions.set(x.messageId, (transmissions.get(x.messageId) ?? 0) + 1);
  return {
    id: s.spec.id,
    defended: s.spec.defended.map(defendedName),
    reports: countReports(s.sensors),
    tracks: summariseTracks(centre),
    alerts,
    warning: warningOf(centre, firstImpact),
    notifications: s.notifications.map((n) => ({
      id: n.id,
      kind: n.kind,
      deliveredS: n.deliveredS === null ? null : round(n.deliveredS, 3),
    })),
    exchange: {
      sent: s.node.outbox().map((r) => ({
        id: r.id,
        to: r.peer,
        seq: r.seq,
        what: describeBody(JSON.parse(r.body) as MessageBody),
        queuedS: sinceEpochS(r.createdAtMs),
        transmissions: transmissions.get(r.id) ?? 0,
        acknowledgedS: r.ackedAtMs === null ? null : sinceEpochS(r.ackedAtMs),
      })),
      received: s.received,
      partnerReports: s.partnerReports.map((r) => ({
        ...r,
        matchesAlertId: matchingAlert(r, alerts, epochMs, marginS),
      })),
      rejections: s.node.status().rejections,
      alarms: s.node
        .alarms()
        .map((a) => ({ timeS: sinceEpochS(a.atMs), kind: a.kind, peer: a.peer, text: a.text })),
    },
  };
}

function defendedName(a: DefendedArea): string {
  return a.kind === 'country' ? a.name : `polygon (${a.vertices.length} points)`;
}
