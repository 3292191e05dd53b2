// One thing at a time per run: step writes, status changes, operator actions and
// notifications of a run go through its mutex, so they reach the store (and the run's
// audit chain) in one order and a status never changes under a step being written.

export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
