/** Serves a built site folder on a free localhost port, as a static host would. */
import { createServer, type Server, type OutgoingHttpHeaders } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import sirv from 'sirv';

export interface SiteServer {
  url: string;
  close: () => Promise<void>;
}

/** `headers`: sent with every response, or chosen by the request's path (as src/publishing/site-files/_headers does). */
export async function serveSite(dir = resolve('dist'), headers: OutgoingHttpHeaders | ((path: string) => OutgoingHttpHeaders) = {}): Promise<SiteServer> {
  if (!existsSync(resolve(dir, 'index.html'))) throw new Error(`${dir} has no built site: run npm run build first`);
  const assets = sirv(dir, { dev: false, etag: true, extensions: ['html'] });
  const notFound = readFileSync(resolve(dir, '404.html'), 'utf8');
  const server: Server = createServer((req, res) => {
    const chosen = typeof headers === 'function' ? headers(new URL(req.url ?? '/', 'http://x').pathname) : headers;
    for (const [name, value] of Object.entries(chosen)) if (value !== undefined) res.setHeader(name, value);
    assets(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(notFound);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) };
}
