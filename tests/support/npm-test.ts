/**
 * `npm test` (and `npm run test:full` with `--full`): everything a change must pass, on both cores.
 *
 * 1. The type check (`astro check`) and the one build of the site (`npm run build`) at the same time: each keeps
 *    mostly one core busy. The type check's report is held back and printed after the tests, so the two never mix.
 *    Beside them, what the browser tiers need from outside npm (tests/support/prerequisites.ts), installed when missing
 *    (on a fresh CI machine, apt-get's downloads then overlap the build instead of coming before it).
 * 2. Once the build is done and those are there, vitest: the site and e2e tiers (vitest.config.ts), and with `--full`
 *    the sweep; every browser and quality test reads that one dist/. Beside them, in a vitest process of its own, the
 *    unit tier, without isolation (`UNIT_FLAGS`): it starts with the type check and the build, and its report is
 *    printed after the tests.
 * The exit code is 0 only when the type check, the build and every test passed; the times of each step are printed.
 * Arguments after `--` go to vitest (`npm test -- tests/unit/format.test.ts`).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** Runs a command; its output is kept, and shown as it comes unless `quiet` (then it is shown later). */
function run(name: string, command: string, commandArgs: string[], quiet = false): Promise<Step> {
  const from = performance.now();
  return new Promise((done) => {
    const child = spawn(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...(quiet ? {} : { FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? '1' : '0') }) } });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      if (!quiet) process.stdout.write(chunk);
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
      if (!quiet) process.stderr.write(chunk);
    });
    child.on('error', (error) => done({ name, ok: false, time: seconds(from), output: `${output}\n${error.message}` }));
    child.on('close', (code) => done({ name, ok: code === 0, time: seconds(from), output }));
  });
}

const bin = (name: string) => `node_modules/.bin/${name}`;

/**
 * Each vitest process also writes a JSON report, so the tests that failed are named again in the last lines printed
 * (a CI log is often read from its end, where the summary is).
 */
const reports = mkdtempSync(join(tmpdir(), 'yigongti-npm-test-'));
const reporters = (name: string) => ['--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, `${name}.json`)}`];

interface JsonReport {
  testResults?: { name: string; startTime?: number; endTime?: number; message?: string; assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[] }[];
}

/** The slowest test files of a vitest JSON report (wall time from a file's start to its end), for keeping the suite fast. */
function slowest(name: string, count = 6): string {
  try {
    const report: JsonReport = JSON.parse(readFileSync(join(reports, `${name}.json`), 'utf8'));
    return (report.testResults ?? [])
      .map((f) => ({ where: f.name.replace(`${process.cwd()}/`, ''), s: ((f.endTime ?? 0) - (f.startTime ?? 0)) / 1000 }))
      .sort((a, b) => b.s - a.s)
      .slice(0, count)
      .map((f) => `${f.where} ${f.s.toFixed(0)} s`)
      .join(' · ');
  } catch {
    return '';
  }
}

/** The failed tests of a vitest JSON report, one line each with the first line of its error; or why there is none. */
function failures(name: string): string[] {
  let report: JsonReport;
  try {
    report = JSON.parse(readFileSync(join(reports, `${name}.json`), 'utf8'));
  } catch {
    return [`(no report from ${name}: vitest stopped before writing it; see its output above)`];
  }
  const first = (text = '') => text.replace(/\x1b\[[0-9;]*m/g, '').split('\n').find((l) => l.trim())?.trim().slice(0, 200) ?? '';
  return (report.testResults ?? []).flatMap((file) => {
    const failed = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
    const where = file.name.replace(`${process.cwd()}/`, '');
    if (!failed.length) return file.message ? [`${where}: ${first(file.message)}`] : [];
    return failed.map((t) => `${where} > ${t.fullName}: ${first(t.failureMessages?.[0])}`);
  });
}

/** How the unit tier runs (also in package.json's test:unit): no isolation between files, in worker threads (vitest.config.ts). */
const UNIT_FLAGS = ['--no-isolate', '--pool', 'threads'];

// With files named (`npm test -- tests/unit/x.test.ts`), one of the two vitest processes may find none of them.
const filtered = vitestArgs.some((a) => !a.startsWith('-')) ? ['--passWithNoTests'] : [];
const prerequisites = (async (): Promise<Step> => {
  const from = performance.now();
  return { name: 'Chromium, CJK fonts and Java (tests/support/prerequisites.ts)', ok: await ensurePrerequisites(), time: seconds(from), output: '' };
})();
const typecheck = run('type check (astro check)', bin('astro'), ['check'], true);
// The unit tier needs no build: it runs from the start, its files sharing one module graph per thread.
const unit = run('unit tier (vitest --project unit, no isolation)', bin('vitest'), ['run', '--project', 'unit', ...UNIT_FLAGS, ...reporters('unit'), ...filtered, ...vitestArgs], true);
const build = await run('build (npm run build)', 'npm', ['run', '--silent', 'build']);
const needs = await prerequisites;
const steps: Step[] = [needs, build];
if (build.ok && needs.ok) {
  const projects = ['site', 'e2e', ...(full ? ['sweep'] : [])].flatMap((p) => ['--project', p]);
  steps.push(await run(`tests (vitest: ${full ? 'site, e2e, sweep' : 'site, e2e'})`, bin('vitest'), ['run', ...projects, ...reporters('tiers'), ...filtered, ...vitestArgs]));
} else if (!build.ok) {
  console.error('\nnpm test: the build failed, so the site and e2e tiers were not run (the browser tests need the built site).');
} else {
  console.error('\nnpm test: what the browser tests need is missing (see above), so the site and e2e tiers were not run.');
}
const unitDone = await unit;
console.log(`\n${unitDone.output}`);
steps.push(unitDone);
const checked = await typecheck;
steps.unshift(checked);
// Only the summary of a clean type check (its warnings and hints are in `npm run typecheck`); all of it when it failed.
const lines = checked.output.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
const result = lines.findIndex((l) => l.startsWith('Result ('));
console.log(checked.ok && result >= 0 ? `\nastro check: ${lines.slice(result, result + 4).join(' ').replace(/\s+/g, ' ')}` : `\n${checked.output}`);

const load = loadavg()[0].toFixed(1);
console.log(`\n${full ? 'npm run test:full' : 'npm test'}: ${seconds(started)} in all (load average ${load} on ${availableParallelism()} cores)`);
for (const step of steps) console.log(`  ${step.ok ? '✓' : '✗'} ${step.name}: ${step.time}`);
for (const report of ['unit', 'tiers']) {
  const files = slowest(report);
  if (files) console.log(`  slowest ${report === 'unit' ? 'unit' : 'site and e2e'} files: ${files}`);
}
// A vitest run can fail with every test passed (an unhandled error, a worker lost): then its error lines are named.
const errorLines = (step: Step) => {
  const lines = step.output.replace(/\x1b\[[0-9;]*m/g, '').split('\n').filter((l) => /Unhandled|Error|⎯⎯⎯/.test(l));
  return lines.length ? lines.slice(0, 20).map((l) => l.trim().slice(0, 200)) : ['(no test failed and no error line: see the output above)'];
};
const vitestFailures = (step: Step | undefined, report: string) => {
  if (!step || step.ok) return [];
  const named = failures(report);
  return named.length ? named : [`${step.name} exited non-zero with no test failed:`, ...errorLines(step)];
};
const failed = [...vitestFailures(unitDone, 'unit'), ...vitestFailures(steps.find((s) => s.name.startsWith('tests')), 'tiers')];
if (failed.length) console.log(`\nFailed:\n${failed.map((f) => `  ✗ ${f}`).join('\n')}`);
rmSync(reports, { recursive: true, force: true });
process.exit(steps.every((s) => s.ok) ? 0 : 1);
