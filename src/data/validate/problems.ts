/** What validation reads and what it reports: source files, problems, located entries; shared by every stage. */
import type { DataCollection, MdxCollection } from '../../schemas';
import type { Region, Institution, Group, Indicator, Observation, DocumentMeta, UpdateMeta, Correction, Reference, Synonym, GlossaryTerm } from '../../schemas';
import { problemLabels, type Hint } from '../../i18n/validation';
import type { PublicFiles } from './public-files';

export type { Hint } from '../../i18n/validation';

/** A file as read from disk: its path relative to the project root, and its text. */
export interface SourceFile {
  path: string;
  text: string;
  /** Set when the bytes are not UTF-8 (then `text` is empty): the file is reported, not read as mojibake. */
  notUtf8?: boolean;
  /** Set when the path is not a regular file (a link, a folder named x.json) or too large: reported, never read. */
  unreadable?: 'link' | 'special' | { tooLarge: number };
}

/** One thing wrong, with enough context for an editor to find and fix it. */
export interface Problem {
  file: string;
  line?: number;
  entry?: string;
  field?: string;
  /** What is wrong, in Chinese. */
  zh: string;
  /** The same in English. */
  en: string;
  /** How to fix it, when there is more to say than the message itself. */
  hint?: Hint;
}

export interface MdxEntry<T> {
  id: string;
  data: T;
  body: string;
  file: string;
}

export interface Entries {
  regions: Region[];
  institutions: Institution[];
  groups: Group[];
  indicators: Indicator[];
  observations: Observation[];
  documents: MdxEntry<DocumentMeta>[];
  updates: MdxEntry<UpdateMeta>[];
  corrections: Correction[];
  /** General knowledge from no county document (data/references/); absent in fixtures that cite none. */
  references?: Reference[];
  /** Words readers use for the same thing, for search (data/synonyms/); absent in fixtures. */
  synonyms?: Synonym[];
  /** Terms for /glossary/ and the guide (data/glossary/); absent in fixtures. */
  glossary?: GlossaryTerm[];
}

export interface SourceFiles {
  /** Each data collection's files (an empty list where a collection has none; the glossary may be left out). */
  data: Record<Exclude<DataCollection, 'glossary'>, SourceFile[]> & { glossary?: SourceFile[] };
  mdx: Record<MdxCollection, SourceFile[]>;
  /** Files under data/ or content/ that belong to no collection (see `placeOf`); each is reported. */
  other?: SourceFile[];
  /** public/ as read by src/data/validate/public-files.ts: the files the site may publish, and the problems of the rest. */
  public?: PublicFiles;
}

/** An entry that passed its schema, with where it is written. */
export interface Located<T> {
  value: T;
  file: string;
  line?: number;
  id: string;
}

/**
 * Ids seen in files, valid or not, so that one broken entry does not also break every reference to it. It counts ids
 * seen again, so that the duplicate-id check (a map of every entry) runs only for a collection that may have one.
 */
export class KnownIds extends Set<string> {
  repeats = 0;
  note(id: string) {
    const size = this.size;
    this.add(id);
    if (this.size === size) this.repeats++;
  }
}

/** Line number (1-based) of a character offset. */
export function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** A zod issue path as an editor writes it: `members[2].institution`. */
export function fieldPath(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}

/**
 * One problem as lines an editor can act on: file:line — entry — field — what is wrong (Chinese, then English),
 * then how to fix it (Chinese, then English) when there is a hint.
 */
export function formatProblem(p: Problem): string {
  const where = p.file + (p.line ? `:${p.line}` : '');
  const hint = p.hint ? problemLabels.howToFix(p.hint) : '';
  return [where, p.entry && problemLabels.entry(p.entry), p.field && problemLabels.field(p.field), `${p.zh}\n    ${p.en}${hint}`]
    .filter(Boolean)
    .join(' — ');
}
