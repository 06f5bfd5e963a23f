/** Loads every collection once per build and hands pages plain data (see src/lib/site.ts). */
import { getCollection } from 'astro:content';
import type { Site } from './lib/site';

let cached: Promise<Site> | undefined;

export function loadSite(): Promise<Site> {
  cached ??= (async () => {
    const data = async <C extends 'regions' | 'institutions' | 'groups' | 'indicators' | 'observations'>(name: C) =>
      (await getCollection(name)).map((e) => e.data);
    return {
      regions: await data('regions'),
      institutions: await data('institutions'),
      groups: await data('groups'),
      indicators: await data('indicators'),
      observations: await data('observations'),
      documents: (await getCollection('documents')).map(({ id, data }) => ({ id, data })),
      updates: (await getCollection('updates')).map(({ id, data }) => ({ id, data })),
    } as Site;
  })();
  return cached;
}
