/**
 * Publishing a finished build into dist/ so that a reader (or a host copying dist/) always finds a whole site:
 * dist/ is renamed aside, the new build renamed in, the old one removed. A crash between the two renames leaves the
 * old site in `.build-staging/previous-<pid>`, and the next build puts it back before anything else. Builds running
 * at once publish one at a time under a lock, so the last one wins whole. Folders that killed builds left behind
 * (`.build-staging/<pid>`, `node_modules/.astro-cache/<pid>`) are removed by the next build.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from './incremental';
import { forgetManifest, recordManifest } from './incremental-build';

/** Where builds stage their output, one folder per build process. */
export const STAGING = '.build-staging';
/** Where builds keep Astro's cache, one folder per build process (so two builds never share one). */
export const CACHE = 'node_modules/.astro-cache';
const LOCK = 'publish.lock';
/** What `npm run check` found in each file, kept for the next build (src/data/validate/cache.ts). */
export const CHECK_CACHE = '.check-cache';

/** Whether a process with this id is running (EPERM: it runs, as another user). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const pidOf = (name: string) => (/^(?:previous-|trash-)?(\d+)$/.exec(name) ? Number(/(\d+)$/.exec(name)![1]) : undefined);

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * When a process started (ms since the epoch), where the system says (Linux's /proc); undefined elsewhere. A lock
 * records its holder's start, so a process that got the dead holder's id later is not taken for the holder.
 */
export function processStart(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime, in clock ticks since boot) comes after the command name, which may hold spaces and ")".
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const boot = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    return Number.isFinite(ticks) && Number.isFinite(boot) ? boot * 1000 + ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the lock's holder is still the process that took it: running, and started when it says. */
function holderAlive(pid: number, started: number | undefined, isAlive: (pid: number) => boolean, startOf: (pid: number) => number | undefined): 'alive' | 'dead' | 'reused' {
  if (!isAlive(pid)) return 'dead';
  const now = started === undefined ? undefined : startOf(pid);
  // Clock ticks are 10 ms; a second's slack covers any rounding.
  return now !== undefined && Math.abs(now - started!) > 1000 ? 'reused' : 'alive';
}

/** A file's text, or '' when it is not there (any longer). */
function readIfThere(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

/** Longest wait for another build to publish before giving up. */
const LOCK_WAIT_MS = 600_000;

/** Runs `work` while holding the publishing lock; a lock whose holder died (or whose id now names another process) is taken over. */
function withLock<T>(root: string, work: () => T, isAlive: (pid: number) => boolean, startOf: (pid: number) => number | undefined = processStart, log: (line: string) => void = (l) => console.log(l)): T {
  const lock = join(root, STAGING, LOCK);
  mkdirSync(join(root, STAGING), { recursive: true });
  let told = false;
  for (let waited = 0; ; waited += 50) {
    try {
      mkdirSync(lock); // atomic: exactly one process creates it
      writeFileSync(join(lock, 'pid'), `${process.pid} ${startOf(process.pid) ?? ''}`.trim());
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // The holder may release the lock at any moment, between any two of these reads: a pid file or a lock that is
      // gone means it was just released, and the loop tries to take it again.
      const [holderText, startedText] = readIfThere(join(lock, 'pid')).trim().split(/\s+/);
      const holder = holderText ? Number(holderText) : NaN;
      const started = startedText ? Number(startedText) : undefined;
      const since = Number.isFinite(holder) ? undefined : statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (!Number.isFinite(holder) && since === undefined) continue;
      // A lock with no pid yet is being taken right now, unless it has stood for a while (its taker died at once).
      const state = Number.isFinite(holder) ? holderAlive(holder, started, isAlive, startOf) : Date.now() - since! > 10_000 ? 'dead' : 'alive';
      if (state !== 'alive') {
        if (state === 'reused') log(`· 发布锁的进程 ${holder} 已结束，这个进程号现在属于另一个程序：接管发布锁 / the publish lock's process ${holder} has ended and its id now belongs to another program: taking the lock over`);
        rmSync(lock, { recursive: true, force: true });
      } else if (waited > LOCK_WAIT_MS) throw new Error(`${lock} 被进程 ${holder} 占用超过 10 分钟 / is held by process ${holder} for over 10 minutes; if no build is running, delete ${lock}`);
      else {
        if (!told) log(`· 另一个构建（进程 ${holder}）正在发布，等它完成… / waiting for another build (process ${holder}) to finish publishing…`);
        told = true;
        sleep(50);
      }
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Puts back the published site if a build died between its two renames, and removes what dead builds left.
 * Returns what it did, one line each, for the build log.
 */
export function recoverAndTidy(root: string, isAlive: (pid: number) => boolean = isRunning, startOf: (pid: number) => number | undefined = processStart, log?: (line: string) => void): string[] {
  return withLock(
    root,
    () => {
      const done: string[] = [];
      const staging = join(root, STAGING);
      const dead = (name: string) => {
        const pid = pidOf(name);
        return pid !== undefined && pid !== process.pid && !isAlive(pid);
      };
      // A site put aside to be removed (`trash-<pid>`, see `removeInBackground`) is never restored: it may be half removed.
      const previous = readdirSync(staging)
        .filter((name) => name.startsWith('previous-') && dead(name))
        .sort((a, b) => statSync(join(staging, b)).mtimeMs - statSync(join(staging, a)).mtimeMs);
      if (!existsSync(join(root, 'dist')) && previous.length) {
        renameSync(join(staging, previous[0]), join(root, 'dist'));
        done.push(`restored dist/ from ${STAGING}/${previous[0]}`);
      }
      for (const name of readdirSync(staging).filter(dead)) {
        rmSync(join(staging, name), { recursive: true, force: true });
        done.push(`removed ${STAGING}/${name}`);
      }
      if (existsSync(join(root, CACHE))) {
        for (const name of readdirSync(join(root, CACHE)).filter(dead)) {
          rmSync(join(root, CACHE, name), { recursive: true, force: true });
          done.push(`removed ${CACHE}/${name}`);
        }
      }
      return done;
    },
    isAlive,
    startOf,
    log,
  );
}

/**
 * Replaces dist/ with a finished build folder; dist/ is missing only between two renames, and never after a crash for
 * long. With a manifest (incremental publishing, ./incremental-build.ts), the old one is removed before the swap and the
 * new one written after it, so no crash leaves a manifest describing a site dist/ is not. The old site is then
 * removed by `discard` (at once by default); it is first renamed `trash-<pid>`, which no build ever restores.
 */
export function publish(root: string, built: string, isAlive: (pid: number) => boolean = isRunning, manifest?: Manifest | string, discard: (dir: string) => void = removeNow): void {
  let trash: string | undefined;
  withLock(
    root,
    () => {
      const dist = join(root, 'dist');
      const previous = join(root, STAGING, `previous-${process.pid}`);
      rmSync(previous, { recursive: true, force: true });
      forgetManifest(root);
      if (existsSync(dist)) renameSync(dist, previous);
      renameSync(built, dist);
      if (manifest) recordManifest(root, manifest);
      if (existsSync(previous)) {
        trash = join(root, STAGING, `trash-${process.pid}`);
        rmSync(trash, { recursive: true, force: true });
        renameSync(previous, trash);
      }
    },
    isAlive,
  );
  if (trash) discard(trash);
}

function removeNow(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * The remover `removeInBackground` starts: renames the folder after its own process id (so that while it runs no
 * build's `recoverAndTidy` takes the folder for a dead build's), says so, and removes it.
 */
const REMOVER = `
const { renameSync, rmSync } = require('node:fs');
const { dirname, join } = require('node:path');
const from = process.argv[1];
const to = join(dirname(from), 'trash-' + process.pid);
try { renameSync(from, to); } catch { process.stdout.write('gone\\n'); process.exit(0); }
process.stdout.write('renamed\\n', () => rmSync(to, { recursive: true, force: true }));
`;

/**
 * Removes a published site put aside (`trash-<pid>` in the staging folder) in a process of its own that outlives the
 * build, so that the new site is published without waiting for the old one's files to go: at national size that is
 * 158,000 files and 60,000 folders, 15-25 s here, nearly all of it waiting on the disk. Returns once the remover has
 * taken the folder (renamed it after its own id); a build starting later removes whatever a killed remover left. When
 * no remover can be started, the folder is removed here.
 */
export async function removeInBackground(dir: string): Promise<void> {
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, ['-e', REMOVER, dir], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return removeNow(dir);
  }
  const said = await Promise.race([once(child.stdout!, 'data').then(() => true), once(child, 'exit').then(() => false), once(child, 'error').then(() => false)]).catch(() => false);
  child.stdout!.destroy();
  child.unref();
  // Not started, or it could not take the folder (it said "gone" with the folder still here): removed here.
  if (!said || existsSync(dir)) removeNow(dir);
}
