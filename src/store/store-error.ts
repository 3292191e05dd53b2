// A request the store cannot carry out because of what is (or is not) stored — as
// opposed to bad input (InputError) or a broken database (any other error). The
// server maps 'not-found' to 404 and 'conflict' to 409.

export type StoreErrorCode = 'not-found' | 'conflict';

export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string) {
    super(message);
    this.name = 'StoreError';
    this.code = code;
  }
}
