/**
 * The editor's form values: numbers read as the importer reads them, an entry survives the round trip through the
 * form unchanged (every existing entry of every kind), and empty optional fields are left out.
 */
import { describe, expect, it } from 'vitest';
import { changedFields, choiceLabel, historyMessage, parseNumber, toEntry, toForm, unitProblem } from '../../src/editor/ui/app/values';
import { formFields, type Field } from '../../src/editor/fields';
import { dataCollections, mdxCollections } from '../../src/schemas';
import { UI_FIELDS } from '../../src/i18n/editor.zh-CN';
import { STATEMENT_FIELDS } from '../../src/schemas/group';
import { labelOf } from '../../src/editor/ui/app/values';
import { readSourceFiles } from '../../src/data/read-sources';

describe('numbers typed in the editor', () => {
  it('reads 92.3%, full-width digits, thousands and 万 as the importer does', () => {
    expect(parseNumber('92.3%')).toBe(92.3);
    expect(parseNumber('９２．３％')).toBe(92.3);
    expect(parseNumber('105,423')).toBe(105423);
    expect(parseNumber('10.5万')).toBe(105000);
    expect(parseNumber('63.9万')).toBe(639000);
    expect(parseNumber('两个')).toBe('两个');
  });
});

describe('the form round trip', () => {
  it('gives back every stored entry of every data kind as it was', () => {
    const files = readSourceFiles('.');
    let count = 0;
    for (const kind of ['regions', 'institutions', 'groups', 'indicators', 'observations', 'corrections', 'references', 'synonyms', 'glossary'] as const) {
      const fields = formFields(kind);
      for (const file of files.data[kind] ?? []) {
        for (const entry of JSON.parse(file.text) as Record<string, unknown>[]) {
          // Empty lists are left out (the schemas default them), so compare without them.
          const stored = JSON.parse(JSON.stringify(entry, (_k, v) => (Array.isArray(v) && v.length === 0 ? undefined : v)));
          expect(toEntry(fields, toForm(fields, entry))).toEqual(stored);
          count++;
        }
      }
    }
    // Every figure, institution and group the project has (over 150 entries).
    expect(count).toBeGreaterThan(150);
  });

  it('leaves out an optional address left empty', () => {
    const fields = formFields('institutions');
    const values = toForm(fields, { id: 'x', name: '某卫生院' });
    expect(toEntry(fields, values)).toEqual({ id: 'x', name: '某卫生院' });
  });
});

describe('labels', () => {
  it('gives every field of every kind a Chinese label', () => {
    const bad: string[] = [];
    const walk = (fields: Field[]) => {
      for (const f of fields) {
        if (!/\p{Script=Han}/u.test(labelOf(f).label)) bad.push(f.path);
        if (f.kind === 'object' || f.kind === 'rows') walk(f.fields);
      }
    };
    for (const kind of [...Object.keys(dataCollections), ...Object.keys(mdxCollections)] as Parameters<typeof formFields>[0][]) walk(formFields(kind));
    expect(bad).toEqual([]);
  });
});

describe('an entry’s history as staff read it', () => {
  it('shows the editor’s own Chinese messages, and puts the developers’ English ones under 技术细节', () => {
    expect(historyMessage('修改地区“孟津县”', '王编辑')).toEqual({ text: '修改地区“孟津县”', by: '王编辑' });
    expect(historyMessage('签发发布（审核：李审核）', '李审核').text).toBe('签发发布（审核：李审核）');
    // Developers' commits as the project's history has them: English with a Chinese word or two, under tools' names.
    for (const [english, author] of [
      ["Data: excerpts cut to the few words around their fact (≤ 30 characters); Kunming's payment model and 乡村一体化管理 on its groups", 'Seed 03185984 maintainers'],
      ['Content: digests and data curated from the five source documents (Zizhong, Linyi, Mengjin, Kunming, Gaomi)', 'yigongti'],
    ]) {
      const shown = historyMessage(english, author);
      expect(`${shown.text}${shown.by}`).not.toMatch(/[A-Za-z]/);
      expect(shown.text).toMatch(/[\u4e00-\u9fff]/);
      expect(shown.tech).toContain(english);
      expect(shown.tech).toContain(author);
    }
  });
});

describe('a typed number read with its indicator’s unit', () => {
  const units = new Map<string, string>();
  for (const file of readSourceFiles('.').data.indicators ?? []) for (const i of JSON.parse(file.text) as { id: string; unit: string }[]) units.set(i.id, i.unit);

  it('refuses a percentage for an indicator counted in 个, half- or full-width, and names the unit', () => {
    const count = units.get('medical-community-count')!;
    expect(count).toBe('个');
    for (const typed of ['92.3%', '９２．３％', '92.3 %']) expect(unitProblem(typed, count)).toContain('“个”');
    expect(unitProblem('3', count)).toBeUndefined();
    expect(unitProblem('３', count)).toBeUndefined();
  });

  it('accepts a percentage for an indicator in %, and leaves text that is no number to the schema', () => {
    expect(unitProblem('92.3%', units.get('in-county-visit-rate'))).toBeUndefined();
    expect(unitProblem('两个', units.get('medical-community-count'))).toBeUndefined();
    expect(unitProblem('', units.get('medical-community-count'))).toBeUndefined();
  });

  it('refuses 10.5万 for an indicator already counted in 万, and accepts it for one in 人次', () => {
    expect(unitProblem('10.5万', '万人次')).toContain('写 10.5');
    expect(unitProblem('10.5万', '人次')).toBeUndefined();
  });
});

describe('labels and hints in plain Chinese', () => {
  it('no label or hint names a schema key, a file or an English word (web addresses and period codes as examples aside)', () => {
    const english: string[] = [];
    for (const [key, [label, hint = '']] of Object.entries(UI_FIELDS as Record<string, readonly string[]>)) {
      // Web addresses and this site's own paths (/guide/#referral) are written as they are.
      const text = `${label} ${hint}`.replace(/https?:\/\/\S*/g, '').replace(/(^|\s|如)\/[\w#/-]*/g, '$1').replace(/\b\d{4}-[HQ]\d\b/g, '');
      if (/[A-Za-z]{2,}|\.json|src\//.test(text)) english.push(`${key}: ${label} / ${hint}`);
    }
    expect(english).toEqual([]);
  });

  it('every option of every choice on every form has a Chinese name (none shown as the file writes it, like median-change)', () => {
    const english: string[] = [];
    const walk = (fields: Field[]) => {
      for (const f of fields) {
        if (f.kind === 'object' || f.kind === 'rows') walk(f.fields);
        const options = f.kind === 'choice' ? f.options : f.kind === 'lines' ? (f.options ?? []) : [];
        for (const o of options) {
          const name = choiceLabel(f, o);
          if (!/\p{Script=Han}/u.test(name) || /[A-Za-z]{2,}/.test(name)) english.push(`${f.path}: ${o} → ${name}`);
        }
      }
    };
    for (const kind of [...Object.keys(dataCollections), ...Object.keys(mdxCollections)]) walk(formFields(kind as never));
    expect(english).toEqual([]);
  });

  it('a list of fixed choices (a glossary rule’s parts of a group) is offered as choices, and kept as the file writes it', () => {
    const statements = formFields('glossary').find((f) => f.key === 'statements') as Extract<Field, { kind: 'rows' }>;
    const parts = statements.fields.find((f) => f.key === 'fields') as Extract<Field, { kind: 'lines' }>;
    expect(parts.options).toEqual([...STATEMENT_FIELDS]);
    const row = { words: ['双向转诊'], fields: ['up', 'down'] };
    expect(toEntry(statements.fields, toForm(statements.fields, row))).toEqual(row);
  });
});

describe('what a staff member changed, kept when a colleague saved first', () => {
  it('lists each changed field by its label with the new value, and only those', () => {
    const fields = formFields('institutions');
    const file = readSourceFiles('.').data.institutions![0];
    const entry = (JSON.parse(file.text) as Record<string, unknown>[])[0];
    const opened = toForm(fields, entry);
    const now = { ...opened, name: `${String(opened.name)}（新名称）`, aliases: '别名一\n别名二', contacts: { ...(opened.contacts as object), hours: { text: '周一至周五', source: { document: 'x', section: 'y', excerpt: '' }, checked: '2026-12-01' } } };
    const changes = changedFields(fields, opened, now);
    expect(changes.map((c) => c.label)).toEqual([labelOf(fields.find((f) => f.key === 'name')!).label, labelOf(fields.find((f) => f.key === 'aliases')!).label, labelOf(fields.find((f) => f.key === 'contacts')!).label]);
    expect(changes[0].value).toBe(`${String(opened.name)}（新名称）`);
    expect(changes[1].value).toBe('别名一\n别名二');
    // A group of fields only says it changed.
    expect(changes[2].value).toBeUndefined();
    expect(changedFields(fields, opened, opened)).toEqual([]);
  });
});
