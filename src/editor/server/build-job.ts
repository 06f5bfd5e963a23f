/**
 * Publishing and preview from the browser: `scripts/build.ts` (the staged, atomic build `npm run build` runs) as a
 * child process, its output kept as progress lines the page polls. Publishing replaces dist/ only when everything
 * succeeded; a preview builds the same way into `.editor/preview/` and never touches dist/, and a publication with
 * nothing changed since the preview publishes the preview instead of building again. One build at a time.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export type JobKind = 'publish' | 'preview';
export interface JobStatus {
  kind?: JobKind;
  state: 'idle' | 'running' | 'done' | 'failed';
  lines: string[];
  /** Where the changed page is (publish: on the site; preview: on the preview server). */
  url?: string;
  /** Publish: the changed page's path on the site (given also when no public address is set). */
  path?: string;
  /** Check's or the build's problems, in Chinese first. */
  problems?: string[];
  approvedBy?: string;
  startedAt?: string;
  endedAt?: string;
}

/** Where preview builds go (ignored by git, outside data/ and content/). */
export const PREVIEW_DIR = '.editor/preview';
const MAX_LINES = 400;
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

/** Check's problems (`✗ file — …` and their indented lines) from a build's output, or its last lines. */
export function problemsIn(lines: string[]): string[] {
  const problems: string[] = [];
  for (const line of lines) {
    if (line.startsWith('✗ ')) problems.push(line.slice(2));
    else if (problems.length && /^\s{2,}/.test(line) && problems.length) problems[problems.length - 1] += `\n${line.trim()}`;
  }
  if (problems.length) return problems;
  const errors = lines.filter((l) => /error|错误|失败|failed/i.test(l));
  return (errors.length ? errors : lines).slice(-12);
}

export class BuildJob {
  private current: JobStatus = { state: 'idle', lines: [] };
  constructor(
    private readonly root: string,
    private readonly command: (kind: JobKind) => { file: string; args: string[] } = (kind) => ({
      file: process.execPath,
      // A publication publishes the preview as it is when nothing changed since it was built (scripts/build.ts `--reuse`).
      args: ['--import', 'tsx', 'scripts/build.ts', ...(kind === 'preview' ? ['--out', PREVIEW_DIR] : ['--reuse', PREVIEW_DIR])],
    }),
  ) {}

  status(): JobStatus {
    return { ...this.current, lines: [...this.current.lines] };
  }

  get running(): boolean {
    return this.current.state === 'running';
  }

  /**
   * Starts a build unless one runs; `finish` runs after a successful build (the publication's commit, the changed
   * page's address) and its answer completes the status. Returns false when a build is already running.
   */
  start(kind: JobKind, first: string, finish: (ok: boolean, log: (text: string) => void) => Promise<Partial<JobStatus>>): boolean {
    if (this.running) return false;
    const job: JobStatus = { kind, state: 'running', lines: [first], startedAt: new Date().toISOString() };
    this.current = job;
    const push = (text: string) => {
      for (const raw of text.split(/\r?\n|\r/)) {
        const line = raw.replace(ANSI, '').trimEnd();
        if (line) job.lines.push(line);
      }
      if (job.lines.length > MAX_LINES) job.lines.splice(1, job.lines.length - MAX_LINES);
    };
    const { file, args } = this.command(kind);
    const child = spawn(file, args, { cwd: this.root, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let pending = { out: '', err: '' };
    const collect = (which: 'out' | 'err') => (chunk: Buffer) => {
      const text = pending[which] + chunk.toString('utf8');
      const cut = text.lastIndexOf('\n');
      pending = { ...pending, [which]: cut < 0 ? text : text.slice(cut + 1) };
      if (cut >= 0) push(text.slice(0, cut));
    };
    child.stdout.on('data', collect('out'));
    child.stderr.on('data', collect('err'));
    let ended = false;
    const end = async (ok: boolean, reason?: string) => {
      if (ended) return;
      ended = true;
      push(pending.out + '\n' + pending.err);
      if (reason) push(reason);
      let extra: Partial<JobStatus> = {};
      try {
        extra = await finish(ok, push);
      } catch (error) {
        push(String((error as Error).message));
      }
      Object.assign(job, { state: ok ? 'done' : 'failed' }, extra, { endedAt: new Date().toISOString() });
      if (!ok && !job.problems) job.problems = problemsIn(job.lines.slice(1));
    };
    child.on('error', (error) => void end(false, error.message));
    child.on('close', (code) => void end(code === 0));
    return true;
  }
}

export const previewFolder = (root: string) => join(root, PREVIEW_DIR);

/**
 * After a successful publication, the host's own upload step if one is configured (YIGONGTI_PUBLISH_COMMAND, e.g.
 * `rsync -a --delete dist/ www@server:/srv/yigongti/`), run in the project folder; its output joins the progress lines.
 */
export function runPublishCommand(root: string, command: string, log: (text: string) => void): Promise<boolean> {
  return new Promise((resolve) => {
    log(`上传：${command}`);
    const child = spawn(command, { cwd: root, shell: true, env: { ...process.env, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (c: Buffer) => log(c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => log(c.toString('utf8')));
    child.on('error', (error) => {
      log(error.message);
      resolve(false);
    });
    child.on('close', (code) => resolve(code === 0));
  });
}
