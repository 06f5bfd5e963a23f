/**
 * Validation of every data and content file, as plain functions over file texts so that the checker, the build, the
 * editor and the tests share one implementation. Problems are collected, never thrown one at a time. By stage:
 * files.ts (where a file sits, its encoding), json.ts and mdx.ts (each entry against its schema), references.ts (ids
 * exist and are unique), rules.ts (what a schema cannot see). Messages live in src/i18n/validation.ts.
 */
import type { DataCollection, MdxCollection } from '../../schemas';
import type { Region, Institution, Group, Indicator, Observation, DocumentMeta, UpdateMeta, Correction, Reference, Synonym, GlossaryTerm } from '../../schemas';
import { strayFileProblem } from './files';
import { parseDataFiles } from './json';
import { validateMdx, type MdxValidated } from './mdx';
import { KnownIds, type Entries, type Located, type MdxEntry, type Problem, type SourceFiles } from './problems';
import { checkReferences, checkUnique } from './references';
import { checkRules } from './rules';
import type { ValidationCache } from './cache';

export { decodeSource, placeOf, strayFileProblem } from './files';
export { scanJson, type JsonLayout } from './json';
export { validateMdx, type MdxValidated } from './mdx';
export { formatProblem, type Entries, type Hint, type Located, type MdxEntry, type Problem, type SourceFile, type SourceFiles } from './problems';
export { figureShapeProblems } from './rules';
export { MAY_CHANGE } from './schema-issues';

/** Every collection's entries that passed their schema, with where each is written. */
export interface Collections {
  regions: Located<Region>[];
  institutions: Located<Institution>[];
  groups: Located<Group>[];
  indicators: Located<Indicator>[];
  observations: Located<Observation>[];
  documents: Located<MdxEntry<DocumentMeta>>[];
  updates: Located<MdxEntry<UpdateMeta>>[];
  corrections: Located<Correction>[];
  references: Located<Reference>[];
  synonyms: Located<Synonym>[];
  glossary: Located<GlossaryTerm>[];
}

/**
 * Which file holds each entry, by collection, as runs in the order of the collection's entries: `[file, count]` says
 * the next `count` entries are written in `file`. At national size a few hundred runs instead of 826,000 keys.
 */
export type OriginRuns = Record<string, [string, number][]>;

export interface ValidateOptions {
  /** The moment "today" is judged from (tests fix it); now by default. */
  now?: Date;
  /**
   * The MDX files' validation when it was done elsewhere (a worker thread), asked for once the data files are done;
   * `validateMdx(files.mdx)` by default.
   */
  mdx?: () => MdxValidated;
  /** What earlier runs found in each file (./cache.ts): a file whose bytes it has is not validated again on its own. */
  cache?: ValidationCache;
}

/** Validates every file and returns the dataset (entries that passed their schema) with all problems found. */
export function validateDataset(files: SourceFiles, options: ValidateOptions = {}): { entries: Entries; problems: Problem[]; origins: Map<string, string>; originRuns: OriginRuns } {
  const problems: Problem[] = [];
  for (const file of files.other ?? []) problems.push(strayFileProblem(file.path, file.unreadable));
  for (const problem of files.public?.problems ?? []) problems.push(problem);
  const known = Object.fromEntries(
    ['regions', 'institutions', 'groups', 'indicators', 'observations', 'documents', 'updates', 'corrections', 'references', 'synonyms', 'glossary'].map((n) => [n, new KnownIds()]),
  ) as Record<DataCollection | MdxCollection, KnownIds>;
  const regions = parseDataFiles<Region>('regions', files.data.regions, problems, known.regions, options.cache);
  const institutions = parseDataFiles<Institution>('institutions', files.data.institutions, problems, known.institutions, options.cache);
  const groups = parseDataFiles<Group>('groups', files.data.groups, problems, known.groups, options.cache);
  const indicators = parseDataFiles<Indicator>('indicators', files.data.indicators, problems, known.indicators, options.cache);
  const observations = parseDataFiles<Observation>('observations', files.data.observations, problems, known.observations, options.cache);
  const corrections = parseDataFiles<Correction>('corrections', files.data.corrections ?? [], problems, known.corrections, options.cache);
  const references = parseDataFiles<Reference>('references', files.data.references ?? [], problems, known.references, options.cache);
  const synonyms = parseDataFiles<Synonym>('synonyms', files.data.synonyms ?? [], problems, known.synonyms, options.cache);
  const glossary = parseDataFiles<GlossaryTerm>('glossary', files.data.glossary ?? [], problems, known.glossary, options.cache);
  const mdx = options.mdx ? options.mdx() : validateMdx(files.mdx, { images: files.public?.files });
  const { documents, updates } = mdx;
  for (const p of mdx.problems) problems.push(p);
  for (const name of ['documents', 'updates'] as const) {
    for (const id of mdx.known[name].ids) known[name].add(id);
    known[name].repeats = mdx.known[name].repeats;
  }

  const all: Collections = { regions, institutions, groups, indicators, observations, documents, updates, corrections, references, synonyms, glossary };
  // An entry's id is the id it was noted under, so a collection where no id was noted twice has no duplicates.
  for (const [name, entries] of Object.entries(all)) if (known[name as keyof Collections].repeats) checkUnique(name, entries, problems);
  checkReferences(all, known, problems);
  checkRules(all, options.now ?? new Date(), problems);

  const values = <T>(entries: Located<T>[]) => entries.map((e) => e.value);
  // Which file holds each entry, keyed `collection:id`: for "last updated" dates without reading data/ again. Built
  // when first asked for: the build needs it, `npm run check` does not (a map of 826,000 keys at national size).
  let origins: Map<string, string> | undefined;
  const originsOf = () => {
    origins = new Map<string, string>();
    for (const [name, entries] of Object.entries(all)) for (const e of entries as Located<unknown>[]) origins.set(`${name}:${e.id}`, e.file);
    return origins;
  };
  // The same as runs of one file per collection, in the entries' order: what the build hands over (src/data/read-sources.ts).
  const originRuns = (): OriginRuns => {
    const runs: OriginRuns = {};
    for (const [name, entries] of Object.entries(all)) {
      const list: [string, number][] = (runs[name] = []);
      for (const e of entries as Located<unknown>[]) {
        const last = list[list.length - 1];
        if (last && last[0] === e.file) last[1]++;
        else list.push([e.file, 1]);
      }
    }
    return runs;
  };
  return {
    get origins() {
      return origins ?? originsOf();
    },
    get originRuns() {
      return originRuns();
    },
    entries: {
      regions: values(regions),
      institutions: values(institutions),
      groups: values(groups),
      indicators: values(indicators),
      observations: values(observations),
      documents: values(documents),
      updates: values(updates),
      corrections: values(corrections),
      references: values(references),
      synonyms: values(synonyms),
      glossary: values(glossary),
    },
    problems,
  };
}
