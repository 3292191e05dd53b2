// The ground truth of a run, for training and replay only (issue 7: "truth (toggle, for
// training and replay only)"). The service flies the run's scenario again (src/world,
// which the centre never imports) and reads the truth labels the run stored beside
// its reports; none of it enters the centre's picture, and the console asks for it
// only when its truth toggle is turned on.
//
// Role: observer. Whoever may watch a run may already read its scenario — every launch,
// its place, time and aim — through GET /api/scenarios/{name}, so a higher role would
// hide nothing; the separation that matters is that the truth is never in the picture
// an operator works from unless asked for.

import {
  firingOf,
  glintHeightsM,
  truthObjectsView,
  truthSourcesView,
} from '../../analysis/export/truth-view.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import type { EventStore } from '../../store/event-store.ts';
import { generateTruth } from '../../world/generate.ts';
import type { Truth } from '../../world/truth.ts';
import { type RouteSpec, route } from '../http/route.ts';
import type { RunManager } from '../runs/run-manager.ts';
import { errorBodySchema, runIdParams } from '../schemas/common.ts';
import { truthQuerySchema, truthSchema } from '../schemas/truth.ts';

/** Most false reports one answer lists. */
const MAX_FIRINGS = 20_000;
/** Runs whose flown truth is kept (a few toggles on a few runs; each holds 1 s samples). */
const KEPT_TRUTHS = 4;

/** The scenario flown once per run while it is among the most recently asked. */
class TruthCache {
  private readonly kept = new Map<string, Truth>();

  of(runId: string, scenario: Scenario): Truth {
    let truth = this.kept.get(runId);
    if (truth) this.kept.delete(runId);
    else truth = generateTruth(scenario);
    this.kept.set(runId, truth);
    for (const id of this.kept.keys()) {
      if (this.kept.size <= KEPT_TRUTHS) break;
      this.kept.delete(id);
    }
    return truth;
  }
}

export function truthRoutes(store: EventStore, runs: RunManager): RouteSpec[] {
  const cache = new TruthCache();
  return [
    route({
      method: 'GET',
      url: '/api/runs/:id/truth',
      tag: 'picture',
      summary: 'The ground truth of a run, for training and replay only (never part of the picture)',
      role: 'observer',
      params: runIdParams,
      query: truthQuerySchema,
      responses: {
        200: { description: 'The truth', schema: truthSchema },
        404: { description: 'No such run', schema: errorBodySchema },
      },
      handler: async ({ params, query }) => {
        const run = await runs.get(params.id);
        const scenario = run.scenario;
        const { launches, objects } = truthObjectsView(cache.of(params.id, scenario), query.everyS);
        const view = run.view();
        const labels = (await store.listTruthLabels(params.id)).filter((l) => l.cause !== 'object');
        const labelOf = new Map(labels.map((l) => [l.reportId, l]));
        const heights = glintHeightsM(scenario);
        const firings = [];
        for (const r of labelOf.size > 0 ? await store.listReports(params.id) : []) {
          const label = labelOf.get(r.id);
          const firing = label ? firingOf(r, label, scenario.epochUnixMs, heights) : null;
          if (firing) firings.push(firing);
        }
        return {
          runId: params.id,
          epoch: view.epoch,
          durationS: view.durationS,
          everyS: query.everyS,
          launches,
          objects,
          sources: truthSourcesView(scenario),
          firings: firings.slice(0, MAX_FIRINGS),
          firingsThroughS: view.progressS,
          firingsTruncated: firings.length > MAX_FIRINGS,
        };
      },
    }),
  ];
}
