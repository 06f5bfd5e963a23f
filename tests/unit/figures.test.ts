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

describe('numbers only where the text writes a number (issue 25)', () => {
  it.each([
    ['方便老百姓就近看病', 100],
    ['千方百计推进医共体', 1000],
    ['千方百计推进医共体', 100],
    ['推进医共体一体化建设', 1],
    ['实行人财物统一管理', 1],
    ['进一步加强基层服务', 1],
    ['是全省唯一的试点县', 1],
    ['这项工作十分重要', 10],
    ['“十三五”规划以来', 13],
    ['“十三五”规划以来', 15],
    ['资中县第一人民医院', 1],
    ['引入第三方评估', 3],
    ['五湖四海的患者', 5],
    ['百姓看病更方便', 100],
    ['万事开头难', 10000],
  ])('finds no number in %s for the value %s', (excerpt, value) => {
    expect(excerptContainsValue(excerpt, value)).toBe(false);
  });

  it.each([
    ['以前一年也就培训一两次', 1],
    ['以前一年也就培训一两次', 2],
    ['在‘六不变六统一’的框架下', 6],
    ['“四不变、五转变”运行模式', 5],
    ['完成县人民医院四级电子病历', 4],
    ['签订一个医保定点服务协议', 1],
    ['新增一百二十张床位', 120],
    ['一百零五人', 105],
    ['一百五十人', 150],
    ['覆盖三万人', 30000],
    ['推进两下沉、双提升工程', 2],
    ['十个乡镇', 10],
  ])('still finds whole numerals standing as numbers: %s → %s', (excerpt, value) => {
    expect(excerptContainsValue(excerpt, value)).toBe(true);
  });

  it('reads only well-formed numerals', () => {
    for (const run of ['十三五', '百千', '三五', '零五', '百', '千', '二二']) expect(parseChineseNumeral(run)).toBeUndefined();
    expect(parseChineseNumeral('一百五')).toBe(150);
    expect(parseChineseNumeral('三千零二')).toBe(3002);
  });

  it('every published figure still finds its value in its excerpt', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const missing: string[] = [];
    for (const f of readdirSync('data/observations')) {
      for (const o of JSON.parse(readFileSync(`data/observations/${f}`, 'utf8')) as { id: string; value: number; source: { excerpt?: string } }[]) {
        if (o.source.excerpt && !excerptContainsValue(o.source.excerpt, o.value)) missing.push(`${o.id}: ${o.value} in ${o.source.excerpt}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
