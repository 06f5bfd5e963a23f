/**
 * The finder's files under /finder/ (index.json, sounds.json, one file per shard), made from the dataset in one pass:
 * written after the pages by src/integrations/generated-files.ts, served by it in `npm run dev`. Not Astro routes:
 * thousands of small JSON files gain nothing from the page pipeline, and each would cost a render and a fingerprint.
 */
import { createHash } from 'node:crypto';
import type { Dataset } from '../data/dataset';
import { t } from '../i18n/zh-CN';
import { fingerprintOnce } from '../publishing/incremental';
import { traditionalConverters } from '../search/build/name-readings';
import { shardFile, soundShardFile, type FinderShard } from './match';
import { finderReadingsCache } from './readings-cache';
import { buildFinderData, buildFinderShards, buildSoundShards, buildSoundTable } from './shards';

/**
 * Everything the finder's files are made from besides code: the institutions, groups and regions (their names,
 * kinds, places and rosters). While these stand, an incremental build takes every file from the published site.
 */
export function finderInputs(dataset: Dataset): unknown {
  return [dataset.institutions, dataset.groups, dataset.regions].map(fingerprintOnce);
}

/** The finder's set of files in the manifest (src/integrations/generated-files.ts): every file's fingerprint starts with it. */
export const FINDER_ROUTE = '/finder/[shard].json';

/** A finder file: its path under the site, its JSON text made on demand, and for a shard its fingerprint (`shardPrints`). */
export type FinderFile = [path: string, make: () => string, print?: () => string];

/**
 * Every file of the finder, by path under the site (`finder/index.json`), with the JSON text served made on demand: a
 * file's text is made as it is written, never all of them at once (at national size they are hundreds of MB).
 */
export function finderFiles(dataset: Dataset): FinderFile[] {
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
  const printOf = shardPrints();
  const files: FinderFile[] = [
    ['finder/index.json', () => JSON.stringify(index)],
    ['finder/sounds.json', () => JSON.stringify(buildSoundTable(data))],
  ];
  for (const [gram, shard] of shards) files.push([`finder/${shardFile(gram)}.json`, () => JSON.stringify(shard), () => printOf(shard)]);
  for (const [prefix, shard] of sound.shards) files.push([`finder/${soundShardFile(prefix)}.json`, () => JSON.stringify(shard), () => printOf(shard)]);
  return files;
}

/**
 * A shard's fingerprint in the manifest, from what its JSON is made of: its groups' ids and JSON and its entries' JSON,
 * in order, each entry and group serialised and hashed once however many shards hold it. Equal fingerprints are equal
 * files, so under incremental publishing a shard whose entries and groups all stand is linked from the published site
 * without its JSON being made: a renamed county changes the shards holding that county's entries, not the other
 * thousands (src/integrations/generated-files.ts).
 */
function shardPrints(): (shard: FinderShard) => string {
  const prints = new WeakMap<object, string>();
  const printOf = (value: object): string => {
    let print = prints.get(value);
    if (print === undefined) prints.set(value, (print = createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22)));
    return print;
  };
  return (shard) => {
    const made = Object.keys(shard.groups).map((id) => `${JSON.stringify(id)}:${printOf(shard.groups[id])}`);
    made.push('|', ...shard.entries.map(printOf));
    return `${FINDER_ROUTE}|${createHash('sha256').update(made.join('\n')).digest('base64url').slice(0, 27)}`;
  };
}
