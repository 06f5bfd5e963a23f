/**
 * The names readers type for a place, institution or group, generated from its written name so nobody keeps a list
 * by hand: 资中县医院 for 资中县人民医院, 孟津县二院 for 孟津县第二人民医院, 中医院 for 中医医院, 第一医共体 for
 * 第一医疗卫生共同体, and each without its county or its 县/市/区/镇 (孟津人民医院, 麻屯卫生院). Their pinyin comes from
 * the one engine for names (src/search/build/name-readings.ts). Runs at build time only.
 */

import { PLACE_WORDS } from '../shared/names';

/** Shorter or longer forms of one name, each rule applied to a name and to the forms the other rules made. */
const FORMS: [RegExp, string][] = [
  [/第([一二三四五六七八九十]+)人民医院/u, '$1院'],
  [/人民医院/u, '医院'],
  [/中医医院/u, '中医院'],
  [/医疗卫生共同体|医疗共同体/u, '医共体'],
  [/(\p{Script=Han}{2})[镇乡](中心)?卫生院/u, '$1$2卫生院'],
];

/** Place names that begin a name, longest first; each may be dropped, or shortened by its 县/市/区/镇/乡. */
function placeForms(places: string[]): [string, string[]][] {
  return [...new Set(places)]
    .filter((p) => p.length >= 2)
    .sort((a, b) => b.length - a.length)
    .map((p) => [p, /^\p{Script=Han}{3,}$/u.test(p) && PLACE_WORDS.has(p.slice(-1)) ? ['', p.slice(0, -1)] : ['']]);
}

/**
 * Every other form of `name` readers may type, given the names of the places it lies in (its region and the regions
 * above, e.g. 孟津县, 洛阳市). Forms of fewer than two characters are left out; the name itself is not repeated.
 */
export function nameForms(name: string, places: string[]): string[] {
  // 中医院 → 中医医院 only from the written name: in a made form (资中医院) the characters 中医院 may be no word.
  const forms = new Set([name, name.includes('中医医院') ? name : name.replace('中医院', '中医医院')]);
  const placed = placeForms(places);
  // A few rounds reach every combination (二院 from 孟津县第二人民医院 takes two).
  for (let round = 0; round < 3; round++) {
    for (const form of [...forms]) {
      for (const [pattern, replacement] of FORMS) forms.add(form.replace(pattern, replacement));
      const place = placed.find(([p]) => form.startsWith(p));
      if (!place) continue;
      const rest = form.slice(place[0].length);
      // Without its place, a name must still say which one it is (第二人民医院, not 人民医院).
      for (const s of place[1]) if (s || rest.startsWith('第') || [...rest].length >= 6) forms.add(s + rest);
    }
  }
  forms.delete(name);
  return [...forms].filter((f) => [...f].length >= 2);
}

/**
 * What readers call a share or ratio indicator: a rate (下转率 for 牵头医院下转患者数量占比). Nothing for a name
 * that is already a rate or is a count.
 */
export function indicatorForms(name: string): string[] {
  const rate = name.replace(/(患者|病人|病例)?(数量|人数|人次|例数)?(占比|比例|比重)$/u, '率');
  return rate === name ? [] : [rate];
}
