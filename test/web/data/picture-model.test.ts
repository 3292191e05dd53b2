import { describe, expect, it } from 'vitest';
import { HISTORY_POINTS, PictureModel, REPORT_BIN_S } from '../../../web/src/data/picture-model.ts';
import type { Track } from '../../../web/src/data/types.ts';
import { salvoAlert } from '../fixtures.ts';

const RUN = { id: 'r1', title: 'salvo', epoch: '2026-05-01T12:00:00Z', durationS: 2700, stepS: 10 };

function track(id: string, timeS: number, latDeg = 50): Track {
  return {
    id,
    kind: '3d',
    status: 'confirmed',
    firstTimeS: 100,
    lastTimeS: timeS,
    timeS,
    sensors: ['thule:1'],
    classification: 'ballistic-missile',
    position: { latDeg, lonDeg: 10, altKm: 300 },
    velocityEcefMps: [0, 0, 0],
    positionSigmaKm: 1.5,
    boostProbability: 0,
    sensorId: null,
    groundPoint: null,
    bearing: null,
  };
}

const step = (
  timeS: number,
  tracks: Track[],
  dropped: string[] = [],
  bySensor: Record<string, number> = {},
) => ({
  timeS,
  tracks,
  droppedTrackIds: dropped,
  alerts: [],
  sensors: [],
  reports: { total: Object.values(bySensor).reduce((a, b) => a + b, 0), bySensor },
});

describe('the picture a console holds', () => {
  it('takes a whole picture, then steps that change, add and drop tracks', () => {
    const m = new PictureModel(RUN);
    const events: string[] = [];
    m.on('tracks', (c) => events.push(c.replaced ? 'replaced' : `changed ${c.changed} dropped ${c.dropped}`));
    m.replace({
      runId: 'r1',
      timeS: 100,
      stepS: 100,
      tracks: [track('T1', 100)],
      alerts: [salvoAlert()],
      sensors: [],
    });
    m.applyStep(step(110, [track('T1', 110), track('T2', 110)]));
    m.applyStep(step(120, [], ['T1']));
    expect([...m.tracks.keys()]).toEqual(['T2']);
    expect(m.alerts.get('A1')?.level).toBe('attack-warning');
    expect(m.clock.timeS).toBe(120);
    expect(events).toEqual(['replaced', 'changed T1,T2 dropped ', 'changed  dropped T1']);
  });

  it('keeps a trail of at most HISTORY_POINTS positions per track, one per state time', () => {
    const m = new PictureModel(RUN);
    for (let k = 0; k < HISTORY_POINTS + 5; k++) m.applyStep(step(10 * k, [track('T1', 10 * k, k)]));
    m.applyStep(step(10 * (HISTORY_POINTS + 5), [track('T1', 10 * (HISTORY_POINTS + 4), 99)]));
    const h = m.history.get('T1')!;
    expect(h.length).toBe(4 * HISTORY_POINTS);
    // Oldest kept: step 5 (latitude 5); newest: step HISTORY_POINTS + 4.
    expect(h[1]).toBe(5);
    expect(h[h.length - 3]).toBe(HISTORY_POINTS + 4);
  });

  it('takes the trails a source gives with a picture, or with its tracks alone, leaving the alerts', () => {
    const m = new PictureModel(RUN);
    const events: string[] = [];
    m.on('alerts', () => events.push('alerts'));
    m.on('tracks', (c) => events.push(c.replaced ? 'tracks replaced' : 'tracks changed'));
    m.replace(
      {
        runId: 'r1',
        timeS: 100,
        stepS: 100,
        tracks: [track('T1', 100)],
        alerts: [salvoAlert()],
        sensors: [],
      },
      new Map([['T1', [90, 49, 10, 290, 100, 50, 10, 300]]]),
    );
    expect(m.history.get('T1')).toEqual([90, 49, 10, 290, 100, 50, 10, 300]);
    m.replaceTracks(105, [track('T2', 105)], new Map([['T2', [105, 51, 10, 300]]]));
    expect([...m.tracks.keys()]).toEqual(['T2']);
    expect([...m.history.keys()]).toEqual(['T2']);
    expect(m.alerts.get('A1')?.level).toBe('attack-warning');
    expect(m.clock.timeS).toBe(105);
    expect(events).toEqual(['tracks replaced', 'alerts', 'tracks replaced']);
  });

  it('forgets trails when a picture goes back in time', () => {
    const m = new PictureModel(RUN);
    m.applyStep(step(100, [track('T1', 100)]));
    m.applyStep(step(110, [track('T1', 110)]));
    m.replace({ runId: 'r1', timeS: 50, stepS: 50, tracks: [track('T1', 50)], alerts: [], sensors: [] });
    expect(m.history.get('T1')).toEqual([50, 50, 10, 300]);
  });

  it('counts tracks per picture, dropping counts from a future it went back from', () => {
    const m = new PictureModel(RUN);
    m.applyStep(step(10, [track('T1', 10)]));
    m.applyStep(step(20, [track('T2', 20)]));
    m.replace({ runId: 'r1', timeS: 10, stepS: 10, tracks: [track('T1', 10)], alerts: [], sensors: [] });
    expect(m.trackCounts).toEqual([[10, 1]]);
  });

  it('bins each step’s reports per sensor by the step’s end', () => {
    const m = new PictureModel(RUN);
    m.applyStep(step(10, [], [], { 'thule:1': 3 }));
    m.applyStep(step(REPORT_BIN_S, [], [], { 'thule:1': 2, 'geo-e10': 1 }));
    m.applyStep(step(REPORT_BIN_S + 10, [], [], { 'thule:1': 4 }));
    expect(m.reportBins.get('thule:1')).toEqual([5, 4]);
    expect(m.reportBins.get('geo-e10')).toEqual([1]);
  });

  it('keeps a given track-count series whatever pictures come', () => {
    const m = new PictureModel(RUN);
    m.setTrackCounts([
      [0, 0],
      [10, 2],
    ]);
    m.applyStep(step(10, [track('T1', 10)]));
    expect(m.trackCounts).toEqual([
      [0, 0],
      [10, 2],
    ]);
  });
});
