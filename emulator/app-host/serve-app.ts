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
 * Serves the built SPA. Any GET for a path that is not a file answers index.html, so a deep link
 * (`/subscriptions/…/management-certificates`) survives a reload.
 */
export function serveApp(distDir: string, req: IncomingMessage, res: ServerResponse, pathname: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }).end('Method not allowed');
    return;
  }
  const indexPath = join(distDir, 'index.html');
  if (!existsSync(indexPath)) {
    res
      .writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' })
      .end('The app is not built. Run `npm run build` (or `npm start`, which builds it) and reload.');
    return;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    res.writeHead(400, { 'Content-Type': 'text/plain' }).end('Bad path');
    return;
  }
  const candidate = normalize(join(distDir, decoded));
  const inside = candidate === distDir || candidate.startsWith(distDir.endsWith(sep) ? distDir : distDir + sep);
  let file = indexPath;
  if (inside && existsSync(candidate) && statSync(candidate).isFile()) file = candidate;
  else if (extname(decoded) && decoded.startsWith('/assets/')) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    return;
  }
  const type = contentTypes[extname(file)] ?? 'application/octet-stream';
  const immutable = file.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    'Content-Type': type,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...securityHeaders(),
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}
