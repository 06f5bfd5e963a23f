/**
 * The body editor's 链接 button on Chinese text: the library's own wrapped the whole line (a Chinese "word" runs to the
 * next space) and wrote `(url)`; ours links the selected words, or 链接文字, and selects the address to be replaced.
 */
import { describe, expect, it } from 'vitest';
import { insertLink } from '../../src/editor/ui/app/link-command';

/** A textarea: its text and selection, changed as @uiw/react-md-editor's TextAreaTextApi changes them. */
function textarea(text: string, start: number, end = start) {
  const box = { text, start, end };
  const api = {
    replaceSelection(insert: string) {
      box.text = box.text.slice(0, box.start) + insert + box.text.slice(box.end);
      box.start = box.end = box.start + insert.length;
    },
    setSelectionRange(s: { start: number; end: number }) {
      box.start = s.start;
      box.end = s.end;
    },
  };
  const press = () => insertLink({ selectedText: box.text.slice(box.start, box.end), selection: { start: box.start, end: box.end } }, api);
  const type = (t: string) => api.replaceSelection(t);
  return { box, press, type };
}

describe('the 链接 button', () => {
  it('with nothing selected, inserts 链接文字 at the cursor and leaves the sentence before it alone', () => {
    const line = '本周全区开展宣传活动，详见';
    const t = textarea(line, line.length);
    t.press();
    expect(t.box.text).toBe(`${line}[链接文字](https://)`);
    t.type('https://www.nhc.gov.cn/');
    expect(t.box.text).toBe(`${line}[链接文字](https://www.nhc.gov.cn/)`);
  });

  it('links the selected words, and what is pasted next becomes the address', () => {
    const text = '详见国家卫生健康委网站。';
    const t = textarea(text, 2, 2 + '国家卫生健康委网站'.length);
    t.press();
    t.type('https://www.nhc.gov.cn/');
    expect(t.box.text).toBe('详见[国家卫生健康委网站](https://www.nhc.gov.cn/)。');
    expect(t.box.text).not.toMatch(/\burl\b|title/);
  });
});
