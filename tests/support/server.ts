/** Serves a built site folder on a free localhost port, as a static host would. */
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import sirv from 'sirv';

export interface SiteServer {
  url: string;
  close: () => Promise<void>;
}

/** What serves a built site's files (and its 404 page), as a static host would. */
function siteFiles(dir: string, headers: OutgoingHttpHeaders | ((path: string) => OutgoingHttpHeaders) = {}): (req: IncomingMessage, res: ServerResponse) => void {
  if (!existsSync(resolve(dir, 'index.html'))) throw new Error(`${dir} has no built site: run npm run build first`);
  const assets = sirv(dir, { dev: false, etag: true, extensions: ['html'] });
  const notFound = readFileSync(resolve(dir, '404.html'), 'utf8');
  return (req, res) => {
    const chosen = typeof headers === 'function' ? headers(new URL(req.url ?? '/', 'http://x').pathname) : headers;
    for (const [name, value] of Object.entries(chosen)) if (value !== undefined) res.setHeader(name, value);
    assets(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(notFound);
    });
  };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return `http://127.0.0.1:${port}`;
}

/** `headers`: sent with every response, or chosen by the request's path (as src/publishing/site-files/_headers does). */
export async function serveSite(dir = resolve('dist'), headers: OutgoingHttpHeaders | ((path: string) => OutgoingHttpHeaders) = {}): Promise<SiteServer> {
  const server = createServer(siteFiles(dir, headers));
  return { url: await listen(server), close: () => new Promise((done) => server.close(() => done())) };
}

/** A site server that sends each page's HTML in two parts, the second when the test says (serveSiteInTwoParts). */
export interface HalvedSiteServer extends SiteServer {
  /** True while a page's HTML is held at its cut, waiting for release(). */
  holding(): boolean;
  /** Sends the rest of every held page. */
  release(): void;
}

/**
 * Serves dist/ as serveSite does, except that a page's HTML stops after the second row of its first table body (the
 * whole page when it has none) until release(): the page as a browser draws it when its HTML arrives in parts (a slow
 * connection) or when it paints before parsing all of it (a busy machine), so a test can look at what moves once the
 * rest arrives, deterministically instead of when the machine happens to be loaded. A held page is sent whole after 30 s.
 */
export async function serveSiteInTwoParts(dir = resolve('dist')): Promise<HalvedSiteServer> {
  const files = siteFiles(dir);
  const held = new Set<() => void>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = resolve(dir, `.${path}`, 'index.html');
    const html = path.endsWith('/') && file.startsWith(dir) && existsSync(file) ? readFileSync(file, 'utf8') : '';
    const body = html.indexOf('<tbody');
    const second = body < 0 ? -1 : html.indexOf('</tr>', html.indexOf('</tr>', body) + 1);
    if (second < 0) return files(req, res);
    const cut = second + '</tr>'.length;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.write(html.slice(0, cut));
    const rest = () => {
      clearTimeout(timer);
      held.delete(rest);
      res.end(html.slice(cut));
    };
    const timer = setTimeout(rest, 30_000);
    held.add(rest);
  });
  const url = await listen(server);
  return {
    url,
    holding: () => held.size > 0,
    release: () => [...held].forEach((rest) => rest()),
    close: () => {
      [...held].forEach((rest) => rest());
      return new Promise((done) => server.close(() => done()));
    },
  };
}
