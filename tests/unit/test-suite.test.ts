/**
 * The test suite itself: no test or test helper runs a child process synchronously. A vitest worker blocked in
 * spawnSync, execSync or execFileSync cannot answer its runner, which then fails the whole run ("Timeout calling
 * onTaskUpdate") with every test green; tests/support/run.ts runs commands asynchronously instead.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const files = (readdirSync('tests', { recursive: true }) as string[]).filter((f) => /\.(ts|mts|js|mjs)$/.test(f)).map((f) => join('tests', f));
/** An import of a synchronous child-process function (hostile MDX in tests quotes their names as text: not an import). */
const SYNC_IMPORT = /import\s*\{[^}]*\b(spawnSync|execSync|execFileSync)\b[^}]*\}\s*from\s*['"](node:)?child_process['"]/;

describe('the test suite', () => {
  it('runs no child process synchronously in a test worker', () => {
    expect(files.length).toBeGreaterThan(50);
    const blocking = files.filter((f) => f !== join('tests', 'support', 'run.ts') && SYNC_IMPORT.test(readFileSync(f, 'utf8')));
    expect(blocking, 'use spawnRun from tests/support/run.ts').toEqual([]);
  });
});
