// Picks and opens the message bus named by a URL (`--bus`, DESIGN.md §6):
//   (nothing), memory:       the in-process bus
//   nats://host:port, tls://…  NATS JetStream (streams created or updated on connect)
// `root` replaces the subjects' first token `vigil` (one NATS server, several deployments).
import { InputError } from '../scenario/input-error.ts';
import { MemoryBus } from './memory-bus.ts';
import type { MessageBus } from './message-bus.ts';
import { NatsBus } from './nats-bus.ts';

export async function openBus(url?: string, options: { root?: string } = {}): Promise<MessageBus> {
  if (url === undefined || url === '' || url === 'memory:') return new MemoryBus(options);
  if (/^(nats|tls):\/\//i.test(url)) return NatsBus.connect(url, options.root);
  throw new InputError({
    source: 'bus URL',
    path: [],
    message: `unknown bus '${url}': expected memory: (the default) or nats://host:port`,
  });
}
