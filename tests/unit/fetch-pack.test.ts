// Downloading a pack file from an address: no cookies, no cache, no redirects; refusals say why in Vietnamese.
import { describe, expect, it } from 'vitest';
import { fetchPackText, MAX_PACK_BYTES } from '../../extension/fetch-pack';

function fetcher(make: () => Response | Promise<Response>): { fetch: typeof fetch; calls: [string, RequestInit | undefined][] } {
  const calls: [string, RequestInit | undefined][] = [];
  return {
    calls,
    fetch: (async (url: string, init?: RequestInit) => {
      calls.push([url, init]);
      return make();
    }) as typeof fetch,
  };
}

describe('fetchPackText', () => {
  it('returns the text of a good answer, asked without cookies, cache or redirects', async () => {
    const f = fetcher(() => new Response('{"schema":1}', { status: 200 }));
    expect(await fetchPackText('https://phuong.example/goi.json', f.fetch)).toEqual({ ok: true, text: '{"schema":1}' });
    expect(f.calls[0]![1]).toMatchObject({ credentials: 'omit', cache: 'no-store', redirect: 'error' });
  });

  it('refuses an error status, a network failure and a file over 1 MB (declared or not)', async () => {
    expect(await fetchPackText('https://x.example/a', fetcher(() => new Response('no', { status: 404 })).fetch)).toEqual({ ok: false, error: { path: '/', code: 'fetch.status', params: { status: 404 } } });
    const down = fetcher(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await fetchPackText('https://x.example/a', down.fetch)).toEqual({ ok: false, error: { path: '/', code: 'fetch.failed' } });
    const big = 'x'.repeat(MAX_PACK_BYTES + 1);
    expect(await fetchPackText('https://x.example/a', fetcher(() => new Response(big)).fetch)).toEqual({ ok: false, error: { path: '/', code: 'fetch.tooBig' } });
    const declared = fetcher(() => new Response('{}', { headers: { 'content-length': String(MAX_PACK_BYTES * 2) } }));
    expect(await fetchPackText('https://x.example/a', declared.fetch)).toEqual({ ok: false, error: { path: '/', code: 'fetch.tooBig' } });
    // Multi-byte text is measured in bytes.
    const wide = 'ệ'.repeat(Math.floor(MAX_PACK_BYTES / 2));
    expect(await fetchPackText('https://x.example/a', fetcher(() => new Response(wide)).fetch)).toMatchObject({ ok: false });
  });
});

describe('15.8 the size limit holds while the body arrives', () => {
  /** A body of `total` bytes in 64 kB chunks, made only as it is read; counts what was handed out. */
  function endless(total: number): { stream: ReadableStream<Uint8Array>; pulled: () => number; cancelled: () => boolean } {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let pulled = 0;
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= total) return controller.close();
        // A reader that takes it all would hold hundreds of MB: stop the test there instead.
        if (pulled > 50 * MAX_PACK_BYTES) return controller.error(new Error('read far past the limit'));
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    });
    return { stream, pulled: () => pulled, cancelled: () => cancelled };
  }

  it('15.8 a 400 MB body without a declared length is refused after little more than 1 MB is read', async () => {
    const body = endless(400 * 1024 * 1024);
    const f = fetcher(() => new Response(body.stream, { status: 200 }));
    expect(await fetchPackText('https://x.example/lon.json', f.fetch)).toEqual({ ok: false, error: { path: '/', code: 'fetch.tooBig' } });
    // What was read: the limit and at most a few chunks of read-ahead.
    expect(body.pulled()).toBeLessThan(MAX_PACK_BYTES + 4 * 64 * 1024);
    expect(body.cancelled()).toBe(true);
  });

  it('15.8 a body that lies about its length is measured as it arrives; one within the limit is read whole', async () => {
    const liar = endless(3 * MAX_PACK_BYTES);
    const f = fetcher(() => new Response(liar.stream, { status: 200, headers: { 'content-length': '100' } }));
    expect(await fetchPackText('https://x.example/a', f.fetch)).toEqual({ ok: false, error: { path: '/', code: 'fetch.tooBig' } });
    expect(liar.pulled()).toBeLessThan(MAX_PACK_BYTES + 4 * 64 * 1024);
    const small = endless(5 * 64 * 1024);
    const r = await fetchPackText('https://x.example/b', fetcher(() => new Response(small.stream)).fetch);
    expect(r.ok && r.text.length).toBe(5 * 64 * 1024);
  });
});
