/** Reads the headers we ask static hosts to send (src/publishing/site-files/_headers, Netlify/Cloudflare format) and the nginx sample. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const HEADERS_FILE = resolve('src/publishing/site-files/_headers');
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
    } else if (current && line.trim().startsWith('!')) {
      // "! Name": drop the header an earlier matching rule set (Cloudflare Pages).
      current.set(`!${line.trim().slice(1).trim()}`, '');
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

/** Whether a _headers path pattern ("/*", "/embed/*", "/about/") matches a path. */
const matches = (pattern: string, path: string) => (pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern);

/** The headers a host reading src/publishing/site-files/_headers sends for one path: every matching rule in order, "! Name" dropping one. */
export function headersFor(path: string, rules = parseHeadersFile()): Record<string, string> {
  const headers = new Map<string, string>();
  for (const [pattern, rule] of rules) {
    if (!matches(pattern, path)) continue;
    for (const [name, value] of rule) {
      if (name.startsWith('!')) headers.delete(name.slice(1));
      else headers.set(name, headers.has(name) ? `${headers.get(name)}, ${value}` : value);
    }
  }
  return Object.fromEntries(headers);
}

/**
 * The server-level `add_header Name "value" always;` lines of the nginx sample, with `map $uri $var { … }` variables
 * resolved for `path`; a header whose value comes out empty is not sent (as nginx does).
 */
export function nginxHeaders(text = readFileSync(NGINX_FILE, 'utf8'), path = '/'): Record<string, string> {
  const maps = new Map<string, { pattern: RegExp | undefined; value: string }[]>();
  for (const m of text.matchAll(/^map\s+\$uri\s+\$(\w+)\s*\{([^}]*)\}/gm)) {
    const entries = [...m[2].matchAll(/^\s*(\S+)\s+"([^"]*)";/gm)].map((e) => ({ pattern: e[1] === 'default' ? undefined : new RegExp(e[1].replace(/^~/, '')), value: e[2] }));
    maps.set(m[1], entries);
  }
  const resolve = (value: string) =>
    value.replace(/\$(\w+)/g, (whole, name: string) => {
      const entries = maps.get(name);
      if (!entries) return whole;
      return (entries.find((e) => e.pattern?.test(path)) ?? entries.find((e) => !e.pattern))?.value ?? '';
    });
  return Object.fromEntries(
    [...text.matchAll(/^\s*add_header\s+([\w-]+)\s+"([^"]*)"(?:\s+always)?;/gm)].map((m) => [m[1], resolve(m[2])] as const).filter(([, value]) => value !== ''),
  );
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
