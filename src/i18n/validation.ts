/**
 * Every message validation gives an editor: what is wrong (Chinese, then English) and how to fix it. Used by
 * src/data/validate/ for `npm run check`, the build, the editor and the tests alike.
 */
import { EXCERPT_MAX_LENGTH } from '../schemas/observation';

/** How to fix a problem, in Chinese and in English. */
export interface Hint {
  zh: string;
  en: string;
}

/** What is wrong, in Chinese and English, and how to fix it when there is more to say. */
export interface Message {
  zh: string;
  en: string;
  hint?: Hint;
}

/** A type's name in Chinese, for "expected X, received Y". */
export const TYPE_NAMES: Record<string, string> = {
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
export const TYPE_HINTS: Record<string, Hint> = {
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

const PERIOD_HINT: Hint = {
  zh: '例如 2024（全年）、2024-H1（上半年）、2024-Q3（第三季度）、2024-08（某月）、2019-11/2024-08（一段时间）；累计数没有起点时写 ../2024-08。',
  en: 'E.g. 2024 (year), 2024-H1 (half), 2024-Q3 (quarter), 2024-08 (month), 2019-11/2024-08 (a span); ../2024-08 for a running total with no start.',
};

/** Hints for the schemas' own messages (dates, periods, ids), found by the message they give. */
export const MESSAGE_HINTS: [RegExp, Hint][] = [
  [
    /日期/,
    {
      zh: '写成“年-月-日”，月和日都用两位数，例如 2024-08-13；月份在 01–12 之间，日期要真实存在（没有 2 月 30 日）。',
      en: 'Write year-month-day with two-digit month and day, e.g. 2024-08-13; the month is 01–12 and the day must exist.',
    },
  ],
  [/时期/, PERIOD_HINT],
  [
    /小写字母/,
    {
      zh: '只用小写英文字母、数字和连字符，以地区开头，例如 zizhong-people-hospital；不要用中文、空格、下划线或大写字母。',
      en: 'Use only lowercase letters, digits and hyphens, starting with the region, e.g. zizhong-people-hospital: no Chinese, spaces, underscores or capitals.',
    },
  ],
  [
    /控制字符/,
    {
      zh: '删掉这个看不见的字符：把整段文字删除后重新手工输入，或先粘贴到记事本里再复制过来。',
      en: 'Remove the invisible character: delete the text and type it again, or paste it through a plain-text editor first.',
    },
  ],
  [/空白/, { zh: '填上看得见的文字；如果这是可选字段而你没有内容可写，就把整个字段删掉。', en: 'Write visible text; if the field is optional and you have nothing to say, remove the field.' }],
  [/数字太大/, { zh: '写成普通的有限数字，例如 105423；不要写 1e309 这类指数形式。', en: 'Write an ordinary finite number such as 105423, not an exponent like 1e309.' }],
  [/太长/, { zh: '名称、标题和标签写简短的名字（全称即可，不要写成一段话）；要说明的内容写进 note 或正文。', en: 'Keep names, titles and labels short (the full name, not a paragraph); put explanations in note or the text.' }],
  [/id 最长/, { zh: '把 id 缩短到几个词，例如 zizhong-people-hospital。', en: 'Shorten the id to a few words, e.g. zizhong-people-hospital.' }],
];

export const SCHEMA_HINT: Hint = {
  zh: '每个字段的写法见 src/schemas/ 中该字段上方的说明，或 docs/编辑指南.md 中的示例。',
  en: 'Each field is explained above it in src/schemas/; docs/编辑指南.md has worked examples.',
};

/** Each collection's name as a message names it. */
export const COLLECTION_NAMES: Record<string, string> = {
  regions: '地区 regions',
  institutions: '机构 institutions',
  groups: '医共体/医疗集团 groups',
  indicators: '指标 indicators',
  observations: '数据 observations',
  documents: '文件 documents',
  updates: '动态 updates',
  corrections: '更正 corrections',
  references: '参考资料 references',
  synonyms: '搜索同义词 synonyms',
  glossary: '名词解释 glossary',
};

const at = (zh: string, en: string, hint?: Hint): Message => (hint ? { zh, en, hint } : { zh, en });

/** Files stage: where a file sits and how it is encoded. */
export const fileMessages = {
  notUtf8: () =>
    at('文件不是 UTF-8 编码（可能是 GBK），网站会显示成乱码', 'the file is not UTF-8 encoded (probably GBK); the site would show garbled text', {
      zh: '用记事本或 VS Code 打开文件，选择“另存为”，编码选 UTF-8 后保存。',
      en: 'Open the file in Notepad or VS Code, choose Save As, and pick UTF-8 as the encoding.',
    }),
  noFolder: (listed: string) =>
    at(`文件不在任何栏目文件夹里，网站不会使用它`, `the file is in no collection folder, so the site would not use it`, {
      zh: `把它移到这些文件夹之一：${listed}。`,
      en: `Move it into one of: ${listed.replace(/、/g, ', ')}.`,
    }),
  unknownFolder: (top: string, folder: string, near: string | undefined, listed: string) =>
    at(`文件夹“${top}/${folder}/”不是本站的栏目，网站不会使用其中的文件`, `the folder ${top}/${folder}/ is not a collection; the site would not use its files`, {
      zh: `${near ? `是不是想写 ${top}/${near}/？` : ''}栏目文件夹只有：${listed}。把文件移到正确的文件夹。`,
      en: `${near ? `Did you mean ${top}/${near}/? ` : ''}The collection folders are: ${listed.replace(/、/g, ', ')}. Move the file there.`,
    }),
  subfolder: (top: string, folder: string) =>
    at(`文件在子文件夹里，网站只读取 ${top}/${folder}/ 下面直接放的文件`, `the file is in a subfolder; the site reads only files directly in ${top}/${folder}/`, {
      zh: `把它直接移到 ${top}/${folder}/ 里（不要再建子文件夹）；需要分组时把年份等写进文件名，例如 ${top === 'data' ? '2024-figures.json' : 'zizhong-2024-09-clinic-hours.mdx'}。`,
      en: `Move it directly into ${top}/${folder}/ (no subfolders); put a year or similar in the file name instead.`,
    }),
  hidden: () =>
    at('隐藏文件（文件名以 . 开头），网站不会使用它', 'a hidden file (its name starts with a dot); the site would not use it', {
      zh: '删除这个文件，或去掉文件名开头的点。',
      en: 'Delete the file, or remove the dot at the start of its name.',
    }),
  extensionCase: (ext: string) =>
    at(`扩展名须为小写的 ${ext}`, `the extension must be lowercase ${ext}`, {
      zh: `把文件改名，扩展名写成小写 ${ext}。`,
      en: `Rename the file with a lowercase ${ext} extension.`,
    }),
  markdown: () =>
    at('Markdown 文件须用 .mdx 扩展名，.md 文件网站不会发布', 'Markdown files must end in .mdx; a .md file would not be published', {
      zh: '把文件改名为 .mdx（内容不用改）。',
      en: 'Rename the file to .mdx (the content can stay as it is).',
    }),
  wrongKind: (top: string, folder: string, ext: string) =>
    at(`${top}/${folder}/ 里只能放 ${ext} 文件，网站不会使用这个文件`, `only ${ext} files belong in ${top}/${folder}/; the site would not use this file`, {
      zh: top === 'data' ? '数据写成 .json 文件；表格（.csv、.xlsx）请用 npm run import 导入，导入后删除表格文件。' : '动态和文件写成 .mdx 文件（npm run new 可以生成）；图片等附件不要放在这里。',
      en: top === 'data' ? 'Write data as .json; import spreadsheets (.csv, .xlsx) with npm run import, then remove the spreadsheet.' : 'Write updates and documents as .mdx (npm run new writes one); do not put attachments here.',
    }),
};

/** Files stage, continued: files that cannot be read safely, and names no system can hold. */
export const unreadableMessages = {
  link: () =>
    at('这是一个符号链接（快捷方式），不是文件本身；网站不读取链接指向的内容', 'this is a symbolic link, not a file; the site does not read what a link points to', {
      zh: '把真正的文件复制到这里，删除链接。',
      en: 'Copy the file itself here and delete the link.',
    }),
  special: () =>
    at('这不是普通文件（可能是文件夹、设备或管道），网站无法读取', 'this is not a regular file (a folder, device or pipe); the site cannot read it', {
      zh: '删除它，或换一个不以 .json/.mdx 结尾的名字。',
      en: 'Delete it, or give it a name that does not end in .json or .mdx.',
    }),
  tooLarge: (mb: number, max: number) =>
    at(`文件有 ${mb.toFixed(0)} MB，超过 ${max} MB，无法读取`, `the file is ${mb.toFixed(0)} MB, over ${max} MB; it cannot be read`, {
      zh: '把条目分成几个文件，例如按年份或地区。',
      en: 'Split the entries into several files, e.g. by year or region.',
    }),
  reserved: (name: string) =>
    at(`文件名“${name}”在 Windows 上是保留名称，这个文件在 Windows 上无法检出或打开`, `"${name}" is a reserved name on Windows; the file cannot be checked out or opened there`, {
      zh: '给文件换个名字，例如 contacts.json 或 con-2024.json。',
      en: 'Rename the file, e.g. contacts.json or con-2024.json.',
    }),
  tooDeep: (depth: number, max: number) =>
    at(`文件里的列表或对象套了 ${depth} 层，超过 ${max} 层，无法读取`, `the file nests lists or objects ${depth} levels deep, over ${max}; it cannot be read`, {
      zh: '每个条目只需要几层：对照 src/schemas/ 的说明或 docs/编辑指南.md 的示例改写。',
      en: 'An entry needs only a few levels: rewrite it after src/schemas/ or the examples in docs/编辑指南.md.',
    }),
};

/** JSON stage: a data file's text and each entry's schema. */
export const jsonMessages = {
  broken: (message: string) =>
    at(`JSON 格式错误，文件无法读取（检查逗号、引号、括号是否成对）：${message}`, `broken JSON, the file cannot be read (check commas, quotes and brackets): ${message}`, {
      zh: '看这一行和上一行：上一行末尾是否漏了逗号，列表或对象的最后一项后面是否多了逗号，引号是否用了中文引号“”，括号 [ ] { } 是否成对。',
      en: 'Look at this line and the one before: a missing comma at the end of the previous line, an extra comma after the last item, Chinese quotes “” instead of "", or unpaired [ ] { }.',
    }),
  notArray: () =>
    at('文件内容应为一个列表 [ ... ]', 'the file must hold an array [ ... ]', {
      zh: '把所有条目放进一对方括号里：[ {…}, {…} ]，只有一个条目也要加方括号。',
      en: 'Put every entry inside one pair of square brackets: [ {…}, {…} ], even a single entry.',
    }),
  keyTwice: (key: string) =>
    at(`同一个条目里“${key}”写了两次，只有后一个会生效`, `"${key}" is written twice in the same entry; only the second would count`, {
      zh: `删掉其中一个“${key}”，留下正确的那个。`,
      en: `Delete one of the two "${key}" fields, keeping the right one.`,
    }),
  itemLabel: (index: number) => `第 ${index + 1} 项 / item ${index + 1}`,
};

/** Schema issues (zod) in an editor's words. */
export const schemaMessages = {
  missing: (key: string) =>
    at('缺少必填字段', 'required field is missing', { zh: `补上“${key}”这一项。${SCHEMA_HINT.zh}`, en: `Add the "${key}" field. ${SCHEMA_HINT.en}` }),
  wrongType: (expected: string, received: string) =>
    at(`应为${TYPE_NAMES[expected] ?? expected}，实际是${TYPE_NAMES[received] ?? received}`, `expected ${expected}, received ${received}`, TYPE_HINTS[expected] ?? SCHEMA_HINT),
  badEnum: (received: string, options: string[]) =>
    at(`取值“${received}”无效，只能是：${options.join('、')}`, `invalid value "${received}"; allowed: ${options.join(', ')}`, {
      zh: `从上面列出的取值中选一个，照原样抄写（英文小写，带双引号），例如 "${options[0]}"。`,
      en: `Pick one of the values listed, spelled exactly as shown, e.g. "${options[0]}".`,
    }),
  unknownKeys: (keys: string[]) =>
    at(`未知字段：${keys.join('、')}（拼写错误？）`, `unknown field(s): ${keys.join(', ')} (a typo?)`, {
      zh: `改正字段名的拼写，或删除这个字段。${SCHEMA_HINT.zh}`,
      en: `Correct the field's spelling or remove it. ${SCHEMA_HINT.en}`,
    }),
  tooFewItems: (minimum: number | bigint) =>
    at(`至少需要 ${minimum} 项`, `needs at least ${minimum} item(s)`, { zh: '在方括号里至少写一项。', en: 'Write at least one item inside the square brackets.' }),
  empty: () =>
    at('不能为空', 'must not be empty', { zh: '填上内容；如果这是可选字段而你没有内容可写，就把整个字段删掉。', en: 'Fill it in; if the field is optional and you have nothing to say, remove the field.' }),
  tooSmall: (minimum: number | bigint) =>
    at(`不能小于 ${minimum}`, `must be at least ${minimum}`, { zh: `改成不小于 ${minimum} 的数。`, en: `Use a number of at least ${minimum}.` }),
};

/** MDX stage: file names, frontmatter and body. */
export const mdxMessages = {
  nameTooLong: (length: number, max: number) =>
    at(`文件名太长（${length} 个字符），最长 ${max} 个`, `the file name is too long (${length} characters); at most ${max}`, {
      zh: '文件名就是网址的一部分，用几个词概括即可，例如 zizhong-2024-09-clinic-hours.mdx。',
      en: 'The file name becomes part of the address; a few words will do, e.g. zizhong-2024-09-clinic-hours.mdx.',
    }),
  badName: () =>
    at('文件名只能用小写字母、数字和连字符', 'file name must use lowercase letters, digits and hyphens', {
      zh: '把文件改名，只用小写英文字母、数字和连字符，例如 zizhong-2024-09-clinic-hours.mdx；文件名就是网址的一部分。',
      en: 'Rename the file using lowercase letters, digits and hyphens, e.g. zizhong-2024-09-clinic-hours.mdx; the name becomes part of the address.',
    }),
  noFrontmatter: () =>
    at('缺少开头的 --- 元数据块（frontmatter）', 'missing the --- frontmatter block at the top', {
      zh: '文件第一行写 ---，接着每行写一项“字段: 值”（如 title: 标题），再写一行 --- 结束，然后才是正文。可用 npm run new 生成正确的文件。',
      en: 'Start the file with a line ---, then one "field: value" per line (e.g. title: …), then a closing ---, then the text. npm run new writes a correct file for you.',
    }),
  brokenFrontmatter: (message: string) =>
    at(`元数据（frontmatter）格式错误：${message}`, `broken frontmatter: ${message}`, {
      zh: '检查这一行：冒号后要有一个空格；含有冒号、井号或以 [ { 开头的文字要用英文双引号括起来；列表写成 [a, b] 且括号成对；缩进只用空格。',
      en: 'Check this line: a space after the colon; quote text containing a colon or # or starting with [ {; lists as [a, b] with both brackets; indent with spaces only.',
    }),
};

/** References stage: ids that must exist, once each. */
export const referenceMessages = {
  duplicateId: (collection: string, where: string) =>
    at(`id 重复：${collection} 中已有同名条目（${where}），请改用唯一的 id`, `duplicate id: ${collection} already has this id (${where}); use a unique id`, {
      zh: '如果是同一个条目写了两遍，删掉一处；如果是不同的条目，给这一个换个 id，例如加上年份、月份或机构名的拼音。',
      en: 'If the same entry is written twice, delete one; if they are different entries, give this one another id, e.g. add the year, month or a name.',
    }),
  missing: (target: string, value: string, folder: string) =>
    at(
      `引用的${COLLECTION_NAMES[target]}“${value}”不存在（检查拼写，或先添加该条目）`,
      `refers to ${target} "${value}", which does not exist (check the spelling, or add that entry first)`,
      {
        zh: `在 ${folder} 里找到要引用的条目，把它的 id 原样复制过来（区分大小写和连字符）；如果还没有这个条目，先添加它（npm run new 可以帮你）。`,
        en: `Find the entry in ${folder} and copy its id exactly; if it does not exist yet, add it first (npm run new helps).`,
      },
    ),
  parentLoop: (names: string) =>
    at(`上级地区（parent）绕成了一个圈：${names}`, `the parent regions form a loop: ${names}`, {
      zh: '每个地区的 parent 写它的上一级（县写所属的市，市写所属的省），省不写 parent。改正圈里写错的那一个。',
      en: 'Each region’s parent is the level above (a county’s prefecture, a prefecture’s province); a province has none. Correct the wrong one in the loop.',
    }),
  leadAsMember: (id: string) =>
    at(`牵头医院“${id}”又写进了成员，名单里会出现两次`, `the lead "${id}" is also listed as a member, so it would appear twice`, {
      zh: '牵头医院只写在 lead 里，从 members 里删掉它。',
      en: 'Name the lead only in lead; remove it from members.',
    }),
  memberTwice: (id: string) =>
    at(`成员“${id}”写了两次`, `member "${id}" is listed twice`, {
      zh: '删掉重复的那一项；需要补充说明时写在保留那一项的 note 里。',
      en: 'Delete the repeated item; put any extra words in the note of the one you keep.',
    }),
};

/** Rules stage, the glossary: one entry per word, rules that point somewhere. */
export const glossaryMessages = {
  wordTwice: (word: string, other: string) =>
    at(`词语“${word}”已是名词解释“${other}”的名称或别名`, `the word "${word}" already names the glossary entry "${other}"`, {
      zh: '一个词只解释一次：从这一条的 term 或 aliases 中删掉它，或把两条合并；需要时在 related 里互相链接。',
      en: 'Explain each word once: remove it from this entry’s term or aliases, or merge the two entries; link them through related if needed.',
    }),
  relatedToItself: () =>
    at('related 里写了这一条自己的 id', 'related names this entry itself', {
      zh: '从 related 中删掉它；related 只写其他相关词条的 id。',
      en: 'Remove it from related; related names other entries only.',
    }),
  emptyStatementRule: () =>
    at('statements 中的这一行既没有 words 也没有 fields，会链接所有医共体的所有说法', 'this statements row has neither words nor fields, so it would link every statement of every group', {
      zh: '写上要找的词（words），或要看的部分（fields，如 up、down、greenChannels），或删掉这一行。',
      en: 'Give the words to look for, or the parts to look in (fields such as up, down, greenChannels), or delete the row.',
    }),
};

/** Rules stage: what a schema cannot see (excerpts, periods, ranges, corrections, dates). */
export const ruleMessages = {
  periodHint: PERIOD_HINT,
  longExcerpt: (length: number) =>
    at(
      `摘录有 ${length} 个字，超过 ${EXCERPT_MAX_LENGTH} 个字：摘录只抄原文里最关键的几个字`,
      `the excerpt is ${length} characters, over ${EXCERPT_MAX_LENGTH}: quote only the few key words of the source`,
      {
        zh: '从原文中只复制最能说明这件事的短语（一字不改），其余用自己的话写进 text 或 note。',
        en: 'Copy only the phrase that carries the fact, word for word; say the rest in your own words in text or note.',
      },
    ),
  longFigureExcerpt: (length: number) =>
    at(
      `摘录有 ${length} 个字，超过 ${EXCERPT_MAX_LENGTH} 个字：摘录只抄数字前后的几个字`,
      `the excerpt is ${length} characters, over ${EXCERPT_MAX_LENGTH}: quote only the few words around the figure`,
      { zh: '从原文中只复制包含数字的短语（一字不改），其余用自己的话写进 note。', en: 'Copy only the phrase around the figure, word for word; put the rest in note in your own words.' },
    ),
  valueNotInExcerpt: (excerpt: string, value: number) =>
    at(
      `摘录“${excerpt}”中找不到数值 ${value}：摘录须包含原文写法的该数字（如 105423、105,423、63.9万、87.49%）`,
      `the excerpt does not contain the value ${value} as the source wrote it (e.g. 105423, 105,423, 63.9万, 87.49%)`,
      {
        zh: '先核对原文：如果 value 抄错了，就改正 value（63.9万 写成 639000，87.49% 写成 87.49）；如果摘录不对，就从原文复制包含这个数字的几个字作为 excerpt。',
        en: 'Check the source: if value is wrong, correct it (63.9万 is 639000, 87.49% is 87.49); if the excerpt is wrong, copy the few words around the figure from the source.',
      },
    ),
  rangeWithoutTop: () =>
    at('范围（qualifier 为 range）缺少上限 valueHigh', 'a range (qualifier "range") needs its top in valueHigh', {
      zh: '“1-2个”写成 "value": 1, "valueHigh": 2, "qualifier": "range"。',
      en: 'Write "1-2个" as "value": 1, "valueHigh": 2, "qualifier": "range".',
    }),
  topWithoutRange: () =>
    at('只有范围（qualifier 为 range）才写 valueHigh', 'valueHigh belongs only to a range (qualifier "range")', {
      zh: '是范围就加上 "qualifier": "range"；不是就删掉 valueHigh。',
      en: 'Add "qualifier": "range" if it is a range; otherwise remove valueHigh.',
    }),
  rangeUpsideDown: (low: number, high: number) =>
    at(`范围的上限 ${high} 应大于下限 ${low}`, `the top of the range (${high}) must be above its bottom (${low})`, {
      zh: 'value 写较小的数，valueHigh 写较大的数。',
      en: 'Put the smaller number in value and the larger in valueHigh.',
    }),
  topNotInExcerpt: (excerpt: string, high: number) =>
    at(`摘录“${excerpt}”中找不到范围的上限 ${high}`, `the excerpt does not contain the top of the range, ${high}`, {
      zh: '摘录须包含范围的两端，如“至少应有1-2个”。',
      en: 'The excerpt must contain both ends of the range, e.g. "至少应有1-2个".',
    }),
  statisticWithoutAcross: (statistic: string) =>
    at(`${statistic}（中位数、平均数或合计）须写明 across：是哪些下属单位的`, `a ${statistic} must say in across which sub-units it is taken over`, {
      zh: '例如 "across": { "label": "开展医共体建设的县（市、区）", "count": 9 }；来源没说个数就省略 count。',
      en: 'E.g. "across": { "label": "开展医共体建设的县（市、区）", "count": 9 }; leave out count when the source gives none.',
    }),
  acrossWithoutStatistic: () =>
    at('地方自己的数值不写 across；中位数、平均数或合计才写', 'across belongs only to a median, mean or total', {
      zh: '是中位数就加上 "statistic": "median"；不是就删掉 across。',
      en: 'Add "statistic": "median" if it is one; otherwise remove across.',
    }),
  correctedValueNotNumber: () => at('更正数值时应为数字，实际是文字', 'expected number for a corrected value, received string', TYPE_HINTS.number),
  correctionChangesNothing: () =>
    at('old 与 new 相同，看不出改了什么', 'old and new are the same, so nothing changed', {
      zh: 'old 写改正前网站上发布的值，new 写改正后的值。',
      en: 'old is what the site published before; new is the corrected value.',
    }),
  correctionDiffers: (corrected: string, observation: string, field: string, current: unknown) =>
    at(
      `更正后的值“${corrected}”与数据 ${observation} 现在的 ${field}“${current ?? '（空）'}”不一致`,
      `the corrected value "${corrected}" differs from the current ${field} "${current ?? '(empty)'}" of ${observation}`,
      {
        zh: `先在 data/observations/ 里改正这个数据（${observation}），再把改正后的值原样写进 new，改正前的值写进 old。`,
        en: `First correct the figure itself (${observation}) in data/observations/, then write the corrected value in new and the previous one in old.`,
      },
    ),
  dateAhead: (date: string) =>
    at(`日期 ${date} 在今天之后，还不能发布`, `the date ${date} is in the future; it cannot be published yet`, {
      zh: '写实际发布的日期（今天或更早）；如果是年份或月份写错了，改正它。',
      en: 'Write the date it is actually published (today or earlier); correct a mistyped year or month.',
    }),
  actualAhead: (period: string) =>
    at(`实际值的时期 ${period} 还没有到（在今天之后），不可能已经有实际数字`, `an actual figure for ${period}, a period still to come`, {
      zh: '核对时期（是否年份写错）；如果这是计划要达到的数，把 kind 改成 "target"。',
      en: 'Check the period (a mistyped year?); if the figure is a goal, set kind to "target".',
    }),
  belongsToNotClinic: (kind: string) =>
    at(`只有村卫生室（village-clinic）写 belongsTo，这个机构的类型是 ${kind}`, `only a village clinic has belongsTo; this institution is a ${kind}`, {
      zh: '删掉 belongsTo；机构属于哪个医共体由医共体的成员名单决定（data/groups/）。',
      en: 'Remove belongsTo; which group an institution is in comes from the groups’ member lists (data/groups/).',
    }),
  belongsToWrongKind: (target: string, kind: string) =>
    at(`belongsTo 要写管理这个村卫生室的乡镇卫生院或社区卫生服务中心，“${target}”的类型是 ${kind}`, `belongsTo must name the township or community health centre that runs the clinic; "${target}" is a ${kind}`, {
      zh: '改成乡镇卫生院（township-health-centre）或社区卫生服务中心（community-health-centre）的 id。',
      en: 'Write the id of a township-health-centre or community-health-centre.',
    }),
  belongsToLoop: (chain: string) =>
    at(`belongsTo 绕成了一个圈：${chain}`, `belongsTo forms a loop: ${chain}`, {
      zh: '村卫生室的 belongsTo 写乡镇卫生院；卫生院本身不写 belongsTo。改正圈里写错的那一个。',
      en: 'A village clinic’s belongsTo names its health centre; a health centre has none. Correct the wrong one in the loop.',
    }),
};

/** The labels of one problem as `npm run check` prints it. */
export const problemLabels = {
  entry: (entry: string) => `条目 entry “${entry}”`,
  field: (field: string) => `字段 field “${field}”`,
  howToFix: (hint: Hint) => `\n    怎么改：${hint.zh}\n    How to fix: ${hint.en}`,
  mdxBody: '正文 body',
};
