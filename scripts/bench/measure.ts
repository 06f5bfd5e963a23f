/**
 * Runs a command and measures it: wall time, peak memory of its whole process tree (sampled from /proc, since the
 * build spawns Pagefind as a separate process) and when each line of its output appeared, to time build phases.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Run {
  ok: boolean;
  seconds: number;
  /** Highest sum of resident memory over the process and all its descendants, in bytes. */
  peakTreeRss: number;
  /** Highest resident memory of any single process in the tree, in bytes. */
  peakProcessRss: number;
  /** Output lines with the seconds since start at which each appeared. */
  lines: { at: number; text: string }[];
}

function childrenByParent(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      map.set(ppid, [...(map.get(ppid) ?? []), Number(name)]);
    } catch {
      // the process ended while we looked
    }
  }
  return map;
}

function rssOf(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

function treeRss(root: number): { total: number; largest: number } {
  const children = childrenByParent();
  let total = 0;
  let largest = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    const rss = rssOf(pid);
    total += rss;
    largest = Math.max(largest, rss);
    stack.push(...(children.get(pid) ?? []));
  }
  return { total, largest };
}

export function measure(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; echo?: boolean }): Promise<Run> {
  const started = performance.now();
  const since = () => (performance.now() - started) / 1000;
  const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Run['lines'] = [];
  let peakTreeRss = 0;
  let peakProcessRss = 0;
  const sample = () => {
    if (!child.pid) return;
    const { total, largest } = treeRss(child.pid);
    peakTreeRss = Math.max(peakTreeRss, total);
    peakProcessRss = Math.max(peakProcessRss, largest);
  };
  const sampler = setInterval(sample, 200);
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      for (const text of parts) {
        lines.push({ at: since(), text });
        if (options.echo) console.log(`    │ ${text}`);
      }
    });
  }
  return new Promise((done) => {
    child.on('close', (code) => {
      clearInterval(sampler);
      done({ ok: code === 0, seconds: since(), peakTreeRss, peakProcessRss, lines });
    });
  });
}

/** Total size of the files under a folder (those whose names match `only`, if given), in bytes. */
export function folderSize(dir: string, only?: RegExp): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && (!only || only.test(entry.name))) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
export const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
