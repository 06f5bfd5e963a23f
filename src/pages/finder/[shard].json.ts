/**
 * /finder/index.json and /finder/<shard>.json: the finder's data, cut into small shards (src/finder/shards.ts) so a
 * lookup loads the index once and then one shard of a few dozen KB, never every name in the country. Shards by
 * characters (hex file names), by pinyin prefix (py-<letters>), and /finder/sounds.json, the characters' readings a
 * homophone query needs.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDataset } from '../../data/current';
import { buildFinderData, buildFinderShards, buildSoundShards, buildSoundTable } from '../../finder/shards';
import { shardFile, soundShardFile, type FinderIndex, type FinderShard } from '../../finder/match';
import { t } from '../../i18n/zh-CN';
import { traditionalConverters } from '../../search/build/name-readings';
import { incrementalRoute } from '../../publishing/incremental';

export const getStaticPaths = (() => {
  // The finder is made from the institutions, groups and regions alone (their names, kinds, places and rosters): while
  // they are as they were, an incremental build takes every shard from the published site without making any.
  const dataset = getDataset();
  return incrementalRoute('/finder/[shard].json', () => [dataset.institutions, dataset.groups, dataset.regions], () => {
    // The Traditional standards readers type in, as site search folds them (Taiwan's first).
    const converters = traditionalConverters();
    const data = buildFinderData(
      dataset,
      {
        institutionKind: (k) => t(`kind.institution.${k}` as Parameters<typeof t>[0]),
        groupKind: (k) => t(`kind.group.${k}` as Parameters<typeof t>[0]),
        regionKind: (k) => t(`kind.region.${k}` as Parameters<typeof t>[0]),
      },
      converters,
    );
    const { index, shards } = buildFinderShards(data);
    const sound = buildSoundShards(data);
    index.sound = sound.index;
    return [
      { params: { shard: 'index' }, props: { body: index } },
      { params: { shard: 'sounds' }, props: { body: buildSoundTable(data) } },
      ...[...shards].map(([gram, shard]) => ({ params: { shard: shardFile(gram) }, props: { body: shard } })),
      ...[...sound.shards].map(([prefix, shard]) => ({ params: { shard: soundShardFile(prefix) }, props: { body: shard } })),
    ];
  // Otherwise each shard is fingerprinted by its own content (src/publishing/incremental.ts).
  }, (p) => p.props.body);
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: FinderIndex | FinderShard | Record<string, string> }> = ({ props }) =>
  new Response(JSON.stringify(props.body), { headers: { 'content-type': 'application/json; charset=utf-8' } });
