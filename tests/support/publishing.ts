/**
 * A throwaway copy of the project for publishing tests: editors' commands (`npm run new`, `import`, `check`, `build`)
 * run in it exactly as in the real project, without touching the real data/, content/ or dist/.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { spawnRun, type Run } from './run';
import { parseGitLog, parseGitStatus } from '../../src/data/read-sources';
import { codeFingerprint, readPublishedManifest, recordManifest } from '../../src/publishing/incremental-build';
import { SEARCH_CACHE_FILE } from '../../src/search/build/cache';
import { STAGING } from '../../src/publishing/publish';

export { spawnRun, type Run };

export const ROOT = resolve('.');

/**
 * What a project folder holds besides node_modules (copied, not linked: Vite resolves links to their real path). The
 * lockfile too: it is part of the code fingerprint (src/publishing/incremental-build.ts `CODE_PARTS`), so a copy's
 * code is the project's and the project's built site can seed it (`builtProject`).
 */
const PROJECT_PARTS = ['src', 'public', 'scripts', 'templates', 'data', 'content', 'astro.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'];

/** A temporary project with the parts the build needs copied, and node_modules linked to the real one. */
export function makeProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'yigongti-publishing-'));
  for (const part of PROJECT_PARTS) if (existsSync(join(ROOT, part))) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/**
 * A temporary project holding every file git would hand to a new clone of the working tree (tracked and
 * untracked-but-not-ignored: the uncommitted work included), with node_modules linked to the real one.
 */
export async function cloneProject(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'yigongti-publishing-'));
  for (const file of await cloneFiles()) {
    if (!existsSync(join(ROOT, file))) continue; // deleted in the working tree
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(ROOT, file), join(dir, file));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/**
 * A throwaway copy of the project with its site published in it, so that the copy's next `npm run build` (or the
 * editor's preview and publication) is incremental, as an editor's usually is. The site is the one `npm test` built in
 * the project just before the e2e tier: its dist/, the manifest naming it and the search cache are copied in, when
 * that manifest describes the project's dist/ and was made by the copy's code and settings (`env` adds settings such
 * as SITE_URL). Otherwise (no dist/ yet, or one built from other code or settings: a developer running one file) the
 * copy publishes itself with `npm run build -- --full` first, which costs a full build.
 *
 * The copy is given the project's data dates first: a page shows when its data files last changed, which in the
 * project is each file's last commit (its modification time while uncommitted, src/data/read-sources.ts `fileDates`),
 * and in a copy without .git its modification time; each data file of the copy is dated as the project dates it, so
 * the pages the project's build rendered are the pages the copy's data makes, and the copy's next build reuses them.
 */
export async function builtProject(env: NodeJS.ProcessEnv = {}): Promise<{ dir: string; seeded: boolean; why?: string }> {
  const dir = makeProject();
  await dateAsProject(dir);
  const { manifest, why } = readPublishedManifest(ROOT, codeFingerprint(dir, { ...process.env, ...env }));
  if (manifest) {
    cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
    if (existsSync(join(ROOT, SEARCH_CACHE_FILE))) cpSync(join(ROOT, SEARCH_CACHE_FILE), join(dir, SEARCH_CACHE_FILE));
    // The copied manifest, naming the copied dist/ (a dist/ copied by other means is never taken for the published one).
    recordManifest(dir, manifest);
    return { dir, seeded: true };
  }
  console.log(`builtProject: the project's dist/ cannot seed the copy (${why}); the copy builds its own site first`);
  const first = await build(dir, env, ['--full']);
  if (first.status !== 0) throw new Error(`the copy's first build failed:\n${first.output.slice(-3000)}`);
  return { dir, seeded: false, why };
}

/** Dates each data file of a copy as the project dates it: its last commit's day (noon in China), or its own modification time while uncommitted. */
async function dateAsProject(dir: string): Promise<void> {
  const git = (args: string[]) => spawnRun('git', ['-C', ROOT, '-c', 'core.quotepath=off', ...args]);
  const [log, status] = await Promise.all([
    git(['log', '-z', '--format=@%cs', '--name-only', '--', 'data']),
    git(['status', '--porcelain', '-z', '--untracked-files=all', '--', 'data']),
  ]);
  const committed = log.status === 0 ? parseGitLog(log.stdout) : new Map<string, string>();
  const dirty = parseGitStatus(status.status === 0 ? status.stdout : '');
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(folder, e.name)) : e.isFile() ? [join(folder, e.name)] : []));
  for (const file of walk(join(dir, 'data'))) {
    const path = relative(dir, file).split(sep).join('/');
    const day = !dirty.has(path) && committed.get(path);
    const time = day ? new Date(`${day}T12:00:00+08:00`) : statSync(join(ROOT, path)).mtime;
    utimesSync(file, time, time);
  }
}

/** An empty project folder with its (empty) staging folder, for the publishing steps in-process; `prefix` names it. */
export function stagingRoot(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(dir, STAGING), { recursive: true });
  return dir;
}

export function removeProject(dir: string) {
  rmSync(dir, { recursive: true, force: true });
}

/** Runs a project script with tsx (`scripts/check.ts` …) in the project folder, as `npm run` would; `input` is typed in. */
export function runScript(dir: string, script: string, args: string[] = [], input = ''): Promise<Run> {
  return spawnRun(join(dir, 'node_modules/.bin/tsx'), [script, ...args], { cwd: dir, input });
}

/** Lists the files git would hand to a new clone of the working tree (tracked, and untracked but not ignored). */
function cloneFiles(): Promise<string[]> {
  return new Promise((done, fail) =>
    execFile('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout) =>
      error ? fail(error) : done(stdout.split('\0').filter(Boolean)),
    ),
  );
}

/** Runs `npm run <script> -- args` in the project folder, as an editor types it; `env` adds settings such as SITE_URL. */
export function runNpm(dir: string, script: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return spawnRun('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], { cwd: dir, env });
}

/** `scripts/build.ts` in the project folder (`npm run build -- args`); `env` adds settings such as SITE_URL. */
export function build(dir: string, env: NodeJS.ProcessEnv = {}, args: string[] = []): Promise<Run> {
  return spawnRun(join(dir, 'node_modules/.bin/tsx'), ['scripts/build.ts', ...args], { cwd: dir, env });
}

/** One hash over every file in a folder: names and bytes, so any change to dist/ shows. */
export function hashFolder(dir: string): string {
  const hash = createHash('sha256');
  const files = (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .sort();
  for (const file of files) hash.update(file.slice(dir.length)).update('\0').update(readFileSync(file)).update('\0');
  return `${files.length} files ${hash.digest('hex')}`;
}

/** Reads a JSON file of the project, changes it, and writes it back; returns a function that restores the original. */
export function editJson(dir: string, file: string, change: (entries: any[]) => void): () => void {
  const path = join(dir, file);
  const original = readFileSync(path, 'utf8');
  const entries = JSON.parse(original);
  change(entries);
  writeFileSync(path, JSON.stringify(entries, null, 2) + '\n');
  return () => writeFileSync(path, original);
}

/** Changes a text file of the project; returns a function that restores (or removes) it. */
export function editText(dir: string, file: string, change: (text: string) => string): () => void {
  const path = join(dir, file);
  const existed = existsSync(path);
  const original = existed ? readFileSync(path, 'utf8') : '';
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, change(original));
  return () => (existed ? writeFileSync(path, original) : rmSync(path));
}
