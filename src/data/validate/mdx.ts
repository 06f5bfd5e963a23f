/** MDX stage: each document's and update's file name, YAML frontmatter (checked by its schema) and body (the MDX policy). */
import { parse as parseYaml, type ScalarTag } from 'yaml';
import type { z } from 'astro/zod';
import { mdxCollections, ID_MAX_LENGTH, type MdxCollection } from '../../schemas';
import type { DocumentMeta, UpdateMeta } from '../../schemas';
import { mdxMessages, problemLabels } from '../../i18n/validation';
import { fastParser } from '../fast-schema';
import { mdxViolations } from '../mdx-policy';
import { notUtf8Problem } from './files';
import { fieldPath, KnownIds, lineAt, type Located, type MdxEntry, type Problem, type SourceFile, type SourceFiles } from './problems';
import { describeWithCharacter, normaliseText } from './schema-issues';

/** Splits an MDX file into its YAML frontmatter and body. */
function splitFrontmatter(text: string): { yaml: string; body: string } | undefined {
  const m = text.replace(/^\uFEFF/, '').match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/);
  return m ? { yaml: m[1], body: m[2] } : undefined;
}

/** A date YAML read from unquoted text, keeping that text: the build's parser rolls 2024-02-30 over to March 1st unseen. */
class YamlDate extends Date {
  constructor(
    time: number,
    readonly source: string,
  ) {
    super(time);
  }
}

/**
 * Unquoted timestamps typed as the build's parser (js-yaml) types them: 2024-08-13 is a date, not text, so an
 * unquoted date as a title fails here as it would in the build. The text is kept so that a day that does not exist
 * is reported instead of rolled over.
 */
const timestampTag: ScalarTag = {
  tag: 'tag:yaml.org,2002:timestamp',
  default: true,
  identify: (value) => value instanceof Date,
  test: /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]+)?(?:[ \t]*(?:Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$/,
  resolve: (text) => {
    const [date, time = '00:00:00Z'] = text.trim().split(/[Tt]|[ \t]+(?=\d)/);
    const [y, m, d] = date.split('-').map(Number);
    const zone = time.match(/(Z|[-+][012]?[0-9](?::[0-9]{2})?)$/)?.[1] ?? 'Z';
    const [hh, mm, ss] = time.replace(/[ \t]*(Z|[-+].*)$/, '').split(':').map(Number);
    const offset = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1).split(':')[0]) * 60 + Number(zone.split(':')[1] ?? 0));
    return new YamlDate(Date.UTC(y, m - 1, d, hh, mm, Math.floor(ss)) - offset * 60_000, text);
  },
};

/** The YAML parser's message without its own line count, which counts from the frontmatter, not the file. */
const yamlMessage = (error: unknown) => (error as Error).message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');

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
    try {
      parseYaml(block);
    } catch {
      return { line: start + 1, key: keyOf(lines[start]) };
    }
  }
  const line = parserLine ?? 1;
  return { line, key: lines.slice(0, line).reverse().map(keyOf).find(Boolean) };
}

/** Problems in an MDX body: syntax errors and whatever src/data/mdx-policy.ts does not allow (the build runs the same rules). */
function checkMdxBody(body: string, file: string, id: string, firstLine: number, problems: Problem[]) {
  for (const v of mdxViolations(body)) {
    problems.push({ file, line: firstLine + v.line - 1, entry: id, field: problemLabels.mdxBody, zh: v.zh, en: v.en, hint: v.hint });
  }
}

function parseMdxFiles<T>(collection: MdxCollection, files: SourceFile[], problems: Problem[], known: KnownIds): Located<MdxEntry<T>>[] {
  const parse = fastParser(mdxCollections[collection] as unknown as z.ZodType<T>);
  const entries: Located<MdxEntry<T>>[] = [];
  for (const file of files) {
    const id = file.path.split('/').pop()!.replace(/\.mdx$/, '');
    known.note(id);
    if (file.notUtf8) {
      problems.push(notUtf8Problem(file.path));
      continue;
    }
    if (id.length > ID_MAX_LENGTH) problems.push({ file: file.path, entry: id.slice(0, 20) + '…', ...mdxMessages.nameTooLong(id.length, ID_MAX_LENGTH) });
    else if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) problems.push({ file: file.path, entry: id, ...mdxMessages.badName() });
    const parts = splitFrontmatter(file.text);
    if (!parts) {
      problems.push({ file: file.path, line: 1, entry: id, ...mdxMessages.noFrontmatter() });
      continue;
    }
    let raw: unknown;
    try {
      raw = parseYaml(parts.yaml, { customTags: [timestampTag] }) ?? {};
    } catch (error) {
      const { line, key } = brokenFrontmatterField(parts.yaml, (error as { linePos?: { line: number }[] }).linePos?.[0]?.line);
      problems.push({ file: file.path, line: line + 1, entry: id, field: key, ...mdxMessages.brokenFrontmatter(yamlMessage(error)) });
      continue;
    }
    const result = parse(normaliseText(raw));
    if (!result.success) {
      for (const issue of result.error.issues) {
        const key = String(issue.path[0] ?? '');
        const at = key ? parts.yaml.split('\n').findIndex((l) => l.startsWith(`${key}:`)) : -1;
        problems.push({ file: file.path, line: at >= 0 ? at + 2 : 1, entry: id, field: fieldPath(issue.path) || undefined, ...describeWithCharacter(issue, raw) });
      }
      continue;
    }
    checkMdxBody(parts.body, file.path, id, lineAt(file.text, file.text.length - parts.body.length), problems);
    entries.push({ value: { id, data: result.data, body: parts.body, file: file.path }, file: file.path, line: 1, id });
  }
  return entries;
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
export function validateMdx(mdx: SourceFiles['mdx']): MdxValidated {
  const problems: Problem[] = [];
  const known = { documents: new KnownIds(), updates: new KnownIds() };
  const documents = parseMdxFiles<DocumentMeta>('documents', mdx.documents, problems, known.documents);
  const updates = parseMdxFiles<UpdateMeta>('updates', mdx.updates, problems, known.updates);
  const ids = (k: KnownIds) => ({ ids: [...k], repeats: k.repeats });
  return { documents, updates, problems, known: { documents: ids(known.documents), updates: ids(known.updates) } };
}
