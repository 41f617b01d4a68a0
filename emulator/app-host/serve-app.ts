import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { securityHeaders } from '../common/security-headers.ts';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the built SPA. A navigation (`fallback`) to a path that is not a file answers index.html, so a
 * deep link (`/subscriptions/…/management-certificates`) survives a reload. Returns false, having sent
 * nothing, when there is no file for the request and it is not a navigation.
 */
export function serveApp(distDir: string, req: IncomingMessage, res: ServerResponse, pathname: string, fallback: boolean): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const indexPath = join(distDir, 'index.html');
  if (!existsSync(indexPath)) {
    if (!fallback) return false;
    res
      .writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' })
      .end('The app is not built. Run `npm run build` (or `npm start`, which builds it) and reload.');
    return true;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    res.writeHead(400, { 'Content-Type': 'text/plain' }).end('Bad path');
    return true;
  }
  const candidate = normalize(join(distDir, decoded));
  const inside = candidate === distDir || candidate.startsWith(distDir.endsWith(sep) ? distDir : distDir + sep);
  let file = indexPath;
  if (inside && existsSync(candidate) && statSync(candidate).isFile()) file = candidate;
  else if (decoded === '/') file = indexPath;
  else if (!fallback || (extname(decoded) && decoded.startsWith('/assets/'))) return false;
  const type = contentTypes[extname(file)] ?? 'application/octet-stream';
  const immutable = file.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    'Content-Type': type,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...securityHeaders(),
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
  return true;
}
