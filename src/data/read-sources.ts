/** Reads the editors' files from disk for validation; the folders are walked by ./source-entries.ts. */
import { readFileSync, existsSync, lstatSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataCollections, mdxCollections, type DataCollection, type MdxCollection } from '../schemas';
import { validateDataset, formatProblem, decodeSource, placeOf, type SourceFile, type SourceFiles, type Entries, type Problem, type OriginRuns } from './validate';
import { indexDataset, type Dataset } from './dataset';
import { readPublicFiles } from './validate/public-files';
import { fileDates } from './file-dates';
import { HANDOFF_ENV } from './handoff-env';
import { filesUnder } from './source-entries';
import { entryPrint, entryPrints } from './entry-prints';

/** Largest data or content file read: far above any real one, below what a string in memory can hold. */
export const SOURCE_MAX_BYTES = 256 * 1024 * 1024;

/** How one regular file of the project is read: its decoded text, or its size when it is too large to read. */
export type SourceReader = (root: string, path: string) => SourceFile | { tooLarge: number };

/** Reads a file afresh (`lstat`, never following a link, then its bytes, decoded). */
export const readFresh: SourceReader = (root, path) => {
  const size = lstatSync(join(root, path)).size;
  return size > SOURCE_MAX_BYTES ? { tooLarge: size } : decodeSource(path, readFileSync(join(root, path)));
};

/**
 * Every data and content file under `root` (the project folder). Each file is placed in its collection by its path;
 * a file in no collection (a misspelt folder, a `.md` or `.txt`, a subfolder) is kept in `other`, so that validation
 * names it instead of the build silently leaving it out. `read` reads each regular file of a collection (the editor
 * passes one that reads only what changed since its last call: src/editor/project.ts).
 */
export function readSourceFiles(root: string, read: SourceReader = readFresh): SourceFiles {
  const data = Object.fromEntries(Object.keys(dataCollections).map((name) => [name, [] as SourceFile[]])) as Record<DataCollection, SourceFile[]>;
  const mdx = Object.fromEntries(Object.keys(mdxCollections).map((name) => [name, [] as SourceFile[]])) as Record<MdxCollection, SourceFile[]>;
  const other: SourceFile[] = [];
  for (const { path, kind } of [...filesUnder(root, 'data'), ...filesUnder(root, 'content')]) {
    const place = placeOf(path);
    if (place === 'ignored') continue;
    if (kind !== 'file') {
      other.push({ path, text: '', unreadable: kind });
      continue;
    }
    if (!place) {
      other.push({ path, text: '' });
      continue;
    }
    const file = read(root, path);
    if ('tooLarge' in file) {
      other.push({ path, text: '', unreadable: { tooLarge: file.tooLarge } });
      continue;
    }
    if (place.kind === 'data') data[place.collection].push(file);
    else mdx[place.collection].push(file);
  }
  return { data, mdx, other, public: readPublicFiles(root) };
}

// When each data file last changed, in a module of its own that loads no validation code (scripts/build.ts reads it).
export { fileDates, parseGitLog, parseGitStatus } from './file-dates';

/** Entries that passed validation, with where each is written and when each file last changed. */
export interface Validated {
  entries: Entries;
  origins: Map<string, string>;
  fileDates: Map<string, string>;
  /** The same as `origins`, as runs of one file (validateDataset), when known: what the handoff writes. */
  originRuns?: OriginRuns;
}

/** Reads every file under `root` once and validates it once: the problems, or the validated entries. */
export function readAndValidate(root: string): { validated?: Validated; problems: Problem[] } {
  const files = readSourceFiles(root);
  return withFileDates(root, files, validateDataset(files));
}

/** The outcome of validating `files` (read from `root`): the problems, or the validated entries with their files' dates. */
export function withFileDates(root: string, files: SourceFiles, result: ReturnType<typeof validateDataset>): { validated?: Validated; problems: Problem[] } {
  const { entries: dataset, problems } = result;
  if (problems.length) return { problems };
  const dataPaths = Object.values(files.data).flatMap((list) => list.map((f) => f.path));
  // Made when asked for: the build hands over the runs and never needs the map of every entry (826,000 keys).
  return {
    validated: {
      entries: dataset,
      get origins() {
        return result.origins;
      },
      get originRuns() {
        return result.originRuns;
      },
      fileDates: fileDates(root, dataPaths),
    },
    problems,
  };
}

/**
 * `npm run build` validates before Astro starts (so an editor's mistake stops it with the file named) and hands the
 * validated entries to the Astro process through this folder, so the data is read and validated once per build.
 * One file per collection keeps each JSON text far below V8's string limit at national size.
 */
export { HANDOFF_ENV };

export function writeHandoff(dir: string, v: Validated, copy?: (name: string, target: string, prints: string[]) => boolean) {
  mkdirSync(dir, { recursive: true });
  // `copy`: writes a collection's JSON from text already made (src/data/validate/cache.ts), the same values in the
  // same order, and adds their prints to `prints`; false when it cannot, and the values are written out here instead.
  for (const [name, list] of Object.entries(v.entries) as [string, unknown[]][]) {
    const target = join(dir, `${name}.json`);
    let prints: string[] = [];
    if (!copy?.(name, target, prints)) {
      const texts = list.map((value) => JSON.stringify(value));
      writeFileSync(target, `[${texts.join(',')}]`);
      prints = texts.map(entryPrint);
    } else if (prints.length !== list.length) prints = list.map((value) => entryPrint(JSON.stringify(value)));
    // Each entry's print (./entry-prints.ts), one a line, in the entries' order.
    writeFileSync(join(dir, `${name}.prints`), prints.join('\n'));
  }
  // Which file holds each entry as runs of one file (each collection's entries are in file order), not one key each.
  const origins = v.originRuns ? { runs: v.originRuns } : { origins: [...v.origins] };
  writeFileSync(join(dir, 'files.json'), JSON.stringify({ ...origins, fileDates: [...v.fileDates] }));
}

function readHandoff(dir: string): Validated {
  const names = [...Object.keys(dataCollections), ...Object.keys(mdxCollections)];
  const entries = Object.fromEntries(names.map((name) => [name, JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'))])) as unknown as Entries;
  // Each entry known by its print from now on (./entry-prints.ts), when the handoff has one for each.
  const known = entryPrints();
  for (const name of names) {
    const list = (entries as unknown as Record<string, object[]>)[name] ?? [];
    let text: string;
    try {
      text = readFileSync(join(dir, `${name}.prints`), 'utf8');
    } catch {
      continue;
    }
    const prints = text ? text.split('\n') : [];
    if (prints.length === list.length) list.forEach((entry, i) => known.set(entry, prints[i]!));
  }
  const files = JSON.parse(readFileSync(join(dir, 'files.json'), 'utf8')) as { origins?: [string, string][]; runs?: OriginRuns; fileDates: [string, string][] };
  return { entries, origins: files.runs ? originsFromRuns(entries, files.runs) : new Map(files.origins), fileDates: new Map(files.fileDates) };
}

/** The file of each entry, keyed `collection:id`, from the runs the handoff holds and the entries in their order. */
function originsFromRuns(entries: Entries, runs: OriginRuns): Map<string, string> {
  const origins = new Map<string, string>();
  for (const [name, list] of Object.entries(runs)) {
    const values = (entries as unknown as Record<string, { id: string }[]>)[name] ?? [];
    let i = 0;
    for (const [file, count] of list) {
      if (i + count > values.length) break;
      for (let end = i + count; i < end; i++) origins.set(`${name}:${values[i]!.id}`, file);
    }
    if (i !== values.length) throw new Error(`handoff: ${name} has ${values.length} entries but its files name ${i}`);
  }
  return origins;
}

/**
 * The indexed dataset: data/ and content/ read once and validated once (or, inside `npm run build`, the entries the
 * build script validated); throws listing every problem.
 */
export function loadDataset(root: string): Dataset {
  const handoff = process.env[HANDOFF_ENV];
  if (handoff && existsSync(join(handoff, 'files.json'))) {
    const v = readHandoff(handoff);
    return indexDataset(v.entries, v);
  }
  const { validated, problems } = readAndValidate(root);
  if (!validated) {
    throw new Error(`数据有 ${problems.length} 处问题 / ${problems.length} problem(s) in the data:\n` + problems.map(formatProblem).join('\n'));
  }
  return indexDataset(validated.entries, validated);
}
