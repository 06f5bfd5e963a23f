/**
 * The build-time bar chart (src/components/StaticChart.astro) as one HTML string, byte for byte what the component
 * wrote as an Astro template: a group page holds ten such charts of a few bars each, and Astro's rendering of each
 * element, attribute and list item as a template of its own was most of a group page's cost (about 5 ms of a group
 * page's 10 charts at 1/10; national builds render 4,000 group pages and 40,000 institution pages, many with charts).
 * Text is escaped as Astro escapes text, attributes as it escapes attributes (./html.ts). Pure.
 */
import type { ChartKeyItem, StaticChartView } from './chart-figure';
import { t } from '../i18n/zh-CN';
import { htmlAttribute as attribute, htmlText as text } from './html';

function keyItem(item: ChartKeyItem): string {
  const mark = item.shape === 'marker' ? `<span${attribute('class', item.className)} aria-hidden="true">${text(item.symbol)}</span>` : `<span${attribute('class', item.className)} aria-hidden="true"></span>`;
  return `<li> ${mark} ${text(item.label)} </li>`;
}

export function staticChartHtml(chart: StaticChartView): string {
  const key = `<ul class="chart-key"${attribute('aria-label', t('chart.key'))}> ${chart.key.map(keyItem).join('')} </ul>`;
  const rows = chart.rows
    .map((row) => {
      const bars = row.bars
        .map((bar) => `<div class="static-bar"${attribute('data-shape', bar.shape)}> <svg class="static-track" aria-hidden="true">${bar.track ?? ''}</svg> <span class="static-value">${text(bar.value)}</span> </div>`)
        .join('');
      return `<div class="static-row"> <div class="static-label">${text(row.label)}</div> <div class="static-bars"> ${bars} </div> </div>`;
    })
    .join('');
  return `<div class="static-chart" role="img"${attribute('aria-label', chart.label)} data-static-chart> ${key} <svg class="static-defs" width="0" height="0" aria-hidden="true"> <defs>${chart.defs ?? ''}</defs> </svg> ${rows} </div>`;
}
