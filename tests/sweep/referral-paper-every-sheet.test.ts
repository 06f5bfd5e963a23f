/**
 * Every referral sheet on paper (`npm run test:full`): one A4 sheet without the site around it, 12 pt or more, and in
 * 大字模式 14 pt on one sheet too. `npm test` prints the sheet with the most to print
 * (tests/browser/phone-paper.test.ts).
 */
import { builtPages } from '../support/site-pages';
import { referralPaperChecks } from '../support/paper';

const sheets = builtPages().filter((p) => /^\/groups\/[^/]+\/referral\/$/.test(p.url)).map((p) => p.url);
referralPaperChecks(sheets);
