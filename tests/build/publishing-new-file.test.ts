/**
 * `npm run new --file` writes only where check reads: never into a subfolder, never under a name Windows reserves. Runs
 * the command in-process (src/publishing/new-entry.ts, as tests/build/publishing-new.test.ts does; one real `npm run
 * new` is typed there) in the project itself: it writes nothing when it refuses.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { newEntry } from '../../src/publishing/new-entry';
import { ROOT } from '../support/publishing';

async function run(file: string): Promise<{ status: number; stderr: string }> {
  let stderr = '';
  const status = await newEntry(['institution', '--name', '某村卫生室', '--kind', 'village-clinic', '--region', '资中县', '--document', 'zizhong-2024-yigongti', '--section', '一、总体', '--file', file], {
    root: ROOT,
    input: Readable.from([]),
    interactive: false,
    out: () => {},
    err: (text) => (stderr += text),
  });
  return { status, stderr };
}

describe('npm run new --file', () => {
  it.each([
    ['data/institutions/sub/x.json', 'data/institutions/sub/x.json', '子文件夹'],
    ['con', 'data/institutions/con.json', '保留名称'],
  ])('refuses --file %s and writes nothing', async (file, path, message) => {
    const result = await run(file);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('没有写入任何文件');
    expect(existsSync(path)).toBe(false);
  });
});
