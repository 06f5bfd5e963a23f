/**
 * `public/` is content: editors put images there, and the build copies the folder into the site as it is. So only
 * kinds of file that cannot run are allowed, each recognised by its bytes (not its name): PNG, JPEG, WebP, GIF and AVIF
 * images, WOFF2/WOFF/TTF/OTF fonts, and a favicon.ico at the top. SVG can hold scripts, so it is refused. The site's
 * own files that used to live here (`_headers`, `/prefs.js`, the SVG favicon) are code in src/publishing/site-files/,
 * written by the build (src/integrations/site-files.ts); a `_headers` or `_redirects` in public/ is reported, since a
 * host would read it as the site's configuration.
 */
import { closeSync, existsSync, lstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';

/** A problem in public/, in the shape validation reports (file, Chinese, English, how to fix). */
export interface PublicProblem {
  file: string;
  zh: string;
  en: string;
  hint: { zh: string; en: string };
}

/** The kinds of file public/ may hold, by extension, and how each one's bytes begin. */
interface Kind {
  label: string;
  /** True when the first bytes of the file are this kind's. */
  test: (head: Uint8Array) => boolean;
}

const ascii = (head: Uint8Array, at: number, text: string) => [...text].every((c, i) => head[at + i] === c.charCodeAt(0));
const bytes = (head: Uint8Array, at: number, values: number[]) => values.every((v, i) => head[at + i] === v);

const PNG: Kind = { label: 'PNG', test: (h) => bytes(h, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) };
const JPEG: Kind = { label: 'JPEG', test: (h) => bytes(h, 0, [0xff, 0xd8, 0xff]) };
const GIF: Kind = { label: 'GIF', test: (h) => ascii(h, 0, 'GIF87a') || ascii(h, 0, 'GIF89a') };
const WEBP: Kind = { label: 'WebP', test: (h) => ascii(h, 0, 'RIFF') && ascii(h, 8, 'WEBP') };
const AVIF: Kind = { label: 'AVIF', test: (h) => ascii(h, 4, 'ftyp') && (ascii(h, 8, 'avif') || ascii(h, 8, 'avis')) };
const WOFF2: Kind = { label: 'WOFF2', test: (h) => ascii(h, 0, 'wOF2') };
const WOFF: Kind = { label: 'WOFF', test: (h) => ascii(h, 0, 'wOFF') };
const TTF: Kind = { label: 'TrueType', test: (h) => bytes(h, 0, [0x00, 0x01, 0x00, 0x00]) || ascii(h, 0, 'true') };
const OTF: Kind = { label: 'OpenType', test: (h) => ascii(h, 0, 'OTTO') };
const ICO: Kind = { label: 'ICO', test: (h) => bytes(h, 0, [0x00, 0x00, 0x01, 0x00]) };

/** Allowed extensions (lowercase) and the kind each must be. */
const KINDS: Record<string, Kind> = {
  png: PNG,
  jpg: JPEG,
  jpeg: JPEG,
  gif: GIF,
  webp: WEBP,
  avif: AVIF,
  woff2: WOFF2,
  woff: WOFF,
  ttf: TTF,
  otf: OTF,
};
const ALL_KINDS = [PNG, JPEG, GIF, WEBP, AVIF, WOFF2, WOFF, TTF, OTF, ICO];

/** Image extensions, for "an image referenced by the text must exist" and for messages. */
export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif'];

/** Largest file public/ may hold: a photo for a web page is well under this. */
export const PUBLIC_MAX_BYTES = 10 * 1024 * 1024;

/** Files a host reads as the site's configuration (Netlify, Cloudflare Pages, Vercel, GitHub Pages, Apache). */
const HOST_FILES = new Set(['_headers', '_redirects', '_routes.json', '_worker.js', '.htaccess', 'netlify.toml', 'vercel.json']);

/** Files an operating system leaves in folders: not reported, and removed from the built site (src/integrations/site-files.ts). */
export const SYSTEM_FILES = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini', '.gitkeep']);

/** Names Windows cannot create (CON, PRN, AUX, NUL, COM1–9, LPT1–9, with any extension): a checkout there fails. */
export const RESERVED_NAME = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\.[^.]*)*$/i;

const ALLOWED_ZH = '图片（PNG、JPEG、WebP、GIF、AVIF）、字体（WOFF2、WOFF、TTF、OTF）和顶层的 favicon.ico';
const ALLOWED_EN = 'images (PNG, JPEG, WebP, GIF, AVIF), fonts (WOFF2, WOFF, TTF, OTF) and a favicon.ico at the top';

/** The first bytes of a file, enough to tell its kind. */
function headOf(path: string): Uint8Array {
  const head = new Uint8Array(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return head;
}

/** What is wrong with one regular file of public/ (`path` relative to the project), or undefined when it may be published. */
export function publicFileProblem(path: string, size: number, head: Uint8Array): PublicProblem | undefined {
  const at = (zh: string, en: string, hint: PublicProblem['hint']): PublicProblem => ({ file: path, zh, en, hint });
  const name = path.split('/').pop()!;
  const top = path.split('/').length === 2;
  if (HOST_FILES.has(name) || name.toLowerCase() === '.htaccess')
    return at(
      `${name} 是网站服务器的配置，属于网站的代码，不能放在 public/ 里（构建会根据 src/ 自动生成）`,
      `${name} configures the web host: it is part of the site's code, not content, and the build writes it from src/`,
      {
        zh: '删除这个文件。安全响应头写在 src/publishing/site-files/_headers 里，由开发人员维护；本站不设跳转。',
        en: 'Delete the file. The security headers are in src/publishing/site-files/_headers, maintained with the code; the site has no redirects.',
      },
    );
  if (RESERVED_NAME.test(name))
    return at(`文件名“${name}”在 Windows 上是保留名称，这个文件无法在 Windows 上检出`, `"${name}" is a reserved name on Windows; the file cannot be checked out there`, {
      zh: '给文件换个名字，例如加上说明它内容的词。',
      en: 'Rename the file, e.g. with a word saying what it shows.',
    });
  if (name.startsWith('.'))
    return at('隐藏文件（文件名以 . 开头），不能放在 public/ 里', 'a hidden file (its name starts with a dot) does not belong in public/', {
      zh: '删除这个文件；图片的文件名不要以点开头。',
      en: 'Delete the file; an image’s name must not start with a dot.',
    });
  const ext = /\.([^./]+)$/.exec(name)?.[1].toLowerCase() ?? '';
  const kind = ext === 'ico' && top && name.toLowerCase() === 'favicon.ico' ? ICO : KINDS[ext];
  if (ext === 'svg')
    return at('SVG 图片可以含有脚本，本站不发布 SVG 文件', 'an SVG image can hold scripts; the site does not publish SVG files', {
      zh: '在图片软件里把它另存为 PNG 或 WebP，再放进 public/images/。',
      en: 'Save it as PNG or WebP in an image editor and put that in public/images/.',
    });
  if (!kind)
    return at(
      `public/ 里只能放${ALLOWED_ZH}，不能放${ext ? ` .${ext} ` : '没有扩展名的'}文件`,
      `public/ may hold only ${ALLOWED_EN}; not ${ext ? `a .${ext} file` : 'a file without an extension'}`,
      {
        zh: '图片放进 public/images/，在正文里写 ![图片说明](/images/文件名.png)；网页、脚本和文档不要放在这里（文件的内容写成 content/ 里的 .mdx）。',
        en: 'Put images in public/images/ and write ![caption](/images/name.png) in the text; pages, scripts and documents do not belong here (write text as .mdx in content/).',
      },
    );
  if (size > PUBLIC_MAX_BYTES)
    return at(
      `文件有 ${(size / 1024 / 1024).toFixed(1)} MB，超过 ${PUBLIC_MAX_BYTES / 1024 / 1024} MB`,
      `the file is ${(size / 1024 / 1024).toFixed(1)} MB, over ${PUBLIC_MAX_BYTES / 1024 / 1024} MB`,
      { zh: '把图片缩小（网页上宽 1600 像素足够）或另存为 WebP/JPEG 后再放进来。', en: 'Scale the image down (1600 pixels wide is plenty for a page) or save it as WebP/JPEG.' },
    );
  if (!kind.test(head)) {
    const actual = ALL_KINDS.find((k) => k.test(head));
    return at(
      `扩展名是 .${ext}，但文件内容不是 ${kind.label}${actual ? `（实际是 ${actual.label}）` : ''}`,
      `the extension is .${ext} but the file is not ${kind.label}${actual ? ` (it is ${actual.label})` : ''}`,
      {
        zh: actual ? `把文件改名，扩展名写成与内容相符的 .${Object.keys(KINDS).find((e) => KINDS[e] === actual) ?? actual.label.toLowerCase()}。` : '用图片软件重新导出这张图片（PNG、JPEG 或 WebP）；不要只改扩展名。',
        en: actual ? `Rename the file with the extension of what it is.` : 'Export the image again from an image editor (PNG, JPEG or WebP); renaming a file does not change what it is.',
      },
    );
  }
  return undefined;
}

/** public/ read with lstat: every file the build would publish, as site paths, and what is wrong with the rest. */
export interface PublicFiles {
  /** Site paths (`/images/chart.png`) of the files that may be published. */
  files: Set<string>;
  problems: PublicProblem[];
}

/**
 * Walks `root/public` without following links: a link (to a file outside the project, or a folder) is reported, never
 * read; so is anything that is neither a file nor a folder.
 */
export function readPublicFiles(root: string): PublicFiles {
  const files = new Set<string>();
  const problems: PublicProblem[] = [];
  if (!existsSync(join(root, 'public'))) return { files, problems };
  const folders = ['public'];
  while (folders.length) {
    const folder = folders.pop()!;
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        folders.push(path);
        continue;
      }
      if (SYSTEM_FILES.has(entry.name)) continue;
      if (entry.isSymbolicLink() || !entry.isFile()) {
        problems.push({
          file: path,
          zh: entry.isSymbolicLink() ? '这是一个符号链接（快捷方式），不是文件本身；网站不发布链接指向的内容' : '这不是普通文件',
          en: entry.isSymbolicLink() ? 'this is a symbolic link, not a file; the site does not publish what a link points to' : 'this is not a regular file',
          hint: { zh: '把真正的图片文件复制到这里，删除链接。', en: 'Copy the image file itself here and delete the link.' },
        });
        continue;
      }
      const size = lstatSync(join(root, path)).size;
      const problem = publicFileProblem(path, size, size ? headOf(join(root, path)) : new Uint8Array(16));
      if (problem) problems.push(problem);
      else files.add(path.slice('public'.length));
    }
  }
  problems.sort((a, b) => (a.file < b.file ? -1 : 1));
  return { files, problems };
}
