/**
 * Publishing is atomic and tidy: after a crash or kill there is always a servable dist/, what killed builds left is
 * removed by the next build, and two builds publishing at once end in one whole site.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CACHE, STAGING, publish, recoverAndTidy, removeInBackground } from '../../src/publishing/publish';
import { removeProject, stagingRoot } from '../support/publishing';

let root: string;

/** A process id that is certainly not running: a process that has already exited. */
const deadPid = () =>
  new Promise<number>((done, fail) => {
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    child.on('error', fail).on('close', () => done(child.pid!));
  });

/** A site folder: an index page and a nested file, both saying which build wrote them. */
function site(path: string, label: string) {
  mkdirSync(join(path, 'groups'), { recursive: true });
  writeFileSync(join(path, 'index.html'), `<h1>${label}</h1>`);
  writeFileSync(join(path, 'groups/index.html'), label);
}
const label = (path: string) => readFileSync(join(path, 'index.html'), 'utf8');

beforeEach(() => (root = stagingRoot('yigongti-publish-')));
afterEach(() => removeProject(root));

describe('publishing a build into dist/', () => {
  it('replaces dist/ with the new build and leaves nothing aside', () => {
    site(join(root, 'dist'), 'old');
    site(join(root, STAGING, String(process.pid)), 'new');
    publish(root, join(root, STAGING, String(process.pid)));
    expect(label(join(root, 'dist'))).toBe('<h1>new</h1>');
    expect(readFileSync(join(root, 'dist/groups/index.html'), 'utf8')).toBe('new');
    expect(readdirSync(join(root, STAGING))).toEqual([]);
  });

  it('can leave the old site to a process of its own, which removes it after the new one is published', async () => {
    site(join(root, 'dist'), 'old');
    site(join(root, STAGING, String(process.pid)), 'new');
    let aside: string | undefined;
    publish(root, join(root, STAGING, String(process.pid)), undefined, undefined, (dir) => (aside = dir));
    expect(label(join(root, 'dist'))).toBe('<h1>new</h1>');
    expect(aside).toBe(join(root, STAGING, `trash-${process.pid}`));
    expect(label(aside!)).toBe('<h1>old</h1>');
    await removeInBackground(aside!);
    // Taken by the remover (renamed after its own id) before this returns, then removed.
    expect(existsSync(aside!)).toBe(false);
    for (let waited = 0; readdirSync(join(root, STAGING)).length && waited < 20_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(join(root, STAGING))).toEqual([]);
    expect(label(join(root, 'dist'))).toBe('<h1>new</h1>');
  });

  it('publishes the first build when there was no dist/ yet', () => {
    site(join(root, STAGING, 'b'), 'first');
    publish(root, join(root, STAGING, 'b'));
    expect(label(join(root, 'dist'))).toBe('<h1>first</h1>');
  });
});

describe('the next build puts right what a crash or kill left', () => {
  it('a crash between the two renames: dist/ is missing, the old site is put back', async () => {
    const pid = await deadPid();
    site(join(root, STAGING, `previous-${pid}`), 'published');
    site(join(root, STAGING, String(pid)), 'half-published');
    const done = recoverAndTidy(root);
    expect(label(join(root, 'dist'))).toBe('<h1>published</h1>');
    expect(readdirSync(join(root, STAGING))).toEqual([]);
    expect(done.join('\n')).toContain('restored dist/');
  });

  it('an old site left aside is removed, not restored, when dist/ is there', async () => {
    const pid = await deadPid();
    site(join(root, 'dist'), 'current');
    site(join(root, STAGING, `previous-${pid}`), 'older');
    recoverAndTidy(root);
    expect(label(join(root, 'dist'))).toBe('<h1>current</h1>');
    expect(readdirSync(join(root, STAGING))).toEqual([]);
  });

  it('a site put aside for removal is never restored, even with dist/ missing; a dead remover\'s is removed, a running one\'s left to it', async () => {
    const pid = await deadPid();
    site(join(root, STAGING, `trash-${pid}`), 'half-removed');
    site(join(root, STAGING, `trash-${process.pid}`), 'being removed');
    recoverAndTidy(root);
    expect(existsSync(join(root, 'dist'))).toBe(false);
    expect(readdirSync(join(root, STAGING))).toEqual([`trash-${process.pid}`]);
  });

  it('removes staging and cache folders of killed builds, keeps those of running ones', async () => {
    const [a, b] = [await deadPid(), await deadPid()];
    for (const pid of [a, b, process.pid]) {
      site(join(root, STAGING, String(pid)), String(pid));
      mkdirSync(join(root, CACHE, String(pid)), { recursive: true });
    }
    // A lock left by a killed build does not block the next one.
    mkdirSync(join(root, STAGING, 'publish.lock'));
    writeFileSync(join(root, STAGING, 'publish.lock/pid'), String(a));
    recoverAndTidy(root);
    expect(readdirSync(join(root, STAGING))).toEqual([String(process.pid)]);
    expect(readdirSync(join(root, CACHE))).toEqual([String(process.pid)]);
  });
});

describe('two builds publishing at once', () => {
  it('end in one whole dist/ from one of them, with nothing left aside', async () => {
    site(join(root, 'dist'), 'old');
    const publishing = resolve('src/publishing/publish.ts');
    const tsx = resolve('node_modules/.bin/tsx');
    // Each process publishes ten builds of its own in a row, so the two interleave.
    const run = (name: string) =>
      new Promise<number | null>((done) => {
        const code = `import { publish } from ${JSON.stringify(publishing)}; import { mkdirSync, writeFileSync } from 'node:fs';
          for (let i = 0; i < 10; i++) { const dir = ${JSON.stringify(join(root, STAGING))} + '/' + process.pid + '-' + i;
            mkdirSync(dir + '/groups', { recursive: true }); writeFileSync(dir + '/index.html', '${name}'); writeFileSync(dir + '/groups/index.html', '${name}');
            publish(${JSON.stringify(root)}, dir); }`;
        spawn(tsx, ['--eval', code], { stdio: 'inherit' }).on('close', done);
      });
    expect(await Promise.all([run('a'), run('b')])).toEqual([0, 0]);
    const final = label(join(root, 'dist'));
    expect(['a', 'b']).toContain(final);
    expect(readFileSync(join(root, 'dist/groups/index.html'), 'utf8')).toBe(final);
    expect(readdirSync(join(root, STAGING))).toEqual([]);
    expect(existsSync(join(root, 'dist/dist'))).toBe(false);
  }, 60_000);
});
