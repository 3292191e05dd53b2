// The sensor network a scenario is watched by: a preset name, or a preset plus
// satellites and radars written out, with sensors disabled or degraded (issue 3).
// Figures for defaults: DOMAIN.md §3 (IR satellites, orbits) and §4–5 (radars).
import { z } from 'zod';
import { tleProblem } from '../orbits/sgp4.ts';
import { describeValue } from './describe-value.ts';
import { formatPath } from './input-error.ts';
import { circle, exactlyOneOf, id, latDeg, lonDeg, numberIn, utcInstant } from './schema-fields.ts';

/** The preset used when a scenario has no `network`, or a network object names none. */
export const DEFAULT_NETWORK_PRESET = 'default';

export const presetName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, {
    error: (iss) =>
      `a network preset name is lower-case letters, digits and '-', got ${describeValue(iss.input)}`,
  })
  .meta({ description: "Preset network name; 'default' when absent, 'none' for an empty base." });

/** Critical inclination, where J2 does not turn the line of apsides (DOMAIN.md §3.4). */
const CRITICAL_INCLINATION_DEG = 63.435;

const incDeg = numberIn('incDeg', 0, 180);
const angleDeg = (what: string) => numberIn(what, -360, 360);
const altitudeKm = (what: string) => numberIn(what, 100, 500_000);

export const orbitSchema = z
  .strictObject({
    geo: z.strictObject({ lonDeg }).optional().meta({ description: 'Geostationary slot at a longitude.' }),
    molniya: z
      .strictObject({
        apogeeLonDeg: lonDeg,
        perigeeKm: altitudeKm('perigeeKm').default(600),
        apogeeKm: altitudeKm('apogeeKm').default(39_700),
        incDeg: incDeg.default(CRITICAL_INCLINATION_DEG),
        argpDeg: angleDeg('argpDeg').default(270),
        meanAnomalyDeg: angleDeg('meanAnomalyDeg').default(180),
      })
      .optional()
      .meta({
        description:
          '12-hour Molniya orbit (defaults: Oko US-K 600 x 39,700 km, DOMAIN.md §3.3; critical inclination; apogee north). ' +
          'meanAnomalyDeg is the phase at the scenario epoch; the apogee pass nearest the epoch is over apogeeLonDeg.',
      }),
    tundra: z
      .strictObject({
        apogeeLonDeg: lonDeg,
        e: numberIn('e', 0, 0.9).default(0.25),
        incDeg: incDeg.default(CRITICAL_INCLINATION_DEG),
        argpDeg: angleDeg('argpDeg').default(270),
        meanAnomalyDeg: angleDeg('meanAnomalyDeg').default(180),
      })
      .optional()
      .meta({
        description:
          '24-hour Tundra orbit, a = 42,164 km (DOMAIN.md §3.4, e = 0.25 by default). ' +
          'meanAnomalyDeg is the phase at the scenario epoch; the apogee pass nearest the epoch is over apogeeLonDeg.',
      }),
    keplerian: z
      .strictObject({
        aKm: numberIn('aKm', 6378.137, 1_000_000).optional(),
        perigeeKm: altitudeKm('perigeeKm').optional(),
        apogeeKm: altitudeKm('apogeeKm').optional(),
        e: numberIn('e', 0, 0.99).optional(),
        incDeg,
        raanDeg: angleDeg('raanDeg'),
        argpDeg: angleDeg('argpDeg'),
        meanAnomalyDeg: angleDeg('meanAnomalyDeg'),
        epoch: utcInstant
          .optional()
          .meta({ description: 'Epoch of the elements (default: the scenario epoch).' }),
      })
      .superRefine((k, ctx) => {
        const byAxis = k.aKm !== undefined;
        const byApsides = k.perigeeKm !== undefined || k.apogeeKm !== undefined;
        const issue = (path: string, message: string) =>
          ctx.addIssue({ code: 'custom', path: [path], message });
        if (byAxis === byApsides)
          issue(
            byAxis ? 'perigeeKm' : 'aKm',
            byAxis
              ? `give either aKm (with e) or perigeeKm and apogeeKm, not both`
              : `keplerian elements need aKm (with e) or perigeeKm and apogeeKm`,
          );
        else if (byApsides) {
          if (k.perigeeKm === undefined || k.apogeeKm === undefined)
            issue(k.perigeeKm === undefined ? 'perigeeKm' : 'apogeeKm', `give both perigeeKm and apogeeKm`);
          else if (k.perigeeKm > k.apogeeKm) issue('perigeeKm', `perigeeKm is above apogeeKm`);
          if (k.e !== undefined) issue('e', `e follows from perigeeKm and apogeeKm; leave it out`);
        } else if (k.aKm !== undefined && k.aKm * (1 - (k.e ?? 0)) < 6378.137 + 100)
          issue('e', `perigee (aKm * (1 - e)) is below 100 km altitude: the orbit would hit the Earth`);
      })
      .optional()
      .meta({
        description:
          'Keplerian elements: aKm (+ e, default 0) or perigeeKm + apogeeKm (altitudes above the equatorial radius).',
      }),
    tle: z
      .tuple([
        z.string().regex(/^1 .{67}$/, { error: 'TLE line 1 is 69 characters starting with "1 "' }),
        z.string().regex(/^2 .{67}$/, { error: 'TLE line 2 is 69 characters starting with "2 "' }),
      ])
      .superRefine(([line1, line2], ctx) => {
        // Format, checksums and an SGP4 state at the element epoch, checked at load time.
        const problem = tleProblem(line1, line2);
        if (problem !== null) ctx.addIssue({ code: 'custom', path: [], message: problem });
      })
      .optional()
      .meta({ description: 'Two-line element set [line1, line2], propagated with SGP4.' }),
  })
  .superRefine(exactlyOneOf(['geo', 'molniya', 'tundra', 'keplerian', 'tle'], 'an orbit'));

export const irSensorSchema = z
  .strictObject({
    mode: z.enum(['look-down', 'limb']).meta({
      description:
        'look-down sees plumes against the Earth; limb only above the limb plus limbMarginKm (DOMAIN.md §3.1).',
    }),
    kind: z.enum(['scanner', 'starer']),
    revisitS: numberIn('revisitS', 0, 3600, true).meta({
      description: 'Revisit (scanner) or frame period (starer), s; DSP-like scanner ~10 s (DOMAIN.md §3.2).',
    }),
    sigmaMicrorad: numberIn('sigmaMicrorad', 0, 100_000, true).optional(),
    sigmaDeg: numberIn('sigmaDeg', 0, 10, true).optional(),
    fieldOfRegard: circle
      .optional()
      .meta({ description: 'Region watched {center, radiusKm}; the whole visible disk when absent.' }),
    limbMarginKm: numberIn('limbMarginKm', 0, 1000)
      .default(100)
      .meta({ description: 'Atmosphere margin above the limb for limb mode, km (DOMAIN.md §3.5: ~100).' }),
    neiWPerM2: numberIn('neiWPerM2', 0, 1, true).optional().meta({
      description: 'Noise-equivalent irradiance, W/m².',
    }),
  })
  .superRefine(exactlyOneOf(['sigmaMicrorad', 'sigmaDeg'], 'a sensor line-of-sight noise'));

export const satelliteSchema = z.strictObject({
  id,
  orbit: orbitSchema,
  sensor: irSensorSchema,
});

export const RADAR_BANDS = ['VHF', 'UHF', 'L', 'S', 'C', 'X'] as const;

export const radarFaceSchema = z
  .strictObject({
    id: id.optional().meta({ description: 'Face id (default: <radar id>:<face number from 1>).' }),
    boresightDeg: numberIn('boresightDeg', 0, 360),
    halfWidthDeg: numberIn('halfWidthDeg', 0, 180, true),
    minElevationDeg: numberIn('minElevationDeg', -5, 90),
    maxElevationDeg: numberIn('maxElevationDeg', -5, 90),
    maxRangeKm: numberIn('maxRangeKm', 0, 50_000, true),
    band: z.enum(RADAR_BANDS),
    revisitS: numberIn('revisitS', 0, 3600, true),
    rangeSigmaM: numberIn('rangeSigmaM', 0, 100_000, true),
    angleSigmaDeg: numberIn('angleSigmaDeg', 0, 10, true),
    refSnrDb: numberIn('refSnrDb', -50, 100)
      .optional()
      .meta({ description: 'SNR of a 1 m² target at refRangeKm, dB (DOMAIN.md §5.1).' }),
    refRangeKm: numberIn('refRangeKm', 0, 50_000, true).optional(),
    rejectFoldedEchoes: z.boolean().default(true).meta({
      description: 'Reject echoes from beyond the unambiguous range (the 1960 Moon echo, DOMAIN.md §6.1).',
    }),
    unambiguousRangeKm: numberIn('unambiguousRangeKm', 0, 1_000_000, true).optional(),
    pfa: numberIn('pfa', 0, 0.1, true).optional().meta({
      description: 'False-alarm probability per resolution cell per look (default 1e-6, DOMAIN.md §5.2).',
    }),
    falsePlotsPerScan: numberIn('falsePlotsPerScan', 0, 100_000)
      .optional()
      .meta({ description: 'Mean false plots per scan over the face, replacing Pfa × resolution cells.' }),
    measuresRangeRate: z.boolean().optional().meta({
      description: 'Whether plots carry range rate (default: by band — the Doppler-capable bands UHF to X).',
    }),
  })
  .superRefine((face, ctx) => {
    if (face.minElevationDeg >= face.maxElevationDeg)
      ctx.addIssue({
        code: 'custom',
        path: ['maxElevationDeg'],
        message: `maxElevationDeg (${face.maxElevationDeg}) must be above minElevationDeg (${face.minElevationDeg})`,
      });
    if ((face.refSnrDb === undefined) !== (face.refRangeKm === undefined))
      ctx.addIssue({
        code: 'custom',
        path: [face.refSnrDb === undefined ? 'refSnrDb' : 'refRangeKm'],
        message: `give refSnrDb and refRangeKm together (or neither, to calibrate from maxRangeKm)`,
      });
  });

export const radarSchema = z.strictObject({
  id,
  site: z
    .tuple([latDeg, lonDeg, numberIn('altM', -500, 9000).optional()], {
      error: (iss) =>
        iss.code === 'too_big' || iss.code === 'too_small' || iss.code === 'invalid_type'
          ? `expected a site [latDeg, lonDeg] or [latDeg, lonDeg, altM], got ${describeValue(iss.input)}`
          : undefined,
    })
    .meta({ description: '[latDeg, lonDeg, altM?]' }),
  faces: z.array(radarFaceSchema).min(1).max(16),
});

export const degradeSchema = z
  .strictObject({
    id,
    pdFactor: numberIn('pdFactor', 0, 1)
      .optional()
      .meta({ description: 'Multiplies the probability of detection.' }),
    sigmaFactor: numberIn('sigmaFactor', 0, 1000, true)
      .optional()
      .meta({ description: 'Multiplies the measurement noise.' }),
  })
  .superRefine((d, ctx) => {
    if (d.pdFactor === undefined && d.sigmaFactor === undefined)
      ctx.addIssue({ code: 'custom', path: [], message: `degrade needs pdFactor or sigmaFactor (or both)` });
  });

export const networkObjectSchema = z
  .strictObject({
    preset: presetName.default(DEFAULT_NETWORK_PRESET),
    satellites: z.array(satelliteSchema).max(1000).default([]),
    radars: z.array(radarSchema).max(1000).default([]),
    disable: z
      .array(id)
      .max(10_000)
      .default([])
      .meta({ description: 'Ids of sensors (or radar faces) switched off.' }),
    degrade: z.array(degradeSchema).max(10_000).default([]),
  })
  .superRefine((network, ctx) => {
    const seen = new Map<string, string>();
    const claim = (sensorId: string, path: (string | number)[]) => {
      const first = seen.get(sensorId);
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path,
          message: `duplicate sensor id '${sensorId}' (first used by ${first})`,
        });
      else seen.set(sensorId, formatPath(path));
    };
    for (const [i, s] of network.satellites.entries()) claim(s.id, ['satellites', i, 'id']);
    for (const [i, r] of network.radars.entries()) {
      claim(r.id, ['radars', i, 'id']);
      for (const [j, f] of r.faces.entries())
        claim(f.id ?? `${r.id}:${j + 1}`, ['radars', i, 'faces', j, 'id']);
    }
  });

export const networkSchema = z
  .union([presetName, networkObjectSchema])
  .meta({ description: 'A preset name, or {preset?, satellites?, radars?, disable?, degrade?}.' });
