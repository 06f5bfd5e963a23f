/**
 * The W3C Nu Html Checker on one page of each template (the fullest), 0 errors; every page in
 * tests/sweep/html-validity-every-page.test.ts (`npm run test:full`).
 */
import { templatePages } from '../support/site-pages';
import { validHtmlChecks } from '../support/nu-checker';

validHtmlChecks(templatePages(), 'one page of each template');
