// The integrators' one failure type. A failure means the right-hand side or the
// tolerances are wrong for the problem (an internal error, CLI exit code 1), never bad
// user input, which is caught earlier as InputError.

export type IntegrationFailure = 'max-steps' | 'step-too-small' | 'non-finite';

const explanation: Record<IntegrationFailure, string> = {
  'max-steps': 'too many step attempts since the last reset',
  'step-too-small': 'the step size fell below the minimum',
  'non-finite': 'the state or its derivative is not finite',
};

export class IntegrationError extends Error {
  readonly reason: IntegrationFailure;
  /** Time reached when the integration failed (s). */
  readonly t: number;

  constructor(reason: IntegrationFailure, t: number) {
    super(`integration failed at t = ${t} s: ${explanation[reason]}`);
    this.name = 'IntegrationError';
    this.reason = reason;
    this.t = t;
  }
}
