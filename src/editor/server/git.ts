/**
 * Every save is a git commit in the project folder, authored by the staff member who saved, so each entry has a
 * history (who changed what, when) and any earlier version can be restored. The author is set on each commit, so it
 * works on a machine where git has no user configured. Git runs one command at a time (a queue), never blocking.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** A commit as the history shows it. */
export interface HistoryCommit {
  hash: string;
  date: string;
  author: string;
  message: string;
  /** The reviewer whose publication first carried this change to the public site. */
  approvedBy?: string;
}

const EMAIL = 'editor@yigongti.invalid';
/** The line a publication's commit carries, naming the reviewer who approved it. */
export const APPROVED_BY = 'Approved-by:';

export class Git {
  private queue: Promise<unknown> = Promise.resolve();
  constructor(readonly root: string) {}

  /** Runs git in the project folder; rejects with git's own message. */
  private exec(args: string[], identity?: string): Promise<string> {
    const who = identity ?? 'yigongti editor';
    const config = ['-c', `user.name=${who}`, '-c', `user.email=${EMAIL}`, '-c', 'commit.gpgsign=false', '-c', 'core.quotepath=false'];
    return new Promise((resolve, reject) =>
      execFile('git', [...config, ...args], { cwd: this.root, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } }, (error, stdout, stderr) =>
        error ? reject(new Error(`git ${args[0]}: ${stderr || error.message}`)) : resolve(stdout),
      ),
    );
  }

  /** Queued: one git command at a time, so two saves never race for git's index. */
  run(args: string[], identity?: string): Promise<string> {
    const next = this.queue.then(() => this.exec(args, identity));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Makes the project folder a git repository if it is not one yet (a copy without .git). */
  async ensureRepository(): Promise<void> {
    try {
      await this.run(['rev-parse', '--is-inside-work-tree']);
    } catch {
      if (!existsSync(join(this.root, '.git'))) await this.run(['init', '-q']);
    }
  }

  /** Commits exactly these files (added, changed or removed) as the staff member; undefined when nothing changed. */
  async commitFiles(files: string[], message: string, author: string): Promise<string | undefined> {
    if (!files.length) return undefined;
    // A path git never knew that is gone again (a new entry deleted before any commit) is skipped, not an error.
    await this.run(['add', '-A', '--', ...files]).catch(async () => {
      for (const file of files) await this.run(['add', '-A', '--', file]).catch(() => undefined);
    });
    const staged = await this.run(['diff', '--cached', '--name-only', '--', ...files]);
    if (!staged.trim()) return undefined;
    await this.run(['commit', '-q', '--no-verify', '-m', message, '--', ...files], author);
    return (await this.run(['rev-parse', 'HEAD'])).trim();
  }

  /** An empty commit recording a publication and its approver (--only: whatever else is staged stays out of it). */
  async recordPublication(reviewer: string, summary: string): Promise<string> {
    await this.run(['commit', '-q', '--no-verify', '--allow-empty', '--only', '-m', `${summary}\n\n${APPROVED_BY} ${reviewer}`], reviewer);
    return (await this.run(['rev-parse', 'HEAD'])).trim();
  }

  /** The last publication's commit, if any. */
  async lastPublication(): Promise<string | undefined> {
    try {
      return (await this.run(['log', '-1', '--format=%H', `--grep=^${APPROVED_BY}`])).trim() || undefined;
    } catch {
      return undefined; // no commit yet
    }
  }

  /** Files under data/ and content/ changed since a commit (or all tracked ones when there was no publication). */
  async changedSince(commit: string | undefined): Promise<string[]> {
    const out = commit ? await this.run(['diff', '--name-only', commit, 'HEAD', '--', 'data', 'content']) : await this.run(['ls-files', '--', 'data', 'content']);
    return out.split('\n').filter(Boolean);
  }

  /** A file's text at a commit; undefined when the file did not exist there. */
  async show(hash: string, file: string): Promise<string | undefined> {
    try {
      return await this.run(['show', `${hash}:${file}`]);
    } catch {
      return undefined;
    }
  }

  /** The commits that changed a file, newest first (at most `limit`). */
  async fileLog(file: string, limit = 100): Promise<HistoryCommit[]> {
    let out: string;
    try {
      out = await this.run(['log', `-n${limit}`, '--format=%H%x1f%aI%x1f%an%x1f%s%x1e', '--', file]);
    } catch {
      return []; // no commit yet
    }
    return out
      .split('\x1e')
      .map((r) => r.trim())
      .filter(Boolean)
      .map((r) => {
        const [hash, date, author, message] = r.split('\x1f');
        return { hash, date, author, message };
      });
  }

  /** The reviewer of the first publication that came after a commit. */
  async approverAfter(hash: string): Promise<string | undefined> {
    const out = await this.run(['log', '--format=%B%x1e', `--grep=^${APPROVED_BY}`, '--ancestry-path', `${hash}..HEAD`]);
    const bodies = out.split('\x1e').map((b) => b.trim()).filter(Boolean);
    const first = bodies.at(-1);
    return first?.split('\n').find((l) => l.startsWith(APPROVED_BY))?.slice(APPROVED_BY.length).trim();
  }
}

/** The entry with this id in a JSON array file's text, as stored (undefined when absent or unreadable). */
export function entryIn(text: string | undefined, id: string): unknown {
  if (text === undefined) return undefined;
  try {
    const list = JSON.parse(text) as unknown;
    return Array.isArray(list) ? list.find((e) => (e as { id?: unknown })?.id === id) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One entry's history: the commits of its file in which this entry changed (for an MDX file, every commit of it),
 * each with the reviewer whose publication carried it out, newest first.
 */
export async function entryHistory(git: Git, file: string, id: string, limit = 50): Promise<HistoryCommit[]> {
  const commits = await git.fileLog(file, limit * 2);
  const isJson = file.endsWith('.json');
  const versions = isJson ? await Promise.all(commits.map(async (c) => JSON.stringify(entryIn(await git.show(c.hash, file), id)) ?? '')) : [];
  const kept: HistoryCommit[] = [];
  for (let i = 0; i < commits.length && kept.length < limit; i++) {
    // A commit belongs to the entry when the entry there differs from the one before it (older = next in the list).
    if (isJson && versions[i] === (versions[i + 1] ?? '')) continue;
    kept.push(commits[i]);
  }
  const approvers = await Promise.all(kept.map((c) => git.approverAfter(c.hash).catch(() => undefined)));
  return kept.map((c, i) => (approvers[i] ? { ...c, approvedBy: approvers[i] } : c));
}
