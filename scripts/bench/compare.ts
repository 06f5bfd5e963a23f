/**
 * Our search against Pagefind on the same queries (`npm run bench -- search --compare pagefind`): the side-by-side
 * table, and where ours loses, so the bench can fail on it. Pure (no browser): scripts/bench-search.ts runs both
 * engines and hands their runs here; tests/unit/bench-compare.test.ts holds the verdict.
 */
import type { EngineRun } from './pagefind';

/** A query of the regression set, or one that must find nothing (`page` empty). */
export interface ComparedQuery {
  query: string;
  page: string;
  also?: string[];
  kind?: string;
}

/** The most bytes a first search may fetch (README's budget). */
export const FIRST_SEARCH_BUDGET = 150 * 1024;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

/**
 * The comparison as a Markdown table (`rows`) and the measures on which ours does worse than theirs (`lost`): fewer
 * right pages in the first three, fewer queries answered with nothing where nothing is to be found, or more first
 * searches over the byte budget. Time is printed but not judged (two engines timed apart on a shared machine).
 */
export function compareEngines(queries: ComparedQuery[], ours: EngineRun, theirs: EngineRun): { rows: string[]; lost: string[]; missed: string[] } {
  const answerable = queries.map((q, i) => [q, i] as const).filter(([q]) => q.page);
  const empty = queries.map((q, i) => [q, i] as const).filter(([q]) => !q.page);
  const right = (run: EngineRun, q: ComparedQuery, i: number) => run.tops[i].slice(0, 3).some((url) => [q.page, ...(q.also ?? [])].includes(url));
  const recall = (run: EngineRun) => answerable.filter(([q, i]) => right(run, q, i)).length;
  const nothing = (run: EngineRun) => empty.filter(([, i]) => run.tops[i].length === 0).length;
  const over = (run: EngineRun) => run.bytes.filter((b) => b > FIRST_SEARCH_BUDGET).length;
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  const row = (label: string, f: (run: EngineRun) => string) => `| ${label} | ${f(ours)} | ${f(theirs)} |`;
  const rows = [
    '| | our index | Pagefind |',
    '| --- | --- | --- |',
    row(`right page in the first 3 (${answerable.length} answerable)`, (r) => `${recall(r)}/${answerable.length}`),
    row(`nothing shown (${empty.length} that must find nothing)`, (r) => `${nothing(r)}/${empty.length}`),
    row('time to the first results: median / 90th pct', (r) => `${ms(median(r.ms))} / ${ms(percentile(r.ms, 90))}`),
    row('a first search in all: median / 90th pct / max', (r) => `${kib(median(r.bytes))} / ${kib(percentile(r.bytes, 90))} / ${kib(Math.max(...r.bytes))}`),
    row(`queries over ${FIRST_SEARCH_BUDGET / 1024} KiB`, (r) => `${over(r)}/${queries.length}`),
  ];
  const lost = [
    ...(recall(ours) < recall(theirs) ? [`right page in the first 3: ours ${recall(ours)}, Pagefind ${recall(theirs)}`] : []),
    ...(nothing(ours) < nothing(theirs) ? [`nothing shown: ours ${nothing(ours)}, Pagefind ${nothing(theirs)}`] : []),
    ...(over(ours) > over(theirs) ? [`queries over the byte budget: ours ${over(ours)}, Pagefind ${over(theirs)}`] : []),
  ];
  const missed = answerable.filter(([q, i]) => !right(ours, q, i)).map(([q]) => q.query);
  return { rows, lost, missed };
}

/**
 * Prints the comparison (table, results by kind, the queries ours missed, where ours loses) and returns the bench's
 * exit code: 0 when ours is at least as good as Pagefind on every measure judged, 1 when it loses on one.
 */
export function reportComparison(queries: ComparedQuery[], ours: EngineRun, theirs: EngineRun & { indexSeconds: number }, dist: string, log: (line: string) => void = console.log): number {
  const { rows, lost, missed } = compareEngines(queries, ours, theirs);
  log(`\nOur search against plain Pagefind 1.6 (--force-language zh-cn) on the same dist/ (${dist}), ${queries.length} queries, a fresh page each, bare Chromium\n`);
  log(rows.join('\n'));
  log(`\nPagefind indexed the copy in ${theirs.indexSeconds.toFixed(1)} s. Pagefind is timed from search() to its first three results' data (no painting).`);
  const answerable = queries.map((q, i) => [q, i] as const).filter(([q]) => q.page);
  const right = (run: EngineRun, q: ComparedQuery, i: number) => run.tops[i].slice(0, 3).some((url) => [q.page, ...(q.also ?? [])].includes(url));
  const kinds = [...new Set(answerable.map(([q]) => q.kind ?? ''))];
  const byKind = kinds.map((k) => {
    const of = answerable.filter(([q]) => (q.kind ?? '') === k);
    const n = (r: EngineRun) => of.filter(([q, i]) => right(r, q, i)).length;
    return `${k} ${n(ours)}/${n(theirs)} of ${of.length}`;
  });
  log(`\nBy kind (right page in the first 3): ${byKind.join('; ')}`);
  if (missed.length) log(`Ours missed: ${missed.join('、')}`);
  if (!lost.length) return 0;
  log(`\nOurs loses to Pagefind: ${lost.join('; ')}`);
  return 1;
}
