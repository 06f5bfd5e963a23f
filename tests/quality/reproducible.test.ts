/**
 * Reproducible builds: two clean builds of the same sources produce byte-identical output (same files, same bytes),
 * so a published site can be checked against its commit and unchanged pages keep their cache. The first is the dist/
 * that `npm test` built (`npm run build`: check, hand-off, staging, publish); the second a clean `astro build` of its
 * own, so the hand-off from the check is shown to change nothing either.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DIST, filesUnder } from '../support/site-pages';

const root = resolve('.');
// Where scripts/build.ts puts its staging output and cache, so the builds behave exactly like `npm run build`.
const work = resolve('.build-staging', `reproducible-${process.pid}`);
const caches = resolve('node_modules/.astro-cache', `reproducible-${process.pid}`);

function build(name: string): Promise<string> {
  const out = join(work, name);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve('node_modules/astro/astro.js'), 'build', '--silent'], {
      cwd: root,
      env: { ...process.env, YIGONGTI_OUT_DIR: out, YIGONGTI_CACHE_DIR: join(caches, name) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done(out) : fail(new Error(`build ${name} failed (${code}):\n${errors.slice(-3000)}`))));
  });
}

function hashes(dir: string): Map<string, string> {
  return new Map(filesUnder(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

/** Where two versions of a text file first differ. */
function firstDifference(a: Buffer, b: Buffer): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const show = (x: Buffer) => JSON.stringify(x.subarray(Math.max(0, i - 40), i + 60).toString('utf8'));
  return `byte ${i}: ${show(a)} vs ${show(b)}`;
}

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(caches, { recursive: true, force: true });
});

describe('reproducible build', () => {
  it('two clean builds produce byte-identical output', async () => {
    rmSync(work, { recursive: true, force: true });
    rmSync(caches, { recursive: true, force: true });
    const first = DIST;
    const second = await build('b');
    const [a, b] = [hashes(first), hashes(second)];
    expect(a.size).toBeGreaterThan(1);
    const onlyOne = [...a.keys()].filter((f) => !b.has(f)).concat([...b.keys()].filter((f) => !a.has(f)));
    const differ = [...a.keys()].filter((f) => b.has(f) && a.get(f) !== b.get(f));
    const report = [
      ...onlyOne.slice(0, 20).map((f) => `  only in ${a.has(f) ? 'dist/' : 'the new build'}: ${f}`),
      ...differ.slice(0, 10).map((f) => `  ${f} differs at ${firstDifference(readFileSync(join(first, f)), readFileSync(join(second, f)))}`),
    ];
    const stale = 'dist/ is the first build: if the sources changed since the last npm run build, run it again';
    expect(onlyOne.length + differ.length, `${onlyOne.length} file(s) in only one build, ${differ.length} differ (${stale}):\n${report.join('\n')}`).toBe(0);
  }, 15 * 60_000);
});
