/**
 * Every download under /data/ as a generated file (src/integrations/generated-files.ts): its path under the site and
 * its content in pieces (its rows), from the build's one registry (./registry.ts), so the pages that print a file's size and the file
 * written read the same bytes.
 */
import type { Dataset } from '../data/dataset';
import { downloadRegistry } from './registry';

export function downloadFiles(dataset: Dataset, site: URL | undefined): [string, () => Iterable<string>, () => string][] {
  // Its fingerprint is taken after its size, so the manifest holds every file's size (measured, or kept while its inputs stand).
  return downloadRegistry(dataset, site).all.map((file) => [file.href.replace(/^\//, ''), file.pieces, () => (file.size(), file.inputs())]);
}
