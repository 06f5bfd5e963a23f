/**
 * Publishing a finished build into dist/ so that a reader (or a host copying dist/) always finds a whole site:
 * dist/ is renamed aside, the new build renamed in, the old one removed. A crash between the two renames leaves the
 * old site in `.build-staging/previous-<pid>`, and the next build puts it back before anything else. Builds running
 * at once publish one at a time under a lock, so the last one wins whole. Folders that killed builds left behind
 * (`.build-staging/<pid>`, `node_modules/.astro-cache/<pid>`) are removed by the next build.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where builds stage their output, one folder per build process. */
export const STAGING = '.build-staging';
/** Where builds keep Astro's cache, one folder per build process (so two builds never share one). */
export const CACHE = 'node_modules/.astro-cache';
const LOCK = 'publish.lock';

/** Whether a process with this id is running (EPERM: it runs, as another user). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const pidOf = (name: string) => (/^(?:previous-)?(\d+)$/.exec(name) ? Number(/(\d+)$/.exec(name)![1]) : undefined);

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Runs `work` while holding the publishing lock; a lock whose holder died is taken over. */
function withLock<T>(root: string, work: () => T, isAlive: (pid: number) => boolean): T {
  const lock = join(root, STAGING, LOCK);
  mkdirSync(join(root, STAGING), { recursive: true });
  for (let waited = 0; ; waited += 50) {
    try {
      mkdirSync(lock); // atomic: exactly one process creates it
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(existsSync(join(lock, 'pid')) ? readFileSync(join(lock, 'pid'), 'utf8') : NaN);
      // A lock with no pid yet is being taken right now, unless it has stood for a while (its taker died at once).
      const stale = Number.isFinite(holder) ? !isAlive(holder) : Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 10_000;
      if (stale) rmSync(lock, { recursive: true, force: true });
      else if (waited > 600_000) throw new Error(`${lock} is held by process ${holder}`);
      else sleep(50);
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
export function recoverAndTidy(root: string, isAlive: (pid: number) => boolean = isRunning): string[] {
  return withLock(
    root,
    () => {
      const done: string[] = [];
      const staging = join(root, STAGING);
      const dead = (name: string) => {
        const pid = pidOf(name);
        return pid !== undefined && pid !== process.pid && !isAlive(pid);
      };
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
  );
}

/** Replaces dist/ with a finished build folder; dist/ is missing only between two renames, and never after a crash for long. */
export function publish(root: string, built: string, isAlive: (pid: number) => boolean = isRunning): void {
  withLock(
    root,
    () => {
      const dist = join(root, 'dist');
      const previous = join(root, STAGING, `previous-${process.pid}`);
      rmSync(previous, { recursive: true, force: true });
      if (existsSync(dist)) renameSync(dist, previous);
      renameSync(built, dist);
      rmSync(previous, { recursive: true, force: true });
    },
    isAlive,
  );
}
