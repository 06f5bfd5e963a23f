/**
 * Filling the local editor's forms in Chromium as an editor would (tests/browser/editor-forms.test.ts,
 * tests/build/editor-publish.test.ts): opening a form from the start page, picking references from its lists, saving.
 * The figure is Mengjin's grassroots-visit-rate target as its 2020 plan states it (data/observations/), so only
 * what a test varies is passed in.
 */
import type { Page } from 'playwright-core';
import { todayInChina } from '../../src/publishing/scaffold';

/** The observations file the figure form saves into. */
export const FIGURE_FILE = 'data/observations/mengjin-2020-yigongti-plan.json';

/** Opens a "new …" form from the editor's start page by its link text (`＋ 新建动态`). */
export async function openForm(page: Page, editorUrl: string, link: string): Promise<void> {
  await page.goto(editorUrl);
  await page.getByRole('link', { name: link }).click();
}

/** Fills the update form (dated today in China, about Mengjin) and saves it. */
export async function fillUpdate(page: Page, update: { id: string; title: string }): Promise<void> {
  await page.fill('input[name=id]', update.id);
  await page.fill('input[name=title]', update.title);
  await page.fill('input[name=date]', todayInChina());
  await page.selectOption('select[name=regions]', ['mengjin']);
  await page.fill('textarea[name=summary]', '方案提出基层就诊率达到65%以上。');
  await page.fill('textarea[name=body]', '## 目标\n\n基层就诊率达到65%以上。');
  await page.getByRole('button', { name: '保存' }).click();
}

/** Fills the figure form (a target of at least the value, cited to Mengjin's plan) and saves it. */
export async function fillFigure(page: Page, figure: { id: string; period: string; value: string }): Promise<void> {
  await page.selectOption('select[name=_file]', FIGURE_FILE);
  await page.fill('input[name=id]', figure.id);
  await page.selectOption('select[name=indicator]', { label: '基层就诊率（grassroots-visit-rate）' });
  await page.selectOption('select[name=subject]', { label: '孟津县（mengjin）' });
  await page.fill('input[name=period]', figure.period);
  await page.fill('input[name=value]', figure.value);
  await page.selectOption('select[name=kind]', 'target');
  await page.selectOption('select[name=qualifier]', 'at-least');
  await page.selectOption('select[name="source.document"]', 'mengjin-2020-yigongti-plan');
  await page.fill('input[name="source.section"]', '一、主要目标');
  await page.fill('textarea[name="source.excerpt"]', '基层就诊率达到65%以上');
  await page.getByRole('button', { name: '保存' }).click();
}
