/**
 * The data model's own rules, each as a class of careless or hostile input (several variants each): the file is named,
 * and what passed before a change passes after it.
 */
import { describe, expect, it } from 'vitest';
import { decodeSource, placeOf, strayFileProblem, validateDataset, type SourceFiles, type Problem } from '../../src/data/validate';
import { documentFile, SOURCE, validFiles } from '../support/valid-files';

const src = SOURCE;
const doc = documentFile().text;
const update = (front: string) => ({ path: 'content/updates/u.mdx', text: `---\n${front}\n---\n正文\n` });
const NOW = new Date('2024-09-01T12:00:00Z');

const problemsOf = (files: SourceFiles): Problem[] => validateDataset(files, { now: NOW }).problems;

/** Problems after changing the first entry of one data collection. */
function withEntry(collection: keyof SourceFiles['data'], change: (entry: any) => void): Problem[] {
  const files = validFiles();
  const file = files.data[collection]![0];
  const entries = JSON.parse(file.text);
  change(entries[0]);
  file.text = JSON.stringify(entries, null, 2);
  return problemsOf(files);
}

/** Expects exactly the problems named (file, field), each with Chinese, English and a hint. */
function expectNamed(problems: Problem[], file: string, field?: string) {
  expect(problems.length, JSON.stringify(problems, null, 1)).toBeGreaterThan(0);
  for (const p of problems) {
    expect(p.file).toBe(file);
    if (field) expect(p.field).toBe(field);
    expect(p.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(p.en).toMatch(/[a-z]/);
    expect(p.hint?.zh).toBeTruthy();
  }
}

it('the valid fixture passes', () => expect(problemsOf(validFiles())).toEqual([]));

describe('UTF-8 only, one byte-order-mark rule for JSON and MDX', () => {
  // 某县人民医院 saved by Notepad as GBK, and a GB18030 four-byte sequence.
  const gbkFiles = [new Uint8Array([0x5b, 0x22, 0xd7, 0xca, 0xd6, 0xd0, 0xcf, 0xd8, 0x22, 0x5d]), new Uint8Array([0x5b, 0x22, 0x81, 0x30, 0x81, 0x30, 0x22, 0x5d]), new Uint8Array([0xc0, 0xaf])];
  for (const [i, bytes] of gbkFiles.entries()) {
    it(`a non-UTF-8 file is named as such (variant ${i + 1})`, () => {
      const files = validFiles();
      files.data.groups.push(decodeSource('data/groups/gbk.json', bytes));
      files.mdx.updates.push(decodeSource('content/updates/gbk.mdx', bytes));
      const problems = problemsOf(files);
      expect(problems.map((p) => p.file).sort()).toEqual(['content/updates/gbk.mdx', 'data/groups/gbk.json']);
      for (const p of problems) {
        expect(p.zh).toContain('文件不是 UTF-8 编码（可能是 GBK）');
        expect(p.hint!.zh).toContain('UTF-8');
      }
    });
  }

  it('a byte-order mark is accepted in JSON and in MDX alike', () => {
    const bom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const files = validFiles();
    files.data.groups[0] = decodeSource('data/groups/g.json', bom(files.data.groups[0].text));
    files.mdx.documents[0] = decodeSource('content/documents/doc-a.mdx', bom(doc));
    expect(problemsOf(files)).toEqual([]);
  });
});

describe('numbers are finite', () => {
  for (const text of ['1e309', '-1e309', '1e400']) {
    it(`"value": ${text} is refused`, () => {
      const files = validFiles();
      files.data.observations[0].text = files.data.observations[0].text.replace('105423', text);
      expectNamed(problemsOf(files), 'data/observations/o.json', 'value');
    });
  }
  it('an infinite national target is refused too', () => {
    const files = validFiles();
    files.data.indicators[0].text = files.data.indicators[0].text.replace('"definitionStatus"', '"nationalTarget": { "value": 1e999, "basis": "国家" }, "definitionStatus"');
    expectNamed(problemsOf(files), 'data/indicators/x.json', 'nationalTarget.value');
  });
});

describe('dates and periods exist, spans run forwards', () => {
  for (const period of ['2024-02-31', '2023-02-29', '2024-04-31', '2024-08/2019-11', '2024/2019', '2024-Q3/2024-Q1', '2020-01-01/2019-12-31', '2019-02-29/2024-01']) {
    it(`period ${period} is refused`, () => expectNamed(withEntry('observations', (o) => (o.period = period)), 'data/observations/o.json', 'period'));
  }
  for (const period of ['2024-02-29', '2019-11/2024-08', '../2024-08', '2024-08/2024-08', '2024-H1/2024-Q3']) {
    it(`period ${period} is accepted`, () => expect(withEntry('observations', (o) => (o.period = period))).toEqual([]));
  }
  for (const date of ['2024-02-30', '2023-02-29', '2024-13-01', '2024-06-31']) {
    it(`frontmatter date ${date} (unquoted, which YAML would roll over) is refused`, () => {
      const files = validFiles();
      files.mdx.documents[0].text = doc.replace('date: 2024-08-13', `date: ${date}`);
      expectNamed(problemsOf(files), 'content/documents/doc-a.mdx', 'date');
    });
  }
  it('a group established on 2023-02-29 is refused', () => expectNamed(withEntry('groups', (g) => (g.established = '2023-02-29')), 'data/groups/g.json', 'established'));

  it('an update dated more than a day ahead is refused, today and tomorrow are fine', () => {
    for (const [date, ok] of [['2024-09-01', true], ['2024-09-02', true], ['2024-09-04', false], ['2025-09-01', false]] as const) {
      const files = validFiles();
      files.mdx.updates.push(update(`title: 动态\ndate: ${date}\nsummary: 一句话`));
      const problems = problemsOf(files);
      if (ok) expect(problems).toEqual([]);
      else expectNamed(problems, 'content/updates/u.mdx', 'date');
    }
  });
});

describe('names and titles are visible text', () => {
  const bad = ['', '   ', '\u3000', '\u200B', '\u200B\u200C\u200D', '\u2060', '\uFEFF', '\u202E医院', '某\u2066县\u2069', '某县\u200E', '\u061C某', '某\u0007县', '某\u0085县', '第一行\n第二行'];
  for (const name of bad) {
    it(`name ${JSON.stringify(name)} is refused`, () => expectNamed(withEntry('institutions', (i) => (i.name = name)), 'data/institutions/i.json', 'name'));
  }
  it('an invisible character is named by its code point', () => {
    const [p] = withEntry('regions', (r) => (r.name = '某\u202E省'));
    expect(p.zh).toContain('U+202E');
  });
  it('labels, aliases and sections follow the same rule', () => {
    expectNamed(withEntry('institutions', (i) => (i.aliases = ['\u200B'])), 'data/institutions/i.json', 'aliases[0]');
    expectNamed(withEntry('institutions', (i) => (i.sources[0].section = ' \u200D ')), 'data/institutions/i.json', 'sources[0].section');
    expectNamed(withEntry('indicators', (i) => (i.unit = '\u202A')), 'data/indicators/x.json', 'unit');
  });
  it('surrounding spaces are trimmed and decomposed text is composed (NFC)', () => {
    const files = validFiles();
    const entries = JSON.parse(files.data.regions[0].text);
    entries[1].name = '  Cafe\u0301 县 ';
    files.data.regions[0].text = JSON.stringify(entries);
    const { entries: dataset, problems } = validateDataset(files, { now: NOW });
    expect(problems).toEqual([]);
    expect(dataset.regions[1].name).toBe('Caf\u00e9 县');
  });
  for (const title of ['2024-08-13', '2024-08-13T10:00:00Z', '12', 'true', '', "''", '"\u200B"']) {
    it(`an update titled ${title || '(nothing)'} is refused (the build reads an unquoted date or number as no text)`, () => {
      const files = validFiles();
      files.mdx.updates.push(update(`title: ${title}\ndate: 2024-08-13\nsummary: 一句话`));
      expectNamed(problemsOf(files), 'content/updates/u.mdx', 'title');
    });
  }
  it('a quoted date as a title is text', () => {
    const files = validFiles();
    files.mdx.updates.push(update(`title: "2024-08-13"\ndate: 2024-08-13\nsummary: 一句话`));
    expect(problemsOf(files)).toEqual([]);
  });
});

describe('ids have a sane length', () => {
  it('a 300-character id is refused', () => {
    const problems = withEntry('institutions', (i) => (i.id = 'a'.repeat(300)));
    expectNamed(problems.filter((p) => p.file === 'data/institutions/i.json'), 'data/institutions/i.json', 'id');
  });
  it('an 81-character MDX file name is refused, 80 is fine', () => {
    const files = validFiles();
    files.mdx.updates.push({ ...update('title: 动态\ndate: 2024-08-13\nsummary: 一句话'), path: `content/updates/${'a'.repeat(81)}.mdx` });
    expectNamed(problemsOf(files), `content/updates/${'a'.repeat(81)}.mdx`);
    files.mdx.updates[0].path = `content/updates/${'a'.repeat(80)}.mdx`;
    expect(problemsOf(files)).toEqual([]);
  });
});

describe('duplicate keys in a JSON object are refused, naming the key and line', () => {
  const variants: [string, (text: string) => string, string][] = [
    ['a top-level field', (t) => t.replace('"name": "某县人民医院",', '"name": "某县人民医院",\n    "name": "别的医院",'), 'name'],
    ['a nested field', (t) => t.replace('"section": "一、",', '"section": "一、",\n "section": "二、",'), 'section'],
    ['the id', (t) => t.replace('"id": "hosp",', '"id": "hosp",\n "id": "hosp2",'), 'id'],
    ['a key spelled with an escape', (t) => t.replace('"kind": "general-hospital",', '"kind": "general-hospital",\n "\\u006bind": "other",'), 'kind'],
  ];
  for (const [name, change, key] of variants) {
    it(name, () => {
      const files = validFiles();
      files.data.institutions[0].text = change(files.data.institutions[0].text);
      const problems = problemsOf(files).filter((p) => p.field === key);
      expect(problems).toHaveLength(1);
      expect(problems[0].file).toBe('data/institutions/i.json');
      expect(files.data.institutions[0].text.split('\n')[problems[0].line! - 1]).toContain('"');
      expect(problems[0].zh).toContain(key);
    });
  }
  it('the same key in different objects, and keys inside strings, are fine', () => {
    const files = validFiles();
    files.data.institutions[0].text = files.data.institutions[0].text.replace('"某镇卫生院"', '"某镇\\"卫生院, \\"name\\": {x}"');
    expect(problemsOf(files).filter((p) => /两次/.test(p.zh))).toEqual([]);
  });
});

describe('the region tree has no loops', () => {
  const loops: [string, Record<string, string>][] = [
    ['a region its own parent', { county: 'county' }],
    ['two regions each other’s parent', { prov: 'county' }],
    ['a loop of three', { prov: 'county', county: 'town-a', 'town-a': 'prov' }],
  ];
  for (const [name, parents] of loops) {
    it(`${name} is reported, naming the regions in the loop`, () => {
      const files = validFiles();
      const regions = JSON.parse(files.data.regions[0].text);
      if (parents['town-a']) regions.push({ id: 'town-a', name: '某区', kind: 'district' });
      for (const r of regions) if (parents[r.id]) r.parent = parents[r.id];
      files.data.regions[0].text = JSON.stringify(regions, null, 2);
      const problems = problemsOf(files);
      expect(problems).toHaveLength(1);
      expectNamed(problems, 'data/regions/r.json', 'parent');
      for (const id of Object.keys(parents)) expect(problems[0].zh).toContain(id);
    });
  }
});

describe('roster rows are not repeated', () => {
  it('a lead also listed as a member', () => expectNamed(withEntry('groups', (g) => g.members.push({ institution: 'hosp' })), 'data/groups/g.json', 'members[1].institution'));
  it('a member listed twice', () => expectNamed(withEntry('groups', (g) => g.members.push({ institution: 'town', note: '又一次' })), 'data/groups/g.json', 'members[1].institution'));
  it('a lead listed first among the members', () => expectNamed(withEntry('groups', (g) => g.members.unshift({ institution: 'hosp' })), 'data/groups/g.json', 'members[0].institution'));
});

describe('every file under data/ and content/ belongs to a collection', () => {
  const stray = [
    ['data/observation/x.json', 'data/observations/'],
    ['data/Groups/x.json', 'data/groups/'],
    ['data/groups/x.txt', '.json'],
    ['data/groups/x.csv', 'npm run import'],
    ['data/groups/x.JSON', '.json'],
    ['data/x.json', 'data/groups/'],
    ['content/updates/x.md', '.mdx'],
    ['content/updates/x.markdown', '.mdx'],
    ['content/updates/X.MDX', '.mdx'],
    ['content/updates/2024/x.mdx', 'content/updates/'],
    ['content/update/x.mdx', 'content/updates/'],
    ['content/documents/.hidden.mdx', '.'],
    ['content/updates/x.mdx.bak', '.mdx'],
  ];
  for (const [path, hint] of stray) {
    it(`${path} is named, with where it should go`, () => {
      expect(placeOf(path)).toBeUndefined();
      const files = validFiles();
      files.other = [{ path, text: '' }];
      const problems = problemsOf(files);
      expect(problems).toHaveLength(1);
      expectNamed(problems, path);
      expect(problems[0].hint!.zh + problems[0].hint!.en).toContain(hint);
    });
  }
  it('files in their place are read, system files ignored', () => {
    expect(placeOf('data/groups/x.json')).toEqual({ kind: 'data', collection: 'groups' });
    expect(placeOf('content/updates/x.mdx')).toEqual({ kind: 'mdx', collection: 'updates' });
    expect(placeOf('data/groups/.DS_Store')).toBe('ignored');
    expect(strayFileProblem('data/observation/x.json').zh).toContain('data/observation/');
  });
});

describe('every quoted source keeps to a few words, not only a figure’s', () => {
  const long = '县医院与乡镇卫生院之间建立双向转诊制度并畅通绿色通道以便群众就医';
  it.each([
    ['a group’s source', 'groups', (g: any): void => void (g.sources[0].excerpt = long), 'data/groups/g.json', 'sources[0].excerpt'],
    ['an institution’s source', 'institutions', (i: any): void => void (i.sources[0].excerpt = long), 'data/institutions/i.json', 'sources[0].excerpt'],
    ['a group service', 'groups', (g: any): void => void (g.services = [{ text: '远程会诊。', source: { ...src, excerpt: long } }]), 'data/groups/g.json', 'services[0].source.excerpt'],
  ] as const)('%s over the limit is named by file and field', (_, collection, change, file, field) => {
    expect([...long].length).toBeGreaterThan(30);
    expectNamed(withEntry(collection, change), file, field);
  });

  it('an excerpt of exactly the limit passes', () => {
    expect(withEntry('groups', (g: any) => (g.sources[0].excerpt = [...long].slice(0, 30).join('')))).toEqual([]);
  });
});
