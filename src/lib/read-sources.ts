/** Reads the editors' files from disk for validation. The only place that knows the folder layout. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { dataCollections, mdxCollections, type DataCollection, type MdxCollection } from '../schemas';
import { validateDataset, formatProblem, type SourceFile, type SourceFiles, type Entries } from './validate';

function filesIn(root: string, folder: string, pattern: RegExp): SourceFile[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => ({ path: relative(root, join(dir, name)).replace(/\\/g, '/'), text: readFileSync(join(dir, name), 'utf8') }));
}

/** Every data and content file under `root` (the project folder). */
export function readSourceFiles(root: string): SourceFiles {
  const data = Object.fromEntries(Object.keys(dataCollections).map((name) => [name, filesIn(root, `data/${name}`, /\.json$/)])) as Record<
    DataCollection,
    SourceFile[]
  >;
  const mdx = Object.fromEntries(Object.keys(mdxCollections).map((name) => [name, filesIn(root, `content/${name}`, /\.mdx?$/)])) as Record<
    MdxCollection,
    SourceFile[]
  >;
  return { data, mdx };
}

/** The validated dataset, or an error listing every problem. */
export function loadDataset(root: string): Entries {
  const { dataset, problems } = validateDataset(readSourceFiles(root));
  if (problems.length) {
    throw new Error(`数据有 ${problems.length} 处问题 / ${problems.length} problem(s) in the data:\n` + problems.map(formatProblem).join('\n'));
  }
  return dataset;
}
