/** The change log as readers see it: newest first, each correction in plain words next to its figure. */
import { describe, expect, it } from 'vitest';
import { correctionsFor, correctionsNewestFirst, correctionSentence, figureLabel } from '../../src/data/corrections';
import type { Dataset } from '../../src/data/dataset';
import { validateDataset } from '../../src/data/validate';
import { indexDataset } from '../../src/data/dataset';
import { publishingFiles, json, CORRECTION } from '../fixtures/publishing-files';

function datasetWith(corrections: object[]): Dataset {
  const files = publishingFiles();
  files.data.corrections = [json('data/corrections/c.json', corrections)];
  const { entries: dataset, problems } = validateDataset(files);
  expect(problems).toEqual([]);
  return indexDataset({ ...dataset, updates: [] });
}

describe('corrections for readers', () => {
  const dataset = datasetWith([
    CORRECTION,
    { id: 'obs-2-period', observation: 'obs-2', date: '2024-10-01', field: 'period', old: '2024-07', new: '2024-08', why: '来源写的是8月。', who: '某县卫生健康局' },
    { id: 'obs-1-kind', observation: 'obs-1', date: '2024-08-20', field: 'kind', old: 'target', new: 'actual', why: '这是实际完成数。', who: '某县卫生健康局' },
  ]);

  it('lists the change log newest first', () => {
    expect(correctionsNewestFirst(dataset).map((v) => v.correction.id)).toEqual(['obs-2-period', 'obs-1-fix', 'obs-1-kind']);
  });

  it('says what changed in the words and units the page uses', () => {
    const [fix] = correctionsFor(dataset, 'obs-1');
    expect(correctionSentence(fix)).toBe('2024年9月2日更正：数值原为“10,542 人次”，现为“105,423 人次”。原因：录入时漏写了一位数字，已按原文改正。');
    const [period] = correctionsFor(dataset, 'obs-2');
    expect(correctionSentence(period)).toContain('时期原为“2024年7月”，现为“2024年8月”');
    const kind = correctionsFor(dataset, 'obs-1')[1];
    expect(correctionSentence(kind)).toContain('类型原为“目标”，现为“实际”');
  });

  it("links each correction to its figure's row on the subject's page and to its entry on /changes/", () => {
    const [fix] = correctionsFor(dataset, 'obs-1');
    expect(fix.figureHref).toBe('/groups/county-grp/#obs-obs-1');
    expect(fix.href).toBe('/changes/#obs-1-fix');
    expect(figureLabel(fix)).toBe('远程影像诊断人次 · 某县医共体 · 2024年');
  });

  it('shows nothing for a figure that was never corrected, or a site without a change log', () => {
    expect(correctionsFor(datasetWith([]), 'obs-1')).toEqual([]);
    expect(correctionsNewestFirst(indexDataset({ ...validateDataset(publishingFiles()).entries, updates: [] }))).toEqual([]);
  });
});
