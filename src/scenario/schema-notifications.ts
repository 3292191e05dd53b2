// Launch notifications a centre holds (DOMAIN.md §7.6, a synthesis of the 1988
// US–USSR agreement, PLNS 2000, RU–CN 2009 and HCoC 2002), written YAML-friendly:
// instants as UTC ISO text, areas as {center, radiusKm} | {polygon} | … objects.
import { z } from 'zod';
import { exactlyOneOf, id, numberIn, point, polygon, utcInstant } from './schema-fields.ts';
import { checkUtcInstant } from './utc-instant.ts';

export const NOTIFICATION_REGIMES = [
  'US-RU-1988',
  'PLNS-2000',
  'RU-CN-2009',
  'HCoC',
  'IN-PK-2005',
  'NOTAM',
] as const;
export const NOTIFICATION_KINDS = ['pre-launch', 'post-launch', 'cancellation', 'update'] as const;
export const NOTIFIED_VEHICLE_CLASSES = [
  'ICBM',
  'SLBM',
  'IRBM',
  'MRBM',
  'SRBM',
  'SLV',
  'SOUNDING',
  'OTHER',
] as const;
export const NOTIFICATION_CHANNELS = [
  'NRRC',
  'JDEC',
  'diplomatic-note',
  'flight-control',
  'ICC-Vienna',
] as const;
export const OCEANS = ['Atlantic', 'Pacific', 'Indian', 'Arctic', 'Southern'] as const;
export const QUADRANTS = ['NE', 'NW', 'SE', 'SW'] as const;
export const GROUP_LAUNCH_KINDS = ['simultaneous<5min', 'nearlySimultaneous<60min'] as const;

/** A notified launch area: a circle, a polygon, an ocean quadrant (SLBMs, 1988) or a named body of water. */
export const launchAreaSchema = z
  .strictObject({
    center: point.optional(),
    radiusKm: numberIn('radiusKm', 0, 20_000, true).optional(),
    polygon: polygon.optional(),
    oceanQuadrant: z.strictObject({ ocean: z.enum(OCEANS), quadrant: z.enum(QUADRANTS) }).optional(),
    namedWater: z.string().min(1).max(200).optional().meta({ description: "e.g. 'Barents Sea'" }),
  })
  .superRefine(circleParts)
  .superRefine(exactlyOneOf(['center', 'polygon', 'oceanQuadrant', 'namedWater'], 'a launch area'))
  .meta({
    description: '{center, radiusKm} | {polygon} | {oceanQuadrant: {ocean, quadrant}} | {namedWater}',
  });

/** A notified impact area: boundary points or a circle (1988 agreement). */
export const impactAreaSchema = z
  .strictObject({
    center: point.optional(),
    radiusKm: numberIn('radiusKm', 0, 20_000, true).optional(),
    polygon: polygon.optional(),
  })
  .superRefine(circleParts)
  .superRefine(exactlyOneOf(['center', 'polygon'], 'an impact area'))
  .meta({ description: '{center, radiusKm} | {polygon}' });

function circleParts(area: { center?: unknown; radiusKm?: unknown }, ctx: z.core.$RefinementCtx): void {
  if ((area.center === undefined) !== (area.radiusKm === undefined))
    ctx.addIssue({
      code: 'custom',
      path: [area.center === undefined ? 'center' : 'radiusKm'],
      message: `a circular area needs both center [latDeg, lonDeg] and radiusKm`,
    });
}

export const notificationSchema = z
  .strictObject({
    id,
    regime: z.enum(NOTIFICATION_REGIMES),
    kind: z.enum(NOTIFICATION_KINDS),
    refersTo: id
      .optional()
      .meta({ description: 'For cancellation and update: the id of the notification it changes.' }),
    issued: utcInstant,
    vehicleClass: z.enum(NOTIFIED_VEHICLE_CLASSES).meta({ description: 'HCoC "generic class".' }),
    window: z.strictObject({ start: utcInstant, end: utcInstant }).meta({
      description: 'Planned launch window {start, end} (1988: the planned date; IN-PK: five days).',
    }),
    launchArea: launchAreaSchema,
    plannedDirectionDeg: numberIn('plannedDirectionDeg', 0, 360).optional(),
    impactAreas: z.array(impactAreaSchema).min(1).max(100).optional(),
    numberOfLaunches: z.int().min(1).max(1000).optional(),
    groupLaunch: z.enum(GROUP_LAUNCH_KINDS).optional(),
    payloadOrbit: z
      .strictObject({
        inclinationDeg: numberIn('inclinationDeg', 0, 180).optional(),
        apogeeKm: numberIn('apogeeKm', 0, 500_000).optional(),
        perigeeKm: numberIn('perigeeKm', 0, 500_000).optional(),
      })
      .optional(),
    channel: z.enum(NOTIFICATION_CHANNELS),
    delivered: z.boolean().default(true).meta({
      description: 'false: sent but never reached the duty crew (the 1995 failure, DOMAIN.md §6.4).',
    }),
    deliveredAt: utcInstant
      .optional()
      .meta({ description: 'When it reached the centre (default: when issued).' }),
  })
  .superRefine((n, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    if (instantMs(n.window.end) < instantMs(n.window.start))
      issue(['window', 'end'], `the window ends before it starts`);
    const needsRef = n.kind === 'cancellation' || n.kind === 'update';
    if (needsRef && n.refersTo === undefined)
      issue(['refersTo'], `a ${n.kind} needs 'refersTo', the id of the notification it changes`);
    if (!needsRef && n.refersTo !== undefined)
      issue(['refersTo'], `'refersTo' only applies to cancellation and update`);
    if (!n.delivered && n.deliveredAt !== undefined)
      issue(['deliveredAt'], `'deliveredAt' contradicts delivered: false`);
    if (n.deliveredAt !== undefined && instantMs(n.deliveredAt) < instantMs(n.issued))
      issue(['deliveredAt'], `delivered before it was issued`);
  });

/** Milliseconds of an instant the schema has already checked (NaN otherwise, which compares false). */
function instantMs(text: string): number {
  const result = checkUtcInstant(text);
  return 'unixMs' in result ? result.unixMs : Number.NaN;
}
