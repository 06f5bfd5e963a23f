/** The data behind the built site, for the indicator tests: read from data/ as the build read it. */
import { loadDataset } from '../../src/data/read-sources';
import type { Dataset as Site } from '../../src/data/dataset';

let site: Site | undefined;

export function siteData(): Site {
  if (!site) {
    const d = loadDataset(process.cwd());
    site = { ...d, documents: d.documents.map(({ id, data }) => ({ id, data })), updates: d.updates.map(({ id, data }) => ({ id, data })) } as Site;
  }
  return site;
}

export const subjectPath = (s: { type: string; id: string }) => `/${s.type === 'group' ? 'groups' : s.type === 'region' ? 'regions' : 'institutions'}/${s.id}/`;
