/**
 * The finder's files under /finder/ (index.json, sounds.json, one file per shard), made from the dataset in one pass:
 * written after the pages by src/integrations/generated-files.ts, served by it in `npm run dev`. Not Astro routes:
 * thousands of small JSON files gain nothing from the page pipeline, and each would cost a render and a fingerprint.
 */
import type { Dataset } from '../data/dataset';
import { t } from '../i18n/zh-CN';
import { fingerprintOnce } from '../publishing/incremental';
import { traditionalConverters } from '../search/build/name-readings';
import { shardFile, soundShardFile } from './match';
import { finderReadingsCache } from './readings-cache';
import { buildFinderData, buildFinderShards, buildSoundShards, buildSoundTable } from './shards';

/**
 * Everything the finder's files are made from besides code: the institutions, groups and regions (their names,
 * kinds, places and rosters). While these stand, an incremental build takes every file from the published site.
 */
export function finderInputs(dataset: Dataset): unknown {
  return [dataset.institutions, dataset.groups, dataset.regions].map(fingerprintOnce);
}

/**
 * Every file of the finder, by path under the site (`finder/index.json`), with the JSON text served made on demand: a
 * file's text is made as it is written, never all of them at once (at national size they are hundreds of MB).
 */
export function finderFiles(dataset: Dataset): Map<string, () => string> {
  // Under `npm run build`, the names' readings the last build made (src/finder/readings-cache.ts).
  const cache = finderReadingsCache();
  const data = buildFinderData(
    dataset,
    {
      institutionKind: (k) => t(`kind.institution.${k}` as Parameters<typeof t>[0]),
      groupKind: (k) => t(`kind.group.${k}` as Parameters<typeof t>[0]),
      regionKind: (k) => t(`kind.region.${k}` as Parameters<typeof t>[0]),
    },
    // The Traditional standards readers type in, as site search folds them (Taiwan's first): loaded only for a name
    // whose readings were not kept.
    traditionalConverters,
    cache?.known,
  );
  cache?.save(data);
  const { index, shards } = buildFinderShards(data);
  const sound = buildSoundShards(data);
  index.sound = sound.index;
  const files = new Map<string, () => string>();
  files.set('finder/index.json', () => JSON.stringify(index));
  files.set('finder/sounds.json', () => JSON.stringify(buildSoundTable(data)));
  for (const [gram, shard] of shards) files.set(`finder/${shardFile(gram)}.json`, () => JSON.stringify(shard));
  for (const [prefix, shard] of sound.shards) files.set(`finder/${soundShardFile(prefix)}.json`, () => JSON.stringify(shard));
  return files;
}
