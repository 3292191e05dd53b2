// A notification received over the exchange is filed exactly as the same notification
// written in a scenario file with `deliveredAt` the release time: the oracle is the
// scenario loader reading that file.
import { describe, expect, it } from 'vitest';
import { wireNotificationSchema } from '../../src/exchange/messages.ts';
import { receivedNotificationSpec } from '../../src/exchange/received-notification.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import { notification } from './helpers.ts';

const CLOCK = { epochIso: '2026-05-01T12:00:00Z', durationS: 3600 };

function inAFile(notifications: unknown[]) {
  return parseScenario(
    JSON.stringify({
      name: 'x',
      epoch: CLOCK.epochIso,
      duration: 3600,
      defended: [],
      events: [],
      notifications,
    }),
    'x.json',
  ).notifications;
}

describe('a received notification', () => {
  it('is what the loader makes of it in a file, delivered when released', () => {
    const sent = wireNotificationSchema.parse(notification());
    const released = Date.parse('2026-05-01T12:05:00.250Z');
    const spec = receivedNotificationSpec(sent, released, CLOCK);
    expect(spec).toEqual(inAFile([{ ...notification(), deliveredAt: '2026-05-01T12:05:00.250Z' }])[0]);
    expect(spec.deliveredS).toBeCloseTo(300.25, 9);
    expect(spec.window.startS).toBe(-3600);
  });

  it('is never delivered before it was issued, whatever the clocks say', () => {
    const sent = wireNotificationSchema.parse(notification('N-1', { issued: '2026-05-01T12:10:00Z' }));
    expect(receivedNotificationSpec(sent, Date.parse('2026-05-01T12:09:58Z'), CLOCK).deliveredS).toBe(600);
  });

  it('an update whose original never arrived is filed as the update it is', () => {
    const sent = wireNotificationSchema.parse(notification('N-2', { kind: 'update', refersTo: 'N-1' }));
    const spec = receivedNotificationSpec(sent, Date.parse('2026-05-01T12:00:00Z'), CLOCK);
    expect([spec.id, spec.kind, spec.refersTo]).toEqual(['N-2', 'update', 'N-1']);
  });
});
