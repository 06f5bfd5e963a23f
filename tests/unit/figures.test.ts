import { describe, expect, it } from 'vitest';
import { excerptContainsValue, numbersInText, parseChineseNumeral } from '../../src/data/figures';

describe('reading figures as sources write them', () => {
  it.each([
    ['开展远程影像105423人次', 105423],
    ['远程影像105,423人次', 105423],
    ['有效签约人数63.9万人', 639000],
    ['中位数为87.49%', 87.49],
    ['建成“五大中心”', 5],
    ['统筹设置“两办八中心”', 8],
    ['“县人民医院+13个镇卫生院”', 13],
    ['按照15-35元/人/年的标准', 35],
    ['组建以县人民医院…为龙头的3个医共体', 3],
    ['推进双提升工程', 2],
  ])('finds the value in %s', (excerpt, value) => {
    expect(excerptContainsValue(excerpt, value)).toBe(true);
  });

  it('rejects an excerpt that does not carry the value', () => {
    expect(excerptContainsValue('开展远程影像105423人次', 105424)).toBe(false);
    expect(excerptContainsValue('有效签约人数63.9万人', 63.8)).toBe(false);
    // 双 is a pair only on its own, and never 2 inside a written number.
    expect(excerptContainsValue('双提升工程', 3)).toBe(false);
    expect(numbersInText('双十')).not.toContain(2);
  });

  it('parses Chinese numerals', () => {
    expect(parseChineseNumeral('十三')).toBe(13);
    expect(parseChineseNumeral('二十')).toBe(20);
    expect(parseChineseNumeral('一百九十八')).toBe(198);
    expect(numbersInText('1.2亿元')).toContain(120000000);
  });
});
