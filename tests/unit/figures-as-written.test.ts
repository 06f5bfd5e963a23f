/**
 * A figure reads as its source wrote its magnitude: Zizhong's 2024 report gives its family-doctor contracts as
 * "有效签约人数63.9万人" (data/observations/zizhong-2024-yigongti.json, whose note records the source's words as
 * 原文为“63.9万人”), so the site says 63.9万人 where it showed 639,000 人; a figure the source wrote in plain digits
 * ("开展远程影像105423人次") keeps its digits, grouped. Expected values come from the data file, not from the formatter.
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/read-sources';
import { observationTable } from '../../src/views/figures';
import { subjectSummary, valueText } from '../../src/data/series';
import { observationTable as observationCsv, rowsOf } from '../../src/downloads/csv';
import { formatFigure } from '../../src/views/format';
import { groupDocument, institutionDocument, regionDocument } from '../../src/search/build/records';
import { t } from '../../src/i18n/zh-CN';
import type { Observation } from '../../src/schemas/observation';

const dataset = loadDataset(process.cwd());
const byId = (id: string) => dataset.observations.find((o) => o.id === id)!;
const contracts = byId('zizhong-family-doctor-contracted-people-2024-08');
const imaging = byId('zizhong-remote-imaging-cases-cum');
const unitOf = (o: Observation) => dataset.indicator.get(o.indicator)!.unit;
/** The source's words for the figure, as the data's note records them: 原文为“63.9万人”. */
const asWritten = /原文为“([^”]+)”/.exec(contracts.note ?? '')?.[1];
const rowOf = (o: Observation) => observationTable(dataset, [o], { caption: '', first: 'subject' }).rows[0]!;

describe('a figure in the magnitude its source wrote', () => {
  it('the data holds such a figure: 639000 people, quoted as 63.9万人', () => {
    expect(contracts.value).toBe(639000);
    expect(contracts.source.excerpt).toContain(asWritten!.replace(/人$/, ''));
    expect(asWritten).toBe(`63.9万${unitOf(contracts)}`);
  });

  it('shows 63.9万人 in its table row, with its kind and its source as before', () => {
    const row = rowOf(contracts);
    expect(row.value).toBe(asWritten);
    expect(row.value).not.toContain('639,000');
    expect(row.kind).toBe(t(`obs.kind.${contracts.kind}`));
    expect(row.cite.excerpt).toBe(contracts.source.excerpt);
  });

  it('keeps how exact the figure is: about, at least, more than', () => {
    expect(rowOf({ ...contracts, qualifier: 'about' }).value).toBe(`约 ${asWritten}`);
    expect(rowOf({ ...contracts, qualifier: 'at-least' }).value).toBe(`≥ ${asWritten}`);
    expect(rowOf({ ...contracts, qualifier: 'more-than' }).value).toBe(`> ${asWritten}`);
  });

  it('says 63.9万人 in sentences and in the download’s text column, while the value column keeps the number', () => {
    expect(valueText(contracts, dataset.indicator.get(contracts.indicator)!)).toBe(asWritten);
    expect(subjectSummary(dataset, dataset.indicator.get(contracts.indicator)!, [contracts])).toContain(`为 ${asWritten}（`);
    const [row] = rowsOf(observationCsv({ dataset, siteUrl: undefined }), [contracts]);
    expect(row!.value_text).toBe(asWritten);
    expect(row!.value).toBe(contracts.value);
  });

  it('writes a figure its source wrote in plain digits with those digits, grouped', () => {
    expect(imaging.source.excerpt).toContain(String(imaging.value));
    expect(rowOf(imaging).value).toBe(`105,423 ${unitOf(imaging)}`);
    // The same number read from a source that wrote 万 elsewhere in the excerpt, but not for this figure, stays digits.
    expect(formatFigure({ value: imaging.value, source: { excerpt: `${imaging.source.excerpt}，签约63.9万人` } }, unitOf(imaging))).toBe(`105,423 ${unitOf(imaging)}`);
  });

  it('says 63.9万人 in the search document of its subject’s page too (what a search result quotes)', () => {
    const { type, id } = contracts.subject;
    const doc =
      type === 'region' ? regionDocument(dataset, dataset.region.get(id)!) : type === 'group' ? groupDocument(dataset, dataset.group.get(id)!) : institutionDocument(dataset, dataset.institution.get(id)!);
    const text = JSON.stringify(doc);
    expect(text).toContain(asWritten);
    expect(text).not.toContain('639,000');
  });
});
