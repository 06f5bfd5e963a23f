/** Loads every collection once per build and hands pages plain data (see src/lib/site.ts). */
import { getCollection } from 'astro:content';
import type { Site } from './lib/site';

let cached: Promise<Site> | undefined;

// The glob loader reads MDX files in parallel, so its order varies between builds; sort for reproducible output.
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function loadSite(): Promise<Site> {
  cached ??= (async () => {
    const data = async <C extends 'regions' | 'institutions' | 'groups' | 'indicators' | 'observations' | 'corrections'>(name: C) =>
      (await getCollection(name)).map((e) => e.data);
    return {
      regions: await data('regions'),
      institutions: await data('institutions'),
      groups: await data('groups'),
      indicators: await data('indicators'),
      observations: await data('observations'),
      corrections: await data('corrections'),
      documents: (await getCollection('documents')).map(({ id, data }) => ({ id, data })).sort(byId),
      updates: (await getCollection('updates')).map(({ id, data }) => ({ id, data })).sort(byId),
    } as Site;
  })();
  return cached;
}
