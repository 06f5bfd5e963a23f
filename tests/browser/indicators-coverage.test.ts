/**
 * "Every observation appears on its indicator page, its subject's page and in the downloads": checked against the
 * pages and files as served, for every figure in the data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { serveSite, type SiteServer } from '../support/server';
import { formatFigure } from '../../src/views/format';
import { observationsOfGroup } from '../../src/downloads/csv';
import { siteData, subjectPath } from './indicators-site';

let server: SiteServer;
beforeAll(async () => {
  server = await serveSite();
});
afterAll(async () => {
  await server?.close();
});

const dataset = siteData();
const pages = new Map<string, HTMLElement>();
async function page(path: string): Promise<HTMLElement> {
  if (!pages.has(path)) {
    const response = await fetch(server.url + path);
    expect(response.status, path).toBe(200);
    pages.set(path, parseHtml(await response.text()));
  }
  return pages.get(path)!;
}
const csvIds = async (path: string) =>
  (parseCsv(Buffer.from(await (await fetch(server.url + path)).arrayBuffer()), { bom: true, columns: true }) as { observation_id: string }[]).map((r) => r.observation_id);

/** Problems for one observation on one page: its row is missing, or its value is not written in it. */
function check(root: HTMLElement, path: string, id: string, value: string): string[] {
  const rows = root.querySelectorAll(`tr[data-observation="${id}"]`);
  if (rows.length === 0) return [`${path}: no row for ${id}`];
  return rows.some((r) => r.textContent.includes(value)) ? [] : [`${path}: row for ${id} lacks “${value}”`];
}

describe('every figure is published', () => {
  it('on its indicator page, with its value', async () => {
    const problems: string[] = [];
    for (const o of dataset.observations) {
      const path = `/indicators/${o.indicator}/`;
      const unit = dataset.indicators.find((i) => i.id === o.indicator)!.unit;
      problems.push(...check(await page(path), path, o.id, formatFigure(o, unit)));
    }
    expect(problems).toEqual([]);
  });

  it('on its subject’s page (group, region or institution), with its value', async () => {
    const problems: string[] = [];
    for (const o of dataset.observations) {
      const path = subjectPath(o.subject);
      const unit = dataset.indicators.find((i) => i.id === o.indicator)!.unit;
      problems.push(...check(await page(path), path, o.id, formatFigure(o, unit)));
    }
    expect(problems).toEqual([]);
  });

  it('in the all-figures download, its indicator’s download and its group’s download', async () => {
    expect((await csvIds('/data/observations.csv')).sort()).toEqual(dataset.observations.map((o) => o.id).sort());
    for (const indicator of dataset.indicators) {
      const expected = dataset.observations.filter((o) => o.indicator === indicator.id).map((o) => o.id).sort();
      expect((await csvIds(`/data/indicators/${indicator.id}.csv`)).sort(), indicator.id).toEqual(expected);
    }
    for (const group of dataset.groups) {
      expect((await csvIds(`/data/groups/${group.id}.csv`)).sort(), group.id).toEqual(observationsOfGroup(dataset, group).map((o) => o.id).sort());
    }
  });

  it('on indicator and group pages that say how to cite them and when their data last changed', async () => {
    const paths = [...dataset.indicators.map((i) => `/indicators/${i.id}/`), ...dataset.groups.map((g) => `/groups/${g.id}/`)];
    const problems: string[] = [];
    for (const path of paths) {
      const root = await page(path);
      const citation = root.querySelector('[data-citation]')?.textContent ?? '';
      if (!citation.includes(`${path}.`) || !citation.includes('[EB/OL]')) problems.push(`${path}: citation “${citation}”`);
      const updated = root.querySelector('.cite-page time')?.getAttribute('datetime') ?? '';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(updated) || !citation.includes(`(${updated})`)) problems.push(`${path}: last updated “${updated}”`);
      if (!root.querySelector('#cite-page-heading')?.textContent.includes('引用本页')) problems.push(`${path}: no 引用本页 heading`);
    }
    expect(problems).toEqual([]);
  });

  it('with the catalogue listing every indicator', async () => {
    const catalogue = await page('/indicators/');
    const listed = catalogue.querySelectorAll('[data-indicator]').map((r) => r.getAttribute('data-indicator'));
    expect(listed.sort()).toEqual(dataset.indicators.map((i) => i.id).sort());
  });
});
