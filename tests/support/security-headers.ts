/** Reads the headers we ask static hosts to send (public/_headers, Netlify/Cloudflare format) and the nginx sample. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const HEADERS_FILE = resolve('public/_headers');
export const NGINX_FILE = resolve('docs/nginx.conf');

/** Path pattern → header name → value, in file order. */
export function parseHeadersFile(text = readFileSync(HEADERS_FILE, 'utf8')): Map<string, Map<string, string>> {
  const rules = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = rules.get(line.trim()) ?? new Map();
      rules.set(line.trim(), current);
    } else if (current) {
      const colon = line.indexOf(':');
      current.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
    }
  }
  return rules;
}

/** The headers every page gets (the `/*` rule). */
export function siteHeaders(): Record<string, string> {
  return Object.fromEntries(parseHeadersFile().get('/*') ?? []);
}

/** `add_header Name "value" always;` lines of the nginx sample. */
export function nginxHeaders(text = readFileSync(NGINX_FILE, 'utf8')): Record<string, string> {
  return Object.fromEntries([...text.matchAll(/^\s*add_header\s+([\w-]+)\s+"([^"]*)"(?:\s+always)?;/gm)].map((m) => [m[1], m[2]]));
}

/** CSP directive → its sources. */
export function parseCsp(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name.toLowerCase(), sources]),
  );
}
