/**
 * Publishing the editor's preview instead of building again (scripts/build.ts `--out` and `--reuse`): a build into
 * another folder records beside it what it was made from; a publication given that folder publishes it (linked into
 * the staging folder, then swapped in as any build is: ./publish.ts) when the project's inputs are still exactly those,
 * and builds as usual otherwise. The reviewer who presses 发布 right after looking at the preview waits seconds, not a
 * build.
 *
 * What a build is made from, besides the published site it reuses files of (reuse never changes a byte: an incremental
 * build equals a full one, tests/build/editor-publish.test.ts): the code and settings (./incremental-build.ts
 * `codeFingerprint`), every file under data/ and content/ by name and bytes, the day each data file last changed
 * (pages print it: src/data/file-dates.ts) and the build's day (src/views/build-day.ts). The
 * record also names the folder by device, inode and change time, like the manifest of dist/, so a folder put there by
 * other means is never taken for the build it describes; and it is written only when the inputs were the same before
 * and after the build (an editor saving while the preview builds leaves no record, and the next publication builds).
 */
import { createHash } from 'node:crypto';
import { linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder } from '../data/source-entries';
import { fileDates } from '../data/file-dates';
import { buildDay } from '../views/build-day';
import { codeFingerprint } from './incremental-build';
import type { Manifest } from './incremental';

/** What a build was made from, part by part (so the log can say which part changed). */
export interface BuildInputs {
  /** Code and settings. */
  code: string;
  /** Every file under data/ and content/, by name and bytes. */
  files: string;
  /** The day each data file last changed. */
  dates: string;
  /** The build's day. */
  day: string;
}

/** What a build into another folder records beside it. */
interface BuiltFrom {
  inputs: BuildInputs;
  /**
   * The manifest of the site in the folder: the one dist/ gets when the folder is published; or, when it was handed
   * over as text (`manifestText`, as a build makes it), the length of that text, kept beside the record
   * (`builtFromManifest`) and never parsed.
   */
  manifest?: Manifest;
  manifestLength?: number;
  /** The build's own count line (`incremental: N files rebuilt, M reused`), for the publication's log. */
  summary: string;
  folder: { dev: number; ino: number; ctimeMs: number };
}

const WHAT: Record<keyof BuildInputs, string> = {
  code: '代码或设置有改动 / code or settings changed',
  files: 'data/ 或 content/ 有改动 / data/ or content/ changed',
  dates: '数据文件的日期有改动 / the dates of data files changed',
  day: '构建日期已不同 / the build day changed',
};

/** The record of a build into `folder`: beside it, never inside it (the folder is a whole site). */
export const builtFromFile = (folder: string) => `${folder}.built-from.json`;

/**
 * What a build of the project in `root` would be made from now; `code` when the caller has it already. Every entry
 * under data/ and content/ counts as validation sees it (src/data/source-entries.ts): a link added since the preview is
 * a change (check refuses links), and each file is hashed on its own, so no file's bytes can
 * pass for another file's name and bytes.
 */
export function buildInputs(root: string, env: Record<string, string | undefined> = process.env, code = codeFingerprint(root, env)): BuildInputs {
  const files = createHash('sha256');
  const entries = [...filesUnder(root, 'data'), ...filesUnder(root, 'content')];
  for (const { path, kind } of entries) {
    const bytes = kind === 'file' ? createHash('sha256').update(readFileSync(join(root, path))).digest('base64url') : '';
    files.update(`${path}\0${kind}\0${bytes}\n`);
  }
  const dates = createHash('sha256');
  const data = entries.filter((e) => e.kind === 'file' && e.path.startsWith('data/')).map((e) => e.path);
  for (const [path, day] of fileDates(root, data)) dates.update(`${path}\0${day}\0`);
  return { code, files: files.digest('base64url'), dates: dates.digest('base64url'), day: buildDay() };
}

/** The parts in which two sets of inputs differ (none: the same inputs). */
export function changedInputs(was: BuildInputs, now: BuildInputs): (keyof BuildInputs)[] {
  return (Object.keys(WHAT) as (keyof BuildInputs)[]).filter((part) => was[part] !== now[part]);
}

/** The text of the manifest of the site built into `folder`, when it was recorded as text, beside the record. */
const builtFromManifest = (folder: string) => `${folder}.built-from.manifest`;

/** Removes the record of `folder` (before the folder is replaced or removed). */
export function forgetBuiltFrom(folder: string): void {
  rmSync(builtFromFile(folder), { force: true });
  rmSync(builtFromManifest(folder), { force: true });
}

/** Records what the site just moved into `folder` was made from, with its manifest (or the manifest's text). */
export function recordBuiltFrom(folder: string, inputs: BuildInputs, manifest: Manifest | string, summary: string): void {
  const { dev, ino, ctimeMs } = statSync(folder);
  if (typeof manifest === 'string') writeFileSync(builtFromManifest(folder), manifest);
  const record: BuiltFrom = { inputs, ...(typeof manifest === 'string' ? { manifestLength: manifest.length } : { manifest }), summary, folder: { dev, ino, ctimeMs } };
  const file = builtFromFile(folder);
  writeFileSync(`${file}.${process.pid}`, JSON.stringify(record));
  renameSync(`${file}.${process.pid}`, file);
}

/**
 * Whether the site in `folder` is what a build of `inputs` would make: its manifest and count line if so, otherwise
 * why not (Chinese, then English, for the build log).
 */
export function reusableBuild(folder: string, inputs: BuildInputs): { manifest: Manifest | string; summary: string } | { why: string } {
  const stat = statSync(folder, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) return { why: '没有预览 / no preview' };
  let record: BuiltFrom;
  try {
    record = JSON.parse(readFileSync(builtFromFile(folder), 'utf8'));
  } catch {
    return { why: '预览没有记录它由什么生成 / the preview does not record what it was built from' };
  }
  if (!record.folder || record.folder.dev !== stat.dev || record.folder.ino !== stat.ino || record.folder.ctimeMs !== stat.ctimeMs) {
    return { why: '预览文件夹不是记录里的那个 / the preview folder is not the one its record describes' };
  }
  const changed = record.inputs ? changedInputs(record.inputs, inputs) : ['code' as const];
  if (changed.length) return { why: `预览生成之后：${changed.map((part) => WHAT[part].split(' / ')[0]).join('，')} / since the preview: ${changed.map((part) => WHAT[part].split(' / ')[1]).join(', ')}` };
  if (record.manifest) return { manifest: record.manifest, summary: record.summary };
  let text: string | undefined;
  try {
    text = readFileSync(builtFromManifest(folder), 'utf8');
  } catch {
    // Reported below.
  }
  if (text === undefined || text.length !== record.manifestLength) return { why: '预览没有记录它由什么生成 / the preview does not record what it was built from' };
  return { manifest: text, summary: record.summary };
}

/**
 * A copy of the site in `from` at `to` made of hard links (no byte is copied; built files are never written in place,
 * so the two stay the same).
 */
export function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) linkTree(join(from, entry.name), join(to, entry.name));
    else linkSync(join(from, entry.name), join(to, entry.name));
  }
}
