/**
 * Image upload for update and digest bodies: PNG, JPEG or WebP (recognised by their first bytes, not the name),
 * at most IMAGE_MAX_BYTES, with alt text required; stored under public/images/ with a name made from the alt text.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiAnswer, ApiContext } from './index';
import { idFromName } from './entries';
import { todayInChina } from '../../publishing/scaffold';

export const IMAGE_MAX_BYTES = 2_000_000;

/** The image type from its first bytes. */
export function imageType(bytes: Buffer): 'png' | 'jpg' | 'webp' | undefined {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  return undefined;
}

export async function saveImage(ctx: ApiContext, body: Record<string, unknown>): Promise<ApiAnswer> {
  const alt = typeof body.alt === 'string' ? body.alt.trim() : '';
  const data = typeof body.data === 'string' ? body.data : '';
  const bad = (field: string, zh: string) => ({ status: 422, json: { problems: [{ field, zh }] } });
  if (!alt) return bad('alt', '请写一句图片说明（看不见图片的读者会听到这句话）。');
  if (/[[\]<>]/.test(alt)) return bad('alt', '图片说明里不能有方括号或尖括号。');
  if (!data) return bad('file', '请选择一张图片。');
  const bytes = Buffer.from(data, 'base64');
  if (bytes.length > IMAGE_MAX_BYTES) return bad('file', '图片太大（超过 2 MB），请先缩小再上传。');
  const type = imageType(bytes);
  if (!type) return bad('file', '只能上传 PNG、JPEG 或 WebP 图片。');
  const base = `${todayInChina()}-${idFromName(alt, 32) || 'image'}`;
  let name = `${base}.${type}`;
  for (let n = 2; existsSync(join(ctx.root, 'public/images', name)); n++) name = `${base}-${n}.${type}`;
  mkdirSync(join(ctx.root, 'public/images'), { recursive: true });
  writeFileSync(join(ctx.root, 'public/images', name), bytes);
  await ctx.onWrite({ files: [`public/images/${name}`], message: `上传图片“${alt}”` });
  return { status: 201, json: { src: `/images/${name}`, markdown: `![${alt}](/images/${name})` } };
}
