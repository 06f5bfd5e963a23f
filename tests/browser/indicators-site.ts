/** The data behind the built site, for the indicator tests: read from data/ as the build read it. */
import { loadDataset } from '../../src/data/read-sources';
import type { Dataset } from '../../src/data/dataset';

let dataset: Dataset | undefined;

export function siteData(): Dataset {
  if (!dataset) {
    const d = loadDataset(process.cwd());
    dataset = { ...d, documents: d.documents.map(({ id, data }) => ({ id, data })), updates: d.updates.map(({ id, data }) => ({ id, data })) } as Dataset;
  }
  return dataset;
}

export const subjectPath = (s: { type: string; id: string }) => `/${s.type === 'group' ? 'groups' : s.type === 'region' ? 'regions' : 'institutions'}/${s.id}/`;
