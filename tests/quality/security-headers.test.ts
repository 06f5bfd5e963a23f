/**
 * Security headers for static hosting: one policy, written in src/publishing/site-files/_headers and docs/nginx.conf, strict enough
 * (no 'unsafe-inline' scripts, nothing from other hosts) and matching what the build emits: every inline script
 * and style Astro writes must be allowed by hash, and no element may rely on a style attribute.
 * (That the site works under the policy is tested in Chromium: tests/browser/quality-csp.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, builtPages, readDist } from '../support/site-pages';
import { HEADERS_FILE, headersFor, nginxHeaders, parseCsp, parseHeadersFile, siteHeaders } from '../support/security-headers';

const headers = siteHeaders();
const csp = parseCsp(headers['Content-Security-Policy'] ?? '');
const sourcesFor = (directive: string) => csp.get(directive) ?? csp.get('default-src') ?? [];
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
/** Script types the browser runs. */
const RUNS = (type: string | undefined) => !type || /^(module|text\/javascript|application\/javascript)$/i.test(type);

describe('security headers', () => {
  it('every page gets a strict Content-Security-Policy and the usual hardening headers', () => {
    expect(Object.keys(headers)).toEqual(
      expect.arrayContaining(['Content-Security-Policy', 'X-Content-Type-Options', 'Referrer-Policy', 'Permissions-Policy', 'X-Frame-Options']),
    );
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    const scripts = sourcesFor('script-src');
    expect(scripts).toContain("'self'");
    for (const forbidden of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'blob:', 'http:', 'https:']) expect(scripts).not.toContain(forbidden);
    expect(scripts.filter((s) => /^(https?:\/\/|\*\.)/.test(s)), 'scripts from other hosts').toEqual([]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(sourcesFor('style-src')).not.toContain("'unsafe-inline'");
  });

  it('the nginx sample sends exactly the same headers', () => {
    expect(nginxHeaders()).toEqual(headers);
    for (const path of ['/', '/indicators/x/', '/embed/indicators/x/', '/embedded/']) expect(nginxHeaders(undefined, path), path).toEqual(headersFor(path));
  });

  it('only embed views may be framed, by any site; they keep the rest of the policy', () => {
    const framing = (path: string) => parseCsp(headersFor(path)['Content-Security-Policy'] ?? '').get('frame-ancestors');
    for (const path of ['/', '/indicators/x/', '/groups/x/', '/embedded/', '/data/observations.csv', '/x/embed/indicators/y/']) {
      expect(framing(path), path).toEqual(["'none'"]);
      expect(headersFor(path)['X-Frame-Options'], path).toBe('DENY');
    }
    const embed = headersFor('/embed/indicators/x/');
    expect(framing('/embed/indicators/x/')).toEqual(['*']);
    expect(embed['X-Frame-Options']).toBeUndefined();
    // One policy, not two joined: a browser would enforce both, and 'none' would win.
    expect(embed['Content-Security-Policy']).not.toContain(', ');
    const rest = (policy: string) => [...parseCsp(policy)].filter(([d]) => d !== 'frame-ancestors');
    expect(rest(embed['Content-Security-Policy'])).toEqual(rest(headers['Content-Security-Policy']));
    const { 'Content-Security-Policy': _a, 'X-Frame-Options': _b, ...others } = headers;
    const { 'Content-Security-Policy': _c, ...embedOthers } = embed;
    expect(embedOthers).toEqual(others);
  });

  it('the build writes src/publishing/site-files/_headers into dist/', () => {
    expect(existsSync(join(DIST, '_headers'))).toBe(true);
    expect(parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8'))).toEqual(parseHeadersFile(readFileSync(HEADERS_FILE, 'utf8')));
  });

  it('every page also carries the policy in a <meta http-equiv>, for hosts that ignore _headers', () => {
    const problems: string[] = [];
    for (const { file, url } of builtPages()) {
      const html = readDist(file);
      const metas = [...html.matchAll(/<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/gi)];
      if (metas.length !== 1) {
        problems.push(`${url}: ${metas.length} CSP <meta> elements`);
        continue;
      }
      // It must come before anything from the page's text, or what precedes it would not be covered.
      if (metas[0].index! > html.indexOf('<body')) problems.push(`${url}: the CSP <meta> is not in <head>`);
      const meta = parseCsp(metas[0][1].replaceAll('&#39;', "'"));
      for (const [directive, sources] of csp) {
        // frame-ancestors is ignored in a <meta>; it stays a header. Script and style hashes are the meta's own.
        if (directive === 'frame-ancestors') continue;
        const got = meta.get(directive) ?? [];
        const missing = ['script-src', 'style-src'].includes(directive) ? sources.filter((s) => !s.startsWith("'sha")).filter((s) => !got.includes(s)) : [];
        if (!['script-src', 'style-src'].includes(directive) && got.join(' ') !== sources.join(' ')) problems.push(`${url}: <meta> ${directive} is "${got.join(' ')}", header "${sources.join(' ')}"`);
        if (missing.length) problems.push(`${url}: <meta> ${directive} lacks ${missing.join(' ')}`);
      }
      for (const directive of ['script-src', 'style-src']) {
        for (const s of meta.get(directive) ?? []) if (!s.startsWith("'sha") && !(csp.get(directive) ?? []).includes(s)) problems.push(`${url}: <meta> ${directive} allows ${s}`);
      }
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        if (/\ssrc\s*=/.test(m[1]) || !m[2] || !RUNS(/\stype\s*=\s*["']?([^"'\s>]+)/i.exec(m[1])?.[1])) continue;
        if (!(meta.get('script-src') ?? []).includes(sha256(m[2]))) problems.push(`${url}: inline script not allowed by the <meta> policy: ${m[2].slice(0, 50)}…`);
      }
    }
    expect(problems.slice(0, 20), problems.slice(0, 20).join('\n')).toEqual([]);
  });

  it('every inline script and style in dist/ is allowed by its hash, and no element uses a style attribute', () => {
    const scriptSources = new Set(sourcesFor('script-src'));
    const styleSources = new Set(sourcesFor('style-src'));
    const attrStyles = csp.get('style-src-attr') ?? sourcesFor('style-src');
    const problems = new Map<string, string[]>();
    const note = (what: string, url: string) => problems.set(what, [...(problems.get(what) ?? []), url]);
    for (const { file, url } of builtPages()) {
      const html = readDist(file);
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        const attrs = m[1];
        if (/\ssrc\s*=/.test(attrs) || !m[2]) continue;
        if (!RUNS(/\stype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1])) continue;
        const hash = sha256(m[2]);
        if (!scriptSources.has(hash)) note(`inline script not allowed by script-src — add ${hash} or move it to a file: ${m[2].slice(0, 50)}…`, url);
      }
      for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
        const hash = sha256(m[1]);
        if (!styleSources.has(hash)) note(`inline style not allowed by style-src — add ${hash} or move it to a stylesheet: ${m[1].slice(0, 50)}…`, url);
      }
      if (!attrStyles.includes("'unsafe-inline'")) {
        for (const m of html.matchAll(/<([a-z][\w-]*)\b[^>]*\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi)) {
          note(`<${m[1]} style=${m[2].slice(0, 40)}> is blocked by the CSP — use a class`, url);
        }
      }
    }
    const lines = [...problems].map(([what, urls]) => `  ${what}\n      on ${urls.length} page(s): ${urls.slice(0, 5).join(', ')}`);
    expect(lines, lines.join('\n')).toEqual([]);
  });
});
