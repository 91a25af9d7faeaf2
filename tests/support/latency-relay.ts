// A network's delay for the e2e tests: a TCP relay to a local port that opens each connection late, as a remote
// site's DNS lookup and TCP and TLS handshakes do (tests/e2e/scam-warning.test.ts). Not a wait: the test still
// waits for states; this only makes the local server as far away as a real one.
import { connect, createServer, type Server } from 'node:net';

/** A TCP relay to `port` that opens each connection `ms` late. */
export function latencyRelay(port: number, ms: number): Promise<{ server: Server; port: number }> {
  const server = createServer((client) => {
    client.pause();
    const timer = setTimeout(() => {
      const upstream = connect(port, '127.0.0.1', () => {
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    }, ms);
    client.on('close', () => clearTimeout(timer));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port })));
}
