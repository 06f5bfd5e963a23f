/**
 * A file written whole: its text goes to a temporary file beside it, which is then renamed over it, so a reader (the
 * dev server, check, a build running at the same time) sees the old text or the new, never half of one. On failure
 * the temporary file is removed and the error thrown.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function writeWhole(file: string, text: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.writing`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Removes every file in a cache folder but those named in `keep` (the ones this build read or wrote): what a cache kept
 * for files changed or gone, or for other code. A folder that cannot be read is left alone.
 */
export function removeAllBut(dir: string, keep: ReadonlySet<string>): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (!keep.has(name)) rmSync(join(dir, name), { force: true });
}
