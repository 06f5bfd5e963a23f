/**
 * The editor's 发布 publishes its preview instead of building again only when the project is still exactly what the
 * preview was built from (src/publishing/reuse-build.ts); every kind of change since the preview makes it build. The
 * whole path (preview, 发布, the published site equal to a full build, a change since the preview refused by check) is
 * tests/build/editor-publish.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildInputs, builtFromFile, linkTree, recordBuiltFrom, reusableBuild } from '../../src/publishing/reuse-build';
import { MANIFEST_VERSION, type Manifest } from '../../src/publishing/incremental';

let root: string;
let preview: string;
const manifest = { version: MANIFEST_VERSION, code: 'c', files: { 'index.html': 'f' } } as Manifest;
const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};

/** A project outside git (a data file's date is then its modification time), and a preview built from it. */
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'yigongti-reuse-'));
  write('src/page.ts', 'export const page = 1;\n');
  write('data/regions/regions.json', '[{"id":"zizhong","name":"资中县"}]\n');
  write('content/updates/2026-11-23-a.mdx', '---\ntitle: 一\n---\n\n正文。\n');
  preview = join(root, '.editor/preview');
  write('.editor/preview/index.html', '<h1>预览</h1>');
  write('.editor/preview/regions/zizhong/index.html', '<h1>资中县</h1>');
  recordBuiltFrom(preview, buildInputs(root, {}), manifest, 'incremental: 3 files rebuilt, 5 reused');
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(root, { recursive: true, force: true });
});

const why = () => {
  const answer = reusableBuild(preview, buildInputs(root, {}));
  return 'why' in answer ? answer.why : 'reusable';
};

describe('publishing the preview instead of building again', () => {
  it('publishes the preview, with its manifest and count, when nothing changed since it was built', () => {
    expect(reusableBuild(preview, buildInputs(root, {}))).toEqual({ manifest, summary: 'incremental: 3 files rebuilt, 5 reused' });
  });

  it('builds when a data file or an MDX file changed since the preview, or one was added or removed', () => {
    write('data/regions/regions.json', '[{"id":"zizhong","name":"资中测试县"}]\n');
    expect(why()).toContain('data/ or content/ changed');
    write('data/regions/regions.json', '[{"id":"zizhong","name":"资中县"}]\n');
    expect(why()).toBe('reusable');
    write('content/updates/2026-11-23-a.mdx', '---\ntitle: 一\n---\n\n正文改了。\n');
    expect(why()).toContain('data/ or content/ changed');
    rmSync(join(root, 'content/updates/2026-11-23-a.mdx'));
    expect(why()).toContain('data/ or content/ changed');
  });

  it('builds (so check runs) when a link appears under data/, or one file’s bytes imitate another file’s name and bytes', () => {
    symlinkSync('/etc/hostname', join(root, 'data/regions/outside.json'));
    expect(why()).toContain('data/ or content/ changed');
    rmSync(join(root, 'data/regions/outside.json'));
    expect(why()).toBe('reusable');
    // The update's name and bytes moved into the end of the data file: the same stream of bytes, another project.
    const mdx = 'content/updates/2026-11-23-a.mdx';
    const text = '---\ntitle: 一\n---\n\n正文。\n';
    rmSync(join(root, mdx));
    write('data/regions/regions.json', `[{"id":"zizhong","name":"资中县"}]\n\0${mdx}\0${text}`);
    expect(why()).toContain('data/ or content/ changed');
  });

  it('builds when a data file’s date changed (pages print it), though its bytes did not', () => {
    const file = join(root, 'data/regions/regions.json');
    const earlier = new Date('2025-03-01T12:00:00+08:00');
    utimesSync(file, earlier, earlier);
    expect(why()).toContain('the dates of data files changed');
  });

  it('builds when the code or a setting changed', () => {
    write('src/page.ts', 'export const page = 2;\n');
    expect(why()).toContain('code or settings changed');
    write('src/page.ts', 'export const page = 1;\n');
    const answer = reusableBuild(preview, buildInputs(root, { SITE_URL: 'https://yigongti.example.net' }));
    expect('why' in answer && answer.why).toContain('code or settings changed');
  });

  it('builds on another day (pages print the build day and ages measured to it)', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 86_400_000);
    expect(why()).toContain('the build day changed');
  });

  it('builds when the preview is gone, has no record, or is another folder than the one recorded', () => {
    rmSync(builtFromFile(preview));
    expect(why()).toContain('does not record what it was built from');
    recordBuiltFrom(preview, buildInputs(root, {}), manifest, '');
    rmSync(preview, { recursive: true });
    expect(why()).toContain('no preview');
    write('.editor/preview/index.html', '<h1>别的</h1>');
    expect(why()).toContain('is not the one its record describes');
  });

  it('links the preview file by file into the staging folder: the same files, no byte copied', () => {
    const staging = join(root, '.build-staging/1');
    linkTree(preview, staging);
    for (const file of ['index.html', 'regions/zizhong/index.html']) expect(statSync(join(staging, file)).ino).toBe(statSync(join(preview, file)).ino);
    expect(readdirSync(staging, { recursive: true }).sort()).toEqual(readdirSync(preview, { recursive: true }).sort());
  });
});
