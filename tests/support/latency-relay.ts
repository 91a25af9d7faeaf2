// A network's delay for the e2e tests: a TCP relay to a local port that behaves like a remote site
// (tests/e2e/scam-warning.test.ts). Not a wait: the test still waits for states; this only makes the local server as
// far away as a real one.
//
// A remote site costs time twice: a new connection (DNS lookup, TCP and TLS handshakes) and then a round trip for
// every request, also on a connection the browser keeps open and reuses. Delaying only the opening was not enough:
// Chromium reused the connection of an earlier visit to the same host, and the request reached the server at once.
// So each connection opens `ms` late and everything the browser sends reaches the server `ms` late, in order.
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface LatencyRelay {
  server: Server;
  port: number;
  /** Connections opened so far (a reused one counts once). */
  opened(): number;
  /** Close every open connection, as a remote server does with idle ones: the browser's next request opens a new one. */
  dropConnections(): void;
}

/** A TCP relay to `port` that opens each connection `ms` late and hands the server what the browser sends `ms` late. */
export function latencyRelay(port: number, ms: number): Promise<LatencyRelay> {
  const sockets = new Set<Socket>();
  let opened = 0;
  const server = createServer((client) => {
    opened++;
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    // Each chunk `ms` after it arrived. Timers of one delay fire in the order they were set, so the upstream (set
    // first) exists before any chunk is due, and the chunks keep their order; a socket buffers writes until connected.
    // A closed client destroys its upstream, so a chunk due after that is dropped.
    let upstream: Socket | undefined;
    client.on('data', (chunk: Buffer) => {
      setTimeout(() => {
        if (upstream && !upstream.destroyed) upstream.write(chunk);
      }, ms);
    });
    const timer = setTimeout(() => {
      upstream = connect(port, '127.0.0.1');
      upstream.pipe(client);
      sockets.add(upstream);
      upstream.on('close', () => {
        sockets.delete(upstream!);
        client.destroy();
      });
      upstream.on('error', () => client.destroy());
    }, ms);
    client.on('error', () => upstream?.destroy());
    client.on('close', () => {
      clearTimeout(timer);
      upstream?.destroy();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        port: (server.address() as { port: number }).port,
        opened: () => opened,
        dropConnections: () => {
          for (const s of sockets) s.destroy();
          sockets.clear();
        },
      }),
    ),
  );
}
