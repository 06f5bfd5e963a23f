/**
 * `npm test` (and `npm run test:full` with `--full`): everything a change must pass, on both cores.
 *
 * 1. What the tests need from outside npm (tests/support/prerequisites.ts), installed when missing.
 * 2. The type check (`astro check`) and the one build of the site (`npm run build`) at the same time: each keeps
 *    mostly one core busy. The type check's report is held back and printed after the tests, so the two never mix.
 * 3. Once the build is done, vitest: the unit, site and e2e tiers (vitest.config.ts), and with `--full` the sweep.
 *    Every browser and quality test reads that one dist/.
 * The exit code is 0 only when the type check, the build and every test passed; the times of each step are printed.
 * Arguments after `--` go to vitest (`npm test -- tests/unit/format.test.ts`).
 */
import { spawn } from 'node:child_process';
import { loadavg, availableParallelism } from 'node:os';
import { ensurePrerequisites } from './prerequisites';

const args = process.argv.slice(2);
const full = args.includes('--full');
const vitestArgs = args.filter((a) => a !== '--full');
const started = performance.now();
const seconds = (from: number) => `${Math.round((performance.now() - from) / 1000)} s`;

interface Step {
  name: string;
  ok: boolean;
  time: string;
  output: string;
}

/** Runs a command; its output is shown as it comes, or kept (`quiet`) to be shown later. */
function run(name: string, command: string, commandArgs: string[], quiet = false): Promise<Step> {
  const from = performance.now();
  return new Promise((done) => {
    const child = spawn(command, commandArgs, { stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'], env: { ...process.env } });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => done({ name, ok: false, time: seconds(from), output: `${output}\n${error.message}` }));
    child.on('close', (code) => done({ name, ok: code === 0, time: seconds(from), output }));
  });
}

const bin = (name: string) => `node_modules/.bin/${name}`;

if (!(await ensurePrerequisites())) process.exit(1);

const typecheck = run('type check (astro check)', bin('astro'), ['check'], true);
const build = await run('build (npm run build)', 'npm', ['run', '--silent', 'build']);
const steps: Step[] = [build];
if (build.ok) {
  const projects = ['unit', 'site', 'e2e', ...(full ? ['sweep'] : [])].flatMap((p) => ['--project', p]);
  steps.push(await run(`tests (vitest: ${full ? 'unit, site, e2e, sweep' : 'unit, site, e2e'})`, bin('vitest'), ['run', ...projects, ...vitestArgs]));
} else {
  console.error('\nnpm test: the build failed, so the tests were not run (the browser tests need the built site).');
}
const checked = await typecheck;
steps.unshift(checked);
// Only the summary of a clean type check (its warnings and hints are in `npm run typecheck`); all of it when it failed.
const lines = checked.output.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
const result = lines.findIndex((l) => l.startsWith('Result ('));
console.log(checked.ok && result >= 0 ? `\nastro check: ${lines.slice(result, result + 4).join(' ').replace(/\s+/g, ' ')}` : `\n${checked.output}`);

const load = loadavg()[0].toFixed(1);
console.log(`\n${full ? 'npm run test:full' : 'npm test'}: ${seconds(started)} in all (load average ${load} on ${availableParallelism()} cores)`);
for (const step of steps) console.log(`  ${step.ok ? '✓' : '✗'} ${step.name}: ${step.time}`);
process.exit(steps.every((s) => s.ok) ? 0 : 1);
