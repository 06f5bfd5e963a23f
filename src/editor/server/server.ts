/**
 * The editor's web server (node:http). It serves the editor's interface (built by `buildEditorUi()`,
 * src/editor/ui/build.ts), routes the entries API (src/editor/api/), and does the plumbing:
 * request limits, Host and Origin checks, LAN mode with accounts and roles, a git commit per save, each entry's
 * history and restore, preview and publication (scripts/build.ts as a child process).
 *
 * By default it listens on 127.0.0.1 only, for the one person at this computer, without a login. In LAN mode it
 * listens on every interface, answers only to the configured names of this machine, and asks each staff member to
 * sign in; only reviewers (审核) publish, and each publication records who approved it.
 */
import { readSiteAddress } from '../../publishing/site-address';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { id as idSchema } from '../../schemas';
import { isCollection, isMdx, type Collection } from '../fields';
import { layout } from './html-page';
import { COLLECTION_LABELS, SERVER } from '../../i18n/editor.zh-CN';
import { HttpError, LIMITS, errorAnswer, readBody, readJson, send, sendHtml, sendJson } from './request';
import { hostAllowed, lanHostNames, originAllowed } from './guard';
import { LoginLimiter, SESSION_COOKIE, Sessions, checkLogin, cookieValue, sessionCookie, type User } from './accounts';
import { Git, entryHistory, entryIn } from './git';
import { BuildJob, previewFolder, runPublishCommand, type JobKind, type JobStatus } from './build-job';
import { readStatic } from './static-files';
import * as entriesApi from '../api/index';
import type { ApiContext } from '../api/index';

/** What src/editor/api/index.ts exports (editor-ui's side of the contract). */
export interface EntriesApi {
  handleEntriesApi(ctx: ApiContext): Promise<{ status: number; json: unknown }>;
  restoreEntry?(ctx: ApiContext, file: string, id: string, json: unknown, hash?: string): Promise<{ status: number; json: unknown }>;
  sitePath?(kind: Collection, entry: Record<string, unknown>): string | undefined;
}

export interface EditorOptions {
  /** The project folder whose data/ and content/ are edited (and whose git repository records each save). */
  root: string;
  /** 0 picks a free port (tests). */
  port?: number;
  /** "Today" for check's date rules (tests fix it). */
  now?: Date;
  /** LAN mode: listen on every interface, accounts required. */
  lan?: boolean;
  /** LAN mode: the host names or addresses colleagues type (default: this machine's LAN addresses and name). */
  hosts?: string[];
  /** The built interface (buildEditorUi(), src/editor/ui/build.ts); absent: the API alone (tests of the server). */
  uiDir?: string;
  /** The preview's port (default: the editor's port + 1; 0 picks a free one). */
  previewPort?: number;
  /** The entries API (default: src/editor/api/index.ts); null: none (tests of the server alone). */
  api?: EntriesApi | null;
  /** Tests: the command a publish or preview runs instead of scripts/build.ts. */
  buildCommand?: (kind: JobKind) => { file: string; args: string[] };
  /** Local mode: the name saves are committed under (default: the computer's user name). */
  localUser?: string;
}

export interface Editor {
  server: Server;
  url: string;
  previewUrl: string;
  close(): Promise<void>;
}

/** Form values as name → all values, built in one pass (a form of 80,000 repeated keys is read in linear time). */
function formValues(body: string): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const [k, v] of new URLSearchParams(body)) {
    const list = values.get(k);
    if (list) list.push(v);
    else values.set(k, [v]);
  }
  return values;
}

/** An entry's file, as the history and restore requests name it: data/<kind>/<name>.json or content/<kind>/<id>.mdx. */
export function entryFile(file: unknown): { file: string; kind: Collection } | undefined {
  if (typeof file !== 'string') return undefined;
  const m = /^(data|content)\/([a-z]+)\/([a-z0-9][a-z0-9-]{0,120})\.(json|mdx)$/.exec(file);
  if (!m || !isCollection(m[2])) return undefined;
  const kind = m[2] as Collection;
  if (isMdx(kind) !== (m[1] === 'content' && m[4] === 'mdx')) return undefined;
  return { file, kind };
}

const validId = (id: unknown): id is string => typeof id === 'string' && id.length <= 200 && idSchema.safeParse(id).success;

const loginPage = (message = '') =>
  layout(
    SERVER.loginTitle,
    `<h1>${SERVER.loginTitle}</h1>${message ? `<p role="alert">${message}</p>` : ''}<form method="post" action="/login"><p><label>${SERVER.loginName}<br><input name="name" autocomplete="username" required></label></p><p><label>${SERVER.loginPassword}<br><input name="password" type="password" autocomplete="current-password" required></label></p><p><button>${SERVER.loginButton}</button></p></form>`,
  );

export async function startEditor(options: EditorOptions): Promise<Editor> {
  const { root, now, lan = false } = options;
  const api: EntriesApi | undefined = options.api === undefined ? entriesApi : (options.api ?? undefined);
  const names = lan ? lanHostNames(options.hosts) : ['127.0.0.1', 'localhost'];
  const bind = lan ? '0.0.0.0' : '127.0.0.1';
  const localUser: User = { name: options.localUser ?? (userInfo().username || '编辑'), role: 'reviewer' };
  const sessions = new Sessions();
  // Five wrong passwords lock a name for 15 minutes; thirty lock an address (a whole office shares few addresses).
  const nameLimiter = new LoginLimiter(5);
  const addressLimiter = new LoginLimiter(30);
  const git = new Git(root);
  await git.ensureRepository().catch(() => undefined);
  const job = new BuildJob(root, options.buildCommand);
  // Writes run one at a time, each with its commit: two saves never interleave between a check and a write, and each
  // commit holds exactly its own change.
  let writes: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const next = writes.then(work);
    writes = next.catch(() => undefined);
    return next;
  };
  let port = 0;
  let previewPort = 0;
  /** Commit failures since the start (the save itself stands; they are shown in /api/me for whoever helps). */
  const gitProblems: string[] = [];

  const userOf = (req: IncomingMessage): User | undefined => (lan ? sessions.get(cookieValue(req.headers.cookie)) : localUser);
  const clientKey = (req: IncomingMessage) => `ip:${req.socket.remoteAddress ?? '?'}`;

  /** When the last save was written, and when the preview last built started: a preview older than a save is stale. */
  let lastWriteAt = Date.now();
  let previewFrom = 0;

  const onWriteFor = (user: User) => async (change: { files: string[]; message: string }) => {
    lastWriteAt = Date.now();
    try {
      await git.commitFiles(change.files, change.message, user.name);
    } catch (error) {
      gitProblems.push(String((error as Error).message).slice(0, 500));
      if (gitProblems.length > 20) gitProblems.shift();
    }
  };

  const previewOrigin = (req: IncomingMessage) => {
    const host = (req.headers.host ?? `127.0.0.1:${port}`).replace(/:\d+$/, '');
    return `http://${host}:${previewPort}`;
  };

  /** The page of the entry saved last (the entries API names it in `preview`), until it is published. */
  let lastSavedPage: string | undefined;
  const noteSavedPage = (method: string, answer: { status: number; json: unknown }) => {
    const { preview, unchanged } = (answer.json ?? {}) as { preview?: unknown; unchanged?: unknown };
    // A save of an entry as it was changes no page: the page to name after 发布 stays the last one changed.
    if (method !== 'GET' && answer.status < 300 && unchanged !== true && typeof preview === 'string' && preview.startsWith('/')) lastSavedPage = preview;
  };

  /** The site path of the entry changed by the latest save since the last publication (or ever, before the first). */
  async function changedPage(since: string | undefined): Promise<string | undefined> {
    const log = await git.run(['log', '--name-only', '--format=%x1e%H', ...(since ? [`${since}..HEAD`] : ['-n50']), '--', 'data', 'content']).catch(() => '');
    for (const record of log.split('\x1e').filter((r) => r.trim())) {
      const [hash, ...names] = record.trim().split('\n').map((l) => l.trim());
      // A save changes one file; a commit of many (the project's first, a technician's batch) names no one page.
      if (names.filter(Boolean).length > 2) continue;
      for (const name of names) {
        const target = entryFile(name);
        if (!target) continue;
        const pathOf = (entry: Record<string, unknown>) => api?.sitePath?.(target.kind, entry) ?? (typeof entry.id === 'string' ? `/${target.kind}/${entry.id}/` : undefined);
        if (isMdx(target.kind)) return pathOf({ id: name.replace(/^.*\/|\.mdx$/g, '') });
        const [before, after] = await Promise.all([git.show(`${hash}^`, name), git.show(hash, name)]);
        let list: unknown;
        try {
          list = JSON.parse(after ?? '[]');
        } catch {
          continue;
        }
        if (!Array.isArray(list)) continue;
        const changed = (list as Record<string, unknown>[]).find((e) => typeof e?.id === 'string' && JSON.stringify(entryIn(before, e.id as string)) !== JSON.stringify(e));
        if (changed) return pathOf(changed);
      }
    }
    return undefined;
  }

  function startBuild(kind: JobKind, user: User, path?: string): boolean {
    const startedAt = Date.now();
    return job.start(kind, kind === 'publish' ? SERVER.publishStarted : SERVER.previewStarted, async (ok, log): Promise<Partial<JobStatus>> => {
      if (kind === 'preview') {
        if (!ok) return {};
        previewFrom = startedAt;
        const since = await git.lastPublication();
        const page = path ?? lastSavedPage ?? (await changedPage(since)) ?? '/';
        return { url: `${previewOrigin({ headers: { host: `${currentHost}` } } as IncomingMessage)}${page}` };
      }
      if (!ok) return {};
      const upload = process.env.YIGONGTI_PUBLISH_COMMAND;
      if (upload && !(await runPublishCommand(root, upload, log))) return { state: 'failed', problems: [SERVER.uploadFailed] };
      const since = await git.lastPublication();
      const page = lastSavedPage ?? (await changedPage(since));
      lastSavedPage = undefined;
      await git.recordPublication(user.name, SERVER.approved(user.name)).catch((e) => gitProblems.push(String(e.message)));
      // The public address of the changed page; without a public SITE_URL (a preview build) only its path, which the
      // interface offers as a preview instead of a link to a local address nobody serves.
      let site: URL | undefined;
      try {
        site = readSiteAddress(process.env.SITE_URL).public;
      } catch {
        site = undefined;
      }
      return { url: page && site ? new URL(page, site).href : undefined, path: page, approvedBy: user.name };
    });
  }
  // The host the last build was asked from, for the preview's address.
  let currentHost = '';

  /** A file as last published (the last 签发 commit), for the API to tell what readers saw; undefined without one. */
  async function publishedText(file: string): Promise<{ text: string | undefined } | undefined> {
    const hash = await git.lastPublication();
    return hash ? { text: await git.show(hash, file) } : undefined;
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, user: User) {
    const method = req.method ?? 'GET';
    const path = url.pathname;
    if (path === '/api/history' && method === 'GET') {
      const target = entryFile(url.searchParams.get('file'));
      const id = url.searchParams.get('id');
      if (!target) throw new HttpError(400, SERVER.badFile);
      if (!validId(id)) throw new HttpError(400, SERVER.badId);
      return sendJson(res, 200, { commits: await entryHistory(git, target.file, id) });
    }
    if (path === '/api/history/restore' && method === 'POST') {
      const body = (await readJson(req, LIMITS.body)) as { file?: unknown; id?: unknown; hash?: unknown };
      const target = entryFile(body.file);
      if (!target) throw new HttpError(400, SERVER.badFile);
      if (!validId(body.id)) throw new HttpError(400, SERVER.badId);
      if (typeof body.hash !== 'string' || !/^[0-9a-f]{40}$/.test(body.hash)) throw new HttpError(400, SERVER.versionMissing);
      if (!api?.restoreEntry) throw new HttpError(501, SERVER.apiMissing);
      const text = await git.show(body.hash, target.file);
      const earlier = text === undefined ? undefined : isMdx(target.kind) ? text : entryIn(text, body.id);
      if (earlier === undefined) throw new HttpError(404, SERVER.versionMissing);
      const ctx: ApiContext = { method, path, query: url.searchParams, body, user, root, onWrite: onWriteFor(user) };
      const answer = await oneAtATime(() => api.restoreEntry!(ctx, target.file, body.id as string, earlier, body.hash as string));
      noteSavedPage(method, answer);
      return sendJson(res, answer.status, answer.json);
    }
    if ((path === '/api/publish' || path === '/api/preview') && method === 'POST') {
      const kind: JobKind = path === '/api/publish' ? 'publish' : 'preview';
      const body = (await readJson(req, LIMITS.body)) as { path?: unknown };
      if (kind === 'publish' && user.role !== 'reviewer') throw new HttpError(403, SERVER.reviewerOnly);
      const page = typeof body.path === 'string' && /^\/[^\s\\]{0,300}$/.test(body.path) && !body.path.includes('..') ? body.path : undefined;
      currentHost = req.headers.host ?? '';
      if (!startBuild(kind, user, page)) throw new HttpError(409, SERVER.busy);
      return sendJson(res, 202, { job: job.status() });
    }
    if ((path === '/api/publish/status' || path === '/api/preview/status') && method === 'GET') return sendJson(res, 200, job.status());
    // Every other /api/ address belongs to the entries API (it answers 404 for one it does not know): a list of its
    // addresses here once left /api/body/check unanswered in the real editor while the UI's stand-in served it.
    if (!api) throw new HttpError(501, SERVER.apiMissing);
    const upload = /^\/api\/(import|images)(\/|$)/.test(path);
    const body = method === 'GET' || method === 'HEAD' ? undefined : await readJson(req, upload ? LIMITS.upload : LIMITS.body);
    const ctx: ApiContext = { method, path, query: url.searchParams, body, user, root, onWrite: onWriteFor(user), published: publishedText };
    const answer = method === 'GET' || method === 'HEAD' ? await api.handleEntriesApi(ctx) : await oneAtATime(() => api.handleEntriesApi(ctx));
    noteSavedPage(method, answer);
    return sendJson(res, answer.status, answer.json);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const method = req.method ?? 'GET';
    if (!hostAllowed(req.headers.host, names, port)) return sendJson(res, 403, { zh: SERVER.wrongHost });
    if (!originAllowed(method, req.headers, lan)) return sendJson(res, 403, { zh: SERVER.wrongOrigin });
    // The request's address is a path on this server, whatever it looks like ("//%E4%B8" is a path, not a host).
    let url: URL;
    try {
      url = new URL(`http://editor.invalid${(req.url ?? '/').startsWith('/') ? req.url : '/'}`);
    } catch {
      return sendJson(res, 404, { zh: SERVER.notFound });
    }
    const path = url.pathname;
    const user = userOf(req);

    if (path === '/api/me' && method === 'GET') return sendJson(res, 200, { user: user ?? null, mode: lan ? 'lan' : 'local', gitProblems: gitProblems.length ? gitProblems : undefined });
    if ((path === '/api/login' || path === '/login') && method === 'POST') {
      const form = path === '/login';
      const body = form ? Object.fromEntries(formValues((await readBody(req, LIMITS.body)).toString('utf8'))) : ((await readJson(req, LIMITS.body)) as Record<string, unknown>);
      const first = (v: unknown) => String(Array.isArray(v) ? v[0] : (v ?? '')).slice(0, 200);
      const name = first(body.name).trim();
      const keys = { address: [clientKey(req)], name: [`name:${name}`] };
      if (!lan) return sendJson(res, 200, { user: localUser });
      if (nameLimiter.blocked(keys.name) || addressLimiter.blocked(keys.address)) return form ? sendHtml(res, 429, loginPage(SERVER.loginLimited)) : sendJson(res, 429, { zh: SERVER.loginLimited });
      const found = await checkLogin(root, name, first(body.password));
      if (!found) {
        nameLimiter.fail(keys.name);
        addressLimiter.fail(keys.address);
        return form ? sendHtml(res, 401, loginPage(SERVER.loginFailed)) : sendJson(res, 401, { zh: SERVER.loginFailed });
      }
      nameLimiter.succeed(keys.name);
      const cookie = sessionCookie(sessions.create(found), 12 * 3600);
      if (form) return send(res, 303, '', 'text/plain', { location: '/', 'set-cookie': cookie });
      return sendJson(res, 200, { user: found }, { 'set-cookie': cookie });
    }
    if (path === '/api/logout' && method === 'POST') {
      sessions.drop(cookieValue(req.headers.cookie));
      return sendJson(res, 200, { zh: SERVER.loggedOut }, { 'set-cookie': `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0` });
    }
    if (path === '/login' && method === 'GET') return sendHtml(res, 200, loginPage());

    if (path.startsWith('/api/')) {
      if (!user) return sendJson(res, 401, { zh: SERVER.loginNeeded });
      return handleApi(req, res, url, user);
    }
    if (path === '/preview' || path.startsWith('/preview/')) return previewPage(req, res, url, user);
    if (method !== 'GET' && method !== 'HEAD') return sendJson(res, 405, { zh: SERVER.notAllowed });
    if (!options.uiDir) return sendHtml(res, 503, layout(SERVER.noInterface, `<p>${SERVER.noInterface}</p>`));
    const file = readStatic(options.uiDir, path) ?? (path === '/' || path.startsWith('/edit/') ? readStatic(options.uiDir, '/index.html') : undefined);
    if (!file) return sendHtml(res, 404, layout('404', `<p>${SERVER.notFound}<a href="/">返回首页</a></p>`));
    return send(res, 200, file.body, file.type);
  }

  /**
   * /preview/<site path>: the page on the preview server when the preview is newer than the last save; otherwise a
   * page that builds the preview (the same staged build, into .editor/preview/) and reloads itself until it is ready.
   */
  function previewPage(req: IncomingMessage, res: ServerResponse, url: URL, user: User | undefined) {
    if (!user) return send(res, 303, '', 'text/plain', { location: '/login' });
    const sitePath = (url.pathname.slice('/preview'.length) || '/') + url.search;
    const status = job.status();
    const fresh = previewFrom > lastWriteAt && existsSync(previewFolder(root));
    if (fresh && !(status.kind === 'preview' && status.state === 'running')) return send(res, 302, '', 'text/plain', { location: `${previewOrigin(req)}${sitePath}` });
    const esc = (t: string) => t.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
    if (status.kind === 'preview' && status.state === 'failed' && previewFrom <= lastWriteAt && status.startedAt && Date.parse(status.startedAt) > lastWriteAt) {
      return sendHtml(res, 200, layout('预览', `<h1>预览</h1><p role="alert">${SERVER.previewFailed}</p><ul>${(status.problems ?? []).map((p) => `<li>${esc(p.split('\n')[0])}</li>`).join('')}</ul><p><a href="/">返回编辑器</a></p>`));
    }
    // Only a click from the editor's own pages starts a build (not a link on another site).
    const site = req.headers['sec-fetch-site'];
    const ownClick = site === undefined ? !lan : site === 'same-origin' || site === 'none';
    if (!job.running && ownClick) {
      currentHost = req.headers.host ?? '';
      startBuild('preview', user, sitePath);
    }
    const now = job.status();
    const line = now.state === 'running' ? (now.lines.at(-1) ?? '') : '';
    const what = now.kind === 'publish' && now.state === 'running' ? '正在发布，发布完成后再生成预览……' : SERVER.previewStarted;
    return sendHtml(
      res,
      200,
      layout('正在生成预览', `<h1>正在生成预览</h1><p role="status">${what}</p><p>大约需要一两分钟，这一页会自动刷新。</p><pre>${esc(line)}</pre>`),
      { refresh: '3' },
    );
  }

  const answerError = (req: IncomingMessage, res: ServerResponse, error: unknown) => {
    const { status, json } = errorAnswer(error);
    if (status === 500) console.error(error);
    if ((req.url ?? '').startsWith('/api/')) return sendJson(res, status, json);
    sendHtml(res, status, layout(status >= 500 ? '出错了' : String(status), `<p>${json.zh}</p>${json.tech ? `<details><summary>技术细节</summary><pre>${json.tech.replace(/[<>&]/g, '')}</pre></details>` : ''}<p><a href="/">返回首页</a></p>`));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => answerError(req, res, error));
  });
  // A slow or stalled client cannot hold the editor: headers within 20 s, the whole request within 2 minutes.
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;

  const preview = createServer((req, res) => {
    try {
      if (!hostAllowed(req.headers.host, names, previewPort)) return sendJson(res, 403, { zh: SERVER.wrongHost });
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { zh: SERVER.notAllowed });
      if (!userOf(req)) return sendHtml(res, 401, layout(SERVER.loginTitle, `<p>${SERVER.loginNeeded}</p>`));
      const folder = previewFolder(root);
      if (!existsSync(folder)) return sendHtml(res, 404, layout('预览', `<p>${SERVER.previewNone}</p>`));
      const url = new URL(req.url ?? '/', 'http://preview.invalid');
      const file = readStatic(folder, url.pathname);
      if (file) return send(res, 200, file.body, file.type);
      const missing = readStatic(folder, '/404.html');
      return send(res, 404, missing?.body ?? SERVER.notFound, missing?.type ?? 'text/plain; charset=utf-8');
    } catch (error) {
      answerError(req, res, error);
    }
  });

  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(options.port ?? 4322, bind, () => resolve()));
  port = (server.address() as AddressInfo).port;
  const wantedPreview = options.previewPort ?? (options.port === 0 ? 0 : port + 1);
  const listenPreview = (at: number) => new Promise<void>((resolve, reject) => preview.once('error', reject).listen(at, bind, () => resolve()));
  // The next port taken by something else: any free one (the editor links to wherever the preview listens).
  await listenPreview(wantedPreview).catch((error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' ? listenPreview(0) : Promise.reject(error)));
  previewPort = (preview.address() as AddressInfo).port;
  server.on('close', () => preview.close());
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections?.();
      preview.closeAllConnections?.();
      server.close(() => resolve());
    });
  return { server, url: `http://127.0.0.1:${port}/`, previewUrl: `http://127.0.0.1:${previewPort}/`, close };
}
