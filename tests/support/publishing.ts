/**
 * A throwaway copy of the project for publishing tests: editors' commands (`npm run new`, `import`, `check`, `build`)
 * run in it exactly as in the real project, without touching the real data/, content/ or dist/.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { spawnRun, type Run } from './run';

export { spawnRun, type Run };

export const ROOT = resolve('.');

/** What a project folder holds besides node_modules (copied, not linked: Vite resolves links to their real path). */
const PROJECT_PARTS = ['src', 'public', 'scripts', 'templates', 'data', 'content', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

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

/** Runs `npm run <script> -- args` in the project folder, as an editor types it. */
export function runNpm(dir: string, script: string, args: string[] = []): Promise<Run> {
  return spawnRun('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], { cwd: dir });
}

/** `scripts/build.ts` in the project folder; `env` adds settings such as SITE_URL. */
export function build(dir: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return spawnRun(join(dir, 'node_modules/.bin/tsx'), ['scripts/build.ts'], { cwd: dir, env });
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
