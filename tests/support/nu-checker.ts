/**
 * The W3C Nu Html Checker (vnu-jar) over built pages, in one JVM run (tests/quality/html-validity.test.ts on one page
 * of each template, tests/sweep/html-validity-every-page.test.ts on every page).
 */
import { describe, expect, it } from 'vitest';
import { resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, type BuiltPage } from './site-pages';
import { spawnRun } from './run';

const VNU = resolve('node_modules/vnu-jar/build/dist/vnu.jar');
/**
 * A deep stack for the checker's parser; and, for a run of seconds, the JVM's quick compiler only and one garbage
 * collector thread: the optimising compiler and parallel collectors cost more CPU than they save in so short a run
 * (one page of each template: 6.2 → 2.9 s of CPU; every page: 9.1 → 3.4 s; the same messages either way).
 */
const JVM_OPTIONS = ['-Xss8m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

interface NuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

export function validHtmlChecks(pages: BuiltPage[], which: string): void {
  describe('valid HTML', () => {
    it(`the Nu checker finds no errors on ${which}`, async () => {
      const files = pages.map((p) => resolve(DIST, p.file));
      expect(files.length, 'dist/ has no pages: run npm run build').toBeGreaterThan(0);
      const run = await spawnRun('java', [...JVM_OPTIONS, '-jar', VNU, '--format', 'json', '--stdout', '--errors-only', '--skip-non-html', ...files]).catch((error: Error) => {
        throw new Error(`could not start java (the Nu checker needs Java 11+): ${error.message}`);
      });
      const { messages } = JSON.parse(run.stdout) as { messages: NuMessage[] };
      const errors = messages.filter((m) => m.type !== 'info');
      const lines = errors.slice(0, 60).map((m) => {
        const file = m.url ? relative(DIST, fileURLToPath(m.url)) : '?';
        return `  ${file}:${m.lastLine ?? '?'}:${m.firstColumn ?? '?'} ${m.message}${m.extract ? `\n      ${m.extract.replace(/\s+/g, ' ').trim()}` : ''}`;
      });
      expect(errors.length, `${errors.length} HTML error(s):\n${lines.join('\n')}`).toBe(0);
    }, 300_000);
  });
}
