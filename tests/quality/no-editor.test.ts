/**
 * The published site ships none of the local editor (npm run edit): no page, script or text of it is under dist/.
 * The editor's markers are read from its own source, so a renamed title is still looked for.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, filesUnder } from '../support/site-pages';
import { SERVER, UI } from '../../src/i18n/editor.zh-CN';

describe('dist/ has no editor', () => {
  const files = filesUnder(DIST);

  it('has been built', () => {
    expect(files.some((f) => f.endsWith('index.html'))).toBe(true);
  });

  it('holds no file of the editor, and no text only the editor writes', () => {
    expect(files.filter((f) => /(^|\/)(edit|editor|admin|keystatic|decap)(\/|\.|$)/i.test(f))).toEqual([]);
    // Strings the editor's interface, server and code carry (its title, react-hook-form's field arrays, the entries
    // API's address); a site page that imported the editor would carry them too.
    const markers = [UI.appTitle, SERVER.noInterface, 'useFieldArray', 'data-editor', 'startEditor', '/api/entries'];
    const found = files
      .filter((f) => /\.(html|js|mjs|json|xml|css|txt)$/.test(f))
      .flatMap((f) => {
        const text = readFileSync(join(DIST, f), 'utf8');
        return markers.filter((m) => text.includes(m)).map((m) => `${f}: ${m}`);
      });
    expect(found).toEqual([]);
  });
});
