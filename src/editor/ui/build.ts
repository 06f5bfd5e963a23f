/**
 * Builds the editor's interface (src/editor/ui/, an Astro app with React islands) into a gitignored folder, only when
 * its sources changed since the last build, and returns that folder for the editor's server to serve.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const project = resolve(here, '../../..');
/** Where the built interface goes (under node_modules/.cache, which git ignores). */
export const EDITOR_UI_DIR = join(project, 'node_modules/.cache/yigongti-editor-ui');

/** Every file the interface is built from: its own sources, the schemas and words it imports, the lockfile. */
function sources(): string[] {
  const walk = (dir: string): string[] =>
    !existsSync(dir)
      ? []
      : statSync(dir).isFile()
        ? [dir]
        : readdirSync(dir)
            .filter((name) => name !== 'node_modules' && !name.startsWith('.'))
            .flatMap((name) => walk(join(dir, name)));
  return [
    ...walk(here),
    ...walk(join(project, 'src/schemas')),
    ...walk(join(project, 'src/i18n')),
    ...walk(join(project, 'src/editor/fields.ts')),
    join(project, 'package-lock.json'),
    join(project, 'templates/observations-template.csv'),
  ]
    .filter((f) => existsSync(f))
    .sort();
}

function stampOf(files: string[]): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update('\0').update(readFileSync(f)).update('\0');
  return hash.digest('hex');
}

let building: Promise<string> | undefined;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `work` while holding a lock folder, so that two processes (test workers, two editors) never build at once. */
async function withLock<T>(work: () => Promise<T>): Promise<T> {
  const lock = `${EDITOR_UI_DIR}.lock`;
  mkdirSync(dirname(lock), { recursive: true });
  for (let waited = 0; ; waited += 500) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than ten minutes was left by a process that died.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      else await sleep(500);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export async function buildEditorUi(): Promise<string> {
  building ??= withLock(async () => {
    const stamp = stampOf(sources());
    const stampFile = join(EDITOR_UI_DIR, '.stamp');
    if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && existsSync(join(EDITOR_UI_DIR, 'index.html'))) return EDITOR_UI_DIR;
    const { build } = await import('astro');
    // Built beside the served folder and swapped in whole: a server reading it never sees half a build.
    const staging = `${EDITOR_UI_DIR}.staging`;
    rmSync(staging, { recursive: true, force: true });
    // Rooted outside src/ (its sources are named in astro.config.mjs), so that Astro's .astro/ and Vite's
    // node_modules/.vite/ caches, written under the root, never change src/ (the published site's code fingerprint).
    const root = join(project, 'node_modules/.cache/yigongti-editor-ui-root');
    mkdirSync(root, { recursive: true });
    await build({
      root,
      configFile: relative(root, join(here, 'astro.config.mjs')),
      outDir: staging,
      cacheDir: join(project, 'node_modules/.astro-editor-ui'),
      logLevel: 'warn',
    });
    const template = join(project, 'templates/observations-template.csv');
    if (existsSync(template)) copyFileSync(template, join(staging, 'observations-template.csv'));
    writeFileSync(join(staging, '.stamp'), stamp);
    rmSync(EDITOR_UI_DIR, { recursive: true, force: true });
    renameSync(staging, EDITOR_UI_DIR);
    return EDITOR_UI_DIR;
  }).finally(() => {
    building = undefined;
  });
  return building;
}
