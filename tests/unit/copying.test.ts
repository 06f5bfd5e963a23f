/**
 * The curator's copying check (scripts/copying.ts) on small texts of its own: never on the sources, which tests do
 * not read. Mengjin's source is Traditional with pinyin glosses after some characters; the site writes Simplified.
 */
import { describe, expect, it } from 'vitest';
import { fold, gramsOf, MAX_SHARED, sharedRuns, visibleText } from '../../scripts/copying';

const source = (name: string, text: string) => {
  const folded = fold(text);
  return { name, folded, grams: gramsOf(folded) };
};
// 37 letters once folded: the centre list the issue found on Mengjin's pages.
const TRADITIONAL = '建立醫共體內消毒供應、心電(diàn)診斷、臨床檢驗(yàn)、醫學(xué)影像、病理診斷、遠程會(huì )診、后勤服務(wù)等中心。';
const COPIED = '医共体内设立消毒供应、心电诊断、临床检验、医学影像、病理诊断、远程会诊、后勤服务等中心';

describe('what counts as the same text', () => {
  it('folds Traditional to Simplified, drops pinyin glosses (with stray spaces), punctuation and spaces', () => {
    expect(fold(TRADITIONAL).text).toBe('建立医共体内消毒供应心电诊断临床检验医学影像病理诊断远程会诊后勤服务等中心');
    expect(fold('全县门急诊人次，同比上升 3.05％').text).toBe(fold('全县门急诊人次,同比上升3.05%').text);
  });

  it('finds a copied run across scripts, widths and punctuation, and quotes it as the page shows it', () => {
    const runs = sharedRuns({ name: 'p.html', text: `方案说：${COPIED}。` }, [source('mengjin.txt', TRADITIONAL)]);
    expect(runs).toHaveLength(1);
    expect(runs[0].length).toBe(fold('消毒供应心电诊断临床检验医学影像病理诊断远程会诊后勤服务等中心').text.length);
    expect(runs[0].text).toBe('消毒供应、心电诊断、临床检验、医学影像、病理诊断、远程会诊、后勤服务等中心');
  });

  it('reports more than 30 characters, not 30', () => {
    const text = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒日月盈昃';
    const src = [source('s.txt', `前言${text}后记`)];
    expect(sharedRuns({ name: 'p', text: text.slice(0, MAX_SHARED) }, src)).toEqual([]);
    expect(sharedRuns({ name: 'p', text: text.slice(0, MAX_SHARED + 1) }, src).map((r) => r.length)).toEqual([MAX_SHARED + 1]);
  });

  it('writes in its own words: the same facts reworded share no long run', () => {
    const reworded = '方案计划在医共体内建一批共享中心，包括消毒供应、心电、检验、影像、病理、远程会诊和后勤等';
    expect(sharedRuns({ name: 'p', text: reworded }, [source('mengjin.txt', TRADITIONAL)])).toEqual([]);
  });
});

describe('what is set aside', () => {
  it('drops scripts, styles and quoted excerpts (<q>) from a page’s visible text', () => {
    const html = `<p>说明</p><script>var x = "${COPIED}";</script><style>.a{}</style><q class="excerpt">${COPIED}</q><p>完</p>`;
    expect(visibleText(html)).not.toContain('消毒');
    expect(visibleText(html)).toContain('说明');
  });

  it('drops citation titles in 《》 and the documents’ original titles', () => {
    const title = '关于印发孟津县紧密型医疗卫生共同体建设工作实施方案(试行)的通知';
    const src = [source('mengjin.txt', `${title}\n正文`)];
    expect(sharedRuns({ name: 'p', text: visibleText(`<p>依据《${title}》</p>`) }, src)).toEqual([]);
    // The title and the word after it would be 32 shared characters; with the title aside, none.
    expect(sharedRuns({ name: 'p', text: `原标题：${title}正文` }, src, [title])).toEqual([]);
    expect(sharedRuns({ name: 'p', text: `原标题：${title}正文` }, src)).toHaveLength(1);
  });
});
