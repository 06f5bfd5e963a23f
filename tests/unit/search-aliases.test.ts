/**
 * The names readers type for a place, institution or group (src/search/build/aliases.ts), made from the written names:
 * short forms of hospitals, groups and township centres, names without their county, and pinyin.
 */
import { describe, expect, it } from 'vitest';
import { indicatorForms, nameForms } from '../../src/search/build/aliases';
import { pinyinForms } from '../../src/search/build/name-readings';

const MENGJIN = ['孟津县', '孟津区', '孟津', '洛阳市', '河南省'];
const ZIZHONG = ['资中县', '内江市', '四川省'];

describe('name forms', () => {
  it.each([
    ['资中县人民医院', ZIZHONG, ['资中县医院', '资中人民医院', '资中医院']],
    ['孟津县人民医院', MENGJIN, ['孟津县医院', '孟津人民医院', '孟津医院']],
    ['孟津县第二人民医院', MENGJIN, ['孟津县二院', '孟津二院', '第二人民医院', '二院']],
    ['孟津县中医院', MENGJIN, ['孟津县中医医院', '孟津中医院']],
    ['资中县中医医院', ZIZHONG, ['资中县中医院', '资中中医医院']],
    ['孟津县第一医疗卫生共同体', MENGJIN, ['孟津县第一医共体', '第一医共体', '第一医疗卫生共同体', '孟津第一医共体']],
    ['麻屯镇卫生院', MENGJIN, ['麻屯卫生院']],
    ['县人民医院', MENGJIN, ['县医院']],
  ])('%s → the forms people say', (name, places, expected) => {
    expect(nameForms(name, places)).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    ['资中县人民医院', ZIZHONG],
    ['孟津县人民医院', MENGJIN],
    ['孟津县妇幼保健院', MENGJIN],
    ['孟津县中医院', MENGJIN],
  ])('%s: no form so general it names every hospital, and never the name itself', (name, places) => {
    const forms = nameForms(name, places);
    for (const general of ['医院', '人民医院', '中医院', '中医医院', '卫生院', '县医院', '妇幼保健院']) expect(forms).not.toContain(general);
    expect(forms).not.toContain(name);
    // A place is dropped whole or by its last character, never cut inside (县人民医院 from 孟津|县人民医院).
    for (const form of forms) expect(form.startsWith('县') || form.startsWith('津')).toBe(false);
  });

  it('makes no character run that is no word (资中医院 does not become 资中医医院)', () => {
    expect(nameForms('资中县人民医院', ZIZHONG)).not.toContain('资中医医院');
  });
});

describe('pinyin forms', () => {
  it.each([
    ['小浪底镇卫生院', 'xiaolangdizhenweishengyuan', 'xldzwsy'],
    ['孟津县', 'mengjinxian', 'mjx'],
    ['资中县人民医院', 'zizhongxianrenminyiyuan', 'zzxrmyy'],
  ])('%s → %s and %s', (name, full, initials) => {
    expect(pinyinForms(name)).toEqual([full, initials]);
  });

  it('has nothing for a name without Han characters', () => {
    expect(pinyinForms('DRG')).toEqual([]);
  });
});

describe('indicator forms', () => {
  it.each([
    ['牵头医院下转患者数量占比', ['牵头医院下转率']],
    ['下转患者占比', ['下转率']],
    ['双向转诊病例占比', ['双向转诊率']],
    ['县域内就诊率', []],
    ['远程心电诊断人次', []],
  ])('%s → %j', (name, expected) => {
    expect(indicatorForms(name)).toEqual(expected);
  });
});
