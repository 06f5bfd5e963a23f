/**
 * Files from one folder (the built editor interface, a preview build), never from outside it: the path is decoded
 * once, must not contain `..`, NUL or backslashes, and the real path of the file (links followed) must lie inside
 * the folder's real path.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.webmanifest': 'application/manifest+json',
  '.pdf': 'application/pdf',
};

export const contentType = (file: string) => TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

/** The file a URL path names inside `folder` (a folder's index.html), or undefined when it is absent or outside. */
export function fileInFolder(folder: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (/[\0\\]/.test(path) || path.split('/').some((part) => part === '..' || part === '.')) return undefined;
  let base: string;
  try {
    base = realpathSync(folder);
  } catch {
    return undefined;
  }
  let file = join(base, path);
  try {
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return undefined;
    const real = realpathSync(file);
    if (real !== base && !real.startsWith(base + sep)) return undefined;
    return statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

export function readStatic(folder: string, urlPath: string): { body: Buffer; type: string } | undefined {
  const file = fileInFolder(folder, urlPath);
  return file ? { body: readFileSync(file), type: contentType(file) } : undefined;
}
