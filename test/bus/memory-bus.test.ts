// The message-bus contract against the in-process bus.
import { describe } from 'vitest';
import { MemoryBus } from '../../src/bus/memory-bus.ts';
import { busContract } from './bus-contract.ts';

describe('in-process message bus', () => {
  busContract({
    open: async (root) => new MemoryBus({ root }),
    cleanup: async () => undefined,
  });
});
