// Download a pack file from an https address: no cookies, no cache, no redirect to elsewhere, at most 1 MB.
// The text is validated by the caller (parsePack through the library); nothing here trusts it.

export const MAX_PACK_BYTES = 1_000_000;

export async function fetchPackText(url: string, fetcher: typeof fetch = fetch): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  let res: Response;
  try {
    res = await fetcher(url, { credentials: 'omit', cache: 'no-store', redirect: 'error', signal: AbortSignal.timeout(20_000) });
  } catch {
    return { ok: false, message: 'không tải được (mạng, địa chỉ hoặc trang không cho phép)' };
  }
  if (!res.ok) return { ok: false, message: `máy chủ trả lời ${res.status}` };
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > MAX_PACK_BYTES) return { ok: false, message: 'tệp quá lớn (hơn 1 MB)' };
  const text = await res.text();
  if (new TextEncoder().encode(text).length > MAX_PACK_BYTES) return { ok: false, message: 'tệp quá lớn (hơn 1 MB)' };
  return { ok: true, text };
}
