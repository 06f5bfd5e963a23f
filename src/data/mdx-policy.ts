/**
 * MDX is content, never code. One rule set, used by `npm run check` (src/data/validate/mdx.ts) and by the build (the remark
 * plugin below, run by the content loader's renderer, src/data/mdx-html.ts), so nothing check lets through can run or
 * leave the site at build time.
 *
 * Allowed: Markdown, links to this site or to http(s)/mailto addresses, images under public/ (`/images/…`), and the
 * components in MDX_COMPONENTS with quoted-text props. Rejected: every `{…}` expression, attribute expression, spread,
 * import/export, any other HTML or JSX element, raw HTML, `javascript:`/`data:`/`vbscript:` and other schemes,
 * and images that are not files of this site.
 */
import { createProcessor } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import remarkSmartypants from 'remark-smartypants';
import { INVISIBLE, name as visibleName } from '../schemas/common';
import { lstatSync } from 'node:fs';
import { readPublicFiles } from './validate/public-files';

/**
 * The remark plugins before the policy, in the order Astro's MDX pipeline ran them. The build's renderer
 * (src/data/mdx-html.ts) registers exactly these, then the policy; `npm run check` parses with the same list, so the
 * check and the build read one tree (one reading of Markdown).
 */
export const MDX_REMARK_PLUGINS = [remarkGfm, remarkSmartypants] as const;

/** Image files an MDX body may show: a site path under /images/ with one of these extensions, never a module. */
const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'webp', 'gif', 'avif'];

/**
 * Deepest nesting a body may have (blockquotes in lists in blockquotes…; a tree level each). Real texts stay under ten.
 * Deeper trees are refused by check and by the build's plugin alike, before any recursive step of the renderer (or of
 * this check) could run out of stack: a 1,200-deep blockquote passed check and crashed the build, a 3,000-deep one
 * crashed check.
 */
export const MDX_MAX_DEPTH = 100;
/** Block markers (>, -, *, +, 1.) opening containers on one line, checked before the parser runs (which overflows its stack near 3,000): each opens a tree level, so a line over this limit is over the depth limit, which the build also applies. */
const MAX_LINE_CONTAINERS = MDX_MAX_DEPTH;

/** Invisible and direction-changing characters, in a body: all of visibleText's but the zero-width joiner of emoji. */
const BODY_INVISIBLE = new RegExp(`[${INVISIBLE}]`, 'gu');

/** The project's own components an editor may use, and the props each takes (always quoted text). */
export const MDX_COMPONENTS: Record<string, readonly string[]> = {
  Note: ['title'],
};

export interface MdxViolation {
  /** Line in the text handed to the check (1-based). */
  line: number;
  /** What is not allowed, in Chinese. */
  zh: string;
  /** The same in English. */
  en: string;
  /** What to write instead. */
  hint: { zh: string; en: string };
}

/** The few fields of mdast/MDX nodes the policy reads; kept local so the rules do not depend on type packages. */
interface Node {
  type: string;
  name?: string | null;
  url?: string;
  identifier?: string;
  value?: unknown;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number } };
  children?: Node[];
}

const ALLOWED_LIST = Object.keys(MDX_COMPONENTS).length
  ? Object.entries(MDX_COMPONENTS).map(([name, props]) => `<${name}${props.map((p) => ` ${p}="…"`).join('')}>…</${name}>`).join('、')
  : '';

const HINTS = {
  code: {
    zh: '正文只能是文字。花括号请用全角“｛｝”；要引用本站的文件或数据，写 Markdown 链接，如 [资中县医共体](/groups/zizhong/)。',
    en: 'The text must be plain. Write full-width ｛｝ for braces; to refer to a page of this site, write a Markdown link such as [资中县医共体](/groups/zizhong/).',
  },
  element: {
    zh: `用 Markdown 代替标签：## 标题、**加粗**、- 列表、[文字](/网址/) 链接、![说明](/images/图.png) 图片${ALLOWED_LIST ? `；提示框写 ${ALLOWED_LIST}` : ''}。“<5岁”请写成“小于5岁”或全角“＜5岁”。见 docs/编辑指南.md 的“正文里能写什么”。`,
    en: `Use Markdown instead of tags: ## heading, **bold**, - list, [text](/path/) link, ![caption](/images/x.png) image${ALLOWED_LIST ? `; for a callout write ${ALLOWED_LIST}` : ''}. Write “小于5岁” or full-width ＜ instead of <5. See “正文里能写什么” in docs/编辑指南.md.`,
  },
  prop: {
    zh: '组件的属性只能写成带英文双引号的文字，例如 <Note title="办理时间">…</Note>；不能用 { }，也不能用 {...}。',
    en: 'Component props must be quoted text, e.g. <Note title="办理时间">…</Note>; no { } and no {...}.',
  },
  link: {
    zh: '链接写成本站地址 [文字](/documents/文件名/)，或以 https:// 开头的网址 [文字](https://www.nhc.gov.cn/…)，或 mailto:邮箱。',
    en: 'Link to a page of this site [text](/documents/name/), to an address starting with https:// [text](https://www.nhc.gov.cn/…), or to mailto:address.',
  },
  image: {
    zh: '把图片放进 public/images/，再写 ![图片说明](/images/文件名.png)；不能引用其他网站的图片或项目以外的文件。',
    en: 'Put the image in public/images/ and write ![caption](/images/name.png); images from other sites or outside the project are not allowed.',
  },
  definition: {
    zh: '每个标签只定义一次，例如 [图1]: /images/图1.png；要用两张图就起两个标签（[图1]、[图2]）。',
    en: 'Define each label once, e.g. [图1]: /images/图1.png; for two images use two labels ([图1], [图2]).',
  },
  deep: {
    zh: '正文的引用（>）和列表最多套几层；把内容改写成普通段落或一层列表。',
    en: 'Quotes (>) and lists nest only a few levels deep; write the text as plain paragraphs or a single list.',
  },
  invisible: {
    zh: '删掉这个看不见的字符：把这段文字删除后重新手工输入，或先粘贴到记事本里再复制过来。',
    en: 'Remove the invisible character: delete the text and type it again, or paste it through a plain-text editor first.',
  },
  parse: {
    zh: '正文只用普通 Markdown（## 标题、- 列表、[文字](/网址/) 链接）。< 和 { 在正文里有特殊含义：“<5岁”请写成“小于5岁”或全角“＜5岁”，花括号请用全角“｛｝”；不要写 import 或 <标签>。',
    en: 'Use plain Markdown in the text (## headings, - lists, [text](/path/) links). < and { are special: write “小于5岁” or full-width ＜ instead of <5, full-width ｛｝ for braces; no import or <tags>.',
  },
};

/**
 * A URL as a browser reads it: character references are already decoded by the parser; browsers also drop ASCII
 * whitespace and control characters anywhere in a scheme and treat `\` as `/`.
 */
function normaliseUrl(url: string): string {
  return url.replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g, '').replace(/\\/g, '/').toLowerCase();
}

const schemeOf = (url: string) => /^([a-z][a-z0-9+.-]*):/.exec(url)?.[1];
const DANGEROUS = new Set(['javascript', 'data', 'vbscript']);

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Why a link target is not allowed, or undefined when it is. */
function linkProblem(raw: string): { zh: string; en: string } | undefined {
  const url = normaliseUrl(raw);
  const scheme = schemeOf(url);
  if (scheme && DANGEROUS.has(scheme)) return { zh: `链接用了不允许的 ${scheme}: 地址（${raw}）`, en: `the link uses a forbidden ${scheme}: address (${raw})` };
  if (scheme && !['http', 'https', 'mailto'].includes(scheme)) return { zh: `链接地址的开头 ${scheme}: 不允许（${raw}）`, en: `links may not start with ${scheme}: (${raw})` };
  if (!scheme && url.startsWith('//')) return { zh: `链接地址缺少 https:（${raw}）`, en: `the link address lacks https: (${raw})` };
  return undefined;
}

/**
 * Why an image source is not allowed, or undefined when it is. Only a file of this site under /images/, written from
 * the root exactly (`/images/图.png`): Astro imports any other local image path as a module at build time, so
 * relative paths, backslashes, encoded separators or dots, whitespace and control characters, queries and fragments
 * are all refused as written, before any browser-style normalisation could make them look harmless.
 */
function imageProblem(raw: string, images?: ReadonlySet<string>): { zh: string; en: string } | undefined {
  const url = normaliseUrl(raw);
  const scheme = schemeOf(url);
  if (scheme && DANGEROUS.has(scheme)) return { zh: `图片用了不允许的 ${scheme}: 地址（${raw}）`, en: `the image uses a forbidden ${scheme}: address (${raw})` };
  if (scheme || url.startsWith('//')) return { zh: `图片来自其他网站（${raw}），只能用本站 public/images/ 里的图片`, en: `the image comes from another site (${raw}); only images in this site's public/images/ are allowed` };
  const outside = { zh: `图片路径（${raw}）不在本站的 public/images/ 目录里，要写成 /images/文件名.png`, en: `the image path (${raw}) is not inside this site's public/images/ folder; write /images/name.png` };
  // As written: no backslash, whitespace, control or invisible character, query or fragment, and no encoded dot,
  // slash, backslash or percent sign (other %XX escapes, such as a Chinese file name's, are fine).
  if (/[\\\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff?#]|%(?:2e|2f|5c|25)/iu.test(raw)) return outside;
  let path: string;
  try {
    path = decodeURI(raw);
  } catch {
    return outside;
  }
  if (!path.startsWith('/images/') || /[\\?#%]/.test(path)) return outside;
  const segments = path.slice('/images/'.length).split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return outside;
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (!extension || !IMAGE_EXTENSIONS.includes(extension)) {
    return { zh: `图片文件（${raw}）不是 ${IMAGE_EXTENSIONS.join('、')} 图片`, en: `the image file (${raw}) is not a ${IMAGE_EXTENSIONS.join('/')} image` };
  }
  // The page would show a broken image: the file is not in public/ (or public/ refuses it, see public-files.ts).
  if (images && !images.has(path)) return { zh: `图片 public${path} 不存在（或不能发布）`, en: `the image public${path} does not exist (or cannot be published)` };
  return undefined;
}

const describe = (name: string | null | undefined) => (name ? `<${name}>` : '<>');

/** The first invisible or direction-changing character of a text, as U+XXXX (a zero-width joiner inside an emoji is fine). */
function invisibleIn(text: string): string | undefined {
  for (const m of text.matchAll(BODY_INVISIBLE)) {
    if (m[0] === '\u200D' && /\p{Extended_Pictographic}/u.test(text.slice(Math.max(0, m.index! - 2), m.index!))) continue;
    return `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return undefined;
}

/** The deepest node of a tree and its depth (the root is 0), found with a stack of its own. */
function deepestNode(root: Node): { node: Node; depth: number } {
  let deepest = { node: root, depth: 0 };
  const stack: [Node, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest.depth) deepest = { node, depth };
    for (const child of node.children ?? []) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Most emphasis marks (* _) or brackets in one paragraph: the Markdown parser pairs them up in time that grows with the
 * square of their number (2,000 nested emphases took 4 s, 3,000 took 20 s, in check and in the build alike).
 */
const MAX_MARKS_PER_PARAGRAPH = 1000;

/**
 * The first line of a paragraph with more emphasis marks or brackets than any text needs. Paragraphs are counted between
 * blank lines (CRLF ones included); a chunk between blank lines holds one paragraph or more, never part of one.
 */
function tooManyMarks(body: string): number | undefined {
  let line = 1;
  for (const paragraph of body.split(/\r?\n[ \t]*(?=\r?\n)/)) {
    let emphasis = 0;
    let brackets = 0;
    for (let i = 0; i < paragraph.length; i++) {
      const c = paragraph.charCodeAt(i);
      if (c === 42 || c === 95) emphasis++;
      else if (c === 91) brackets++;
    }
    if (emphasis > MAX_MARKS_PER_PARAGRAPH || brackets > MAX_MARKS_PER_PARAGRAPH) return line + (paragraph.match(/^(?:\r?\n)*/)![0].split('\n').length - 1);
    line += paragraph.split('\n').length;
  }
  return undefined;
}

/** Lines that open more containers than any text needs (> > > …, - - - …), before the parser has to read them. */
function tooManyContainers(body: string): number | undefined {
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let rest = lines[i];
    let count = 0;
    for (let m; (m = /^[ \t]{0,3}(?:>[ \t]?|[-+*][ \t]+|\d{1,9}[.)][ \t]+)/.exec(rest)) && m[0].length; rest = rest.slice(m[0].length)) {
      if (++count > MAX_LINE_CONTAINERS) return i + 1;
    }
  }
  return undefined;
}

/** Every place in an MDX tree (from @mdx-js/mdx, in check or the build) that the policy does not allow. */
export interface MdxPolicyOptions {
  /** Site paths of the images public/ may publish (`/images/chart.png`); when given, an image not among them is refused. */
  images?: ReadonlySet<string>;
}

export function mdxTreeViolations(tree: unknown, options: MdxPolicyOptions = {}): MdxViolation[] {
  const root = tree as Node;
  const violations: MdxViolation[] = [];
  // Depth first, without recursion: the rest of the policy walks the tree recursively, as the renderer does.
  const deepest = deepestNode(root);
  if (deepest.depth > MDX_MAX_DEPTH) {
    return [
      {
        line: deepest.node.position?.start.line ?? 1,
        zh: `正文嵌套太深（${deepest.depth} 层，最多 ${MDX_MAX_DEPTH} 层）`,
        en: `the text is nested too deep (${deepest.depth} levels, at most ${MDX_MAX_DEPTH})`,
        hint: HINTS.deep,
      },
    ];
  }
  // Every definition, by label: CommonMark, mdast-util-to-hast and Astro's image collection use the first of two
  // definitions of one label, another reader may use the last, so a label defined twice is refused outright, and a
  // label an image uses is checked as an image in every definition it has.
  const definitions = new Map<string, Node[]>();
  const imageLabels = new Set<string>();
  const collect = (node: Node) => {
    if (node.type === 'definition' && node.identifier !== undefined) {
      const list = definitions.get(node.identifier);
      if (list) list.push(node);
      else definitions.set(node.identifier, [node]);
    }
    if (node.type === 'imageReference' && node.identifier !== undefined) imageLabels.add(node.identifier);
    node.children?.forEach(collect);
  };
  collect(root);

  const add = (node: Node, message: { zh: string; en: string }, hint: MdxViolation['hint']) =>
    violations.push({ line: node.position?.start.line ?? 1, ...message, hint });

  const visit = (node: Node) => {
    for (const text of [node.value, (node as { alt?: unknown }).alt, (node as { title?: unknown }).title]) {
      const found = typeof text === 'string' ? invisibleIn(text) : undefined;
      if (found) add(node, { zh: `正文里有看不见的字符 ${found}（会让文字显示得与实际内容不同）`, en: `the text holds the invisible character ${found} (it makes text show differently from what it is)` }, HINTS.invisible);
    }
    switch (node.type) {
      case 'mdxjsEsm':
        add(node, { zh: '正文里有 import 或 export 语句，本站的正文不能含代码', en: 'the text holds an import or export statement; text here cannot hold code' }, HINTS.code);
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        add(node, { zh: '正文里有花括号表达式 { }，本站的正文不能含代码', en: 'the text holds a { } expression; text here cannot hold code' }, HINTS.code);
        break;
      case 'html':
        add(node, { zh: '正文里有 HTML 代码，本站的正文不能含 HTML', en: 'the text holds raw HTML; text here cannot hold HTML' }, HINTS.element);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const props = node.name && Object.hasOwn(MDX_COMPONENTS, node.name) ? MDX_COMPONENTS[node.name] : undefined;
        if (!props) {
          add(node, { zh: `正文里有标签 ${describe(node.name)}，本站的正文不能使用这个标签`, en: `the text uses the tag ${describe(node.name)}; it is not allowed here` }, HINTS.element);
          break;
        }
        for (const attribute of node.attributes ?? []) {
          if (attribute.type !== 'mdxJsxAttribute') {
            add(node, { zh: `${describe(node.name)} 里有 {...} 展开属性，不允许`, en: `${describe(node.name)} has a {...} spread attribute; not allowed` }, HINTS.prop);
          } else if (!props.includes(attribute.name ?? '')) {
            add(node, { zh: `${describe(node.name)} 没有属性 ${attribute.name}（可用：${props.join('、') || '无'}）`, en: `${describe(node.name)} has no prop ${attribute.name} (allowed: ${props.join(', ') || 'none'})` }, HINTS.prop);
          } else if (typeof attribute.value !== 'string') {
            add(node, { zh: `${describe(node.name)} 的属性 ${attribute.name} 必须是带引号的文字`, en: `the prop ${attribute.name} of ${describe(node.name)} must be quoted text` }, HINTS.prop);
          } else {
            // A prop is shown as a heading: the same rule as every name and title (visible, one line, not too long).
            const result = visibleName.safeParse(attribute.value.normalize('NFC').trim());
            if (!result.success) {
              const [zh, en] = result.error.issues[0].message.split(' / ');
              const found = invisibleIn(attribute.value);
              add(node, { zh: `${describe(node.name)} 的属性 ${attribute.name}：${zh}${found ? `：${found}` : ''}`, en: `the prop ${attribute.name} of ${describe(node.name)}: ${en ?? zh}${found ? `: ${found}` : ''}` }, found ? HINTS.invisible : HINTS.prop);
            }
          }
        }
        break;
      }
      case 'definition': {
        const label = node.identifier ?? '';
        const same = definitions.get(label) ?? [];
        if (same.length > 1 && same[0] !== node) {
          add(node, { zh: `链接标签 [${label}] 定义了不止一次（第 ${same[0].position?.start.line ?? 1} 行已定义）`, en: `the link label [${label}] is defined more than once (first on line ${same[0].position?.start.line ?? 1})` }, HINTS.definition);
        }
        const problem = imageLabels.has(label) ? imageProblem(node.url ?? '', options.images) : linkProblem(node.url ?? '');
        if (problem) add(node, problem, imageLabels.has(label) ? HINTS.image : HINTS.link);
        break;
      }
      case 'link': {
        const problem = linkProblem(node.url ?? '');
        if (problem) add(node, problem, HINTS.link);
        break;
      }
      case 'image': {
        const problem = imageProblem(node.url ?? '', options.images);
        if (problem) add(node, problem, HINTS.image);
        break;
      }
    }
    node.children?.forEach(visit);
  };
  visit(root);
  return violations;
}

/** Thrown by the last plugin of the check's processor: the tree is read, nothing is compiled. */
class TreeRead {
  constructor(readonly tree: unknown) {}
}

/** @mdx-js/mdx's processor with Astro's remark plugins in Astro's order; it stops once the remark tree is ready. */
const parser = createProcessor({
  remarkPlugins: [
    ...MDX_REMARK_PLUGINS,
    () => (tree: unknown) => {
      throw new TreeRead(tree);
    },
  ],
});

/**
 * What the text holds that no reader of Markdown should be handed: more containers on a line or more emphasis marks in a
 * paragraph than any text needs. One rule for check (mdxViolations) and the build (remarkMdxPolicy wraps the parser
 * with it), applied to the raw text before either parses it, so both refuse the same files and neither stalls.
 */
export function mdxTextViolations(body: string): MdxViolation[] {
  const crowded = tooManyContainers(body);
  if (crowded !== undefined)
    return [{ line: crowded, zh: `正文嵌套太深（一行里超过 ${MAX_LINE_CONTAINERS} 层引用或列表）`, en: `the text is nested too deep (over ${MAX_LINE_CONTAINERS} quotes or lists on one line)`, hint: HINTS.deep }];
  const marked = tooManyMarks(body);
  if (marked !== undefined)
    return [{ line: marked, zh: `正文一段里的 * _ [ 标记超过 ${MAX_MARKS_PER_PARAGRAPH} 个`, en: `a paragraph holds over ${MAX_MARKS_PER_PARAGRAPH} * _ [ marks`, hint: HINTS.deep }];
  return [];
}

/** Everything not allowed in an MDX body, a syntax error included (then the only violation). */
export function mdxViolations(body: string, options: MdxPolicyOptions = {}): MdxViolation[] {
  const raw = mdxTextViolations(body);
  if (raw.length) return raw;
  let tree;
  try {
    parser.runSync(parser.parse(body) as never);
    throw new Error('the MDX tree was not handed over');
  } catch (error) {
    if (error instanceof TreeRead) {
      tree = error.tree;
    } else {
      if (error instanceof RangeError) return [{ line: 1, zh: '正文嵌套太深，无法读取', en: 'the text is nested too deep to be read', hint: HINTS.deep }];
      const e = error as Error & { line?: number; place?: { line?: number; start?: { line?: number } } };
      const line = e.line ?? e.place?.line ?? e.place?.start?.line ?? 1;
      const first = e.message.split('\n')[0];
      return [{ line, zh: `正文无法解析：${first}`, en: `the text cannot be parsed: ${first}`, hint: HINTS.parse }];
    }
  }
  return mdxTreeViolations(tree, options);
}

/** The images public/ may publish, read once per build (the same reading as npm run check's). */
const imagesByRoot = new Map<string, ReadonlySet<string>>();
function publicImages(root: string): ReadonlySet<string> {
  let images = imagesByRoot.get(root);
  if (!images) imagesByRoot.set(root, (images = readPublicFiles(root).files));
  return images;
}

/**
 * Remark plugin of the build's MDX renderer (src/data/mdx-html.ts): stops the build before anything is made of the
 * file, naming the file and line. `npm run check` reports the same places first, through mdxViolations.
 */
export function remarkMdxPolicy(this: unknown) {
  // Before the parser: the same raw-text limits as check (mdxTextViolations), so a text check refuses never reaches the
  // parser that would stall on it. unified calls this attacher after remark-parse's, which set `parser`.
  const processor = this as { parser?: (doc: string, file: PolicyFile) => unknown } | undefined;
  const parse = processor?.parser;
  if (typeof parse === 'function') {
    processor!.parser = (doc, file) => {
      const violations = mdxTextViolations(doc);
      if (violations.length) throw policyError(file, violations);
      return parse(doc, file);
    };
  }
  return (tree: unknown, file: PolicyFile) => {
    // Astro's file loader follows links; check never reads through one (src/data/read-sources.ts), nor does the build.
    if (file.path && lstatSync(file.path, { throwIfNoEntry: false })?.isSymbolicLink())
      throw new Error(`${file.path}: 这是符号链接，网站不读取链接指向的内容 / a symbolic link; the site does not read what a link points to`);
    const violations = [...(typeof file.value === 'string' ? mdxTextViolations(file.value) : []), ...mdxTreeViolations(tree, { images: publicImages(file.cwd ?? process.cwd()) })];
    if (violations.length) throw policyError(file, violations);
  };
}

interface PolicyFile {
  path?: string;
  cwd?: string;
  value?: unknown;
}

/** The build's error for a text the policy refuses, naming the file and line as check does. */
function policyError(file: PolicyFile, violations: MdxViolation[]): Error {
  const name = file.path && file.cwd && file.path.startsWith(file.cwd + '/') ? file.path.slice(file.cwd.length + 1) : (file.path ?? 'MDX');
  const lines = violations.map((v) => `${name}:${v.line}: ${v.zh} / ${v.en}\n  → ${v.hint.zh}\n  → ${v.hint.en}`);
  return new Error(`正文含有不允许的内容 / the text holds content that is not allowed (npm run check lists it too):\n${lines.join('\n')}`);
}

/**
 * Rehype plugin, second line of defence: Astro's image collection (remarkCollectImages) lists every local image path,
 * which Astro would import as a module. The policy allows none, so if any was collected the build stops here.
 */
export function rehypeNoImageImports() {
  return (_tree: unknown, file: { path?: string; data?: { astro?: { localImagePaths?: string[] } } }) => {
    const paths = file.data?.astro?.localImagePaths ?? [];
    if (paths.length) {
      throw new Error(`正文的图片只能用 /images/ 开头的本站地址 / images must be site paths under /images/: ${file.path ?? 'MDX'}: ${paths.join(', ')}`);
    }
  };
}
