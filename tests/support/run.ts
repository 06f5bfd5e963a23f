/**
 * Child processes in tests, always asynchronous: a test worker blocked in spawnSync or execSync cannot answer vitest's
 * runner, which then fails the whole run ("Timeout calling onTaskUpdate") with every test green.
 */
import { spawn } from 'node:child_process';

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together. */
  output: string;
}

/** Runs a command, types `input` into it, and collects what it printed. */
export function spawnRun(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, FORCE_COLOR: '0', ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c) => (stderr += c));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr, output: stdout + stderr }));
    child.stdin.on('error', () => {}); // a command that exits without reading what was typed
    child.stdin.end(options.input ?? '');
  });
}
