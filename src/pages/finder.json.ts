/** /finder.json: every institution, group and region with its names in Simplified and Traditional, for the finder. */
import type { APIRoute } from 'astro';
import { Converter } from 'opencc-js';
import { loadSite } from '../site-data';
import { buildFinderData } from '../lib/finder-index';
import { t } from '../i18n/zh-CN';

export const GET: APIRoute = async () => {
  const site = await loadSite();
  // Taiwan forms first; Hong Kong forms add the variants some keyboards produce (衞 for 衛).
  const converters = [Converter({ from: 'cn', to: 'tw' }), Converter({ from: 'cn', to: 'hk' })];
  const data = buildFinderData(
    site,
    {
      institutionKind: (k) => t(`kind.institution.${k}` as Parameters<typeof t>[0]),
      groupKind: (k) => t(`kind.group.${k}` as Parameters<typeof t>[0]),
      regionKind: (k) => t(`kind.region.${k}` as Parameters<typeof t>[0]),
    },
    converters,
  );
  return new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
