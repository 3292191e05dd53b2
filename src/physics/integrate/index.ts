export { Dopri5 } from './dopri5.ts';
export { crosses, EVENT_TIME_TOLERANCE, locateCrossing } from './events.ts';
export {
  type IntegrateUntilOptions,
  type IntegrateUntilResult,
  integrateUntil,
  type StateListener,
} from './integrate-until.ts';
export { IntegrationError, type IntegrationFailure } from './integration-error.ts';
export { Rk4 } from './rk4.ts';
export { SampleGrid } from './sample-grid.ts';
export type { Derivative, Dopri5Options, EventDirection, EventFunction, EventSpec } from './types.ts';
