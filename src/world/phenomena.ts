// False-alarm phenomena live in the world, so sensors see them through the same
// physics as real launches (DOMAIN.md §3.1, §6): sun glint off cloud fields and fixed
// heat sources. (Sensor faults and random false alarms belong to the sensors.)
import type { GlintSpec, HeatSourceSpec, Scenario } from '../scenario/scenario.ts';

export interface Phenomena {
  glints: GlintSpec[];
  heatSources: HeatSourceSpec[];
}

export function phenomenaOf(scenario: Scenario): Phenomena {
  const glints: GlintSpec[] = [];
  const heatSources: HeatSourceSpec[] = [];
  for (const e of scenario.events) {
    if (e.type === 'glint') glints.push(e);
    else if (e.type === 'heat-source') heatSources.push(e);
  }
  return { glints, heatSources };
}
