/**
 * The one engine for names (src/search/shared/names.ts, src/search/build/name-readings.ts), shared by the residents'
 * finder and site search: both normalise, fold and hear a name the same way.
 */
import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { distinctivePart, foldCharacters, normaliseName, readingsOf, spell, syllablesOf } from '../../src/search/shared/names';
import { foldTable, pinyinForms, readingTokens, soundTable, traditionalConverters, traditionalToSimplified } from '../../src/search/build/name-readings';
import { foldQuery, normalise } from '../../src/finder/match';
import { nameKey } from '../../src/search/shared/index-layout';

describe('names, as both search boxes read them', () => {
  it('compare without spaces, punctuation, symbols, case or full-width forms', () => {
    expect(normaliseName(' 麻屯 镇。')).toBe('麻屯镇');
    expect(normaliseName('ＭＡＴＵＮ Zhen')).toBe('matunzhen');
    expect(normaliseName('孟津县（第一）医共体·')).toBe('孟津县第一医共体');
    // The finder and the search index's whole-name keys are the same normalisation.
    for (const name of ['麻屯 镇卫生院', 'ＤＲＧ付费', '临沂市人民医院·医疗集团']) {
      expect(normalise(name)).toBe(normaliseName(name));
      expect(nameKey(name)).toBe(`=${normaliseName(name)}`);
    }
  });

  it('keep the distinctive part of a name without its generic ending', () => {
    expect(distinctivePart('小浪底镇卫生院')).toBe('小浪底');
    expect(distinctivePart('孟津县')).toBe('孟津');
    expect(distinctivePart('镇卫生院')).toBe('');
  });

  it('fold Traditional characters by the table the build made from OpenCC', () => {
    const fold = { 鎮: '镇', 衛: '卫', 衞: '卫' };
    expect(foldCharacters('麻屯鎮衛生院', fold)).toBe('麻屯镇卫生院');
    expect(foldQuery(' 麻屯鎮 衞生院', fold)).toBe('麻屯镇卫生院');
    // The search index's fold: every Traditional or variant form OpenCC turns into a character held, and nothing else.
    const table = foldTable(['卫', '镇', '孟', '发']);
    expect(table).toMatchObject({ 衛: '卫', 衞: '卫', 鎮: '镇', 發: '发', 髮: '发' });
    expect(Object.values(table).every((ch) => ['卫', '镇', '孟', '发'].includes(ch))).toBe(true);
    expect(Object.keys(table)).not.toContain('孟');
    // Each entry as OpenCC converts that character in a query.
    for (const [from, to] of Object.entries(table)) expect(traditionalToSimplified(from), from).toBe(to);
    expect(traditionalConverters().map((to) => to('卫生'))).toContain('衛生');
  });

  it('hear a name by its readings, in the browser as pinyin-pro reads it at build time', () => {
    const name = '小浪底镇卫生院';
    const expected = pinyin(name, { toneType: 'none', type: 'array', v: true }) as string[];
    expect(readingTokens(name)).toEqual(expected);
    expect(pinyinForms(name)).toEqual([expected.join(''), expected.map((s) => s[0]).join('')]);
    const readings = readingsOf(soundTable(name));
    expect(syllablesOf(name, readings)).toEqual(expected);
    // A homophone typo sounds the same.
    expect(spell('小狼底', readings)).toBe(spell('小浪底', readings));
    // A character with no reading in the table: no spelling.
    expect(spell('小浪𠀋', readingsOf({ xiao: '小', lang: '浪' }))).toBeUndefined();
  });
});
