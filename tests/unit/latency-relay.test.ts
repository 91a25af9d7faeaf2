// @vitest-environment node
// The e2e tests' remote-site relay (tests/support/latency-relay.ts): a connection opens late, and every request on it,
// also on a connection kept open, reaches the server late and in order. The CI machine lost the scam warning's race
// when a reused connection passed a request on at once.
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { latencyRelay, type LatencyRelay } from '../support/latency-relay';

const MS = 120;

/** A server that records when each chunk arrived and answers "ok:<chunk>". */
async function recordingServer(): Promise<{ server: Server; port: number; got: { at: number; text: string }[] }> {
  const got: { at: number; text: string }[] = [];
  const server = createServer((s) =>
    s
      .on('data', (b: Buffer) => {
        got.push({ at: performance.now(), text: b.toString() });
        s.write(`ok:${b.toString()}`);
      })
      .on('error', () => undefined), // the relay's dropConnections resets it
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port, got };
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1', () => resolve(s));
    s.on('error', () => undefined); // dropConnections resets it
  });
}

function reply(s: Socket): Promise<string> {
  return new Promise((resolve) => s.once('data', (b: Buffer) => resolve(b.toString())));
}

describe('latencyRelay', () => {
  const closing: (() => void)[] = [];
  afterEach(() => {
    for (const close of closing.splice(0)) close();
  });

  async function setUp(): Promise<{ relay: LatencyRelay; got: { at: number; text: string }[] }> {
    const upstream = await recordingServer();
    const relay = await latencyRelay(upstream.port, MS);
    closing.push(() => {
      relay.dropConnections();
      relay.server.close();
      upstream.server.close();
    });
    return { relay, got: upstream.got };
  }

  it('a request on a new connection, and the next one on the same connection, each reach the server late', async () => {
    const { relay, got } = await setUp();
    const socket = await open(relay.port);
    const first = performance.now();
    socket.write('a');
    expect(await reply(socket)).toBe('ok:a');
    expect(got[0]!.at - first).toBeGreaterThanOrEqual(MS - 5);

    // The connection is kept open and reused: still a round trip before the server sees the request.
    const second = performance.now();
    socket.write('b');
    expect(await reply(socket)).toBe('ok:b');
    expect(got[1]!.at - second).toBeGreaterThanOrEqual(MS - 5);
    expect(relay.opened()).toBe(1);
    socket.destroy();
  });

  it('chunks keep their order; dropConnections closes open ones and the next request opens a new one', async () => {
    const { relay, got } = await setUp();
    const socket = await open(relay.port);
    socket.resume(); // read the answers, and the end of the connection
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    for (const c of ['1', '2', '3']) {
      socket.write(c);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await vi.waitFor(() => expect(got.map((g) => g.text).join('')).toBe('123'), { timeout: 5_000 });
    relay.dropConnections();
    await closed;
    const again = await open(relay.port);
    again.write('x');
    expect(await reply(again)).toBe('ok:x');
    expect(relay.opened()).toBe(2);
    again.destroy();
  });
});
