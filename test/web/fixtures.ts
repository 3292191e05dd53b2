// Alerts for the console's tests, shaped as the service sends them (AlertView), with
// the values of the salvo's first alert (`vigil run salvo`, seed 11).
import type { AlertView } from '../../web/src/data/types.ts';

export function salvoAlert(patch: Partial<AlertView> = {}): AlertView {
  return {
    id: 'A1',
    timeS: 115,
    level: 'attack-warning',
    levelHistory: [
      { level: 'event', timeS: 115 },
      { level: 'launch-detected', timeS: 115 },
      { level: 'launch-confirmed', timeS: 275 },
      { level: 'attack-warning', timeS: 275 },
    ],
    trackIds: ['T1', 'T24'],
    raidId: 'R1',
    launchArea: { latDeg: 54.9046, lonDeg: 90.0174, semiMajorKm: 14.2, semiMinorKm: 14.2, orientationDeg: 0 },
    launchRegion: 'Russian Federation',
    launchTimeS: 35.6,
    impactArea: {
      latDeg: 47.5836,
      lonDeg: -111.2109,
      semiMajorKm: 10.1,
      semiMinorKm: 7.9,
      orientationDeg: 172.3,
    },
    impactRegion: 'United States of America',
    impactTimeS: 2081.2,
    timeToImpactS: 1806.2,
    classification: 'ballistic-missile',
    classEstimate: 'icbm-liquid',
    confidence: 1,
    evidence: [
      '[T+1:55] Event: track T1 — something seen, not yet a launch',
      '[T+1:55] Launch detected: 6 IR reports from geo-e10, geo-e150, geo-e80, heo-1',
      '[T+4:35] Launch confirmed: IR and radar (yeniseysk:1) agree',
      '[T+4:35] ATTACK WARNING: ballistic missile predicted to impact United States of America',
    ],
    notificationId: null,
    notificationStatus: 'none',
    cancelled: false,
    operator: { acknowledged: false, acknowledgedBy: null, acknowledgedAt: null, comments: 0 },
    ...patch,
  };
}
