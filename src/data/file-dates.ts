/**
 * When each data file last changed, as pages print it (src/data/read-sources.ts hands it to the build). A module of its
 * own, loading no validation code, so that scripts/build.ts can read the dates without loading it
 * (src/publishing/reuse-build.ts).
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';

const chinaDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

function git(root: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

/**
 * Last commit date of each file in `git log --format=@%cs --name-only` output (newest commit first), either with `-z`
 * (names end in NUL, so a name is never quoted or cut: 资中.json stays 资中.json) or one name per line.
 */
export function parseGitLog(log: string): Map<string, string> {
  const dates = new Map<string, string>();
  let date = '';
  for (const raw of log.split(log.includes('\0') ? '\0' : '\n')) {
    const token = raw.replace(/^\n+/, '');
    if (token.startsWith('@')) date = token.slice(1).trim();
    else if (token && !dates.has(token)) dates.set(token, date);
  }
  return dates;
}

/** Paths with uncommitted changes in `git status --porcelain -z` output (a rename's old path follows its new one). */
export function parseGitStatus(status: string): Set<string> {
  const dirty = new Set<string>();
  const tokens = status.split('\0');
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].length < 4) continue;
    dirty.add(tokens[i].slice(3));
    if (/^[RC]/.test(tokens[i])) i++;
  }
  return dirty;
}

/**
 * When each data file last changed (YYYY-MM-DD, China Standard Time): its last git commit, or its modification
 * time while it has uncommitted changes or outside git. One `git log` and one `git status` for the whole folder, both
 * with NUL-ended names (git quotes a non-ASCII name otherwise, and the quoted name matched no file).
 */
export function fileDates(root: string, paths: string[]): Map<string, string> {
  const log = git(root, ['-c', 'core.quotepath=off', 'log', '-z', '--format=@%cs', '--name-only', '--', 'data']);
  const committed = log ? parseGitLog(log) : new Map<string, string>();
  const status = git(root, ['-c', 'core.quotepath=off', 'status', '--porcelain', '-z', '--untracked-files=all', '--', 'data']);
  const dirty = parseGitStatus(status ?? '');
  return new Map(paths.map((path) => [path, (!dirty.has(path) && committed.get(path)) || chinaDate.format(statSync(join(root, path)).mtime)]));
}

