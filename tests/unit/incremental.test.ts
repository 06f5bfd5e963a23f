/**
 * Incremental publishing's plan, in-process (src/publishing/incremental*.ts): which files a build renders, which it
 * takes from the last published site, when a manifest may be trusted, and that publishing never leaves a manifest
 * describing another site. The whole build is held to a full build in tests/build/editor-publish.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MANIFEST_VERSION, fingerprint, incrementalPaths, outputFile, reusedRoute, routePath, type IncrementalState, type Manifest } from '../../src/publishing/incremental';
import { MANIFEST_FILE, codeFingerprint, readPublishedManifest } from '../../src/publishing/incremental-build';
import { STAGING, publish } from '../../src/publishing/publish';

describe('where a path is written', () => {
  it('pages as index.html in their folder, endpoints as named, rest parameters with their slashes', () => {
    expect(outputFile(routePath('/groups/[id]/', { id: 'mengjin-first' }))).toBe('groups/mengjin-first/index.html');
    expect(outputFile(routePath('/regions/[id]/[list]/', { id: 'henan', list: 'groups' }))).toBe('regions/henan/groups/index.html');
    expect(outputFile(routePath('/data/[...file]', { file: 'groups/zizhong.csv' }))).toBe('data/groups/zizhong.csv');
    expect(outputFile(routePath('/finder/[shard].json', { shard: 'py-zz' }))).toBe('finder/py-zz.json');
    expect(outputFile(routePath('/indicators/[id]/[file].svg', { id: 'a', file: 'a-trend' }))).toBe('indicators/a/a-trend.svg');
  });

  it('refuses a route whose parameter has no value (a wrong route name would otherwise reuse the wrong file)', () => {
    expect(() => routePath('/groups/[id]/', {})).toThrow(/\[id\]/);
  });
});

describe('fingerprints of what a page is made of', () => {
  const make = () => ({ name: '资中县人民医院', members: [{ id: 'a', count: 13 }], since: new Date('2024-08-01'), links: new Map([['a', new URL('https://example.org/x')]]) });
  const view = make();
  const clone = make;

  it('are equal for equal values and differ when anything in them differs, however deep', () => {
    expect(fingerprint(clone())).toBe(fingerprint(view));
    const renamed = clone();
    renamed.name = '资中县第一人民医院';
    const counted = clone();
    counted.members[0].count = 14;
    const dated = clone();
    dated.since = new Date('2024-09-01');
    const linked = clone();
    linked.links.set('a', new URL('https://example.org/y'));
    const prints = [view, renamed, counted, dated, linked].map(fingerprint);
    expect(new Set(prints).size).toBe(5);
  });

  it('tell apart values whose text runs together the same ("ab","c" / "a","bc"; 1 / "1"; null / missing)', () => {
    expect(fingerprint(['ab', 'c'])).not.toBe(fingerprint(['a', 'bc']));
    expect(fingerprint([1])).not.toBe(fingerprint(['1']));
    expect(fingerprint({ a: null })).not.toBe(fingerprint({}));
    expect(fingerprint(new Set(['a']))).not.toBe(fingerprint(['a']));
    expect(fingerprint(new TextEncoder().encode('a,b'))).not.toBe(fingerprint(new TextEncoder().encode('a,c')));
  });

  it('cannot be taken of a function, a class instance or a loop (such a file is always rendered)', () => {
    class Box {
      constructor(readonly value: number) {}
    }
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(fingerprint({ bytes: () => 1 })).toBeUndefined();
    expect(fingerprint([new Box(1)])).toBeUndefined();
    expect(fingerprint(loop)).toBeUndefined();
  });
});

describe('which paths a build renders', () => {
  const groups = [{ params: { id: 'a' } }, { params: { id: 'b' } }, { params: { id: 'c' } }];
  const views: Record<string, unknown> = { a: { name: '甲' }, b: { name: '乙' }, c: { name: '丙' } };
  const madeOf = (p: { params: { id: string } }) => views[p.params.id];
  const state = (base?: IncrementalState['base']): IncrementalState => ({ code: 'code', base, files: new Map(), pages: new Set(), reused: new Set() });
  afterEach(() => (globalThis.__yigongtiIncremental = undefined));

  it('all of them outside npm run build (npm run dev, a bare astro build), computing nothing', () => {
    globalThis.__yigongtiIncremental = undefined;
    expect(incrementalPaths('/groups/[id]/', groups, () => expect.unreachable())).toEqual(groups);
  });

  it('all of them without a last site, recording each file and page for the next build', () => {
    const s = (globalThis.__yigongtiIncremental = state());
    expect(incrementalPaths('/groups/[id]/', groups, madeOf)).toEqual(groups);
    expect([...s.files.keys()]).toEqual(['groups/a/index.html', 'groups/b/index.html', 'groups/c/index.html']);
    expect([...s.pages]).toEqual(['/groups/a/', '/groups/b/', '/groups/c/']);
    expect(s.reused.size).toBe(0);
  });

  it('only those whose view changed, or whose file the last site lacks; the rest are reused', () => {
    const first = (globalThis.__yigongtiIncremental = state());
    incrementalPaths('/groups/[id]/', groups, madeOf);
    const files = Object.fromEntries(first.files);
    const next = (globalThis.__yigongtiIncremental = state({ dir: '/dist', files, has: (f) => f !== 'groups/c/index.html' }));
    views.b = { name: '乙二' };
    expect(incrementalPaths('/groups/[id]/', groups, madeOf).map((p) => p.params.id)).toEqual(['b', 'c']);
    expect([...next.reused]).toEqual(['groups/a/index.html']);
    // Every page is still listed (the sitemap lists rendered and reused pages alike).
    expect(next.pages.size).toBe(3);
  });

  it('a path no longer made is neither rendered nor reused (its file leaves the site)', () => {
    const first = (globalThis.__yigongtiIncremental = state());
    incrementalPaths('/groups/[id]/', groups, madeOf);
    const next = (globalThis.__yigongtiIncremental = state({ dir: '/dist', files: Object.fromEntries(first.files), has: () => true }));
    expect(incrementalPaths('/groups/[id]/', groups.slice(0, 2), madeOf)).toEqual([]);
    expect(next.files.has('groups/c/index.html')).toBe(false);
    expect(next.reused.has('groups/c/index.html')).toBe(false);
  });

  it('the same view under another route is another file with its own fingerprint', () => {
    const first = (globalThis.__yigongtiIncremental = state());
    incrementalPaths('/groups/[id]/', groups, madeOf);
    incrementalPaths('/groups/[id]/referral/', groups, madeOf);
    expect(first.files.get('groups/a/index.html')).not.toBe(first.files.get('groups/a/referral/index.html'));
  });

  it('a route made whole from its inputs is not made at all while they stand, and made and compared file by file when they change', () => {
    const names = { a: '甲', b: '乙' };
    let made = 0;
    const shards = () => {
      made++;
      return Object.entries(names).map(([shard, name]) => ({ params: { shard }, props: { body: { name } } }));
    };
    const route = (s: IncrementalState) => {
      globalThis.__yigongtiIncremental = s;
      // As src/integrations/generated-files.ts does: nothing made while the inputs stand, else each file compared.
      return reusedRoute('/finder/[shard].json', () => names) ? [] : incrementalPaths('/finder/[shard].json', shards(), (p) => p.props.body);
    };
    const first = state();
    expect(route(first).map((p) => p.params.shard)).toEqual(['a', 'b']);
    const manifest = () => ({ dir: '/dist', files: Object.fromEntries(first.files), has: () => true, routes: Object.fromEntries(first.routes!) });
    // Inputs as they were: nothing made, every file of the route reused with its fingerprint.
    const same = state(manifest());
    expect(route(same)).toEqual([]);
    expect(made).toBe(1);
    expect([...same.reused].sort()).toEqual(['finder/a.json', 'finder/b.json']);
    expect(Object.fromEntries(same.files)).toEqual(Object.fromEntries(first.files));
    expect(same.routes).toEqual(first.routes);
    // A file the last site lacks: made again.
    expect(route(state({ ...manifest(), has: (f) => f !== 'finder/b.json' })).map((p) => p.params.shard)).toEqual(['b']);
    // Inputs changed: made, and only the files whose content changed are rendered.
    names.b = '乙二';
    const changed = state(manifest());
    expect(route(changed).map((p) => p.params.shard)).toEqual(['b']);
    expect([...changed.reused]).toEqual(['finder/a.json']);
    expect(changed.routes!.get('/finder/[shard].json')).not.toBe(first.routes!.get('/finder/[shard].json'));
  });

  it('a view that cannot be fingerprinted is rendered every time', () => {
    const first = (globalThis.__yigongtiIncremental = state());
    const unhashable = () => ({ make: () => 1 });
    incrementalPaths('/groups/[id]/', groups, unhashable);
    globalThis.__yigongtiIncremental = state({ dir: '/dist', files: Object.fromEntries(first.files), has: () => true });
    expect(incrementalPaths('/groups/[id]/', groups, unhashable)).toEqual(groups);
  });
});

describe('the code fingerprint and the published manifest', () => {
  let root: string;
  const manifest = (code: string): Manifest => ({ version: MANIFEST_VERSION, code, files: { 'groups/a/index.html': 'x' } });
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'yigongti-incremental-'));
    for (const dir of ['src/layouts', 'public', 'data/groups', STAGING]) mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, 'src/layouts/BaseLayout.astro'), '<main><slot /></main>');
    writeFileSync(join(root, 'astro.config.mjs'), 'export default {}');
    writeFileSync(join(root, 'data/groups/a.json'), '[]');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('changes with the code, the config and the settings, not with the data', () => {
    const env = { SITE_URL: 'https://example.org' };
    const code = codeFingerprint(root, env);
    writeFileSync(join(root, 'data/groups/a.json'), '[{}]');
    expect(codeFingerprint(root, env)).toBe(code);
    expect(codeFingerprint(root, { SITE_URL: 'https://example.com' })).not.toBe(code);
    expect(codeFingerprint(root, { ...env, FEEDBACK_EMAIL: 'x@example.org' })).not.toBe(code);
    writeFileSync(join(root, 'src/layouts/BaseLayout.astro'), '<main class="x"><slot /></main>');
    const layout = codeFingerprint(root, env);
    expect(layout).not.toBe(code);
    writeFileSync(join(root, 'public/favicon.ico'), 'icon');
    expect(codeFingerprint(root, env)).not.toBe(layout);
  });

  function publishSite(label: string, m?: Manifest) {
    const built = join(root, STAGING, label);
    mkdirSync(built, { recursive: true });
    writeFileSync(join(built, 'index.html'), label);
    publish(root, built, undefined, m);
  }

  it('is trusted only for the dist/ it was published with, made by the same code', () => {
    expect(readPublishedManifest(root, 'c1').why).toBe('no dist/');
    publishSite('one', manifest('c1'));
    expect(readPublishedManifest(root, 'c1').manifest?.files).toEqual({ 'groups/a/index.html': 'x' });
    expect(readPublishedManifest(root, 'c2').why).toMatch(/code/);
    // dist/ replaced by other means (a copy of another site): the manifest no longer describes it.
    cpSync(join(root, 'dist'), join(root, 'other'), { recursive: true });
    rmSync(join(root, 'dist'), { recursive: true });
    cpSync(join(root, 'other'), join(root, 'dist'), { recursive: true });
    expect(readPublishedManifest(root, 'c1').why).toMatch(/not the site/);
  });

  it('is removed when a site is published without one (a preview, an older build), never left describing it', () => {
    publishSite('one', manifest('c1'));
    publishSite('two');
    expect(existsSync(join(root, MANIFEST_FILE))).toBe(false);
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe('two');
    expect(readPublishedManifest(root, 'c1').why).toMatch(/no manifest/);
  });
});
