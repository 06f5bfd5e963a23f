/**
 * Validation of every data and content file, as plain functions over file texts so that the checker,
 * the build and the tests share one implementation. Problems are collected, never thrown one at a time.
 */
import { parse as parseYaml, type ScalarTag } from 'yaml';
import { mdxViolations } from './mdx-policy';
import type { z } from 'astro/zod';
import { dataCollections, mdxCollections, ID_MAX_LENGTH, type DataCollection, type MdxCollection } from '../schemas';
import type { Region, Institution, Group, Indicator, Observation, DocumentMeta, UpdateMeta, SourceRef, Correction, Reference } from '../schemas';
import { truthProblems } from './truth-rules';
import { excerptContainsValue } from './figures';
import { EXCERPT_MAX_LENGTH } from '../schemas/observation';
import { invisibleCharacter, periodProblem } from '../schemas';
import { fastParser } from './fast-schema';
import type { PublicFiles } from '../data/validate/public-files';

/** A file as read from disk: its path relative to the project root, and its text. */
export interface SourceFile {
  path: string;
  text: string;
  /** Set when the bytes are not UTF-8 (then `text` is empty): the file is reported, not read as mojibake. */
  notUtf8?: boolean;
}

/** How to fix a problem, in Chinese and in English. */
export interface Hint {
  zh: string;
  en: string;
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
}

export interface SourceFiles {
  data: Record<DataCollection, SourceFile[]>;
  mdx: Record<MdxCollection, SourceFile[]>;
  /** Files under data/ or content/ that belong to no collection (see `placeOf`); each is reported. */
  other?: SourceFile[];
  /** public/ as read by src/data/validate/public-files.ts: the files the site may publish, and the problems of the rest. */
  public?: PublicFiles;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A file's bytes as text. Only UTF-8 is accepted: a GBK file decoded as UTF-8 would be published as mojibake. A byte
 * order mark (which Notepad writes) is dropped, the same for JSON and MDX.
 */
export function decodeSource(path: string, bytes: Uint8Array): SourceFile {
  try {
    return { path, text: utf8.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return { path, text: '', notUtf8: true };
  }
}

/** Files an operating system leaves in folders; never the editors' content, so neither read nor reported. */
const SYSTEM_FILES = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini', '.gitkeep']);

/**
 * Which collection a path under data/ or content/ belongs to: `data/<collection>/<name>.json` or
 * `content/<collection>/<name>.mdx`, nothing else (no subfolders, no other extensions). `ignored` for system files;
 * undefined for a file that belongs nowhere, which validation reports (`strayFileProblem`).
 */
export function placeOf(path: string): { kind: 'data'; collection: DataCollection } | { kind: 'mdx'; collection: MdxCollection } | 'ignored' | undefined {
  const parts = path.split('/');
  if (SYSTEM_FILES.has(parts[parts.length - 1])) return 'ignored';
  if (parts.length !== 3) return undefined;
  const [top, folder, name] = parts;
  if (top === 'data' && Object.hasOwn(dataCollections, folder) && /^[^.].*\.json$/.test(name)) return { kind: 'data', collection: folder as DataCollection };
  if (top === 'content' && Object.hasOwn(mdxCollections, folder) && /^[^.].*\.mdx$/.test(name)) return { kind: 'mdx', collection: folder as MdxCollection };
  return undefined;
}

/** Edit distance, to suggest `observations` for a folder named `observation`. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/** Why a file under data/ or content/ is in no collection, and where it should go instead. */
export function strayFileProblem(path: string): Problem {
  const parts = path.split('/');
  const [top, folder] = parts;
  const name = parts[parts.length - 1];
  const folders = Object.keys(top === 'data' ? dataCollections : mdxCollections);
  const ext = top === 'data' ? '.json' : '.mdx';
  const at = (zh: string, en: string, hint: Hint): Problem => ({ file: path, zh, en, hint });
  const listed = folders.map((f) => `${top}/${f}/`).join('、');
  if (parts.length === 2)
    return at(`文件不在任何栏目文件夹里，网站不会使用它`, `the file is in no collection folder, so the site would not use it`, {
      zh: `把它移到这些文件夹之一：${listed}。`,
      en: `Move it into one of: ${listed.replace(/、/g, ', ')}.`,
    });
  if (!folders.includes(folder)) {
    const near = folders.find((f) => distance(f, folder.toLowerCase()) <= 2);
    return at(`文件夹“${top}/${folder}/”不是本站的栏目，网站不会使用其中的文件`, `the folder ${top}/${folder}/ is not a collection; the site would not use its files`, {
      zh: `${near ? `是不是想写 ${top}/${near}/？` : ''}栏目文件夹只有：${listed}。把文件移到正确的文件夹。`,
      en: `${near ? `Did you mean ${top}/${near}/? ` : ''}The collection folders are: ${listed.replace(/、/g, ', ')}. Move the file there.`,
    });
  }
  if (parts.length > 3)
    return at(`文件在子文件夹里，网站只读取 ${top}/${folder}/ 下面直接放的文件`, `the file is in a subfolder; the site reads only files directly in ${top}/${folder}/`, {
      zh: `把它直接移到 ${top}/${folder}/ 里（不要再建子文件夹）；需要分组时把年份等写进文件名，例如 ${top === 'data' ? '2024-figures.json' : 'zizhong-2024-09-clinic-hours.mdx'}。`,
      en: `Move it directly into ${top}/${folder}/ (no subfolders); put a year or similar in the file name instead.`,
    });
  if (name.startsWith('.'))
    return at('隐藏文件（文件名以 . 开头），网站不会使用它', 'a hidden file (its name starts with a dot); the site would not use it', {
      zh: '删除这个文件，或去掉文件名开头的点。',
      en: 'Delete the file, or remove the dot at the start of its name.',
    });
  if (name.toLowerCase().endsWith(ext))
    return at(`扩展名须为小写的 ${ext}`, `the extension must be lowercase ${ext}`, {
      zh: `把文件改名，扩展名写成小写 ${ext}。`,
      en: `Rename the file with a lowercase ${ext} extension.`,
    });
  if (top === 'content' && /\.(md|markdown)$/i.test(name))
    return at('Markdown 文件须用 .mdx 扩展名，.md 文件网站不会发布', 'Markdown files must end in .mdx; a .md file would not be published', {
      zh: '把文件改名为 .mdx（内容不用改）。',
      en: 'Rename the file to .mdx (the content can stay as it is).',
    });
  return at(`${top}/${folder}/ 里只能放 ${ext} 文件，网站不会使用这个文件`, `only ${ext} files belong in ${top}/${folder}/; the site would not use this file`, {
    zh: top === 'data' ? '数据写成 .json 文件；表格（.csv、.xlsx）请用 npm run import 导入，导入后删除表格文件。' : '动态和文件写成 .mdx 文件（npm run new 可以生成）；图片等附件不要放在这里。',
    en: top === 'data' ? 'Write data as .json; import spreadsheets (.csv, .xlsx) with npm run import, then remove the spreadsheet.' : 'Write updates and documents as .mdx (npm run new writes one); do not put attachments here.',
  });
}

/** The problem for a file that is not UTF-8. */
function notUtf8Problem(path: string): Problem {
  return {
    file: path,
    zh: '文件不是 UTF-8 编码（可能是 GBK），网站会显示成乱码',
    en: 'the file is not UTF-8 encoded (probably GBK); the site would show garbled text',
    hint: {
      zh: '用记事本或 VS Code 打开文件，选择“另存为”，编码选 UTF-8 后保存。',
      en: 'Open the file in Notepad or VS Code, choose Save As, and pick UTF-8 as the encoding.',
    },
  };
}

/** What one pass over a JSON array file finds: keys written twice, and where each entry's id is written. */
export interface JsonLayout {
  /** Keys written twice in one object (JSON.parse silently keeps the last), at the second, with its line. */
  duplicates: { key: string; offset: number; line: number }[];
  /** For each entry of the top-level array, the offset of its (last) "id" key, when it has one. */
  idOffsets: (number | undefined)[];
  /** The line (1-based) of each offset in idOffsets. */
  idLines: (number | undefined)[];
}

/**
 * One pass over a JSON text that already parsed: finds duplicate keys and where each entry's id is written, counting
 * lines as it goes (a JSON string cannot hold a raw line break, so lines are counted outside strings only). Strings
 * are skipped whole with indexOf, since most of the text is inside them. Linear in the file size, and once per file:
 * searching the text once per entry was quadratic.
 */
export function scanJson(text: string): JsonLayout {
  const layout: JsonLayout = { duplicates: [], idOffsets: [], idLines: [] };
  // One entry per open object or array: the keys seen so far (objects) or null (arrays). Objects have few keys, so a
  // list is quicker than a Set.
  const stack: (string[] | null)[] = [];
  let expectKey = false;
  let line = 1;
  let entry = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 /* space */) continue;
    if (c === 34 /* " */) {
      let end = i + 1;
      while (true) {
        end = text.indexOf('"', end);
        let slashes = 0;
        for (let k = end - 1; text.charCodeAt(k) === 92; k--) slashes++;
        if (slashes % 2 === 0) break;
        end++;
      }
      const keys = stack[stack.length - 1];
      if (expectKey && keys) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (keys.includes(key)) layout.duplicates.push({ key, offset: i, line });
        keys.push(key);
        expectKey = false;
        if (key === 'id' && stack.length === 2) {
          layout.idOffsets[entry] = i;
          layout.idLines[entry] = line;
        }
      }
      i = end;
    } else if (c === 10 /* \n */) {
      line++;
    } else if (c === 123 /* { */) {
      stack.push([]);
      expectKey = true;
    } else if (c === 91 /* [ */) {
      stack.push(null);
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      stack.pop();
    } else if (c === 44 /* , */) {
      if (stack.length === 1) entry++;
      expectKey = stack[stack.length - 1] !== null;
    }
  }
  return layout;
}

/** Line number (1-based) of a character offset. */
function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Line of a field inside one entry's stretch of text, when its key appears there exactly once. */
function lineOfField(text: string, from: number | undefined, to: number | undefined, path: (string | number)[]): number | undefined {
  const key = [...path].reverse().find((p): p is string => typeof p === 'string');
  if (from === undefined || !key) return undefined;
  const stretch = text.slice(from, to);
  const found = [...stretch.matchAll(new RegExp(`"${escapeRegExp(key)}"\\s*:`, 'g'))];
  return found.length === 1 ? lineAt(text, from + found[0].index!) : undefined;
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  integer: '整数',
  boolean: '是/否（true/false）',
  array: '列表 [...]',
  object: '对象 {...}',
  undefined: '空（缺少）',
  date: '日期',
  null: 'null',
  nan: 'NaN',
};

/** How to write a value of each type, for "expected X, received Y". */
const TYPE_HINTS: Record<string, Hint> = {
  number: {
    zh: '写成不带引号的阿拉伯数字，例如 "value": 105423。不要加引号、千位逗号、单位或“约”“万”：63.9万 写成 639000，87.49% 写成 87.49，“约”“以上”写进 qualifier。',
    en: 'Write a plain number without quotes, e.g. "value": 105423: no quotes, thousands commas, units or 约/万 (63.9万 is 639000, 87.49% is 87.49; put 约/以上 in qualifier).',
  },
  string: {
    zh: '写成带双引号的文字，例如 "name": "某镇卫生院"；元数据里像日期或数字的文字也要加引号，例如 title: "2024-08-13"。',
    en: 'Write text in double quotes, e.g. "name": "某镇卫生院"; in frontmatter, quote text that looks like a date or number, e.g. title: "2024-08-13".',
  },
  array: { zh: '写成方括号里的列表，只有一项也要加方括号，例如 ["zizhong"]。', en: 'Write a list in square brackets, even for one item, e.g. ["zizhong"].' },
  object: { zh: '写成花括号里的对象，例如 {"type": "group", "id": "zizhong-people-hospital-group"}。', en: 'Write an object in curly braces, e.g. {"type": "group", "id": "…"}.' },
  boolean: { zh: '写 true 或 false，不加引号。', en: 'Write true or false, without quotes.' },
};

/** Hints for the schemas' own messages (dates, periods, ids), found by the message they give. */
const MESSAGE_HINTS: [RegExp, Hint][] = [
  [
    /日期/,
    {
      zh: '写成“年-月-日”，月和日都用两位数，例如 2024-08-13；月份在 01–12 之间，日期要真实存在（没有 2 月 30 日）。',
      en: 'Write year-month-day with two-digit month and day, e.g. 2024-08-13; the month is 01–12 and the day must exist.',
    },
  ],
  [
    /时期/,
    {
      zh: '例如 2024（全年）、2024-H1（上半年）、2024-Q3（第三季度）、2024-08（某月）、2019-11/2024-08（一段时间）；累计数没有起点时写 ../2024-08。',
      en: 'E.g. 2024 (year), 2024-H1 (half), 2024-Q3 (quarter), 2024-08 (month), 2019-11/2024-08 (a span); ../2024-08 for a running total with no start.',
    },
  ],
  [
    /小写字母/,
    {
      zh: '只用小写英文字母、数字和连字符，以地区开头，例如 zizhong-people-hospital；不要用中文、空格、下划线或大写字母。',
      en: 'Use only lowercase letters, digits and hyphens, starting with the region, e.g. zizhong-people-hospital: no Chinese, spaces, underscores or capitals.',
    },
  ],
];

MESSAGE_HINTS.push(
  [
    /控制字符/,
    {
      zh: '删掉这个看不见的字符：把整段文字删除后重新手工输入，或先粘贴到记事本里再复制过来。',
      en: 'Remove the invisible character: delete the text and type it again, or paste it through a plain-text editor first.',
    },
  ],
  [/空白/, { zh: '填上看得见的文字；如果这是可选字段而你没有内容可写，就把整个字段删掉。', en: 'Write visible text; if the field is optional and you have nothing to say, remove the field.' }],
  [/数字太大/, { zh: '写成普通的有限数字，例如 105423；不要写 1e309 这类指数形式。', en: 'Write an ordinary finite number such as 105423, not an exponent like 1e309.' }],
  [/id 最长/, { zh: '把 id 缩短到几个词，例如 zizhong-people-hospital。', en: 'Shorten the id to a few words, e.g. zizhong-people-hospital.' }],
);

const SCHEMA_HINT: Hint = {
  zh: '每个字段的写法见 src/schemas/ 中该字段上方的说明，或 docs/编辑指南.md 中的示例。',
  en: 'Each field is explained above it in src/schemas/; docs/编辑指南.md has worked examples.',
};

/** A zod issue in words an editor understands, Chinese then English, with how to fix it. */
function describeIssue(issue: z.ZodIssue): { zh: string; en: string; hint: Hint } {
  const key = [...issue.path].reverse().find((p) => typeof p === 'string') ?? '';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.received === 'undefined')
        return {
          zh: '缺少必填字段',
          en: 'required field is missing',
          hint: {
            zh: `补上“${key}”这一项。${SCHEMA_HINT.zh}`,
            en: `Add the "${key}" field. ${SCHEMA_HINT.en}`,
          },
        };
      return {
        zh: `应为${TYPE_NAMES[issue.expected] ?? issue.expected}，实际是${TYPE_NAMES[issue.received] ?? issue.received}`,
        en: `expected ${issue.expected}, received ${issue.received}`,
        hint: TYPE_HINTS[issue.expected] ?? SCHEMA_HINT,
      };
    case 'invalid_enum_value':
      return {
        zh: `取值“${String(issue.received)}”无效，只能是：${issue.options.join('、')}`,
        en: `invalid value "${String(issue.received)}"; allowed: ${issue.options.join(', ')}`,
        hint: {
          zh: `从上面列出的取值中选一个，照原样抄写（英文小写，带双引号），例如 "${String(issue.options[0])}"。`,
          en: `Pick one of the values listed, spelled exactly as shown, e.g. "${String(issue.options[0])}".`,
        },
      };
    case 'unrecognized_keys':
      return {
        zh: `未知字段：${issue.keys.join('、')}（拼写错误？）`,
        en: `unknown field(s): ${issue.keys.join(', ')} (a typo?)`,
        hint: { zh: `改正字段名的拼写，或删除这个字段。${SCHEMA_HINT.zh}`, en: `Correct the field's spelling or remove it. ${SCHEMA_HINT.en}` },
      };
    case 'too_small':
      return issue.type === 'array'
        ? {
            zh: `至少需要 ${issue.minimum} 项`,
            en: `needs at least ${issue.minimum} item(s)`,
            hint: { zh: '在方括号里至少写一项。', en: 'Write at least one item inside the square brackets.' },
          }
        : issue.type === 'string'
          ? {
              zh: '不能为空',
              en: 'must not be empty',
              hint: { zh: '填上内容；如果这是可选字段而你没有内容可写，就把整个字段删掉。', en: 'Fill it in; if the field is optional and you have nothing to say, remove the field.' },
            }
          : {
              zh: `不能小于 ${issue.minimum}`,
              en: `must be at least ${issue.minimum}`,
              hint: { zh: `改成不小于 ${issue.minimum} 的数。`, en: `Use a number of at least ${issue.minimum}.` },
            };
    default: {
      const [zh, en] = issue.message.includes(' / ') ? issue.message.split(' / ') : [issue.message, issue.message];
      return { zh, en, hint: MESSAGE_HINTS.find(([pattern]) => pattern.test(zh))?.[1] ?? SCHEMA_HINT };
    }
  }
}

/**
 * Every text in a parsed entry trimmed and NFC-normalised, in place, before the schema sees it: a name pasted with a
 * trailing space or in decomposed form is the same name. (Ids are texts too: " grp" is the id "grp".)
 */
function normaliseText(value: unknown): unknown {
  if (typeof value === 'string') {
    if (!MAY_CHANGE.test(value)) return value;
    const clean = value.normalize('NFC').trim();
    return clean.length === value.length && clean === value ? value : clean;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (item !== null && typeof item !== 'number' && typeof item !== 'boolean') value[i] = normaliseText(item);
    }
  } else if (value && typeof value === 'object' && !(value instanceof Date)) {
    const record = value as Record<string, unknown>;
    // for…in over a JSON object sees its own keys only; writing back only what changed spares the object a store per key.
    for (const key in record) {
      const item = record[key];
      if (item === null || typeof item === 'number' || typeof item === 'boolean') continue;
      const clean = normaliseText(item);
      if (clean !== item) record[key] = clean;
    }
  }
  return value;
}

/**
 * A text that trimming or NFC could change: space at either end, or a character outside the ranges that are already
 * NFC whatever follows them (ASCII to spacing modifiers, CJK punctuation without its combining tone marks U+302A–302F,
 * CJK ideographs, full-width forms). Almost every text in the data is plain Chinese and ASCII, so one regex test spares
 * `normalize` (a third of validation's text work at national size). tests/unit/validate-normalise.test.ts checks the
 * ranges against `normalize` itself.
 */
export const MAY_CHANGE = /^\s|\s$|[^\0-\u02ff\u3000-\u3029\u3030-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/** The issue's message, naming the invisible character when that is what is wrong (the schema's regex cannot). */
function withCharacter(issue: z.ZodIssue, entry: unknown): ReturnType<typeof describeIssue> {
  const described = describeIssue(issue);
  const value = issue.path.reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[key] : undefined), entry);
  const character = typeof value === 'string' && described.zh.includes('控制字符') ? (invisibleCharacter(value) ?? invisibleCharacter(value, false)) : undefined;
  return character ? { ...described, zh: `${described.zh}：${character}`, en: `${described.en}: ${character}` } : described;
}

function fieldPath(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}

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
class KnownIds extends Set<string> {
  repeats = 0;
  note(id: string) {
    const size = this.size;
    this.add(id);
    if (this.size === size) this.repeats++;
  }
}

function parseDataFiles<T>(collection: DataCollection, files: SourceFile[], problems: Problem[], known: KnownIds): Located<T>[] {
  const parse = fastParser(dataCollections[collection] as unknown as z.ZodType<T>);
  const entries: Located<T>[] = [];
  for (const file of files) {
    if (file.notUtf8) {
      problems.push(notUtf8Problem(file.path));
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(file.text);
    } catch (error) {
      // Ids still readable in the broken text count as known, so one missing comma does not also break every reference.
      for (const m of file.text.matchAll(/"id"\s*:\s*"([^"]+)"/g)) known.note(m[1]);
      const message = (error as Error).message;
      const position = Number(message.match(/position (\d+)/)?.[1]);
      problems.push({
        file: file.path,
        line: Number.isFinite(position) ? lineAt(file.text, position) : undefined,
        zh: `JSON 格式错误，文件无法读取（检查逗号、引号、括号是否成对）：${message}`,
        en: `broken JSON, the file cannot be read (check commas, quotes and brackets): ${message}`,
        hint: {
          zh: '看这一行和上一行：上一行末尾是否漏了逗号，列表或对象的最后一项后面是否多了逗号，引号是否用了中文引号“”，括号 [ ] { } 是否成对。',
          en: 'Look at this line and the one before: a missing comma at the end of the previous line, an extra comma after the last item, Chinese quotes “” instead of "", or unpaired [ ] { }.',
        },
      });
      continue;
    }
    if (!Array.isArray(raw)) {
      problems.push({
        file: file.path,
        line: 1,
        zh: '文件内容应为一个列表 [ ... ]',
        en: 'the file must hold an array [ ... ]',
        hint: { zh: '把所有条目放进一对方括号里：[ {…}, {…} ]，只有一个条目也要加方括号。', en: 'Put every entry inside one pair of square brackets: [ {…}, {…} ], even a single entry.' },
      });
      continue;
    }
    const { duplicates, idOffsets, idLines } = scanJson(file.text);
    for (const { key, line } of duplicates) {
      problems.push({
        file: file.path,
        line,
        field: key,
        zh: `同一个条目里“${key}”写了两次，只有后一个会生效`,
        en: `"${key}" is written twice in the same entry; only the second would count`,
        hint: { zh: `删掉其中一个“${key}”，留下正确的那个。`, en: `Delete one of the two "${key}" fields, keeping the right one.` },
      });
    }
    const offsets = raw.map((item, index) => (typeof (item as { id?: unknown } | null)?.id === 'string' ? idOffsets[index] : undefined));
    // Where the next entry starts, for each entry: the end of its stretch of text when looking for a field's line.
    const nextOffsets: (number | undefined)[] = new Array(offsets.length);
    for (let i = offsets.length - 1, next: number | undefined; i >= 0; i--) {
      nextOffsets[i] = next;
      if (offsets[i] !== undefined) next = offsets[i];
    }
    raw.forEach((item, index) => {
      const rawId = (item as { id?: unknown } | null)?.id;
      const label = typeof rawId === 'string' ? rawId : `第 ${index + 1} 项 / item ${index + 1}`;
      const offset = offsets[index];
      const line = offset === undefined ? undefined : idLines[index];
      if (typeof rawId === 'string') known.note(rawId);
      const result = parse(normaliseText(item));
      if (!result.success) {
        const end = nextOffsets[index];
        for (const issue of result.error.issues) {
          problems.push({
            file: file.path,
            line: lineOfField(file.text, offset, end, issue.path) ?? line,
            entry: label,
            field: fieldPath(issue.path) || undefined,
            ...withCharacter(issue, item),
          });
        }
        return;
      }
      entries.push({ value: result.data, file: file.path, line, id: String(rawId) });
    });
  }
  return entries;
}

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

/** Problems in an MDX body: syntax errors and whatever src/lib/mdx-policy.ts does not allow (the build runs the same rules). */
function checkMdxBody(body: string, file: string, id: string, firstLine: number, problems: Problem[]) {
  for (const v of mdxViolations(body)) {
    problems.push({ file, line: firstLine + v.line - 1, entry: id, field: '正文 body', zh: v.zh, en: v.en, hint: v.hint });
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
    if (id.length > ID_MAX_LENGTH) {
      problems.push({
        file: file.path,
        entry: id.slice(0, 20) + '…',
        zh: `文件名太长（${id.length} 个字符），最长 ${ID_MAX_LENGTH} 个`,
        en: `the file name is too long (${id.length} characters); at most ${ID_MAX_LENGTH}`,
        hint: {
          zh: '文件名就是网址的一部分，用几个词概括即可，例如 zizhong-2024-09-clinic-hours.mdx。',
          en: 'The file name becomes part of the address; a few words will do, e.g. zizhong-2024-09-clinic-hours.mdx.',
        },
      });
    } else if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
      problems.push({
        file: file.path,
        entry: id,
        zh: '文件名只能用小写字母、数字和连字符',
        en: 'file name must use lowercase letters, digits and hyphens',
        hint: {
          zh: '把文件改名，只用小写英文字母、数字和连字符，例如 zizhong-2024-09-clinic-hours.mdx；文件名就是网址的一部分。',
          en: 'Rename the file using lowercase letters, digits and hyphens, e.g. zizhong-2024-09-clinic-hours.mdx; the name becomes part of the address.',
        },
      });
    }
    const parts = splitFrontmatter(file.text);
    if (!parts) {
      problems.push({
        file: file.path,
        line: 1,
        entry: id,
        zh: '缺少开头的 --- 元数据块（frontmatter）',
        en: 'missing the --- frontmatter block at the top',
        hint: {
          zh: '文件第一行写 ---，接着每行写一项“字段: 值”（如 title: 标题），再写一行 --- 结束，然后才是正文。可用 npm run new 生成正确的文件。',
          en: 'Start the file with a line ---, then one "field: value" per line (e.g. title: …), then a closing ---, then the text. npm run new writes a correct file for you.',
        },
      });
      continue;
    }
    let raw: unknown;
    try {
      raw = parseYaml(parts.yaml, { customTags: [timestampTag] }) ?? {};
    } catch (error) {
      const { line, key } = brokenFrontmatterField(parts.yaml, (error as { linePos?: { line: number }[] }).linePos?.[0]?.line);
      problems.push({
        file: file.path,
        line: line + 1,
        entry: id,
        field: key,
        zh: `元数据（frontmatter）格式错误：${yamlMessage(error)}`,
        en: `broken frontmatter: ${yamlMessage(error)}`,
        hint: {
          zh: '检查这一行：冒号后要有一个空格；含有冒号、井号或以 [ { 开头的文字要用英文双引号括起来；列表写成 [a, b] 且括号成对；缩进只用空格。',
          en: 'Check this line: a space after the colon; quote text containing a colon or # or starting with [ {; lists as [a, b] with both brackets; indent with spaces only.',
        },
      });
      continue;
    }
    const result = parse(normaliseText(raw));
    if (!result.success) {
      for (const issue of result.error.issues) {
        const key = String(issue.path[0] ?? '');
        const at = key ? parts.yaml.split('\n').findIndex((l) => l.startsWith(`${key}:`)) : -1;
        problems.push({ file: file.path, line: at >= 0 ? at + 2 : 1, entry: id, field: fieldPath(issue.path) || undefined, ...withCharacter(issue, raw) });
      }
      continue;
    }
    checkMdxBody(parts.body, file.path, id, lineAt(file.text, file.text.length - parts.body.length), problems);
    entries.push({ value: { id, data: result.data, body: parts.body, file: file.path }, file: file.path, line: 1, id });
  }
  return entries;
}

function checkUnique(collection: string, entries: Located<unknown>[], problems: Problem[]) {
  const seen = new Map<string, Located<unknown>>();
  for (const entry of entries) {
    const first = seen.get(entry.id);
    if (first) {
      problems.push({
        file: entry.file,
        line: entry.line,
        entry: entry.id,
        field: 'id',
        zh: `id 重复：${collection} 中已有同名条目（${first.file}${first.line ? `:${first.line}` : ''}），请改用唯一的 id`,
        en: `duplicate id: ${collection} already has this id (${first.file}${first.line ? `:${first.line}` : ''}); use a unique id`,
        hint: {
          zh: '如果是同一个条目写了两遍，删掉一处；如果是不同的条目，给这一个换个 id，例如加上年份、月份或机构名的拼音。',
          en: 'If the same entry is written twice, delete one; if they are different entries, give this one another id, e.g. add the year, month or a name.',
        },
      });
    } else seen.set(entry.id, entry);
  }
}

const COLLECTION_NAMES: Record<string, string> = {
  regions: '地区 regions',
  institutions: '机构 institutions',
  groups: '医共体/医疗集团 groups',
  indicators: '指标 indicators',
  observations: '数据 observations',
  documents: '文件 documents',
  updates: '动态 updates',
  corrections: '更正 corrections',
  references: '参考资料 references',
};

/** Where the entries of each collection are written, for "add that entry first" hints. */
const COLLECTION_FOLDERS: Record<string, string> = {
  regions: 'data/regions/',
  institutions: 'data/institutions/',
  groups: 'data/groups/',
  indicators: 'data/indicators/',
  observations: 'data/observations/',
  documents: 'content/documents/',
  updates: 'content/updates/',
  corrections: 'data/corrections/',
  references: 'data/references/',
};

/** Excerpts over the limit anywhere in an entry, by field path: a source is quoted by the few words around a fact. */
function longExcerpts(at: Located<unknown>, problems: Problem[]) {
  // The path is kept as a stack and written out only for a problem: most entries have none.
  const path: (string | number)[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        walk(value[i]);
        path.pop();
      }
    } else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      const excerpt = record.excerpt;
      // A text no longer in UTF-16 units than the limit cannot be over it in characters.
      if (typeof excerpt === 'string' && excerpt.length > EXCERPT_MAX_LENGTH && 'document' in record && [...excerpt].length > EXCERPT_MAX_LENGTH) {
        const length = [...excerpt].length;
        problems.push({
          file: at.file,
          line: at.line,
          entry: at.id,
          field: fieldPath([...path, 'excerpt']),
          zh: `摘录有 ${length} 个字，超过 ${EXCERPT_MAX_LENGTH} 个字：摘录只抄原文里最关键的几个字`,
          en: `the excerpt is ${length} characters, over ${EXCERPT_MAX_LENGTH}: quote only the few key words of the source`,
          hint: {
            zh: '从原文中只复制最能说明这件事的短语（一字不改），其余用自己的话写进 text 或 note。',
            en: 'Copy only the phrase that carries the fact, word for word; say the rest in your own words in text or note.',
          },
        });
      }
      for (const key in record) {
        const child = record[key];
        if (child && typeof child === 'object') {
          path.push(key);
          walk(child);
          path.pop();
        }
      }
    }
  };
  walk(at.value);
}

/** The value of a dotted field (`source.excerpt`) of an entry. */
function valueAt(entry: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), entry);
}

/**
 * Region ids that form a loop through `parent` (a → b → a), once per loop, each starting at the loop's first region in
 * file order. Every region is visited once: linear however long the chains.
 */
function parentLoops(regions: Located<Region>[]): Located<Region>[][] {
  const byId = new Map(regions.map((r) => [r.id, r]));
  const state = new Map<string, 'walking' | 'done'>();
  const loops: Located<Region>[][] = [];
  for (const start of regions) {
    const path: Located<Region>[] = [];
    for (let r: Located<Region> | undefined = start; r && !state.has(r.id); r = r.value.parent ? byId.get(r.value.parent) : undefined) {
      state.set(r.id, 'walking');
      path.push(r);
      const parent = r.value.parent ? byId.get(r.value.parent) : undefined;
      if (parent && state.get(parent.id) === 'walking') loops.push(path.slice(path.indexOf(parent)));
    }
    for (const r of path) state.set(r.id, 'done');
  }
  return loops;
}

/** Every contact detail of an institution with its field path, for reference and date checks. */
function contactItems(inst: Institution): [string, { source: SourceRef; checked: string }][] {
  const c = inst.contacts;
  if (!c) return [];
  return [
    ...c.phones.map((p, i) => [`contacts.phones[${i}]`, p] as [string, typeof p]),
    ...(c.address ? [['contacts.address', c.address] as [string, typeof c.address]] : []),
    ...(c.hours ? [['contacts.hours', c.hours] as [string, typeof c.hours]] : []),
    ...c.online.map((o, i) => [`contacts.online[${i}]`, o] as [string, typeof o]),
  ];
}

/** The latest date an update or correction may carry: tomorrow where it is already tomorrow (UTC+14). */
function latestAllowedDate(now: Date): string {
  return new Date(now.getTime() + (14 + 24) * 3600_000).toISOString().slice(0, 10);
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

export interface ValidateOptions {
  /** The moment "today" is judged from (tests fix it); now by default. */
  now?: Date;
  /**
   * The MDX files' validation when it was done elsewhere (a worker thread), asked for once the data files are done;
   * `validateMdx(files.mdx)` by default.
   */
  mdx?: () => MdxValidated;
}

/** Validates every file and returns the dataset (entries that passed their schema) with all problems found. */
export function validateDataset(files: SourceFiles, options: ValidateOptions = {}): { dataset: Entries; problems: Problem[]; origins: Map<string, string> } {
  const problems: Problem[] = [];
  for (const file of files.other ?? []) problems.push(strayFileProblem(file.path));
  for (const problem of files.public?.problems ?? []) problems.push(problem);
  const known = Object.fromEntries(
    ['regions', 'institutions', 'groups', 'indicators', 'observations', 'documents', 'updates', 'corrections', 'references'].map((n) => [n, new KnownIds()]),
  ) as Record<DataCollection | MdxCollection, KnownIds>;
  const regions = parseDataFiles<Region>('regions', files.data.regions, problems, known.regions);
  const institutions = parseDataFiles<Institution>('institutions', files.data.institutions, problems, known.institutions);
  const groups = parseDataFiles<Group>('groups', files.data.groups, problems, known.groups);
  const indicators = parseDataFiles<Indicator>('indicators', files.data.indicators, problems, known.indicators);
  const observations = parseDataFiles<Observation>('observations', files.data.observations, problems, known.observations);
  const corrections = parseDataFiles<Correction>('corrections', files.data.corrections ?? [], problems, known.corrections);
  const references = parseDataFiles<Reference>('references', files.data.references ?? [], problems, known.references);
  const mdx = options.mdx ? options.mdx() : validateMdx(files.mdx);
  const { documents, updates } = mdx;
  for (const p of mdx.problems) problems.push(p);
  for (const name of ['documents', 'updates'] as const) {
    for (const id of mdx.known[name].ids) known[name].add(id);
    known[name].repeats = mdx.known[name].repeats;
  }

  const all = { regions, institutions, groups, indicators, observations, documents, updates, corrections, references };
  // An entry's id is the id it was noted under, so a collection where no id was noted twice has no duplicates.
  for (const [name, entries] of Object.entries(all)) if (known[name as keyof typeof all].repeats) checkUnique(name, entries, problems);
  // A figure's excerpt is checked with the figure; every other quoted source (services, referral rules, members,
  // definitions) keeps to the same few words.
  for (const entries of [regions, institutions, groups, indicators]) for (const at of entries) longExcerpts(at, problems);
  // Plans stay plans, one kind of number per indicator, general facts with their source (src/lib/truth-rules.ts).
  for (const p of truthProblems({ institutions, groups, indicators, observations, documents, references })) problems.push(p);

  const ids = known;

  /** Reports a reference to an id that does not exist. */
  function ref(at: Located<unknown>, field: string, target: keyof typeof all, value: string | undefined) {
    if (value === undefined || ids[target].has(value)) return;
    problems.push({
      file: at.file,
      line: at.line,
      entry: at.id,
      field,
      zh: `引用的${COLLECTION_NAMES[target]}“${value}”不存在（检查拼写，或先添加该条目）`,
      en: `refers to ${target} "${value}", which does not exist (check the spelling, or add that entry first)`,
      hint: {
        zh: `在 ${COLLECTION_FOLDERS[target]} 里找到要引用的条目，把它的 id 原样复制过来（区分大小写和连字符）；如果还没有这个条目，先添加它（npm run new 可以帮你）。`,
        en: `Find the entry in ${COLLECTION_FOLDERS[target]} and copy its id exactly; if it does not exist yet, add it first (npm run new helps).`,
      },
    });
  }
  const sourceRefs = (at: Located<unknown>, field: string, refs: (SourceRef | undefined)[]) =>
    refs.forEach((s, i) => s && ref(at, refs.length > 1 || field.endsWith(']') ? `${field}[${i}].document` : `${field}.document`, 'documents', s.document));

  for (const r of regions) ref(r, 'parent', 'regions', r.value.parent);
  for (const loop of parentLoops(regions)) {
    const names = [...loop, loop[0]].map((r) => r.id).join(' → ');
    problems.push({
      file: loop[0].file,
      line: loop[0].line,
      entry: loop[0].id,
      field: 'parent',
      zh: `上级地区（parent）绕成了一个圈：${names}`,
      en: `the parent regions form a loop: ${names}`,
      hint: {
        zh: '每个地区的 parent 写它的上一级（县写所属的市，市写所属的省），省不写 parent。改正圈里写错的那一个。',
        en: 'Each region’s parent is the level above (a county’s prefecture, a prefecture’s province); a province has none. Correct the wrong one in the loop.',
      },
    });
  }
  for (const inst of institutions) {
    ref(inst, 'region', 'regions', inst.value.region);
    ref(inst, 'belongsTo', 'institutions', inst.value.belongsTo);
    sourceRefs(inst, 'sources', inst.value.sources);
    inst.value.services.forEach((s, i) => ref(inst, `services[${i}].source.document`, 'documents', s.source.document));
    for (const [field, item] of contactItems(inst.value)) ref(inst, `${field}.source.document`, 'documents', item.source.document);
  }
  for (const g of groups) {
    const v = g.value;
    ref(g, 'region', 'regions', v.region);
    v.coveredRegions.forEach((r, i) => ref(g, `coveredRegions[${i}]`, 'regions', r));
    ref(g, 'lead', 'institutions', v.lead);
    v.members.forEach((m, i) => ref(g, `members[${i}].institution`, 'institutions', m.institution));
    sourceRefs(g, 'sources', v.sources);
    v.statedMembers.forEach((s, i) => ref(g, `statedMembers[${i}].source.document`, 'documents', s.source.document));
    v.services.forEach((s, i) => ref(g, `services[${i}].source.document`, 'documents', s.source.document));
    const listed = new Set(v.lead ? [v.lead] : []);
    v.members.forEach((m, i) => {
      if (listed.has(m.institution)) {
        const isLead = m.institution === v.lead;
        problems.push({
          file: g.file,
          line: g.line,
          entry: g.id,
          field: `members[${i}].institution`,
          zh: isLead ? `牵头医院“${m.institution}”又写进了成员，名单里会出现两次` : `成员“${m.institution}”写了两次`,
          en: isLead ? `the lead "${m.institution}" is also listed as a member, so it would appear twice` : `member "${m.institution}" is listed twice`,
          hint: {
            zh: isLead ? '牵头医院只写在 lead 里，从 members 里删掉它。' : '删掉重复的那一项；需要补充说明时写在保留那一项的 note 里。',
            en: isLead ? 'Name the lead only in lead; remove it from members.' : 'Delete the repeated item; put any extra words in the note of the one you keep.',
          },
        });
      }
      listed.add(m.institution);
    });
    for (const [part, items] of Object.entries(v.referral)) {
      if (Array.isArray(items)) items.forEach((s, i) => ref(g, `referral.${part}[${i}].source.document`, 'documents', s.source.document));
    }
  }
  for (const ind of indicators) if (ind.value.source) ref(ind, 'source.document', 'documents', ind.value.source.document);
  for (const ind of indicators) ref(ind, 'nationalTarget.reference', 'references', ind.value.nationalTarget?.reference);
  const subjectCollection = { group: 'groups', region: 'regions', institution: 'institutions' } as const;
  for (const o of observations) {
    const v = o.value;
    ref(o, 'indicator', 'indicators', v.indicator);
    ref(o, 'subject.id', subjectCollection[v.subject.type], v.subject.id);
    ref(o, 'source.document', 'documents', v.source.document);
    const wrongPeriod = periodProblem(v.period);
    if (wrongPeriod) {
      const [zh, en] = wrongPeriod.split(' / ');
      problems.push({ file: o.file, line: o.line, entry: o.id, field: 'period', zh, en, hint: MESSAGE_HINTS.find(([p]) => p.test('时期'))![1] });
    }
    if (!excerptContainsValue(v.source.excerpt, v.value)) {
      problems.push({
        file: o.file,
        line: o.line,
        entry: o.id,
        field: 'source.excerpt',
        zh: `摘录“${v.source.excerpt}”中找不到数值 ${v.value}：摘录须包含原文写法的该数字（如 105423、105,423、63.9万、87.49%）`,
        en: `the excerpt does not contain the value ${v.value} as the source wrote it (e.g. 105423, 105,423, 63.9万, 87.49%)`,
        hint: {
          zh: '先核对原文：如果 value 抄错了，就改正 value（63.9万 写成 639000，87.49% 写成 87.49）；如果摘录不对，就从原文复制包含这个数字的几个字作为 excerpt。',
          en: 'Check the source: if value is wrong, correct it (63.9万 is 639000, 87.49% is 87.49); if the excerpt is wrong, copy the few words around the figure from the source.',
        },
      });
    }
    for (const problem of figureShapeProblems(v)) problems.push({ file: o.file, line: o.line, entry: o.id, ...problem });
  }
  const observationById = new Map(observations.map((o) => [o.id, o.value]));
  for (const c of corrections) {
    const v = c.value;
    ref(c, 'observation', 'observations', v.observation);
    if (v.field === 'value') {
      for (const side of ['old', 'new'] as const) {
        if (typeof v[side] !== 'number')
          problems.push({ file: c.file, line: c.line, entry: c.id, field: side, zh: '更正数值时应为数字，实际是文字', en: 'expected number for a corrected value, received string', hint: TYPE_HINTS.number });
      }
    }
    if (String(v.old) === String(v.new)) {
      problems.push({
        file: c.file,
        line: c.line,
        entry: c.id,
        field: 'old',
        zh: 'old 与 new 相同，看不出改了什么',
        en: 'old and new are the same, so nothing changed',
        hint: { zh: 'old 写改正前网站上发布的值，new 写改正后的值。', en: 'old is what the site published before; new is the corrected value.' },
      });
    }
    const figure = observationById.get(v.observation);
    if (!figure) continue;
    const current = valueAt(figure, v.field);
    if (String(current) !== String(v.new)) {
      problems.push({
        file: c.file,
        line: c.line,
        entry: c.id,
        field: 'new',
        zh: `更正后的值“${v.new}”与数据 ${v.observation} 现在的 ${v.field}“${current ?? '（空）'}”不一致`,
        en: `the corrected value "${v.new}" differs from the current ${v.field} "${current ?? '(empty)'}" of ${v.observation}`,
        hint: {
          zh: `先在 data/observations/ 里改正这个数据（${v.observation}），再把改正后的值原样写进 new，改正前的值写进 old。`,
          en: `First correct the figure itself (${v.observation}) in data/observations/, then write the corrected value in new and the previous one in old.`,
        },
      });
    }
  }
  const latest = latestAllowedDate(options.now ?? new Date());
  const notAhead = (at: Located<unknown>, date: string, field = 'date') => {
    if (date <= latest) return;
    problems.push({
      file: at.file,
      line: at.line,
      entry: at.id,
      field,
      zh: `日期 ${date} 在今天之后，还不能发布`,
      en: `the date ${date} is in the future; it cannot be published yet`,
      hint: { zh: '写实际发布的日期（今天或更早）；如果是年份或月份写错了，改正它。', en: 'Write the date it is actually published (today or earlier); correct a mistyped year or month.' },
    });
  };
  for (const c of corrections) notAhead(c, c.value.date);
  for (const u of updates) notAhead(u, u.value.data.date);
  // A contact "checked" on a day still to come was not checked.
  for (const inst of institutions) for (const [field, item] of contactItems(inst.value)) notAhead(inst, item.checked, `${field}.checked`);
  for (const g of groups) (g.value.referral.contacts ?? []).forEach((c, i) => notAhead(g, c.checked, `referral.contacts[${i}].checked`));
  for (const d of documents) d.value.data.regions.forEach((r, i) => ref(d, `regions[${i}]`, 'regions', r));
  for (const u of updates) {
    u.value.data.regions.forEach((r, i) => ref(u, `regions[${i}]`, 'regions', r));
    u.value.data.groups.forEach((g, i) => ref(u, `groups[${i}]`, 'groups', g));
  }

  const values = <T>(entries: Located<T>[]) => entries.map((e) => e.value);
  // Which file holds each entry, keyed `collection:id`: for "last updated" dates without reading data/ again. Built
  // when first asked for: the build needs it, `npm run check` does not (a map of 826,000 keys at national size).
  let origins: Map<string, string> | undefined;
  const originsOf = () => {
    origins = new Map<string, string>();
    for (const [name, entries] of Object.entries(all)) for (const e of entries as Located<unknown>[]) origins.set(`${name}:${e.id}`, e.file);
    return origins;
  };
  return {
    get origins() {
      return origins ?? originsOf();
    },
    dataset: {
      regions: values(regions),
      institutions: values(institutions),
      groups: values(groups),
      indicators: values(indicators),
      observations: values(observations),
      documents: values(documents),
      updates: values(updates),
      corrections: values(corrections),
      references: values(references),
    },
    problems,
  };
}

/**
 * One problem as lines an editor can act on: file:line — entry — field — what is wrong (Chinese, then English),
 * then how to fix it (Chinese, then English) when there is a hint.
 */
export function formatProblem(p: Problem): string {
  const where = p.file + (p.line ? `:${p.line}` : '');
  const hint = p.hint ? `\n    怎么改：${p.hint.zh}\n    How to fix: ${p.hint.en}` : '';
  return [where, p.entry && `条目 entry “${p.entry}”`, p.field && `字段 field “${p.field}”`, `${p.zh}\n    ${p.en}${hint}`]
    .filter(Boolean)
    .join(' — ');
}

/**
 * What is wrong with how a figure says what kind of number it is: a range needs its top (and only a range has one), a
 * median, mean or total says what it is taken across (and a plain value does not), and an excerpt is the few words
 * around the figure, not a whole sentence.
 */
export function figureShapeProblems(v: {
  value: number;
  valueHigh?: number;
  qualifier?: string;
  statistic?: string;
  across?: unknown;
  source: { excerpt?: string };
}): { field: string; zh: string; en: string; hint: { zh: string; en: string } }[] {
  const found: { field: string; zh: string; en: string; hint: { zh: string; en: string } }[] = [];
  if (v.qualifier === 'range' && v.valueHigh === undefined)
    found.push({
      field: 'valueHigh',
      zh: '范围（qualifier 为 range）缺少上限 valueHigh',
      en: 'a range (qualifier "range") needs its top in valueHigh',
      hint: { zh: '“1-2个”写成 "value": 1, "valueHigh": 2, "qualifier": "range"。', en: 'Write "1-2个" as "value": 1, "valueHigh": 2, "qualifier": "range".' },
    });
  if (v.valueHigh !== undefined && v.qualifier !== 'range')
    found.push({
      field: 'valueHigh',
      zh: '只有范围（qualifier 为 range）才写 valueHigh',
      en: 'valueHigh belongs only to a range (qualifier "range")',
      hint: { zh: '是范围就加上 "qualifier": "range"；不是就删掉 valueHigh。', en: 'Add "qualifier": "range" if it is a range; otherwise remove valueHigh.' },
    });
  if (v.qualifier === 'range' && v.valueHigh !== undefined && !(v.valueHigh > v.value))
    found.push({
      field: 'valueHigh',
      zh: `范围的上限 ${v.valueHigh} 应大于下限 ${v.value}`,
      en: `the top of the range (${v.valueHigh}) must be above its bottom (${v.value})`,
      hint: { zh: 'value 写较小的数，valueHigh 写较大的数。', en: 'Put the smaller number in value and the larger in valueHigh.' },
    });
  if (v.valueHigh !== undefined && v.source.excerpt && !excerptContainsValue(v.source.excerpt, v.valueHigh))
    found.push({
      field: 'source.excerpt',
      zh: `摘录“${v.source.excerpt}”中找不到范围的上限 ${v.valueHigh}`,
      en: `the excerpt does not contain the top of the range, ${v.valueHigh}`,
      hint: { zh: '摘录须包含范围的两端，如“至少应有1-2个”。', en: 'The excerpt must contain both ends of the range, e.g. "至少应有1-2个".' },
    });
  const statistic = v.statistic ?? 'value';
  if (statistic !== 'value' && !v.across)
    found.push({
      field: 'across',
      zh: `${statistic}（中位数、平均数或合计）须写明 across：是哪些下属单位的`,
      en: `a ${statistic} must say in across which sub-units it is taken over`,
      hint: { zh: '例如 "across": { "label": "开展医共体建设的县（市、区）", "count": 9 }；来源没说个数就省略 count。', en: 'E.g. "across": { "label": "开展医共体建设的县（市、区）", "count": 9 }; leave out count when the source gives none.' },
    });
  if (statistic === 'value' && v.across)
    found.push({
      field: 'across',
      zh: '地方自己的数值不写 across；中位数、平均数或合计才写',
      en: 'across belongs only to a median, mean or total',
      hint: { zh: '是中位数就加上 "statistic": "median"；不是就删掉 across。', en: 'Add "statistic": "median" if it is one; otherwise remove across.' },
    });
  const excerpt = v.source.excerpt ?? '';
  // Counting characters spreads the text into an array; a text no longer in UTF-16 units than the limit cannot be over it.
  if (excerpt.length > EXCERPT_MAX_LENGTH && [...excerpt].length > EXCERPT_MAX_LENGTH)
    found.push({
      field: 'source.excerpt',
      zh: `摘录有 ${[...excerpt].length} 个字，超过 ${EXCERPT_MAX_LENGTH} 个字：摘录只抄数字前后的几个字`,
      en: `the excerpt is ${[...excerpt].length} characters, over ${EXCERPT_MAX_LENGTH}: quote only the few words around the figure`,
      hint: { zh: '从原文中只复制包含数字的短语（一字不改），其余用自己的话写进 note。', en: 'Copy only the phrase around the figure, word for word; put the rest in note in your own words.' },
    });
  return found;
}
