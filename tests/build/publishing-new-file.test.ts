/**
 * `npm run new --file` writes only where check reads: never into a subfolder, never under a name Windows reserves. Runs the
 * script in the project itself (it writes nothing when it refuses), about 10 s a case here.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { spawnRun } from '../support/run';

const run = (file: string) =>
  spawnRun(resolve('node_modules/.bin/tsx'), ['scripts/new.ts', 'institution', '--name', '某村卫生室', '--kind', 'village-clinic', '--region', '资中县', '--document', 'zizhong-2024-yigongti', '--section', '一、总体', '--file', file]);

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
