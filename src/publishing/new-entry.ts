/**
 * `npm run new -- update|document|group|institution|observation|correction [--field value …]` (scripts/new.ts is its
 * command line). Writes one correctly-formed new entry in the right folder, with today's date and a unique id. Fields
 * not given as flags are asked for (required ones always; optional ones when typing at a terminal). The entry is checked
 * with the same validation as `npm run check` before anything is written.
 *
 * Everything the command touches outside the project folder comes in through `NewEntryIo`, so that tests run it
 * in-process exactly as an editor's terminal would.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { parseArgs } from 'node:util';
import { readSourceFiles } from '../data/read-sources';
import { validateDataset, formatProblem, placeOf, strayFileProblem, type Entries, type Problem, type SourceFiles } from '../data/validate';
import {
  appendToJsonArray,
  mdxText,
  namedEntries,
  periodSlug,
  regionOfSubject,
  resolveId,
  slug,
  suggestIds,
  todayInChina,
  uniqueId,
  withoutEmpty,
  type NamedEntries,
} from './scaffold';
import { correctedField, institutionKind } from '../schemas';
import { strings } from '../i18n/zh-CN';

/** Where the command reads and writes: the project folder, the editor's typing and the two output streams. */
export interface NewEntryIo {
  /** The project folder (holding data/ and content/). */
  root: string;
  /** What the editor types (or pipes in), read a line at a time, only when a field must be asked for. */
  input: NodeJS.ReadableStream;
  /** Typing at a terminal: optional fields are asked for too, and wrong answers asked again. */
  interactive: boolean;
  /** Standard output and standard error; each call carries its own line ends. */
  out: (text: string) => void;
  err: (text: string) => void;
}

type Answers = Record<string, string | string[] | number | undefined>;
type RefKind = keyof NamedEntries;

interface Context {
  dataset: Entries;
  named: NamedEntries;
  today: string;
}

interface Field {
  /** Flag name (`--original-title`) and answer key. */
  name: string;
  zh: string;
  en: string;
  required?: boolean;
  /** An example shown in the prompt. */
  example?: string;
  /** Allowed values with their Chinese labels; the editor may type the value, the label or its number. */
  options?: { value: string; zh: string }[];
  /** Several values separated by commas (、，, all work). */
  list?: boolean;
  /** Resolve names to ids in this collection (or, for a function, the collection chosen by earlier answers). */
  ref?: RefKind | ((a: Answers) => RefKind);
  /** A plain number (or, for a function, when earlier answers say so). */
  number?: boolean | ((a: Answers) => boolean);
  /** Default computed from earlier answers, used when the editor leaves the field empty. */
  default?: (a: Answers, ctx: Context) => string | undefined;
  /** Where the field lands in the entry, to match validation problems back to it. */
  path: string;
}

interface Kind {
  zh: string;
  collection: 'updates' | 'documents' | 'groups' | 'institutions' | 'observations' | 'corrections';
  fields: Field[];
  /** A readable id before making it unique. */
  idBase: (a: Answers, ctx: Context) => string;
  /** The entry (JSON kinds) or frontmatter + body (MDX kinds). */
  build: (a: Answers, id: string) => Record<string, unknown> | { frontmatter: Record<string, unknown>; body: string };
  /** The default JSON file to append to (JSON kinds only). */
  defaultFile?: (a: Answers, ctx: Context) => string;
}

const str = (v: Answers[string]) => (v === undefined ? undefined : String(v));
const list = (v: Answers[string]) => (Array.isArray(v) ? v : v === undefined ? [] : [String(v)]);

const sourceFields = (required: boolean): Field[] => [
  { name: 'document', zh: '来源文件（content/documents/ 中的文件 id 或标题）', en: 'source document id or title', required, ref: 'documents', path: 'source.document', example: 'zizhong-2024-yigongti' },
  { name: 'section', zh: '来源位置（原文的标题或段落）', en: 'where in the document', required, path: 'source.section', example: '三、畅通“三大服务”（一）' },
];
const sourceOf = (a: Answers) => withoutEmpty({ document: str(a.document), section: str(a.section), excerpt: str(a.excerpt) });

const dateField = (zh: string): Field => ({
  name: 'date',
  zh,
  en: 'date (YYYY-MM-DD)',
  required: true,
  path: 'date',
  default: (_a, ctx) => ctx.today,
});

const institutionKindLabels = institutionKind.options.map((value) => ({ value, zh: strings[`kind.institution.${value}`] }));

const KINDS: Record<string, Kind> = {
  update: {
    zh: '动态',
    collection: 'updates',
    fields: [
      { name: 'title', zh: '标题', en: 'headline', required: true, path: 'title', example: '资中县医共体开通周末门诊' },
      { name: 'summary', zh: '一句话摘要（用于列表和 RSS）', en: 'one-sentence summary', required: true, path: 'summary' },
      { name: 'regions', zh: '相关地区（id 或名称，多个用逗号分开）', en: 'regions (ids or names, comma-separated)', list: true, ref: 'regions', path: 'regions', example: '资中县' },
      { name: 'groups', zh: '相关医共体（id 或名称，多个用逗号分开）', en: 'groups (ids or names, comma-separated)', list: true, ref: 'groups', path: 'groups' },
      { name: 'body', zh: '正文（一段话；以后可以直接编辑文件补充）', en: 'text (one paragraph; edit the file later for more)', required: true, path: 'body' },
      dateField('发布日期'),
    ],
    idBase: (a, ctx) => `${a.date}-${list(a.regions)[0] ?? ctx.dataset.groups.find((g) => g.id === list(a.groups)[0])?.region ?? 'update'}`,
    build: (a) => ({
      frontmatter: { title: a.title, date: a.date, regions: list(a.regions), groups: list(a.groups), summary: a.summary },
      body: String(a.body),
    }),
  },
  document: {
    zh: '文件摘要',
    collection: 'documents',
    fields: [
      { name: 'title', zh: '我们给摘要起的标题（通俗的中文）', en: 'our title for the digest', required: true, path: 'title' },
      { name: 'original-title', zh: '原文标题', en: 'the title as the source gives it', required: true, path: 'originalTitle' },
      { name: 'issuer', zh: '发文或撰写单位', en: 'issuer', required: true, path: 'issuer', example: '资中县卫生健康局' },
      { name: 'number', zh: '文号（没有就留空）', en: 'document number, if any', path: 'number', example: '资卫健发〔2024〕12号' },
      dateField('文件日期（只知道年月时写 2024-08）'),
      { name: 'type', zh: '类型', en: 'type', required: true, path: 'type', options: [{ value: 'policy', zh: '政策文件' }, { value: 'report', zh: '工作报告' }, { value: 'news', zh: '新闻报道' }] },
      { name: 'regions', zh: '相关地区（id 或名称，多个用逗号分开）', en: 'regions (ids or names, comma-separated)', required: true, list: true, ref: 'regions', path: 'regions', example: '资中县' },
      { name: 'outlet', zh: '发布或转载的网站、报刊', en: 'where it was published', required: true, path: 'outlet' },
      { name: 'summary', zh: '一句话摘要', en: 'one-sentence summary', required: true, path: 'summary' },
      { name: 'published', zh: '网上发布日期（与文件日期不同时填写）', en: 'date published online, if different', path: 'published' },
      { name: 'body', zh: '正文：用我们自己的话写的摘要（一段话；以后可以直接编辑文件补充）', en: 'the digest in our own words', required: true, path: 'body' },
    ],
    idBase: (a) => `${list(a.regions)[0] ?? 'document'}-${String(a.date).slice(0, 4)}-${a.type}`,
    build: (a) => ({
      frontmatter: {
        title: a.title,
        originalTitle: a['original-title'],
        issuer: a.issuer,
        number: a.number,
        date: a.date,
        published: a.published,
        type: a.type,
        regions: list(a.regions),
        outlet: a.outlet,
        summary: a.summary,
      },
      body: String(a.body),
    }),
  },
  group: {
    zh: '医共体或医疗集团',
    collection: 'groups',
    fields: [
      { name: 'name', zh: '名称', en: 'name', required: true, path: 'name', example: '资中县人民医院医共体' },
      { name: 'kind', zh: '类型', en: 'kind', required: true, path: 'kind', options: [{ value: 'county', zh: '县域医共体' }, { value: 'urban', zh: '城市医疗集团' }] },
      { name: 'region', zh: '所在地区（id 或名称）', en: 'region (id or name)', required: true, ref: 'regions', path: 'region', example: '资中县' },
      { name: 'lead', zh: '牵头医院（机构 id 或名称，来源没写就留空）', en: 'lead institution, if named', ref: 'institutions', path: 'lead' },
      { name: 'summary', zh: '一两句简介', en: 'one or two sentences', required: true, path: 'summary' },
      ...sourceFields(true).map((f) => ({ ...f, path: f.path.replace('source.', 'sources[0].') })),
      { name: 'excerpt', zh: '原文摘录（可留空）', en: 'excerpt, optional', path: 'sources[0].excerpt' },
    ],
    idBase: (a) => `${a.region}-${a.kind === 'urban' ? 'medical-group' : 'yigongti'}`,
    build: (a, id) => withoutEmpty({ id, name: a.name, kind: a.kind, region: a.region, lead: a.lead, summary: a.summary, sources: [sourceOf(a)] }),
    defaultFile: (a, ctx) => `data/groups/${a.region}-${ctx.today}.json`,
  },
  institution: {
    zh: '医疗机构',
    collection: 'institutions',
    fields: [
      { name: 'name', zh: '名称（按来源的写法）', en: 'name as the source gives it', required: true, path: 'name', example: '麻屯镇卫生院' },
      { name: 'kind', zh: '类型', en: 'kind', required: true, path: 'kind', options: institutionKindLabels },
      { name: 'region', zh: '所在县（区）（id 或名称）', en: 'county-level region (id or name)', required: true, ref: 'regions', path: 'region', example: '资中县' },
      { name: 'aliases', zh: '别名（多个用逗号分开，可留空）', en: 'other names, comma-separated', list: true, path: 'aliases' },
      ...sourceFields(true).map((f) => ({ ...f, path: f.path.replace('source.', 'sources[0].') })),
      { name: 'excerpt', zh: '原文中出现这个名称的几个字（可留空）', en: 'excerpt naming it, optional', path: 'sources[0].excerpt' },
      { name: 'note', zh: '给读者的说明（可留空）', en: 'note for readers, optional', path: 'note' },
    ],
    idBase: (a) => `${a.region}-${a.kind}`,
    build: (a, id) => withoutEmpty({ id, name: a.name, aliases: list(a.aliases), kind: a.kind, region: a.region, note: a.note, sources: [sourceOf(a)] }),
    defaultFile: (a, ctx) => `data/institutions/${a.region}-${ctx.today}.json`,
  },
  observation: {
    zh: '数据',
    collection: 'observations',
    fields: [
      { name: 'indicator', zh: '指标（id 或名称）', en: 'indicator (id or name)', required: true, ref: 'indicators', path: 'indicator', example: '县域内就诊率' },
      {
        name: 'subject-type',
        zh: '这个数字说的是',
        en: 'what the figure is about',
        required: true,
        path: 'subject.type',
        options: [{ value: 'group', zh: '医共体或医疗集团' }, { value: 'region', zh: '地区（全县、全市）' }, { value: 'institution', zh: '一家医疗机构' }],
      },
      {
        name: 'subject',
        zh: '对象（id 或名称）',
        en: 'subject (id or name)',
        required: true,
        ref: (a) => (a['subject-type'] === 'group' ? 'groups' : a['subject-type'] === 'institution' ? 'institutions' : 'regions'),
        path: 'subject.id',
      },
      { name: 'period', zh: '时期', en: 'period', required: true, path: 'period', example: '2024、2024-H1、2024-Q3、2024-08、2019-11/2024-08' },
      { name: 'period-label', zh: '时期说明（可留空）', en: 'period in words, optional', path: 'periodLabel', example: '医共体成立以来（截至2024年8月）' },
      { name: 'value', zh: '数值（纯数字：63.9万 写 639000，87.49% 写 87.49）', en: 'value (a plain number)', required: true, number: true, path: 'value' },
      {
        name: 'kind',
        zh: '类型',
        en: 'kind',
        required: true,
        path: 'kind',
        options: [{ value: 'actual', zh: '实际' }, { value: 'target', zh: '目标' }, { value: 'baseline', zh: '基线' }],
        default: () => 'actual',
      },
      {
        name: 'qualifier',
        zh: '限定（原文说“以上”“超过”“约”等时选择，可留空）',
        en: 'qualifier, optional',
        path: 'qualifier',
        options: [
          { value: 'at-least', zh: '以上/不少于' },
          { value: 'more-than', zh: '超过' },
          { value: 'about', zh: '约/余' },
          { value: 'at-most', zh: '以下/不超过' },
          { value: 'less-than', zh: '不足/少于' },
        ],
      },
      { name: 'note', zh: '给读者的说明（可留空）', en: 'note for readers, optional', path: 'note' },
      ...sourceFields(true),
      { name: 'excerpt', zh: '摘录：原文中包含这个数字的几个字', en: 'excerpt containing the figure', required: true, path: 'source.excerpt', example: '远程影像诊断105423人次' },
    ],
    idBase: (a, ctx) =>
      [regionOfSubject(ctx.dataset, String(a['subject-type']), String(a.subject)), a.indicator, periodSlug(String(a.period))].filter(Boolean).join('-'),
    build: (a, id) =>
      withoutEmpty({
        id,
        indicator: a.indicator,
        subject: { type: a['subject-type'], id: a.subject },
        period: a.period,
        periodLabel: a['period-label'],
        value: a.value,
        kind: a.kind,
        qualifier: a.qualifier,
        note: a.note,
        source: sourceOf(a),
      }),
    defaultFile: (a, ctx) =>
      `data/observations/${regionOfSubject(ctx.dataset, String(a['subject-type']), String(a.subject)) ?? 'new'}-${ctx.today}.json`,
  },
};

KINDS.correction = {
  zh: '数据更正记录',
  collection: 'corrections',
  fields: [
    { name: 'observation', zh: '更正的是哪个数据（data/observations/ 中的 id）', en: 'id of the corrected figure', required: true, ref: 'observations', path: 'observation' },
    {
      name: 'field',
      zh: '改了哪一项',
      en: 'which field changed',
      required: true,
      path: 'field',
      options: correctedField.options.map((value) => ({ value, zh: strings[`changes.field.${value}`] })),
      default: () => 'value',
    },
    { name: 'old', zh: '改正前网站上的值', en: 'the value published before', required: true, number: (a) => a.field === 'value', path: 'old' },
    {
      name: 'new',
      zh: '改正后的值（先在 data/observations/ 里改好这个数据）',
      en: 'the corrected value (correct the figure itself first)',
      required: true,
      number: (a) => a.field === 'value',
      path: 'new',
      default: (a, ctx) => {
        const figure = ctx.dataset.observations.find((o) => o.id === a.observation);
        const current = String(a.field ?? 'value')
          .split('.')
          .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), figure);
        return current === undefined ? undefined : String(current);
      },
    },
    { name: 'why', zh: '为什么改（写给读者看）', en: 'why, for readers', required: true, path: 'why', example: '录入时漏写了一位数字，已按原文改正' },
    { name: 'who', zh: '更正单位', en: 'who corrected it', required: true, path: 'who', example: '资中县卫生健康局' },
    dateField('更正日期'),
  ],
  idBase: (a) => `${a.observation}-fix-${a.date}`,
  build: (a, id) => withoutEmpty({ id, observation: a.observation, date: a.date, field: a.field, old: a.old, new: a.new, why: a.why, who: a.who }),
  defaultFile: (_a, ctx) => `data/corrections/${ctx.today.slice(0, 4)}.json`,
};

const COMMON_FLAGS = {
  id: { zh: 'id（不填就自动生成）', en: 'id (made for you when left out)' },
  file: { zh: '追加到哪个 JSON 文件（仅 group、institution、observation、correction）', en: 'JSON file to append to' },
  help: { zh: '显示帮助', en: 'show help' },
};

function usage(kind?: Kind): string {
  const kinds = Object.entries(KINDS)
    .map(([name, k]) => `  ${name.padEnd(12)} ${k.zh}`)
    .join('\n');
  const head = `用法 / usage: npm run new -- <类型 kind> [--字段 值 …]\n\n类型 / kinds:\n${kinds}\n`;
  if (!kind) return head + '\n每种类型的字段：npm run new -- update --help\n';
  const fields = kind.fields
    .map((f) => `  --${f.name.padEnd(16)} ${f.required ? '*' : ' '} ${f.zh} / ${f.en}${f.options ? `：${f.options.map((o) => `${o.value}（${o.zh}）`).join('、')}` : ''}`)
    .join('\n');
  const common = Object.entries(COMMON_FLAGS)
    .filter(([name]) => name !== 'file' || kind.defaultFile)
    .map(([name, f]) => `  --${name.padEnd(16)}   ${f.zh} / ${f.en}`)
    .join('\n');
  return `${head}\n${kind.zh}的字段（* 必填）/ fields (* required):\n${fields}\n${common}\n`;
}

/** Lines typed by the editor (or piped in), read one at a time. */
class Asker {
  private reader?: Interface;
  private lines?: AsyncIterator<string>;
  readonly interactive: boolean;
  private ended = false;

  constructor(private readonly io: NewEntryIo) {
    this.interactive = io.interactive;
  }

  /** A line of standard output. */
  say(line: string) {
    this.io.out(`${line}\n`);
  }

  async ask(question: string): Promise<string | undefined> {
    if (this.ended) return undefined;
    if (!this.lines) {
      this.reader = createInterface({ input: this.io.input, crlfDelay: Infinity });
      this.lines = this.reader[Symbol.asyncIterator]();
    }
    this.io.out(question);
    const next = await this.lines.next();
    if (next.done) {
      this.ended = true;
      this.io.out('\n');
      return undefined;
    }
    // Piped answers are not echoed; show them so the transcript reads like a conversation.
    if (!this.interactive) this.io.out(`${next.value}\n`);
    return next.value;
  }

  /** Stops reading what is typed (the stream itself belongs to the caller). */
  close() {
    this.reader?.close();
    this.reader = undefined;
  }
}

class InputError extends Error {}

/** Turns what was typed into the field's value, or explains what is wrong with it. */
function normalise(field: Field, raw: string, answers: Answers, ctx: Context): string | string[] | number {
  const text = raw.trim();
  if (field.options) {
    const index = Number(text);
    const option =
      field.options.find((o) => o.value === text.toLowerCase() || o.zh === text || o.zh.split('/').includes(text)) ??
      (Number.isInteger(index) && index >= 1 ? field.options[index - 1] : undefined);
    if (!option)
      throw new InputError(`“${text}”不是可选的值，请选：${field.options.map((o, i) => `${i + 1} ${o.value}（${o.zh}）`).join('、')} / not an allowed value`);
    return option.value;
  }
  if (typeof field.number === 'function' ? field.number(answers) : field.number) {
    if (!/^-?\d+(\.\d+)?$/.test(text))
      throw new InputError(`“${text}”不是纯数字：不要加单位、逗号或“约”“万”（63.9万 写 639000，87.49% 写 87.49）/ not a plain number`);
    return Number(text);
  }
  if (field.ref) {
    const collection = typeof field.ref === 'function' ? field.ref(answers) : field.ref;
    const resolveOne = (item: string) => {
      const id = resolveId(ctx.named[collection], item);
      if (id) return id;
      const near = suggestIds(ctx.named[collection], item);
      throw new InputError(
        `找不到“${item}”（${collection}）。` +
          (near.length ? `是不是：${near.map((n) => `${n.id}（${n.names[0] ?? ''}）`).join('、')}？` : `可以先用 npm run new 添加它。`) +
          ` / "${item}" not found in ${collection}`,
      );
    };
    return field.list ? splitList(text).map(resolveOne) : resolveOne(text);
  }
  return field.list ? splitList(text) : text;
}

const splitList = (text: string) =>
  text
    .split(/[,，、;；]/)
    .map((s) => s.trim())
    .filter(Boolean);

function describeField(field: Field, answers: Answers, ctx: Context): string {
  const options = field.options ? `（${field.options.map((o, i) => `${i + 1} ${o.value} ${o.zh}`).join(' / ')}）` : '';
  const example = field.example ? `，例如 ${field.example}` : '';
  const fallback = field.default?.(answers, ctx);
  return `${field.required ? '* ' : '  '}${field.zh}${options}${example}${fallback ? ` [${fallback}]` : ''}：`;
}

/** Asks for one field until the answer is usable; undefined when left empty (optional) or input has ended. */
async function askFor(field: Field, answers: Answers, asker: Asker, ctx: Context): Promise<Answers[string]> {
  for (;;) {
    const typed = await asker.ask(describeField(field, answers, ctx));
    if (typed === undefined) return undefined;
    const text = typed.trim() || field.default?.(answers, ctx) || '';
    if (!text) {
      if (!field.required) return undefined;
      asker.say('  这一项必须填写 / required');
      continue;
    }
    try {
      return normalise(field, text, answers, ctx);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      asker.say(`  ✗ ${error.message}`);
    }
  }
}

/**
 * Every field's value: from its flag, else asked (required fields without a default always; the rest only at a
 * terminal), else its default. `given` is updated with the answers, '' marking a field deliberately left empty.
 */
async function collect(kind: Kind, given: Record<string, string | undefined>, asker: Asker, ctx: Context): Promise<Answers> {
  const answers: Answers = {};
  for (const field of kind.fields) {
    const flag = given[field.name];
    let value: Answers[string];
    if (flag !== undefined && flag.trim() !== '') {
      try {
        value = normalise(field, flag, answers, ctx);
      } catch (error) {
        if (!(error instanceof InputError) || !asker.interactive) throw error;
        asker.say(`✗ --${field.name}: ${error.message}`);
      }
    }
    const leftEmpty = flag !== undefined && flag.trim() === '' && !field.required;
    if (value === undefined && !leftEmpty && (asker.interactive || (field.required && !field.default))) {
      value = await askFor(field, answers, asker, ctx);
    }
    if (value === undefined) {
      const fallback = field.default?.(answers, ctx);
      if (fallback !== undefined) value = normalise(field, fallback, answers, ctx);
    }
    if (value === undefined && field.required) {
      throw new InputError(`缺少必填项 --${field.name}（${field.zh}）/ missing required --${field.name}`);
    }
    answers[field.name] = value;
    given[field.name] = value === undefined ? '' : Array.isArray(value) ? value.join(',') : String(value);
  }
  return answers;
}

/** The fields a problem points at, so that an editor at a terminal is asked only for those again. */
function fieldsOf(kind: Kind, problems: Problem[]): Set<string> {
  const names = new Set<string>();
  for (const p of problems) {
    const field = kind.fields.find((f) => p.field && (p.field === f.path || p.field.startsWith(`${f.path}.`) || p.field.startsWith(`${f.path}[`)));
    if (field) names.add(field.name);
  }
  return names;
}

/**
 * `npm run new` with `args` as typed after `--` (kind first, then flags); resolves to the command's exit code: 0 when
 * the entry was written or help shown, 1 when nothing was written. Errors other than the editor's input reject.
 */
export async function newEntry(args: string[], io: NewEntryIo): Promise<number> {
  const asker = new Asker(io);
  try {
    return await run(args, io, asker);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.err(`✗ ${error.message}\n没有写入任何文件。/ nothing was written.\n`);
    return 1;
  } finally {
    asker.close();
  }
}

async function run(args: string[], io: NewEntryIo, asker: Asker): Promise<number> {
  const { root } = io;
  const kindName = args[0];
  const kind = KINDS[kindName ?? ''];
  if (!kind) {
    io.err((kindName && !kindName.startsWith('-') ? `没有“${kindName}”这种类型。/ unknown kind "${kindName}".\n\n` : '') + usage() + '\n');
    return kindName === '--help' || kindName === '-h' ? 0 : 1;
  }
  const options = Object.fromEntries([...kind.fields.map((f) => f.name), 'id', 'file'].map((name) => [name, { type: 'string' as const }]));
  let flags: Record<string, string | undefined>;
  try {
    const parsed = parseArgs({ args: args.slice(1), options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true });
    if (parsed.values.help) {
      asker.say(usage(kind));
      return 0;
    }
    flags = parsed.values as Record<string, string | undefined>;
  } catch (error) {
    io.err(`✗ ${(error as Error).message}\n\n${usage(kind)}\n`);
    return 1;
  }

  const files = readSourceFiles(root);
  const { entries: dataset } = validateDataset(files);
  const ctx: Context = { dataset, named: namedEntries(dataset), today: todayInChina() };
  if (asker.interactive) asker.say(`新建${kind.zh}：按提示填写，直接回车使用方括号里的默认值；带 * 的必须填写。\n`);

  for (;;) {
    const answers = await collect(kind, flags, asker, ctx);
    const taken = new Set<string>(dataset[kind.collection].map((e) => e.id));
    // Ids written in files that failed validation are taken too.
    for (const f of files.data[kind.collection as keyof SourceFiles['data']] ?? []) for (const m of f.text.matchAll(/"id"\s*:\s*"([^"]+)"/g)) taken.add(m[1]);
    for (const f of files.mdx[kind.collection as keyof SourceFiles['mdx']] ?? []) taken.add(f.path.split('/').pop()!.replace(/\.mdx?$/, ''));
    const id = flags.id?.trim() || uniqueId(slug(kind.idBase(answers, ctx)) || kind.collection, taken);
    const built = kind.build(answers, id);

    let path: string;
    let text: string | undefined;
    const candidate: SourceFiles = { data: { ...files.data }, mdx: { ...files.mdx } };
    if ('frontmatter' in built) {
      path = `content/${kind.collection}/${id}.mdx`;
      if (existsSync(join(root, path))) throw new InputError(`${path} 已经存在，请换一个 --id / already exists; choose another --id`);
      text = mdxText(built.frontmatter as Record<string, unknown>, built.body as string);
      const collection = kind.collection as 'updates' | 'documents';
      candidate.mdx[collection] = [...files.mdx[collection], { path, text }];
    } else {
      const named = flags.file?.trim() || kind.defaultFile!(answers, ctx);
      path = relative(root, resolve(root, named.includes('/') ? named : `data/${kind.collection}/${named}`)).replace(/\\/g, '/');
      if (!path.endsWith('.json')) path += '.json';
      if (!path.startsWith(`data/${kind.collection}/`)) throw new InputError(`${kindName} 要写在 data/${kind.collection}/ 里 / must be written under data/${kind.collection}/`);
      // Only where check reads it: directly in the collection's folder (no subfolder), under a name every system can hold.
      const place = placeOf(path);
      if (!place || place === 'ignored' || place.collection !== kind.collection) {
        const why = strayFileProblem(path);
        throw new InputError(`${path}：${why.zh} / ${why.en}`);
      }
      if (lstatSync(dirname(join(root, path)), { throwIfNoEntry: false })?.isSymbolicLink() || lstatSync(join(root, path), { throwIfNoEntry: false })?.isSymbolicLink())
        throw new InputError(`${path} 是符号链接，不能写入 / is a symbolic link; not written`);
      const existing = existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : undefined;
      text = appendToJsonArray(existing, built);
      if (text === undefined) throw new InputError(`${path} 不是一个可读的 JSON 列表，请先运行 npm run check 修好它 / is not a readable JSON array; fix it first`);
      const collection = kind.collection as 'groups' | 'institutions' | 'observations' | 'corrections';
      candidate.data[collection] = [...files.data[collection].filter((f) => f.path !== path), { path, text }];
    }

    const problems = validateDataset(candidate).problems.filter((p) => p.file === path && (p.entry === undefined || p.entry === id));
    if (problems.length === 0) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
      asker.say(`✓ 已写入 / written: ${path}（id: ${id}）`);
      asker.say('  下一步：npm run check 检查全部数据，npm run dev 在浏览器里预览。/ next: npm run check, then npm run dev to preview.');
      return 0;
    }
    io.err(problems.map((p) => '✗ ' + formatProblem(p)).join('\n') + '\n');
    const again = fieldsOf(kind, problems);
    if (!asker.interactive || again.size === 0) {
      io.err(`\n没有写入任何文件。/ nothing was written.\n`);
      return 1;
    }
    for (const name of again) delete flags[name];
    asker.say('\n请重新填写上面有问题的项。/ please answer those again.\n');
  }
}
