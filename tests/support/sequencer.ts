/**
 * The order vitest starts test files in: the longest first, so that on two cores the run does not end with one long
 * file running alone while the other core idles. Vitest orders by the durations it cached from the last run; a fresh
 * clone (CI, `.ci/run`) has no cache and would start files in folder order, leaving the editor's every-entry save or the
 * axe gate for last. So the files measured longest (2026-12-07 afternoon, each tier run alone under load 10-25) start
 * first, in this order, and every other file follows in vitest's own order.
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Longest first. A file missing here only starts later; a name here that no longer exists is ignored. */
export const LONGEST_FIRST = [
  'tests/browser/quality-a11y.test.ts',
  'tests/build/editor-publish.test.ts',
  // With the JavaScript budgets measured on its page loads (quality-budgets folded in, 2026-12-07 evening).
  'tests/browser/quality-csp.test.ts',
  'tests/build/publishing-new-user.test.ts',
  'tests/build/editor-ui-every-entry.test.ts',
  'tests/browser/phone-paper.test.ts',
  'tests/browser/indicators-grapher.test.ts',
  'tests/build/editor-ui.test.ts',
  'tests/browser/search-regression.test.ts',
  'tests/browser/content-pages.test.ts',
  'tests/browser/resident-phone.test.ts',
  'tests/quality/html-validity.test.ts',
  'tests/browser/content-glossary.test.ts',
  'tests/browser/search-page.test.ts',
  'tests/build/editor-ui-walk.test.ts',
  'tests/build/hostile-mdx.test.ts',
];

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const rank = (spec: TestSpecification) => {
      const at = LONGEST_FIRST.indexOf(relative(root, spec.moduleId).split('\\').join('/'));
      return at < 0 ? LONGEST_FIRST.length : at;
    };
    // Array.prototype.sort is stable: files not listed keep vitest's order after the listed ones.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
