/**
 * The entries under a folder of the project as validation sees them, in a module of its own that loads no validation
 * code (scripts/build.ts and src/publishing/reuse-build.ts read them without loading it).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file under a folder of the project, as paths relative to the project (`data/groups/x.json`), sorted, each with
 * what it is as the folder lists it (lstat, never following a link): a link or anything not a regular file is reported
 * by validation, never read (a link could point outside the project; a folder named x.mdx cannot be read as a file).
 */
export function filesUnder(root: string, folder: string): { path: string; kind: 'file' | 'link' | 'special' }[] {
  if (!existsSync(join(root, folder))) return [];
  return (readdirSync(join(root, folder), { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => !e.isDirectory())
    .map((e) => ({
      path: `${folder}/${join(e.parentPath, e.name).slice(join(root, folder).length + 1).replace(/\\/g, '/')}`,
      kind: e.isSymbolicLink() ? ('link' as const) : e.isFile() ? ('file' as const) : ('special' as const),
    }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
