#!/usr/bin/env node
// Entry point for `npx vigil`: runs the TypeScript CLI through tsx's loader so a
// checkout needs no build step.
import { register } from 'tsx/esm/api';

register();
// A closed pipe (`vigil run … | head`) is the reader's choice, not a failure.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
