/**
 * public/ is content: only images (by their bytes), fonts and a favicon.ico are published; scripts, pages, SVG, host
 * configuration (_headers, _redirects), links and files whose bytes are not what their name says are refused, each
 * named. The build refuses the same files (src/integrations/site-files.ts) and writes _headers from src/.
 */
import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readPublicFiles } from '../../src/data/validate/public-files';
import { siteFilesIntegration, HEADERS_SOURCE } from '../../src/integrations/site-files';

const PNG = readFileSync('public/og.png');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8L')]);
const AVIF = Buffer.concat([Buffer.from([0, 0, 0, 0x1c]), Buffer.from('ftypavif'), Buffer.alloc(8)]);
const WOFF2 = Buffer.concat([Buffer.from('wOF2'), Buffer.alloc(12)]);
const ICO = Buffer.from([0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0]);

let root: string;
const put = (path: string, bytes: Buffer | string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), bytes);
};
const problemsOf = () => readPublicFiles(root).problems;
const problemFor = (file: string) => problemsOf().find((p) => p.file === file);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'public-files-'));
  mkdirSync(join(root, 'public'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('public/ holds only what cannot run', () => {
  it('publishes images recognised by their bytes, fonts and a top-level favicon.ico', () => {
    put('public/og.png', PNG);
    put('public/images/photo.jpg', JPEG);
    put('public/images/chart.JPEG', JPEG);
    put('public/images/anim.gif', GIF);
    put('public/images/map.webp', WEBP);
    put('public/images/new.avif', AVIF);
    put('public/fonts/site.woff2', WOFF2);
    put('public/favicon.ico', ICO);
    put('public/images/.DS_Store', 'junk');
    const { files, problems } = readPublicFiles(root);
    expect(problems).toEqual([]);
    expect([...files].sort()).toEqual(['/favicon.ico', '/fonts/site.woff2', '/images/anim.gif', '/images/chart.JPEG', '/images/map.webp', '/images/new.avif', '/images/photo.jpg', '/og.png']);
  });

  it.each([
    ['public/images/chart.mjs', 'export default 1'],
    ['public/x.js', 'alert(1)'],
    ['public/page.html', '<script>alert(1)</script>'],
    ['public/page.htm', '<p>hi</p>'],
    ['public/style.css', 'body{}'],
    ['public/data.json', '[]'],
    ['public/notes.txt', 'hello'],
    ['public/report.pdf', '%PDF-1.4'],
    ['public/images/README', 'no extension'],
    ['public/images/x.png.exe', 'MZ'],
  ])('refuses %s, naming it and what may go there', (file, content) => {
    put(file, content);
    const problem = problemFor(file);
    expect(problem?.zh).toContain('只能放');
    expect(problem?.en).toContain('may hold only');
    expect(readPublicFiles(root).files.size).toBe(0);
  });

  it.each([
    ['public/images/logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ['public/images/plain.svg', '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>'],
    ['public/icons/a.SVG', '<svg onload="alert(1)"/>'],
  ])('refuses SVG (%s), harmless or not: it can carry script', (file, content) => {
    put(file, content);
    expect(problemFor(file)?.zh).toContain('SVG');
  });

  it.each(['_headers', '_redirects', '_routes.json', '_worker.js', '.htaccess', 'netlify.toml', 'vercel.json'])('refuses host configuration %s anywhere in public/', (name) => {
    put(`public/${name}`, '/*  https://evil.example/:splat 302');
    put(`public/sub/${name}`, '/* 302');
    expect(problemFor(`public/${name}`)?.zh).toContain('网站服务器的配置');
    expect(problemFor(`public/sub/${name}`)?.en).toContain('configures the web host');
  });

  it.each([
    ['public/images/chart.png', Buffer.from('<html><script>alert(1)</script></html>'), 'PNG', undefined],
    ['public/images/chart.jpg', PNG, 'JPEG', 'PNG'],
    ['public/images/a.webp', GIF, 'WebP', 'GIF'],
    ['public/images/a.gif', Buffer.from('GIF90a'), 'GIF', undefined],
    ['public/fonts/a.woff2', Buffer.from('wOFF\0\0\0\0'), 'WOFF2', 'WOFF'],
    ['public/images/empty.png', Buffer.alloc(0), 'PNG', undefined],
  ])('refuses %s whose bytes are not its kind', (file, bytes, expected, actual) => {
    put(file, bytes);
    const problem = problemFor(file)!;
    expect(problem.en).toContain(`is not ${expected}`);
    if (actual) expect(problem.en).toContain(`it is ${actual}`);
  });

  it('refuses a favicon.ico below the top, and any .ico not named favicon', () => {
    put('public/images/favicon.ico', ICO);
    put('public/icon.ico', ICO);
    expect(problemFor('public/images/favicon.ico')).toBeDefined();
    expect(problemFor('public/icon.ico')).toBeDefined();
  });

  it('refuses links: to a file outside the project, to a folder, to a file inside', () => {
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    writeFileSync(join(outside, 'secret.png'), PNG);
    mkdirSync(join(outside, 'dir'));
    writeFileSync(join(outside, 'dir', 'x.png'), PNG);
    put('public/images/real.png', PNG);
    symlinkSync(join(outside, 'secret.png'), join(root, 'public/images/secret.png'));
    symlinkSync(join(outside, 'dir'), join(root, 'public/images/more'));
    symlinkSync(join(root, 'public/images/real.png'), join(root, 'public/images/again.png'));
    const { files, problems } = readPublicFiles(root);
    expect(problems.map((p) => p.file).sort()).toEqual(['public/images/again.png', 'public/images/more', 'public/images/secret.png']);
    expect(problems[0].zh).toContain('符号链接');
    expect([...files]).toEqual(['/images/real.png']);
    rmSync(outside, { recursive: true, force: true });
  });

  it('refuses hidden files, Windows reserved names and files over 10 MB', () => {
    put('public/images/.secret.png', PNG);
    put('public/images/con.png', PNG);
    put('public/images/NUL.jpg', JPEG);
    put('public/images/lpt1.webp', WEBP);
    put('public/images/huge.png', PNG);
    truncateSync(join(root, 'public/images/huge.png'), 11 * 1024 * 1024);
    expect(problemFor('public/images/.secret.png')?.zh).toContain('隐藏文件');
    for (const f of ['con.png', 'NUL.jpg', 'lpt1.webp']) expect(problemFor(`public/images/${f}`)?.zh).toContain('保留名称');
    expect(problemFor('public/images/huge.png')?.zh).toContain('MB');
  });

  it('the project itself keeps only content in public/', () => {
    expect(readPublicFiles(process.cwd()).problems).toEqual([]);
  });
});

describe('the build writes the site files and refuses what check refuses', () => {
  const hooks = () => siteFilesIntegration().hooks as Record<string, (options: Record<string, unknown>) => void>;
  const logger = { warn: () => {} };

  it('stops a build whose public/ holds a script, naming the file', () => {
    put('public/images/chart.mjs', 'export default 1');
    expect(() => hooks()['astro:config:setup']({ command: 'build', config: { root: pathToFileURL(root + '/') }, logger })).toThrow(/public\/images\/chart\.mjs/);
  });

  it('lets a build with a clean public/ start', () => {
    put('public/og.png', PNG);
    expect(() => hooks()['astro:config:setup']({ command: 'build', config: { root: pathToFileURL(root + '/') }, logger })).not.toThrow();
  });

  it('writes _headers from src/ and drops any _redirects and system files from the output', () => {
    const out = join(root, 'dist');
    mkdirSync(join(out, 'images'), { recursive: true });
    writeFileSync(join(out, '_redirects'), '/*  https://evil.example/:splat 302');
    writeFileSync(join(out, '_headers'), '/*\n  Content-Security-Policy: default-src *');
    writeFileSync(join(out, 'images', '.DS_Store'), 'x');
    hooks()['astro:build:done']({ dir: pathToFileURL(out + '/') });
    expect(existsSync(join(out, '_redirects'))).toBe(false);
    expect(existsSync(join(out, 'images', '.DS_Store'))).toBe(false);
    expect(readFileSync(join(out, '_headers'), 'utf8')).toBe(readFileSync(HEADERS_SOURCE, 'utf8'));
  });
});
