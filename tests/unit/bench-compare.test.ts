/**
 * `npm run bench -- search --compare pagefind` judges our search against Pagefind (scripts/bench/compare.ts): it exits
 * 0 when ours is at least as good on every measure it judges and 1 when ours loses on one. Runs are made up here;
 * the bench hands in the two engines' real runs.
 */
import { describe, expect, it } from 'vitest';
import { FIRST_SEARCH_BUDGET, compareEngines, reportComparison, type ComparedQuery } from '../../scripts/bench/compare';
import type { EngineRun } from '../../scripts/bench/pagefind';

const queries: ComparedQuery[] = [
  { query: '孟津', page: '/regions/mengjin/', kind: 'place' },
  { query: '麻屯', page: '/institutions/matun/', also: ['/groups/first/'], kind: 'place' },
  { query: '签约率', page: '/indicators/sign/', kind: 'everyday indicator' },
  { query: '火星', page: '' },
  { query: '量子计算机', page: '' },
];
const KB = 1024;
const run = (tops: string[][], bytes = tops.map(() => 40 * KB)): EngineRun => ({ ms: tops.map(() => 50), bytes, tops });
/** Every answerable query right, nothing for the others. */
const perfect = run([['/regions/mengjin/'], ['/x/', '/y/', '/groups/first/'], ['/indicators/sign/'], [], []]);
const silent: string[] = [];
const report = (ours: EngineRun, theirs: EngineRun) => reportComparison(queries, ours, { ...theirs, indexSeconds: 1 }, 'dist', (line) => silent.push(line));

describe('the search comparison with Pagefind', () => {
  it('exits 0 when ours is at least as good on every measure', () => {
    expect(report(perfect, perfect)).toBe(0);
    const worse = run([['/x/'], [], ['/indicators/a/', '/indicators/b/', '/indicators/c/', '/indicators/sign/'], ['/x/'], []], [200 * KB, 40 * KB, 40 * KB, 40 * KB, 40 * KB]);
    expect(report(perfect, worse)).toBe(0);
    expect(compareEngines(queries, perfect, worse).lost).toEqual([]);
  });

  it('exits 1 when ours finds fewer right pages in the first three, and says so', () => {
    const missing = run([['/regions/mengjin/'], ['/x/'], ['/a/', '/b/', '/c/', '/indicators/sign/'], [], []]);
    const { lost, missed } = compareEngines(queries, missing, perfect);
    expect(lost).toEqual(['right page in the first 3: ours 1, Pagefind 3']);
    expect(missed).toEqual(['麻屯', '签约率']);
    expect(report(missing, perfect)).toBe(1);
    expect(silent.at(-1)).toContain('Ours loses to Pagefind');
  });

  it('exits 1 when ours shows something where nothing is to be found more often', () => {
    const noisy = run([['/regions/mengjin/'], ['/groups/first/'], ['/indicators/sign/'], ['/regions/mengjin/'], []]);
    expect(compareEngines(queries, noisy, perfect).lost).toEqual(['nothing shown: ours 1, Pagefind 2']);
    expect(report(noisy, perfect)).toBe(1);
  });

  it('exits 1 when more of our first searches are over the byte budget', () => {
    const heavy = run(perfect.tops, perfect.tops.map((_, i) => (i === 0 ? FIRST_SEARCH_BUDGET + 1 : 10 * KB)));
    expect(compareEngines(queries, heavy, perfect).lost).toEqual(['queries over the byte budget: ours 1, Pagefind 0']);
    expect(report(heavy, perfect)).toBe(1);
    // At the budget exactly is within it.
    expect(report(run(perfect.tops, perfect.tops.map(() => FIRST_SEARCH_BUDGET)), perfect)).toBe(0);
  });

  it('prints both engines side by side', () => {
    const { rows } = compareEngines(queries, perfect, perfect);
    expect(rows[0]).toBe('| | our index | Pagefind |');
    expect(rows).toContain('| right page in the first 3 (3 answerable) | 3/3 | 3/3 |');
    expect(rows).toContain('| nothing shown (2 that must find nothing) | 2/2 | 2/2 |');
  });
});
