/**
 * The local editor's web server (node:http): forms generated from the schemas, saves checked by validateDataset.
 * Listens on 127.0.0.1 only and answers only requests addressed to itself, so that a web page the editor has open
 * elsewhere cannot post into the project (DNS rebinding, cross-site forms).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readSourceFiles } from '../../data/read-sources';
import { validateDataset } from '../../data/validate';
import { entryFromForm, formFields, isCollection, isMdx, typedCorrection, type Collection, type FormValues } from '../fields';
import { formPage, layout, startPage } from '../page';
import { readMdxEntry, saveEntry } from '../save';

export interface EditorOptions {
  /** The project folder whose data/ and content/ are edited. */
  root: string;
  /** 0 picks a free port (tests). */
  port?: number;
  /** "Today" for check's date rules (tests fix it). */
  now?: Date;
}

function send(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-frame-options': 'DENY' });
  res.end(html);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 4_000_000) reject(new Error('too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function formValues(body: string): FormValues {
  const values: FormValues = new Map();
  for (const [k, v] of new URLSearchParams(body)) values.set(k, [...(values.get(k) ?? []), v]);
  return values;
}

/** The project as check sees it now: entries and which file holds each. */
function current(root: string, now?: Date) {
  const files = readSourceFiles(root);
  const { entries, origins } = validateDataset(files, { now });
  return { files, ds: entries, origins };
}

export async function startEditor(options: EditorOptions): Promise<{ server: Server; url: string }> {
  const { root, now } = options;
  let self = '';
  const server = createServer(async (req, res) => {
    try {
      const host = req.headers.host ?? '';
      const origin = req.headers.origin;
      if (host !== self && host !== self.replace('127.0.0.1', 'localhost')) return send(res, 403, 'forbidden');
      if (req.method === 'POST' && origin && origin !== `http://${host}`) return send(res, 403, 'forbidden');
      const url = new URL(req.url ?? '/', `http://${host}`);
      const [, action, collection, rawId] = url.pathname.split('/');
      const id = rawId === undefined ? undefined : decodeURIComponent(rawId);
      if (url.pathname === '/') return send(res, 200, startPage(current(root, now).ds));
      if (!collection || !isCollection(collection)) return send(res, 404, layout('404', '<p>没有这个页面。<a href="/">返回首页</a></p>'));
      const c: Collection = collection;
      if (req.method === 'POST' && action === 'save') return save(c, req, res);
      const { files, ds, origins } = current(root, now);
      const fileList = isMdx(c) ? [] : files.data[c].map((f) => f.path);
      if (req.method === 'GET' && action === 'new') {
        return send(res, 200, formPage({ collection: c, entry: {}, files: fileList, file: fileList[0], ds }));
      }
      if (req.method === 'GET' && action === 'edit' && id) {
        const file = isMdx(c) ? `content/${c}/${id}.mdx` : origins.get(`${c}:${id}`);
        const entry = !file
          ? undefined
          : isMdx(c)
            ? { id, ...readMdxEntry(root, file) }
            : (JSON.parse(files.data[c].find((f) => f.path === file)!.text) as Record<string, unknown>[]).find((e) => e?.id === id);
        if (!entry) return send(res, 404, layout('404', `<p>找不到“${id.replace(/[<>&"]/g, '')}”。<a href="/">返回首页</a></p>`));
        return send(res, 200, formPage({ collection: c, entry, originalId: id, files: fileList, file, ds }));
      }
      send(res, 404, layout('404', '<p>没有这个页面。<a href="/">返回首页</a></p>'));
    } catch (error) {
      send(res, 500, layout('出错了', `<p>编辑器出错了：${String((error as Error).message).replace(/[<>&]/g, '')}</p>`));
    }
  });

  /** Saves a submitted form and answers with the form again, check's verdict on top. */
  async function save(c: Collection, req: IncomingMessage, res: ServerResponse) {
    const values = formValues(await readBody(req));
    const one = (k: string) => values.get(k)?.[0]?.trim() ?? '';
    let entry = entryFromForm(formFields(c), values) ?? {};
    if (c === 'corrections') entry = typedCorrection(entry);
    const originalId = one('_original') || undefined;
    const file = one('_newFile') ? `data/${c}/${one('_newFile').replace(/\.json$/, '')}.json` : one('_file') || undefined;
    const result = saveEntry(root, { collection: c, entry, originalId, file }, now);
    // One read after the save: the lists and the preview show the project as it now is.
    const after = current(root, now);
    const savedId = typeof entry.id === 'string' ? entry.id : undefined;
    return send(
      res,
      result.saved ? 200 : 422,
      formPage({
        collection: c,
        entry,
        // After a save the form edits the saved entry; after a refusal it stays what it was.
        originalId: result.saved ? savedId : originalId,
        files: isMdx(c) ? [] : after.files.data[c].map((f) => f.path),
        file: isMdx(c) ? undefined : result.path,
        ds: after.ds,
        result,
      }),
    );
  }
  await new Promise<void>((resolve) => server.listen(options.port ?? 4322, '127.0.0.1', resolve));
  self = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, url: `http://${self}/` };
}
