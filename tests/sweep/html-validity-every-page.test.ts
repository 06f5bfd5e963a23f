/** The W3C Nu Html Checker on every built page, 0 errors (`npm run test:full`; `npm test` checks one page of each template). */
import { builtPages } from '../support/site-pages';
import { validHtmlChecks } from '../support/nu-checker';

validHtmlChecks(builtPages(), 'any page');
