/**
 * Files stage: which collection a file under data/ or content/ belongs to, its encoding, and why a stray file is
 * stray. The folder layout (data/<collection>/*.json, content/<collection>/*.mdx) is known here and nowhere else.
 */
import { dataCollections, mdxCollections, type DataCollection, type MdxCollection } from '../../schemas';
import { fileMessages, unreadableMessages } from '../../i18n/validation';
import { RESERVED_NAME } from './public-files';
import type { Problem, SourceFile } from './problems';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A file's bytes as text. Only UTF-8 is accepted: a GBK file decoded as UTF-8 would be published as mojibake. A byte
 * order mark (which Notepad writes) is dropped, the same for JSON and MDX.
 */
export function decodeSource(path: string, bytes: Uint8Array): SourceFile {
  try {
    return { path, text: utf8.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return { path, text: '', notUtf8: true };
  }
}

/** Files an operating system leaves in folders; never the editors' content, so neither read nor reported. */
const SYSTEM_FILES = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini', '.gitkeep']);

/**
 * Which collection a path under data/ or content/ belongs to: `data/<collection>/<name>.json` or
 * `content/<collection>/<name>.mdx`, nothing else (no subfolders, no other extensions). `ignored` for system files;
 * undefined for a file that belongs nowhere, which validation reports (`strayFileProblem`).
 */
export function placeOf(path: string): { kind: 'data'; collection: DataCollection } | { kind: 'mdx'; collection: MdxCollection } | 'ignored' | undefined {
  const parts = path.split('/');
  if (SYSTEM_FILES.has(parts[parts.length - 1])) return 'ignored';
  if (parts.length !== 3 || RESERVED_NAME.test(parts[2])) return undefined;
  const [top, folder, name] = parts;
  if (top === 'data' && Object.hasOwn(dataCollections, folder) && /^[^.].*\.json$/.test(name)) return { kind: 'data', collection: folder as DataCollection };
  if (top === 'content' && Object.hasOwn(mdxCollections, folder) && /^[^.].*\.mdx$/.test(name)) return { kind: 'mdx', collection: folder as MdxCollection };
  return undefined;
}

/** The folder where the entries of a collection are written, for "add that entry first" hints. */
export function folderOf(collection: DataCollection | MdxCollection): string {
  return Object.hasOwn(mdxCollections, collection) ? `content/${collection}/` : `data/${collection}/`;
}

/** Edit distance, to suggest `observations` for a folder named `observation`. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/** Why a file under data/ or content/ is in no collection, and where it should go instead. */
export function strayFileProblem(path: string, unreadable?: SourceFile['unreadable']): Problem {
  if (unreadable === 'link' || unreadable === 'special') return { file: path, ...unreadableMessages[unreadable]() };
  if (unreadable) return { file: path, ...unreadableMessages.tooLarge(unreadable.tooLarge / 1024 / 1024, 256) };
  const parts = path.split('/');
  const [top, folder] = parts;
  const name = parts[parts.length - 1];
  const folders = Object.keys(top === 'data' ? dataCollections : mdxCollections);
  const ext = top === 'data' ? '.json' : '.mdx';
  const listed = folders.map((f) => `${top}/${f}/`).join('、');
  const message = (() => {
    if (parts.length === 2) return fileMessages.noFolder(listed);
    if (!folders.includes(folder)) return fileMessages.unknownFolder(top, folder, folders.find((f) => distance(f, folder.toLowerCase()) <= 2), listed);
    if (parts.length > 3) return fileMessages.subfolder(top, folder);
    if (RESERVED_NAME.test(name)) return unreadableMessages.reserved(name);
    if (name.startsWith('.')) return fileMessages.hidden();
    if (name.toLowerCase().endsWith(ext)) return fileMessages.extensionCase(ext);
    if (top === 'content' && /\.(md|markdown)$/i.test(name)) return fileMessages.markdown();
    return fileMessages.wrongKind(top, folder, ext);
  })();
  return { file: path, ...message };
}

/** The problem for a file that is not UTF-8. */
export function notUtf8Problem(path: string): Problem {
  return { file: path, ...fileMessages.notUtf8() };
}
