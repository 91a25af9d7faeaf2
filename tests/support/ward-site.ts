// A stand-in ward website for the widget: widget/demo/ at /, the built widget at /assets/, the shipped packs
// at /assets/packs/, served over HTTP on 127.0.0.1 with the strict CSP ward sites use
// (`script-src 'self'; style-src 'self'`). With `fixtures`, tests/fixtures/widget/ is served at /test/
// WITHOUT a CSP, so that a test of hostile packs shows what the widget itself does.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { ROOT } from './harness';

export const WARD_CSP = "script-src 'self'; style-src 'self'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

export interface WardSite {
  url: string;
  stop(): Promise<void>;
}

/** Map a request path to a file, or null. Only plain names: no way out of the folders. */
function fileFor(pathname: string, fixtures: boolean, packsDir?: string): { file: string; csp: boolean } | null {
  const name = /^[a-z0-9][a-z0-9.-]*$/i;
  if (pathname === '/' || pathname === '/index.html') return { file: path.join(ROOT, 'widget/demo/index.html'), csp: true };
  let m = /^\/assets\/packs\/([^/]+\.json)$/.exec(pathname);
  if (m && name.test(m[1]!)) {
    const shipped = path.join(ROOT, 'walkthroughs', m[1]!);
    return { file: packsDir && !existsSync(shipped) ? path.join(packsDir, m[1]!) : shipped, csp: true };
  }
  m = /^\/assets\/(dan-buoc-[a-z-]+\.m?js)$/.exec(pathname);
  if (m) return { file: path.join(ROOT, '.output/widget', m[1]!), csp: true };
  m = /^\/assets\/([^/]+)$/.exec(pathname);
  if (m && name.test(m[1]!)) return { file: path.join(ROOT, 'widget/demo', m[1]!), csp: true };
  m = /^\/test\/([^/]+)$/.exec(pathname);
  if (fixtures && m && name.test(m[1]!)) return { file: path.join(ROOT, 'tests/fixtures/widget', m[1]!), csp: false };
  return null;
}

/** `packsDir`: more packs served at /assets/packs/ (a desk's exported files, in tests). */
export async function startWardSite(options: { port?: number; fixtures?: boolean; packsDir?: string } = {}): Promise<WardSite> {
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const hit = fileFor(pathname, !!options.fixtures, options.packsDir);
    if (!hit || !existsSync(hit.file)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Không có trang này.');
      return;
    }
    const headers: Record<string, string> = {
      'content-type': TYPES[path.extname(hit.file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    };
    if (hit.csp) headers['content-security-policy'] = WARD_CSP;
    res.writeHead(200, headers).end(readFileSync(hit.file));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
