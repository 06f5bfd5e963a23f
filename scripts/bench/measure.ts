/**
 * Runs a command and measures it: wall time, peak memory of its whole process tree (sampled from /proc, since the
 * build spawns esbuild and other programs) and when each line of its output appeared, to time build phases.
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
  /** Highest resident memory per program name (node, esbuild…), in bytes. */
  peakByProgram: Record<string, number>;
  /** Set when the run was stopped for going over the memory cap. */
  stopped?: string;
  /** Output lines with the seconds since start at which each appeared. */
  lines: { at: number; text: string }[];
  /**
   * CPU seconds (user + system) the command and everything it ran used: on a machine shared with other work, a
   * steadier measure than wall time (Linux's /proc; 0 elsewhere).
   */
  cpuSeconds: number;
  /**
   * The CPU seconds the process tree had used by each sample (every 200 ms): the live processes' own and their ended
   * children's, so a phase's CPU is read between two lines' times (`cpuAt`).
   */
  cpu: { at: number; seconds: number }[];
}

/** CPU seconds the tree had used `at` seconds into the run, between the samples around it (the total at the end). */
export function cpuAt(run: Run, at: number): number {
  const after = run.cpu.findIndex((s) => s.at >= at);
  if (after < 0) return run.cpuSeconds;
  const b = run.cpu[after];
  const a = run.cpu[after - 1] ?? { at: 0, seconds: 0 };
  return b.at === a.at ? b.seconds : a.seconds + ((b.seconds - a.seconds) * (at - a.at)) / (b.at - a.at);
}

/** A process's CPU seconds with those of its ended children it has waited for (utime, stime, cutime, cstime). */
function cpuOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds used by this process's children that have ended (cutime + cstime, clock ticks of 10 ms). */
function childrenCpu(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return 0;
  }
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

function programOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '?';
  }
}

function treeRss(root: number): { total: number; largest: number; pids: number[]; byProgram: Map<string, number> } {
  const children = childrenByParent();
  let total = 0;
  let largest = 0;
  const pids: number[] = [];
  const byProgram = new Map<string, number>();
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    const rss = rssOf(pid);
    pids.push(pid);
    total += rss;
    largest = Math.max(largest, rss);
    const program = programOf(pid);
    byProgram.set(program, (byProgram.get(program) ?? 0) + rss);
    stack.push(...(children.get(pid) ?? []));
  }
  return { total, largest, pids, byProgram };
}

/**
 * `maxBytes`: stop the whole process tree when it holds more than this much memory, so a benchmark that would
 * exhaust the machine (and get other processes killed by the kernel) ends cleanly and says so.
 */
export function measure(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; echo?: boolean; maxBytes?: number },
): Promise<Run> {
  const started = performance.now();
  const cpuBefore = childrenCpu();
  const since = () => (performance.now() - started) / 1000;
  const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Run['lines'] = [];
  let peakTreeRss = 0;
  let peakProcessRss = 0;
  const peakByProgram: Record<string, number> = {};
  const cpu: Run['cpu'] = [];
  let stopped: string | undefined;
  const sample = () => {
    if (!child.pid || stopped) return;
    const { total, largest, pids, byProgram } = treeRss(child.pid);
    const used = pids.reduce((sum, pid) => sum + cpuOf(pid), 0);
    cpu.push({ at: since(), seconds: Math.max(used, cpu.at(-1)?.seconds ?? 0) });
    peakTreeRss = Math.max(peakTreeRss, total);
    peakProcessRss = Math.max(peakProcessRss, largest);
    for (const [program, rss] of byProgram) peakByProgram[program] = Math.max(peakByProgram[program] ?? 0, rss);
    if (options.maxBytes && total > options.maxBytes) {
      stopped = `stopped at ${since().toFixed(0)} s: ${(total / 1024 ** 3).toFixed(1)} GB in use, over the ${(options.maxBytes / 1024 ** 3).toFixed(1)} GB cap (${[...byProgram].map(([p, b]) => `${p} ${(b / 1024 ** 3).toFixed(1)} GB`).join(', ')})`;
      for (const pid of pids.reverse()) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
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
      done({ ok: code === 0 && !stopped, seconds: since(), peakTreeRss, peakProcessRss, peakByProgram, stopped, lines, cpuSeconds: childrenCpu() - cpuBefore, cpu });
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
