// Download a pack file from an https address: no cookies, no cache, no redirect to elsewhere, at most 1 MB.
// The size is checked as the body arrives (a server may declare no length, or a false one): the download
// stops as soon as more than MAX_PACK_BYTES came, so a huge or endless body costs at most that much.
// The text is validated by the caller (parsePack through the library); nothing here trusts it.

import type { DataError } from '../core/errors';

export const MAX_PACK_BYTES = 1_000_000;

const TOO_BIG: FetchFailure = { ok: false, error: { path: '/', code: 'fetch.tooBig' } };
const FAILED: FetchFailure = { ok: false, error: { path: '/', code: 'fetch.failed' } };

/** Why a pack could not be downloaded (translated by the page: core/errors.ts). */
export type FetchFailure = { ok: false; error: DataError };

/** The body's bytes, or null as soon as more than `max` arrived (the rest is never read). */
async function readAtMost(res: Response, max: number): Promise<Uint8Array | null> {
  if (!res.body) {
    const bytes = new Uint8Array(await res.arrayBuffer());
    return bytes.length > max ? null : bytes;
  }
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

export async function fetchPackText(url: string, fetcher: typeof fetch = fetch): Promise<{ ok: true; text: string } | FetchFailure> {
  let res: Response;
  const signal = AbortSignal.timeout(20_000);
  try {
    res = await fetcher(url, { credentials: 'omit', cache: 'no-store', redirect: 'error', signal });
  } catch {
    return FAILED;
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    return { ok: false, error: { path: '/', code: 'fetch.status', params: { status: res.status } } };
  }
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > MAX_PACK_BYTES) {
    await res.body?.cancel().catch(() => undefined);
    return TOO_BIG;
  }
  let bytes: Uint8Array | null;
  try {
    bytes = await readAtMost(res, MAX_PACK_BYTES);
  } catch {
    return FAILED;
  }
  if (!bytes) return TOO_BIG;
  return { ok: true, text: new TextDecoder().decode(bytes) };
}
