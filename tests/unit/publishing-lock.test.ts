/** The publish lock: a holder whose process id was reused by another program is noticed, and waiting is said aloud. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STAGING, processStart, recoverAndTidy } from '../../src/publishing/publish';
import { removeProject, stagingRoot } from '../support/publishing';

let root: string;
const lock = () => join(root, STAGING, 'publish.lock');
beforeEach(() => (root = stagingRoot('yigongti-lock-')));
afterEach(() => removeProject(root));

describe('the publish lock', () => {
  it('knows when a process started (Linux)', () => {
    const started = processStart(process.pid);
    expect(started).toBeDefined();
    expect(Math.abs(started! - (Date.now() - process.uptime() * 1000))).toBeLessThan(2000);
  });

  it('takes over a lock whose process id now belongs to another program, and says so', () => {
    mkdirSync(lock());
    // This test's own process is alive, but it started long after the time the lock records for its holder.
    writeFileSync(join(lock(), 'pid'), `${process.pid} ${Date.now() - 86_400_000}`);
    const lines: string[] = [];
    const started = Date.now();
    recoverAndTidy(root, undefined, undefined, (l) => lines.push(l));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(lines.join('\n')).toContain('另一个程序');
    expect(existsSync(lock())).toBe(false);
  });

  it('takes over a lock whose holder is dead, and one with no pid that has stood for a while', () => {
    mkdirSync(lock());
    writeFileSync(join(lock(), 'pid'), '999999999');
    recoverAndTidy(root, () => false);
    expect(existsSync(lock())).toBe(false);
  });

  it('waits for a live holder, saying whom it waits for, and goes on once the lock is freed', async () => {
    mkdirSync(lock());
    const child = spawn(process.execPath, ['-e', `setTimeout(() => require('fs').rmSync(${JSON.stringify(lock())}, { recursive: true, force: true }), 400); setTimeout(() => {}, 600)`]);
    await new Promise((r) => setTimeout(r, 100));
    writeFileSync(join(lock(), 'pid'), `${child.pid} ${processStart(child.pid!) ?? ''}`);
    const lines: string[] = [];
    recoverAndTidy(root, undefined, undefined, (l) => lines.push(l));
    expect(lines.filter((l) => l.includes(`进程 ${child.pid}`))).toHaveLength(1);
    expect(lines[0]).toContain('等它完成');
    child.kill();
  });
});
