/**
 * Glossary terms are data (data/glossary/), checked like every other collection: check refuses what the page could not
 * show, names the file and field, in Chinese then English. Links stay inside the site; every related term exists; a
 * word is explained once.
 */
import { describe, expect, it } from 'vitest';
import { validateDataset, type Problem, type SourceFiles } from '../../src/data/validate';
import { readSourceFiles } from '../../src/data/read-sources';

const real = readSourceFiles(process.cwd());
const FILE = 'data/glossary/terms.json';
const terms: Record<string, unknown>[] = JSON.parse(real.data.glossary!.find((f) => f.path === FILE)!.text);

/** The real files with the glossary's first term changed. */
function withFirstTerm(change: Record<string, unknown>): SourceFiles {
  const edited = [{ ...terms[0], ...change }, ...terms.slice(1)];
  return { ...real, data: { ...real.data, glossary: [{ path: FILE, text: JSON.stringify(edited, null, 2) }] } };
}
const glossaryProblems = (files: SourceFiles): Problem[] => validateDataset(files).problems.filter((p) => p.file === FILE);

describe('data/glossary/', () => {
  it('as published has no problems', () => {
    expect(glossaryProblems(real)).toEqual([]);
  });

  it.each([
    ['a link to another site', { pages: [{ href: 'https://example.com/', label: '外链' }] }, 'pages[0].href'],
    ['a script address', { pages: [{ href: 'javascript:alert(1)', label: '脚本' }] }, 'pages[0].href'],
    ['a protocol-relative address', { pages: [{ href: '//example.com/', label: '外链' }] }, 'pages[0].href'],
    ['a related term that does not exist', { related: ['no-such-term'] }, 'related[0]'],
    ['the term related to itself', { related: [terms[0].id] }, 'related[0]'],
    ['a statements row that would link everything', { statements: [{}] }, 'statements[0]'],
    ['a field groups do not have', { statements: [{ fields: ['contacts'] }] }, 'statements[0].fields[0]'],
    ['a blank definition', { definition: '   ' }, 'definition'],
    ['an unknown key', { colour: 'red' }, ''],
  ])('refuses %s, naming the file, entry and field in Chinese then English', (_, change, field) => {
    const problems = glossaryProblems(withFirstTerm(change));
    expect(problems.length, JSON.stringify(problems)).toBeGreaterThan(0);
    const problem = problems.find((p) => (field ? p.field === field : true))!;
    expect(problem, JSON.stringify(problems)).toBeDefined();
    expect(problem.entry).toBe(terms[0].id);
    expect(problem.zh).toMatch(/\p{Script=Han}/u);
    expect(problem.en).toMatch(/[a-z]/);
  });

  it('refuses a word explained by two entries, naming the entry that has it already', () => {
    const second = terms[1] as { term: string; id: string };
    const problems = glossaryProblems(withFirstTerm({ aliases: [second.term] }));
    // The first entry is read first, so the second entry is the one named for repeating the word.
    expect(problems).toEqual([expect.objectContaining({ entry: second.id, field: 'term', zh: expect.stringContaining(String(terms[0].id)) })]);
  });
});
