/** A data file's date comes from git whatever its name: a Chinese or spaced name is not quoted away into its mtime. */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileDates, parseGitStatus } from '../../src/data/read-sources';
import { spawnRun } from '../support/run';

describe('file dates from git', () => {
  it('dates files named in Chinese, with spaces or quotes by their commit, and changed files by their mtime', async () => {
    const root = mkdtempSync(join(tmpdir(), 'file-dates-'));
    try {
      const names = ['data/groups/资中县.json', 'data/groups/a b.json', 'data/groups/q"uote.json', 'data/groups/plain.json'];
      mkdirSync(join(root, 'data/groups'), { recursive: true });
      for (const n of names) writeFileSync(join(root, n), '[]');
      const git = async (...args: string[]) => {
        const run = await spawnRun('git', ['-C', root, ...args], { env: { GIT_COMMITTER_DATE: '2020-05-06T12:00:00+08:00', GIT_AUTHOR_DATE: '2020-05-06T12:00:00+08:00' } });
        if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.output}`);
      };
      await git('init', '-q');
      await git('add', '.');
      await git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'x');
      // Every file's mtime is far from its commit date, so a fallback to mtime would show.
      for (const n of names) utimesSync(join(root, n), new Date('2023-01-02T00:00:00Z'), new Date('2023-01-02T00:00:00Z'));
      writeFileSync(join(root, 'data/groups/资中县.json'), '[ ]');
      utimesSync(join(root, 'data/groups/资中县.json'), new Date('2024-03-04T00:00:00Z'), new Date('2024-03-04T00:00:00Z'));
      const dates = fileDates(root, names);
      expect(Object.fromEntries(dates)).toEqual({
        'data/groups/资中县.json': '2024-03-04',
        'data/groups/a b.json': '2020-05-06',
        'data/groups/q"uote.json': '2020-05-06',
        'data/groups/plain.json': '2020-05-06',
      });
      await git('add', '.');
      await git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'y');
      expect(fileDates(root, ['data/groups/资中县.json']).get('data/groups/资中县.json')).toBe('2020-05-06');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reads a rename in git status by its new path, not its old one as a file of its own', () => {
    expect([...parseGitStatus('R  data/新.json\0data/旧.json\0 M data/x.json\0')]).toEqual(['data/新.json', 'data/x.json']);
  });
});
