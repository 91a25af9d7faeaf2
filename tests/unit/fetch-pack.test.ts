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
    expect(await fetchPackText('https://x.example/a', fetcher(() => new Response('no', { status: 404 })).fetch)).toEqual({ ok: false, message: 'máy chủ trả lời 404' });
    const down = fetcher(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await fetchPackText('https://x.example/a', down.fetch)).toMatchObject({ ok: false, message: expect.stringMatching(/không tải được/) });
    const big = 'x'.repeat(MAX_PACK_BYTES + 1);
    expect(await fetchPackText('https://x.example/a', fetcher(() => new Response(big)).fetch)).toMatchObject({ ok: false, message: expect.stringMatching(/quá lớn/) });
    const declared = fetcher(() => new Response('{}', { headers: { 'content-length': String(MAX_PACK_BYTES * 2) } }));
    expect(await fetchPackText('https://x.example/a', declared.fetch)).toMatchObject({ ok: false, message: expect.stringMatching(/quá lớn/) });
    // Multi-byte text is measured in bytes.
    const wide = 'ệ'.repeat(Math.floor(MAX_PACK_BYTES / 2));
    expect(await fetchPackText('https://x.example/a', fetcher(() => new Response(wide)).fetch)).toMatchObject({ ok: false });
  });
});
