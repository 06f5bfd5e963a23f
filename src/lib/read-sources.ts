/** Reads the editors' files from disk for validation. The only place that walks the folders. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { dataCollections, mdxCollections, type DataCollection, type MdxCollection } from '../schemas';
import { validateDataset, formatProblem, decodeSource, placeOf, type SourceFile, type SourceFiles, type Entries } from './validate';

/** Every file under a folder of the project, as paths relative to the project (`data/groups/x.json`), sorted. */
function filesUnder(root: string, folder: string): string[] {
  if (!existsSync(join(root, folder))) return [];
  return (readdirSync(join(root, folder), { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => !e.isDirectory())
    .map((e) => `${folder}/${join(e.parentPath, e.name).slice(join(root, folder).length + 1).replace(/\\/g, '/')}`)
    .sort();
}

/**
 * Every data and content file under `root` (the project folder). Each file is placed in its collection by its path;
 * a file in no collection (a misspelt folder, a `.md` or `.txt`, a subfolder) is kept in `other`, so that validation
 * names it instead of the build silently leaving it out.
 */
export function readSourceFiles(root: string): SourceFiles {
  const data = Object.fromEntries(Object.keys(dataCollections).map((name) => [name, [] as SourceFile[]])) as Record<DataCollection, SourceFile[]>;
  const mdx = Object.fromEntries(Object.keys(mdxCollections).map((name) => [name, [] as SourceFile[]])) as Record<MdxCollection, SourceFile[]>;
  const other: SourceFile[] = [];
  for (const path of [...filesUnder(root, 'data'), ...filesUnder(root, 'content')]) {
    const place = placeOf(path);
    if (place === 'ignored') continue;
    if (!place) {
      other.push({ path, text: '' });
      continue;
    }
    const file = decodeSource(path, readFileSync(join(root, path)));
    if (place.kind === 'data') data[place.collection].push(file);
    else mdx[place.collection].push(file);
  }
  return { data, mdx, other };
}

/** The validated dataset, or an error listing every problem. */
export function loadDataset(root: string): Entries {
  const { dataset, problems } = validateDataset(readSourceFiles(root));
  if (problems.length) {
    throw new Error(`数据有 ${problems.length} 处问题 / ${problems.length} problem(s) in the data:\n` + problems.map(formatProblem).join('\n'));
  }
  return dataset;
}
