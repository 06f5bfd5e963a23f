/**
 * The editor's interface and entry API on a copy of the project's data, served the way the editor's server serves
 * them (the built UI at /, /edit/* falling back to its index.html, /api/entries|import|images to handleEntriesApi),
 * so browser tests of the interface do not depend on accounts, git or publishing.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { handleEntriesApi } from '../../src/editor/api';
import { buildEditorUi } from '../../src/editor/ui/build';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.csv': 'text/csv; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png' };

export interface EditorUiServer {
  url: string;
  root: string;
  writes: { files: string[]; message: string }[];
  close(): void;
}

/** `project`: a project folder to edit in place (tests that build it); otherwise a copy of data/, content/, public/. */
export async function startEditorUi(project?: string): Promise<EditorUiServer> {
  const ui = await buildEditorUi();
  const root = project ?? mkdtempSync(join(tmpdir(), 'editor-ui-'));
  if (!project) for (const folder of ['data', 'content', 'public']) if (existsSync(folder)) cpSync(folder, join(root, folder), { recursive: true });
  const writes: EditorUiServer['writes'] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith('/api/')) {
      if (url.pathname === '/api/me') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ user: { name: 'test', role: 'reviewer' }, mode: 'local' }));
      if (url.pathname === '/api/history') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ commits: [] }));
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const text = Buffer.concat(chunks).toString('utf8');
      const answer = await handleEntriesApi({
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        body: text ? JSON.parse(text) : undefined,
        user: { name: 'test', role: 'reviewer' },
        root,
        onWrite: async (change) => void writes.push(change),
      });
      return void res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.json));
    }
    const file = normalize(join(ui, decodeURIComponent(url.pathname)));
    const found = file.startsWith(ui) && existsSync(file) && statSync(file).isFile() ? file : join(ui, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(found)] ?? 'application/octet-stream' }).end(readFileSync(found));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    root,
    writes,
    close() {
      server.close();
      if (!project) rmSync(root, { recursive: true, force: true });
    },
  };
}
