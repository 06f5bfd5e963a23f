/** MDX stage: each document's and update's file name, YAML frontmatter (checked by its schema) and body (the MDX policy). */
import type { z } from 'astro/zod';
import { mdxCollections, ID_MAX_LENGTH, type MdxCollection } from '../../schemas';
import type { DocumentMeta, UpdateMeta } from '../../schemas';
import { mdxMessages, problemLabels } from '../../i18n/validation';
import { fastParser } from '../fast-schema';
import { mdxViolations } from '../mdx-policy';
import { parseFrontmatterYaml, splitFrontmatter } from '../frontmatter';
import { notUtf8Problem } from './files';
import { fieldPath, KnownIds, type Located, type MdxEntry, type Problem, type SourceFile, type SourceFiles } from './problems';
import { describeWithCharacter, normaliseText } from './schema-issues';
import type { ValidationCache } from './cache';
import type { DataFileResult } from './json';

/**
 * Where broken frontmatter goes wrong. The parser often notices a line late (an unclosed [ or " is reported on the
 * next line), so each top-level field is parsed on its own and the first that fails alone is named; failing that,
 * the nearest field at or above the line the parser gave.
 */
function brokenFrontmatterField(yaml: string, parserLine: number | undefined): { line: number; key?: string } {
  const lines = yaml.split('\n');
  const keyOf = (l: string) => l.match(/^([A-Za-z][\w-]*)\s*:/)?.[1];
  const starts = lines.flatMap((l, i) => (/^\S/.test(l) && !l.startsWith('-') && !l.startsWith('#') ? [i] : []));
  for (const [n, start] of starts.entries()) {
    const block = lines.slice(start, starts[n + 1] ?? lines.length).join('\n');
    if ('error' in parseFrontmatterYaml(block)) return { line: start + 1, key: keyOf(lines[start]) };
  }
  const line = parserLine ?? 1;
  return { line, key: lines.slice(0, line).reverse().map(keyOf).find(Boolean) };
}

/** Problems in an MDX body: syntax errors and whatever src/data/mdx-policy.ts does not allow (the build runs the same rules). */
function checkMdxBody(body: string, file: string, id: string, firstLine: number, problems: Problem[], images?: ReadonlySet<string>) {
  for (const v of mdxViolations(body, { images })) {
    problems.push({ file, line: firstLine + v.line - 1, entry: id, field: problemLabels.mdxBody, zh: v.zh, en: v.en, hint: v.hint });
  }
}

function parseMdxFiles<T>(collection: MdxCollection, files: SourceFile[], problems: Problem[], known: KnownIds, images?: ReadonlySet<string>, cache?: ValidationCache): Located<MdxEntry<T>>[] {
  const parse = fastParser(mdxCollections[collection] as unknown as z.ZodType<T>);
  const entries: Located<MdxEntry<T>>[] = [];
  for (const file of files) {
    // A file validated before, byte for byte, with the same code and public/ files: what was found then.
    const found = cache?.dataFile<MdxEntry<T>>(collection, file) ?? parseMdxFile(collection, file, parse, images);
    for (const problem of found.problems) problems.push(problem);
    for (const id of found.ids) known.note(id);
    for (const entry of found.entries) entries.push(entry);
    cache?.keepDataFile(collection, file, found);
  }
  return entries;
}

/** One MDX file validated on its own: its problems, its id, its entry if it passed. */
function parseMdxFile<T>(collection: MdxCollection, file: SourceFile, parse: ReturnType<typeof fastParser<T>>, images?: ReadonlySet<string>): DataFileResult<MdxEntry<T>> {
  const problems: Problem[] = [];
  const entries: Located<MdxEntry<T>>[] = [];
  const ids: string[] = [];
  const known = { note: (id: string) => void ids.push(id) };
  const out = { problems, ids, entries };
  const id = file.path.split('/').pop()!.replace(/\.mdx$/, '');
  known.note(id);
  if (file.notUtf8) {
    problems.push(notUtf8Problem(file.path));
    return out;
  }
  if (id.length > ID_MAX_LENGTH) problems.push({ file: file.path, entry: id.slice(0, 20) + '…', ...mdxMessages.nameTooLong(id.length, ID_MAX_LENGTH) });
  else if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) problems.push({ file: file.path, entry: id, ...mdxMessages.badName() });
  const parts = splitFrontmatter(file.text);
  if (!parts) {
    problems.push({ file: file.path, line: 1, entry: id, ...mdxMessages.noFrontmatter() });
    return out;
  }
  // The build's own reading of frontmatter (Astro's extraction, js-yaml): one YAML parser for check and build.
  const read = parseFrontmatterYaml(parts.yaml);
  if ('error' in read) {
    const { line, key } = brokenFrontmatterField(parts.yaml, read.error.line);
    const message = read.error.zh ? mdxMessages.brokenFrontmatter(read.error.zh) : mdxMessages.brokenFrontmatter(read.error.message);
    problems.push({ file: file.path, line: line + 1, entry: id, field: key, ...message, en: `broken frontmatter: ${read.error.en ?? read.error.message}` });
    return out;
  }
  const raw: unknown = read.data;
  const result = parse(normaliseText(raw));
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      const at = key ? parts.yaml.split('\n').findIndex((l) => l.startsWith(`${key}:`)) : -1;
      problems.push({ file: file.path, line: at >= 0 ? at + 2 : 1, entry: id, field: fieldPath(issue.path) || undefined, ...describeWithCharacter(issue, raw) });
    }
    return out;
  }
  checkMdxBody(parts.body, file.path, id, parts.bodyLine, problems, images);
  entries.push({ value: { id, data: result.data, body: parts.body, file: file.path }, file: file.path, line: 1, id });
  return out;
}

/** The MDX files validated on their own: what `validateDataset` needs of them. */
export interface MdxValidated {
  documents: Located<MdxEntry<DocumentMeta>>[];
  updates: Located<MdxEntry<UpdateMeta>>[];
  problems: Problem[];
  /** Ids seen in each MDX collection, with how many were seen again (see KnownIds). */
  known: Record<MdxCollection, { ids: string[]; repeats: number }>;
}

/**
 * Validates the MDX files (frontmatter and body). Independent of the data files, so `npm run check` runs it in a
 * worker thread while the data files are validated (scripts/check-parallel.ts); the result is plain data.
 */
export function validateMdx(mdx: SourceFiles['mdx'], options: { images?: ReadonlySet<string>; cache?: ValidationCache } = {}): MdxValidated {
  const problems: Problem[] = [];
  const known = { documents: new KnownIds(), updates: new KnownIds() };
  const documents = parseMdxFiles<DocumentMeta>('documents', mdx.documents, problems, known.documents, options.images, options.cache);
  const updates = parseMdxFiles<UpdateMeta>('updates', mdx.updates, problems, known.updates, options.images, options.cache);
  const ids = (k: KnownIds) => ({ ids: [...k], repeats: k.repeats });
  return { documents, updates, problems, known: { documents: ids(known.documents), updates: ids(known.updates) } };
}
