/**
 * The build script's side of incremental publishing (./incremental.ts): the code fingerprint, the manifest kept beside
 * dist/, and the job file handed to the Astro process.
 *
 * The manifest lives at `.dist-manifest.json` beside dist/ (ignored by git), never inside it: it is build state, not
 * part of the published site (a site built incrementally is byte for byte a full build's, and a full build has no such
 * file). It must never claim pages dist/ does not have, so publishing (./publish.ts) removes it before dist/ is swapped
 * and writes the new one after, naming the new dist/ by device, inode and change time: a crash in between leaves no
 * manifest (the next build is a full one), and a dist/ put there by other means (a copy, a bare `astro build`, even
 * one that got the old folder's inode number) does not match it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { MANIFEST_VERSION, type Manifest } from './incremental';
import { writeWhole } from '../data/write-whole';

/** Where the manifest of the published dist/ is kept (relative to the project root). */
export const MANIFEST_FILE = '.dist-manifest.json';

/** The environment variable naming the job file the Astro process reads (./incremental-integration.ts). */
export const INCREMENTAL_ENV = 'YIGONGTI_INCREMENTAL';

/** What the build script tells the Astro process: the code fingerprint, what it may reuse, where to write the new manifest. */
export interface IncrementalJob {
  code: string;
  /** The last published site, its manifest's files and search index; absent for a full build. */
  base?: { dir: string; files: Record<string, string>; search?: Manifest['search']; routes?: Manifest['routes']; sizes?: Manifest['sizes']; rows?: Manifest['rows']; reads?: Manifest['reads'] };
  /** Where the Astro process writes the manifest of the site it built, with its counts. */
  out: string;
}

/** What the Astro process reports back beside the manifest. */
export interface BuildReport {
  manifest: Manifest;
  /** Files taken from the last published site (the search index's among them). */
  reused: number;
  /** Of them, the search index's. */
  searchReused: number;
}

/**
 * Everything that is code, not content: the site's sources and styles, public/, the build's config and dependencies.
 * A change to any of them rebuilds every page. Tests and docs are left out: they never reach the site.
 */
export const CODE_PARTS = ['src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

/**
 * The settings a build reads from the environment, which change what pages show: the site's address and where
 * corrections go (src/publishing/site-address.ts, src/publishing/feedback.ts).
 */
export const SETTINGS = ['SITE_URL', 'FEEDBACK_URL', 'FEEDBACK_EMAIL'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return filesUnder(path);
      return entry.isFile() ? [path] : [];
    });
}

/** The code fingerprint of a project folder: every file of CODE_PARTS by name and bytes, the settings, Node's version. */
export function codeFingerprint(root: string, env: Record<string, string | undefined> = process.env): string {
  const hash = createHash('sha256');
  hash.update(`manifest ${MANIFEST_VERSION}\0node ${process.version}\0`);
  for (const part of CODE_PARTS) {
    const path = join(root, part);
    if (!existsSync(path)) continue;
    for (const file of statSync(path).isDirectory() ? filesUnder(path) : [path]) {
      hash.update(relative(root, file).split(sep).join('/')).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  for (const name of SETTINGS) hash.update(`${name}=${env[name] ?? ''}\0`);
  return hash.digest('base64url').slice(0, 27);
}

/**
 * The manifest of the published dist/, if there is one that describes it and was made with this code; otherwise why
 * not (for the build log).
 */
export function readPublishedManifest(root: string, code: string): { manifest?: Manifest; why?: string } {
  const file = join(root, MANIFEST_FILE);
  const dist = statSync(join(root, 'dist'), { throwIfNoEntry: false });
  if (!dist) return { why: 'no dist/' };
  if (!existsSync(file)) return { why: 'no manifest of the published site' };
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { why: 'the manifest is unreadable' };
  }
  if (manifest.version !== MANIFEST_VERSION) return { why: 'the manifest is from another version' };
  if (!manifest.dist || manifest.dist.ino !== dist.ino || manifest.dist.dev !== dist.dev || manifest.dist.ctimeMs !== dist.ctimeMs) return { why: 'dist/ is not the site the manifest describes' };
  if (manifest.code !== code) return { why: 'code, styles or settings changed' };
  return { manifest };
}

/** Removes the manifest (before dist/ is swapped: from then on it would describe a site that is gone). */
export function forgetManifest(root: string): void {
  rmSync(join(root, MANIFEST_FILE), { force: true });
}

/**
 * Writes the manifest of the dist/ just published, naming it by device, inode and change time (after the swap; the
 * rename set the change time, which no one can set back, and any later rename or new entry at its top changes it).
 */
export function recordManifest(root: string, manifest: Manifest): void {
  const dist = statSync(join(root, 'dist'));
  writeWhole(join(root, MANIFEST_FILE), JSON.stringify({ ...manifest, dist: { dev: dist.dev, ino: dist.ino, ctimeMs: dist.ctimeMs } }));
}
