/**
 * Builds the editor's interface (src/editor/ui/, an Astro app with React islands) into a gitignored folder, only when
 * its sources changed since the last build, and returns that folder for the editor's server to serve.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
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

export async function buildEditorUi(): Promise<string> {
  building ??= (async () => {
    const stamp = stampOf(sources());
    const stampFile = join(EDITOR_UI_DIR, '.stamp');
    if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && existsSync(join(EDITOR_UI_DIR, 'index.html'))) return EDITOR_UI_DIR;
    const { build } = await import('astro');
    await build({
      root: here,
      configFile: 'astro.config.mjs',
      outDir: EDITOR_UI_DIR,
      cacheDir: join(project, 'node_modules/.astro-editor-ui'),
      logLevel: 'warn',
    });
    const template = join(project, 'templates/observations-template.csv');
    if (existsSync(template)) copyFileSync(template, join(EDITOR_UI_DIR, 'observations-template.csv'));
    mkdirSync(EDITOR_UI_DIR, { recursive: true });
    writeFileSync(stampFile, stamp);
    return EDITOR_UI_DIR;
  })().finally(() => {
    building = undefined;
  });
  return building;
}
