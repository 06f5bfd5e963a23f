/**
 * Reading and answering requests so that no request can stop the editor: every body is bounded (413) and read at most
 * once, a client that goes away mid-upload only ends its own request, and every error becomes an answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SERVER } from '../../i18n/editor.zh-CN';

/** Body limits in bytes: forms and JSON edits are small; uploads carry an image or a spreadsheet as base64. */
export const LIMITS = { body: 1_000_000, upload: 16_000_000 } as const;

/** An error that is answered with its status and Chinese message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly zh: string,
    message = zh,
  ) {
    super(message);
  }
}

/** The request's body, refused with 413 once it passes `limit` bytes (by its declared length or as it arrives). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) return reject(new HttpError(413, SERVER.tooLarge));
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      if (error) {
        // Whatever else the client sends is read and dropped, never kept.
        req.resume();
        reject(error);
      } else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) settle(new HttpError(413, SERVER.tooLarge));
      else chunks.push(chunk);
    };
    const onEnd = () => settle();
    const onError = (error: Error) => settle(new HttpError(400, SERVER.badRequest, error.message));
    const onClose = () => settle(new HttpError(400, SERVER.badRequest, 'the client went away before sending its whole body'));
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

/** A JSON body (any value), 415 when it is not declared JSON (so no cross-site form can post it), 400 when unreadable. */
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  // A POST with no body at all (a button's fetch) carries nothing to parse; any body must be declared JSON.
  const empty = req.headers['transfer-encoding'] === undefined && Number(req.headers['content-length'] ?? 0) === 0;
  if (empty && type === '') return {};
  if (type !== 'application/json') throw new HttpError(415, SERVER.notJson);
  const text = (await readBody(req, limit)).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, SERVER.badJson);
  }
}

const COMMON = { 'cache-control': 'no-store', 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin' };

/** Answers once; a response whose client has gone is left alone. */
export function send(res: ServerResponse, status: number, body: string | Buffer, type: string, headers: Record<string, string | string[]> = {}) {
  if (res.headersSent || res.destroyed || res.writableEnded) return;
  // The rest of a refused body is read and dropped by node (the request is dumped), so the client receives the answer.
  res.writeHead(status, { ...COMMON, 'content-type': type, ...headers });
  res.end(body);
}

/** Answers kept and sent again unchanged (the list of every entry, frozen by the API), serialized once. */
const serialized = new WeakMap<object, string>();

export function sendJson(res: ServerResponse, status: number, json: unknown, headers: Record<string, string | string[]> = {}) {
  const kept = json !== null && typeof json === 'object' && Object.isFrozen(json) ? json : undefined;
  let text = kept && serialized.get(kept);
  if (text === undefined) {
    text = JSON.stringify(json);
    if (kept) serialized.set(kept, text);
  }
  send(res, status, text, 'application/json; charset=utf-8', headers);
}

export const sendHtml = (res: ServerResponse, status: number, html: string, headers: Record<string, string | string[]> = {}) =>
  send(res, status, html, 'text/html; charset=utf-8', headers);

/** The answer to an error: its own status and message, or 500 with the technical details folded away. */
export function errorAnswer(error: unknown): { status: number; json: { zh: string; tech?: string } } {
  if (error instanceof HttpError) return { status: error.status, json: { zh: error.zh, tech: error.message === error.zh ? undefined : error.message } };
  return { status: 500, json: { zh: SERVER.failed, tech: String((error as Error)?.stack ?? error).slice(0, 4000) } };
}
