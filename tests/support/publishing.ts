/**
 * A throwaway copy of the project for publishing tests: editors' commands (`npm run new`, `import`, `check`, `build`)
 * run in it exactly as in the real project, without touching the real data/, content/ or dist/.
 */
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const ROOT = resolve('.');

/** What a project folder holds besides node_modules (copied, not linked: Vite resolves links to their real path). */
const PROJECT_PARTS = ['src', 'public', 'scripts', 'templates', 'data', 'content', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/**
 * A temporary project. `clone` copies every file git would hand to a new clone of the working tree (tracked and
 * untracked-but-not-ignored: the uncommitted work included); otherwise the parts the build needs are copied.
 * node_modules is linked to the real one.
 */
export function makeProject(options: { clone?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'yigongti-publishing-'));
  if (options.clone) {
    const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
    for (const file of files) {
      if (!existsSync(join(ROOT, file))) continue; // deleted in the working tree
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      cpSync(join(ROOT, file), join(dir, file));
    }
  } else {
    for (const part of PROJECT_PARTS) if (existsSync(join(ROOT, part))) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

export function removeProject(dir: string) {
  rmSync(dir, { recursive: true, force: true });
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together. */
  output: string;
}

/** Runs a project script with tsx (`scripts/check.ts` …) in the project folder, as `npm run` would. */
export function runScript(dir: string, script: string, args: string[] = [], input = ''): Run {
  const result = spawnSync(join(dir, 'node_modules/.bin/tsx'), [script, ...args], { cwd: dir, encoding: 'utf8', input, env: { ...process.env, FORCE_COLOR: '0' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: result.stdout + result.stderr };
}

/** Runs a command asynchronously (so a test's timers keep running) and collects what it printed. */
export function spawnRun(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, FORCE_COLOR: '0', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr, output: stdout + stderr }));
  });
}

/** Runs `npm run <script> -- args` in the project folder, as an editor types it. */
export function runNpm(dir: string, script: string, args: string[] = []): Promise<Run> {
  return spawnRun('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], { cwd: dir });
}

/** `scripts/build.ts` in the project folder. */
export function build(dir: string): Promise<Run> {
  return spawnRun(join(dir, 'node_modules/.bin/tsx'), ['scripts/build.ts'], { cwd: dir });
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
