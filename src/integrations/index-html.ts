/**
 * The copy of a built page that Pagefind indexes (the page on disk is not changed). Its text has a space between
 * neighbouring Han characters, so Pagefind indexes single characters instead of jieba's words; and in one hidden block
 * at the end of the searchable area it carries the Han pair tokens of src/lib/search-tokens.ts: those of the headings
 * with their heading's weight, those of the rest with weight 1. As metadata it adds the page title
 * without the site name (what a result links with) and the tokens of the page's name (its h1) and of its section
 * names (h2, h3; the part before a "：") in fields named after the name's length, `name7` or `part4`: the search page
 * weights a field more the shorter its name (src/lib/search-names.ts), so a query that is most of a name ranks
 * that page first, and "孟津" finds 孟津县 before 孟津县妇幼保健院.
 */
import { parse, HTMLElement, TextNode, type Node } from 'node-html-parser';
import { indexTokens, spacedHan } from '../lib/search-tokens';
import { nameField } from '../lib/search-names';
import { indicatorForms } from '../lib/search-aliases';
import { figureTokens, writeFigures, type PageFigure } from '../lib/search-numbers';
import type { SearchRecord } from '../lib/search-records';
import type { CustomRecord } from 'pagefind';

/** Pagefind's own weights for headings; body text is 1. */
const HEADING_WEIGHT: Record<string, number> = { H1: 7, H2: 6, H3: 5, H4: 4, H5: 3, H6: 2 };
/** Elements whose edges end a run of text (inline elements such as <a> or <strong> do not). */
const BLOCK = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR CAPTION DD DETAILS DIV DL DT FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL'.split(' '),
);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG']);

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Hidden carriers of a filter or metadata value: their words are not page text. */
const isValueCarrier = (el: HTMLElement) => el.hasAttribute('hidden') && (el.hasAttribute('data-pagefind-filter') || el.hasAttribute('data-pagefind-meta'));

/**
 * The text of the searchable area, split by weight (headings by level, the rest under weight 1); the area's own text
 * is spaced out on the way.
 */
function textByWeight(body: HTMLElement): Map<number, string[]> {
  const byWeight = new Map<number, string[]>();
  const push = (weight: number, text: string) => {
    const list = byWeight.get(weight) ?? byWeight.set(weight, ['']).get(weight)!;
    list[list.length - 1] += text;
  };
  const breakRun = (weight: number) => byWeight.get(weight)?.push('');
  // `space`: false inside elements whose text is also a metadata or filter value, which must stay as written.
  const walk = (node: Node, weight: number, space: boolean) => {
    if (node instanceof TextNode) {
      push(weight, node.text);
      if (space) node.rawText = spacedHan(node.rawText);
      return;
    }
    if (!(node instanceof HTMLElement)) return;
    if (SKIPPED.has(node.tagName) || node.hasAttribute('data-pagefind-ignore') || isValueCarrier(node)) return;
    const own = HEADING_WEIGHT[node.tagName] ?? weight;
    const block = BLOCK.has(node.tagName);
    const keep = node.hasAttribute('data-pagefind-meta') || node.hasAttribute('data-pagefind-filter');
    if (block) breakRun(own);
    for (const child of node.childNodes) walk(child, own, space && !keep);
    if (block) breakRun(own);
  };
  walk(body, 1, true);
  return byWeight;
}

/** The page `title` without the site name, e.g. "麻屯镇卫生院 · 孟津县第一医疗卫生共同体 · 洛阳市孟津县". */
function pageTitle(root: HTMLElement, siteName: string): string {
  const title = root.querySelector('title')?.text.trim() ?? '';
  const suffix = ` | ${siteName}`;
  return title.endsWith(suffix) ? title.slice(0, -suffix.length) : title;
}

/** The page as Pagefind should index it; pages without a searchable area are returned unchanged. */
export function pageForIndex(html: string, siteName: string, options: { directory?: boolean } = {}): string {
  const root = parse(html, { comment: false, blockTextElements: { script: true, style: true, noscript: true } });
  const body = root.querySelector('[data-pagefind-body]');
  if (!body) return html;

  // A directory (the home page, the lists of groups, institutions, regions) names everything on the site; indexed,
  // its lists would put it beside every page it links to for every name. Its own prose is indexed, its lists are not.
  if (options.directory) for (const el of body.querySelectorAll('ul, ol, table, dl')) el.setAttribute('data-pagefind-ignore', '');

  // Filter and metadata values stay values; they are not words of the page.
  for (const el of body.querySelectorAll('[data-pagefind-filter], [data-pagefind-meta]')) if (isValueCarrier(el)) el.setAttribute('data-pagefind-ignore', '');

  // Names first: spacing out the text (textByWeight) would split them.
  const heading = body.querySelector('h1')?.text ?? '';
  const title = pageTitle(root, siteName) || heading;
  const names = new Map<string, string[]>();
  const addName = (kind: 'name' | 'part', text: string) => {
    const tokens = indexTokens(text);
    const field = nameField(kind, text.match(/\p{Script=Han}/gu)?.length ?? 0);
    if (tokens.length) names.set(field, [...(names.get(field) ?? []), ...tokens]);
  };
  addName('name', heading);
  for (const h of body.querySelectorAll('h2, h3')) if (!h.closest('[data-pagefind-ignore]')) addName('part', h.text.split(/[：:]/)[0]);

  const blocks = [...textByWeight(body)]
    .sort(([a], [b]) => b - a)
    .map(([weight, runs]) => {
      const tokens = runs.flatMap(indexTokens);
      return tokens.length ? `<p data-pagefind-weight="${weight}">${tokens.join(' ')}</p>` : '';
    });
  // Its figures' rows (`obs-<id>`) with the numbers their value cell shows (both ends of a range), so a number query
  // links to the row and finds the figure however it is rounded (10.5万).
  const figures: PageFigure[] = body.querySelectorAll('tr[id^="obs-"]').flatMap((row) =>
    (row.querySelector('td.num')?.text.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).map((n) => ({ id: row.id.slice('obs-'.length), value: Number(n.replace(/,/g, '')) })),
  );
  // An indicator page also answers to what readers call its figure (下转率); like a record's aliases, these words
  // follow the pair tokens, so they are searched and checked but never shown.
  const isIndicator = body.querySelector('[data-pagefind-filter="kind"]')?.text.trim() === '指标';
  const forms = isIndicator ? indicatorForms(heading.trim()) : [];
  body.insertAdjacentHTML(
    'beforeend',
    `<div hidden>` +
      `<span data-pagefind-ignore data-pagefind-meta="title">${escapeHtml(title)}</span>` +
      [...names].map(([field, tokens]) => `<span data-pagefind-ignore data-pagefind-meta="${field}">${tokens.join(' ')}</span>`).join('') +
      blocks.join('') +
      forms.map((f) => `<p>${escapeHtml(spacedHan(f))} ${indexTokens(f).join(' ')}</p>`).join('') +
      (figures.length
        ? `<span data-pagefind-ignore data-pagefind-meta="figures">${writeFigures(figures)}</span><p>${[...new Set(figures.flatMap((f) => figureTokens(f.value)))].join(' ')}</p>`
        : '') +
      `</div>`,
  );
  return root.toString();
}

/**
 * A search record (src/lib/search-records.ts) as Pagefind should index it, in the same words a page gets: its lines
 * spaced out and joined with "。" (what the excerpt shows), then their pair tokens; its name and aliases as name
 * fields, so a record ranks like the page it stands for.
 */
export function recordForIndex(record: SearchRecord): CustomRecord {
  const names: Record<string, string[]> = {};
  const hanLength = (text: string) => text.match(/\p{Script=Han}/gu)?.length ?? 0;
  for (const name of [record.name, ...record.aliases]) {
    const tokens = indexTokens(name);
    // An alias weighs no more than the name: 孟津二院 must not outrank the county 孟津 for "孟津".
    const field = nameField('name', Math.max(hanLength(name), hanLength(record.name)));
    if (tokens.length) (names[field] ??= []).push(...tokens);
  }
  // Its names in pinyin weigh like its name, so "mengjin" ranks the county 孟津县 above 孟津县人民医院.
  const ownField = nameField('name', hanLength(record.name));
  if (record.spelled.length) (names[ownField] ??= []).push(...record.spelled);
  const meta: Record<string, string> = { title: record.title, kind: record.kind };
  if (record.figures.length) meta.figures = writeFigures(record.figures);
  if (record.region) meta.region = record.region;
  for (const [field, tokens] of Object.entries(names)) meta[field] = tokens.join(' ');
  // After the first pair token nothing is shown (readableContent cuts there), but the search page still reads it
  // to check a query's words stand together on the page: so the aliases and hidden words follow, as text and as pairs.
  const unseen = [...record.aliases, ...record.hidden, ...record.spelled];
  const numbers = [...new Set(record.figures.flatMap((f) => figureTokens(f.value)))];
  return {
    url: record.url,
    language: 'zh-cn',
    content: [spacedHan(record.lines.join('。')), ...record.lines.flatMap(indexTokens), spacedHan(unseen.join(' 。 ')), ...unseen.flatMap(indexTokens), ...numbers].join(' '),
    meta,
    filters: record.region ? { kind: [record.kind], region: [record.region] } : { kind: [record.kind] },
  };
}
