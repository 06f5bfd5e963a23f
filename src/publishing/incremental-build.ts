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
  /**
   * The last published site and its manifest's file (`MANIFEST_FILE`), absent for a full build. The build script
   * checks only the manifest's head (`publishedManifestFile`); the Astro process reads the rest, once.
   */
  base?: { dir: string; manifest: string };
  /** Where the Astro process writes what it reports (`BuildReport`), and beside it (`${out}.manifest`) the new manifest's text. */
  out: string;
}

/** What the Astro process reports back; the manifest of the site it built is beside it, as text (`manifestText`). */
export interface BuildReport {
  /** Files taken from the last published site (the search index's among them). */
  reused: number;
  /** Of them, the search index's. */
  searchReused: number;
}

/**
 * A manifest as it is kept and handed on: a line of its head (version and code, and once published the dist/ it
 * describes), then a line of the rest. The build script, which only checks and passes the manifest on, reads the head
 * alone (at national size the rest is 60 MB of JSON, which it parsed, wrote out and read back twice a build).
 */
export function manifestText(manifest: Manifest): string {
  const { version, code, dist, ...rest } = manifest;
  return `${JSON.stringify({ version, code, ...(dist ? { dist } : {}) })}\n${JSON.stringify({ version, code, ...rest })}`;
}

/** The head of a manifest's text (`manifestText`). */
function manifestHead(text: string): Pick<Manifest, 'version' | 'code' | 'dist'> {
  return JSON.parse(text.slice(0, text.indexOf('\n')));
}

/** A manifest from its text (`manifestText`). */
export function parseManifest(text: string): Manifest {
  const newline = text.indexOf('\n');
  const head = JSON.parse(text.slice(0, newline)) as Pick<Manifest, 'version' | 'code' | 'dist'>;
  return { ...(JSON.parse(text.slice(newline + 1)) as Manifest), ...head };
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
 * The file of the manifest of the published dist/, if there is one that describes it and was made with this code (its
 * head alone is read); otherwise why not (for the build log).
 */
export function publishedManifestFile(root: string, code: string): { file?: string; why?: string } {
  const file = join(root, MANIFEST_FILE);
  const dist = statSync(join(root, 'dist'), { throwIfNoEntry: false });
  if (!dist) return { why: 'no dist/' };
  if (!existsSync(file)) return { why: 'no manifest of the published site' };
  let head: ReturnType<typeof manifestHead>;
  try {
    head = manifestHead(readFileSync(file, 'utf8'));
  } catch {
    return { why: 'the manifest is unreadable' };
  }
  if (head.version !== MANIFEST_VERSION) return { why: 'the manifest is from another version' };
  if (!head.dist || head.dist.ino !== dist.ino || head.dist.dev !== dist.dev || head.dist.ctimeMs !== dist.ctimeMs) return { why: 'dist/ is not the site the manifest describes' };
  if (head.code !== code) return { why: 'code, styles or settings changed' };
  return { file };
}

/**
 * The manifest of the published dist/, if there is one that describes it and was made with this code; otherwise why
 * not (for the build log).
 */
export function readPublishedManifest(root: string, code: string): { manifest?: Manifest; why?: string } {
  const { file, why } = publishedManifestFile(root, code);
  if (!file) return { why };
  try {
    return { manifest: parseManifest(readFileSync(file, 'utf8')) };
  } catch {
    return { why: 'the manifest is unreadable' };
  }
}

/** Removes the manifest (before dist/ is swapped: from then on it would describe a site that is gone). */
export function forgetManifest(root: string): void {
  rmSync(join(root, MANIFEST_FILE), { force: true });
}

/**
 * Writes the manifest of the dist/ just published (a Manifest, or its text as `manifestText` writes it), naming it by
 * device, inode and change time (after the swap; the rename set the change time, which no one can set back, and any
 * later rename or new entry at its top changes it). Of a text, only the head is read and written anew.
 */
export function recordManifest(root: string, manifest: Manifest | string): void {
  const dist = statSync(join(root, 'dist'));
  const text = typeof manifest === 'string' ? manifest : manifestText(manifest);
  const { version, code } = manifestHead(text);
  writeWhole(join(root, MANIFEST_FILE), `${JSON.stringify({ version, code, dist: { dev: dist.dev, ino: dist.ino, ctimeMs: dist.ctimeMs } })}${text.slice(text.indexOf('\n'))}`);
}
