/**
 * What the site and e2e tiers need from outside npm: Debian's Chromium (tests/support/browser.ts), CJK fonts (so pages
 * render their Chinese text at its real width) and a Java runtime for the Nu checker (vnu-jar). `npm test` installs
 * what is missing with apt-get when it runs as root on Debian (a fresh CI machine), and otherwise says in one line
 * what to run.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM } from './browser';

interface Need {
  /** The Debian package that provides it. */
  pkg: string;
  present: () => Promise<boolean>;
}

/** Runs a command and gives its output, or undefined when it cannot be run or fails. */
function output(command: string, args: string[]): Promise<string | undefined> {
  return new Promise((done) =>
    execFile(command, args, { encoding: 'utf8' }, (error, stdout, stderr) => done(error ? undefined : `${stdout}${stderr}`)),
  );
}

export const NEEDS: Need[] = [
  { pkg: 'chromium', present: async () => existsSync(CHROMIUM) },
  { pkg: 'fonts-noto-cjk', present: async () => /Noto Sans CJK/i.test((await output('fc-list', [':lang=zh', 'family'])) ?? '') },
  {
    pkg: 'default-jre-headless',
    // vnu-jar needs Java 11 or later; `java -version` writes `openjdk version "17.0.x"` (or "1.8.0" for Java 8).
    present: async () => Number((await output('java', ['-version']))?.match(/version "(\d+)/)?.[1] ?? 0) >= 11,
  },
];

/** Runs a command with its output shown; resolves to its exit code. */
function shown(command: string, args: string[]): Promise<number> {
  return new Promise((done) => {
    const child = execFile(command, args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }, (error) =>
      done(error ? ((error as { code?: number }).code ?? 1) : 0),
    );
    child.stdout?.pipe(process.stdout);
    child.stderr?.pipe(process.stderr);
  });
}

/** The Debian packages that are missing, installed when possible; true when nothing is missing afterwards. */
export async function ensurePrerequisites(): Promise<boolean> {
  const missing = (await Promise.all(NEEDS.map(async (n) => ((await n.present()) ? undefined : n.pkg)))).filter((p): p is string => Boolean(p));
  if (!missing.length) return true;
  const root = process.getuid?.() === 0;
  const apt = existsSync('/usr/bin/apt-get');
  if (root && apt) {
    console.log(`npm test: installing ${missing.join(', ')} (Debian packages the browser and HTML tests need)…`);
    if ((await shown('apt-get', ['update', '-qq'])) === 0 && (await shown('apt-get', ['install', '-y', '-qq', ...missing])) === 0) {
      const still = (await Promise.all(NEEDS.map(async (n) => ((await n.present()) ? undefined : n.pkg)))).filter(Boolean);
      if (!still.length) return true;
    }
  }
  console.error(
    `npm test needs ${missing.join(', ')}: run  sudo apt-get install -y ${missing.join(' ')}  (on Debian/Ubuntu; or set CHROME_PATH to a Chromium), then npm test again.`,
  );
  return false;
}
