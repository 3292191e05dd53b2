// Where exchange messages travel on the message bus (src/bus): each centre has its
// own subject, `<root>.exchange.<centreId>`, and takes what arrives there with a
// durable consumer named after itself, so a centre that was down finds its messages
// waiting. The bus keeps these subjects in the EXCHANGE stream.

/** The subject centre `centreId` receives on. */
export function exchangeSubject(root: string, centreId: string): string {
  return `${root}.exchange.${centreId}`;
}

/** The durable consumer a centre reads its subject with. */
export function exchangeConsumer(centreId: string): string {
  return `exchange-${centreId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
