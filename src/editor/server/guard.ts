/**
 * Which requests the editor answers. A web page open elsewhere in the staff member's browser must not be able to read
 * or write through the editor: the Host header must name the editor by one of its own names (no DNS rebinding), and a
 * request that changes anything must come from the editor's own pages (its Origin, when the browser sends one).
 */
import { hostname, networkInterfaces } from 'node:os';

/** The names a browser may use for this machine in LAN mode: its LAN addresses and host name, unless configured. */
export function lanHostNames(configured: string[] = []): string[] {
  if (configured.length) return [...new Set(['127.0.0.1', 'localhost', ...configured.map((h) => h.trim().toLowerCase()).filter(Boolean)])];
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4')
    .map((a) => a!.address);
  const name = hostname().toLowerCase();
  return [...new Set(['127.0.0.1', 'localhost', ...addresses, name, `${name}.local`])];
}

/** Whether the Host header is one of `names` with the editor's port (`127.0.0.1:4322`). */
export function hostAllowed(host: string | undefined, names: readonly string[], port: number): boolean {
  if (!host) return false;
  const m = /^(\[[0-9a-f:.]+\]|[^:\s/]+)(?::(\d+))?$/i.exec(host.trim());
  if (!m) return false;
  const name = m[1].toLowerCase();
  const p = m[2] === undefined ? 80 : Number(m[2]);
  return p === port && names.includes(name);
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request may change something. Browsers send Origin with every POST, PUT and DELETE (forms and fetch); it
 * must be the editor itself. Without Origin, Sec-Fetch-Site must not say another site; in LAN mode Origin is required.
 */
export function originAllowed(method: string, headers: { origin?: string; host?: string; 'sec-fetch-site'?: string | string[] }, lan: boolean): boolean {
  if (SAFE.has(method)) return true;
  const origin = headers.origin;
  if (origin === undefined) {
    const site = headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
    return !lan;
  }
  return origin === `http://${headers.host}`;
}
