// JSON.parse's complaint about a message, fit for a one-line reason: V8 quotes the
// start of the input it could not read ("…" is not valid JSON), and that echo may hold
// line breaks and control characters a hostile sender chose — so it is dropped and
// whatever remains is escaped and clipped.
import { printable } from './describe-value.ts';

const ECHO = /, ".*"(\.\.\.)? is not valid JSON$/s;
const MAX_LENGTH = 200;

export function jsonSyntaxMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return printable(message.replace(ECHO, '')).slice(0, MAX_LENGTH);
}
