/** Requests to the editor server as a browser (or an attacker) sends them: any method, headers and body. */
import { request } from 'node:http';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

export function call(base: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: options.method ?? 'GET',
        // A body always has its length declared (node sends DELETE's body unframed otherwise), unless sent chunked.
        headers: { host: url.host, ...(options.body !== undefined && !options.headers?.['transfer-encoding'] ? { 'content-length': String(Buffer.byteLength(options.body)) } : {}), ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on('error', reject);
      },
    );
    // The server may answer (413) and close before the whole body is written: the answer still counts.
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body, () => undefined);
    req.end();
  });
}

/** A JSON request from the editor's own page (its Origin). */
export function callJson(base: string, path: string, method: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const origin = new URL(base).origin;
  return call(base, path, { method, headers: { 'content-type': 'application/json', origin, ...headers }, body: JSON.stringify(body) });
}
