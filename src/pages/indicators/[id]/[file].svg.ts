/**
 * Each chart of an indicator page as an SVG file, for download (and for the PNG the page draws from it): the same
 * figures and drawing rules as the page (src/views/chart-layout.ts), with the title, summary, source and licence.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDataset } from '../../../data/current';
import { chartFileName, indicatorCharts, indicatorPage } from '../../../views/indicators';
import { chartSvg, drawableFromZero } from '../../../views/chart-layout';
import { t } from '../../../i18n/zh-CN';
import { tf } from '../../../i18n/fill';
import { publicSite } from '../../../publishing/site-address';
import { incrementalPaths } from '../../../publishing/incremental';

export const getStaticPaths = (() => {
  const dataset = getDataset();
  // The credit names the page's address once the site has a public one; a preview build names the site alone.
  const site = publicSite(import.meta.env.SITE);
  const paths = dataset.indicators.flatMap((indicator) => {
    const view = indicatorPage(dataset, indicator.id, site)!;
    return indicatorCharts(view.reports)
      .filter((chart) => drawableFromZero(chart.spec))
      .map((chart) => ({
        params: { id: indicator.id, file: chartFileName(indicator.id, chart.key) },
        props: {
          svg: chartSvg(chart, {
            source: site
              ? tf('chart.creditSource', { site: t('site.name'), url: new URL(`/indicators/${indicator.id}/`, site).href })
              : tf('chart.creditSourcePreview', { site: t('site.name') }),
            licence: t('chart.creditLicence'),
          }),
        },
      }));
  });
  // Each file is fingerprinted by its own content (src/publishing/incremental.ts).
  return incrementalPaths('/indicators/[id]/[file].svg', paths, (p) => p.props.svg);
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(props.svg as string, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
