// Child process for the crash tests: writes synthetic steps to a run as fast as it
// can, saying `begin k` before and `done k` after each, until it is killed — by the
// test, or, given a step number to die at, by itself with SIGKILL in the middle of that
// step's transaction (when the step's truth labels are read, after its reports were
// inserted).
//   node --import tsx test/store/crash-writer.ts <store url> <run id> <reports per step> <first step> [die at step]
import { openStore } from '../../src/store/open-store.ts';
import { syntheticStep } from './fixtures.ts';

const [url, runId, perStepText, firstText, dieAtText] = process.argv.slice(2);
const perStep = Number(perStepText);
const dieAt = dieAtText === undefined ? null : Number(dieAtText);
const store = await openStore(url);
for (let k = Number(firstText); ; k++) {
  const step = syntheticStep(k, perStep);
  if (k === dieAt)
    Object.defineProperty(step.truthLabels!.at(-1)!, 'cause', {
      get: () => process.kill(process.pid, 'SIGKILL'),
    });
  process.stdout.write(`begin ${k}\n`);
  await store.writeStep(runId!, step);
  process.stdout.write(`done ${k}\n`);
}
