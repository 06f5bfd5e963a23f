/**
 * The editors' guide tells hosts to cache some paths for a year (docs/编辑指南.md, its nginx sample). That is safe only
 * if every file those paths serve in the built site carries a content hash in its name, and if pages, feeds and the
 * search entry files are cached briefly. Checked against the real dist/ with nginx's own location matching order.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { filesUnder } from '../support/site-pages';

interface Rule {
  where: string;
  matches: (path: string) => boolean;
  regex: boolean;
  prefixLength: number;
  expires: string;
}

function nginxRules(): Rule[] {
  const guide = readFileSync('docs/编辑指南.md', 'utf8');
  const config = guide.match(/```nginx\n([\s\S]*?)```/)?.[1];
  if (!config) throw new Error('docs/编辑指南.md has no nginx sample');
  return [...config.matchAll(/location\s+(~\s+)?(\S+)\s*\{([^}]*)\}/g)].map(([, tilde, where, body]) => {
    const expires = body.match(/expires\s+(\S+);/)?.[1] ?? 'none';
    const regex = Boolean(tilde);
    return { where, regex, expires, prefixLength: regex ? 0 : where.length, matches: regex ? (p) => new RegExp(where).test(p) : (p) => p.startsWith(where) };
  });
}

/** The location nginx picks: the first matching regex, else the longest matching prefix. */
function ruleFor(rules: Rule[], path: string): Rule {
  const regex = rules.find((r) => r.regex && r.matches(path));
  if (regex) return regex;
  return rules.filter((r) => !r.regex && r.matches(path)).sort((a, b) => b.prefixLength - a.prefixLength)[0];
}

/** A name that changes whenever the content does: Astro's `name.HASH8.ext`, the search index's `/search-index/HASH/…`. */
const HASHED = /\.[A-Za-z0-9_-]{8}\.[a-z0-9]+$|^\/search-index\/[0-9a-f]{12}\//;

describe('caching advice in the editors guide', () => {
  const files = filesUnder(resolve('dist')).map((f) => `/${f}`);
  const rules = nginxRules();

  it('there is a built site to check', () => {
    expect(files.length, 'run npm run build first').toBeGreaterThan(10);
  });

  it('caches for a year only files whose names carry a content hash, and there are such files', () => {
    const longCached = files.filter((f) => ruleFor(rules, f)?.expires === '1y');
    expect(longCached.some((f) => f.startsWith('/_astro/'))).toBe(true);
    expect(longCached.some((f) => f.startsWith('/search-index/'))).toBe(true);
    expect(longCached.filter((f) => !HASHED.test(f))).toEqual([]);
  });

  it('caches pages, feeds and the search entry files only briefly', () => {
    const mustBeFresh = files.filter((f) => /\.(html|xml)$/.test(f) || f === '/search-index.json');
    expect(mustBeFresh.length).toBeGreaterThan(5);
    expect(mustBeFresh.filter((f) => ruleFor(rules, f)?.expires !== '5m')).toEqual([]);
  });
});
