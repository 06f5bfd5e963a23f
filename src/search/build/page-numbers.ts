/**
 * The numbers the search index gives its pages (src/search/build/integration.ts): the shards list pages by number, as
 * the gap from the one before (src/search/shared/index-layout.ts), and a page's result file is named by it.
 *
 * Why not simply 0, 1, 2 … in the documents' order: then removing or adding one page renumbers every page after it,
 * every posting list holding one of those changes, and an incremental build (issue 29) must make every shard again
 * (32,768 at national size) for one deleted institution. Why not a number kept from the last build: an incremental
 * build must write byte for byte what a full build of the same data writes, so the numbers must be a function of the
 * current pages alone.
 *
 * So pages are cut, in the documents' order, into runs: a page starts a run when a hash of its path says so (one in
 * `RUN` on average), or when the run before it is full (`RUN_SPAN` pages). Run r takes the numbers from r × RUN_SPAN,
 * its pages in order. Where runs start depends only on each page's own path, so a page removed or added renumbers only
 * the pages after it in its own run (16 on average), unless it starts a run itself (one page in `RUN`), which moves
 * the runs after it. Numbers still follow the documents' order (so ties, and the pages a common term keeps, fall as
 * before) and pages of a run are neighbours as before (a county's institutions: small gaps, which gzip well); only
 * between runs are the gaps larger, the numbers spanning about four times the page count.
 */
import { hashShard } from '../shared/index-layout';

/** Pages per run, on average: one page in this many starts a run. */
export const RUN = 32;
/** The numbers each run may take: a run that reaches this many pages ends (about 1.7 % of runs at RUN 32). */
export const RUN_SPAN = 128;

/** Whether the page at `path` starts a run of its own. */
const startsRun = (path: string) => hashShard(`run\0${path}`, RUN) === 0;

/** Numbers pages one by one, in the documents' order. */
export class PageNumbering {
  private run = -1;
  private rank = RUN_SPAN;

  /** The number of the next page, at `path`. */
  next(path: string): number {
    if (this.rank >= RUN_SPAN || startsRun(path)) {
      this.run++;
      this.rank = 0;
    }
    return this.run * RUN_SPAN + this.rank++;
  }
}

/** The numbers of pages at `paths`, in the documents' order (each the number `PageNumbering` gives it). */
export function pageNumbers(paths: readonly string[]): number[] {
  const numbering = new PageNumbering();
  return paths.map((path) => numbering.next(path));
}
