/**
 * `npm run copying -- <sources folder> [site folder]` (also `npm run bench -- copying <sources folder>`): a curator's
 * check that the site says things in its own words. Lists every run of more than 30 characters that a built page's
 * visible text shares with a source text in the folder (plain .txt files, as scraped). Both sides are folded before
 * comparing: Traditional characters to Simplified (opencc-js), full- and half-width punctuation, spaces and all other
 * punctuation dropped, pinyin glosses in brackets after characters ("關(guān)") removed. Aside: excerpts quoted as
 * citations (`<q>`), titles in 《》, and the documents' original titles (their citation titles).
 *
 * Not part of the build or the tests: they never read the sources. Exits 1 when any run is found.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ConverterFactory } from 'opencc-js/core';
import hongKongVariants from 'opencc-js/dict/HKVariantsRev';
import fromTaiwan from 'opencc-js/from/tw';
import toSimplified from 'opencc-js/to/cn';

/** Longest shared run allowed; a run of more than this many characters is reported. */
export const MAX_SHARED = 30;

const toSimplifiedText: (text: string) => string = ConverterFactory([hongKongVariants], ...fromTaiwan, ...toSimplified);

/** A text folded for comparison, with each kept character's offset in the original (for quoting the run back). */
export interface Folded {
  text: string;
  at: number[];
}

// Pinyin glosses as scraped: "(guān)", also with stray spaces ("(huì )").
const PINYIN_GLOSS = /\(\s*[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]+\s*\)/g;

/** Traditional → Simplified, width folded (NFKC), pinyin glosses out; keeps only letters and digits. */
export function fold(original: string): Folded {
  const simplified = toSimplifiedText(original.replace(PINYIN_GLOSS, (m) => ' '.repeat(m.length)));
  const text: string[] = [];
  const at: number[] = [];
  // opencc maps character for character here, so offsets in `simplified` are offsets in `original`.
  for (let i = 0; i < simplified.length; i++) {
    const c = simplified[i].normalize('NFKC');
    if (/^[\p{L}\p{N}]+$/u.test(c)) {
      text.push(c.toLowerCase());
      at.push(i);
    }
  }
  return { text: text.join(''), at };
}

/** The visible text of a built page: no scripts, styles or hidden parts; citations (`<q>`, 《…》) blanked out. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<q\b[\s\S]*?<\/q>/gi, ' ')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/《[^《》\n]{1,120}》/g, ' ');
}

export interface SharedRun {
  page: string;
  source: string;
  /** How many letters and digits the run holds after folding. */
  length: number;
  /** The run as the page shows it. */
  text: string;
}

/** Every maximal run of more than MAX_SHARED folded characters shared by the page and a source. */
export function sharedRuns(page: { name: string; text: string }, sources: { name: string; folded: Folded; grams: Map<string, number[]> }[], aside: string[] = []): SharedRun[] {
  let pageText = page.text;
  for (const title of aside) pageText = pageText.split(title).join(' ');
  const folded = fold(pageText);
  const k = MAX_SHARED + 1;
  const runs: SharedRun[] = [];
  for (const source of sources) {
    let i = 0;
    while (i + k <= folded.text.length) {
      const starts = source.grams.get(folded.text.slice(i, i + k));
      if (!starts) {
        i++;
        continue;
      }
      // Extend the longest match from here over every place the gram occurs in the source.
      let best = k;
      for (const s of starts) {
        let n = k;
        while (i + n < folded.text.length && s + n < source.folded.text.length && folded.text[i + n] === source.folded.text[s + n]) n++;
        best = Math.max(best, n);
      }
      const from = folded.at[i];
      const to = folded.at[i + best - 1] + 1;
      runs.push({ page: page.name, source: source.name, length: best, text: pageText.slice(from, to).replace(/\s+/g, ' ').trim() });
      i += best;
    }
  }
  return runs;
}

/** Every k-gram of a folded source, with where it starts. */
export function gramsOf(folded: Folded, k = MAX_SHARED + 1): Map<string, number[]> {
  const grams = new Map<string, number[]>();
  for (let i = 0; i + k <= folded.text.length; i++) {
    const g = folded.text.slice(i, i + k);
    const list = grams.get(g);
    if (list) list.push(i);
    else grams.set(g, [i]);
  }
  return grams;
}

function filesUnder(folder: string, ext: RegExp): string[] {
  return (readdirSync(folder, { recursive: true }) as string[]).map((f) => join(folder, f)).filter((f) => ext.test(f) && statSync(f).isFile()).sort();
}

/** The original titles of the documents (citation titles, set aside), from content/documents/*.mdx. */
function originalTitles(root: string): string[] {
  const folder = join(root, 'content/documents');
  try {
    return filesUnder(folder, /\.mdx$/).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/^originalTitle:\s*(.+)$/gm)].map((m) => m[1].trim().replace(/^["']|["']$/g, '')));
  } catch {
    return [];
  }
}

export function runCopying(sourcesFolder: string, siteFolder = 'dist', root = '.'): SharedRun[] {
  const sources = filesUnder(resolve(sourcesFolder), /\.(txt|md|html?)$/).map((file) => {
    const folded = fold(readFileSync(file, 'utf8'));
    return { name: relative(process.cwd(), file), folded, grams: gramsOf(folded) };
  });
  if (!sources.length) throw new Error(`no source texts (.txt, .md, .html) in ${sourcesFolder}`);
  const pages = filesUnder(resolve(siteFolder), /\.html$/);
  if (!pages.length) throw new Error(`no built pages in ${siteFolder}: run npm run build first`);
  const aside = originalTitles(root).sort((a, b) => b.length - a.length);
  return pages.flatMap((file) => sharedRuns({ name: relative(resolve(siteFolder), file), text: visibleText(readFileSync(file, 'utf8')) }, sources, aside));
}

/** The report: each distinct run once, with the pages that show it. */
export function report(runs: SharedRun[]): string {
  const byText = new Map<string, { run: SharedRun; pages: string[] }>();
  for (const r of runs) {
    const key = `${r.source}\u0000${r.text}`;
    const seen = byText.get(key);
    if (seen) seen.pages.push(r.page);
    else byText.set(key, { run: r, pages: [r.page] });
  }
  const lines = [...byText.values()]
    .sort((a, b) => b.run.length - a.run.length)
    .map(({ run, pages }) => `${run.length} 字 chars · ${run.source}\n  “${run.text}”\n  ${pages.length} 页 pages: ${pages.slice(0, 8).join(', ')}${pages.length > 8 ? ` …(+${pages.length - 8})` : ''}`);
  return lines.length
    ? `与来源相同的连续文字超过 ${MAX_SHARED} 字的有 ${byText.size} 处（共 ${runs.length} 次出现） / ${byText.size} runs over ${MAX_SHARED} characters shared with the sources (${runs.length} occurrences):\n\n${lines.join('\n\n')}`
    : `✓ 没有超过 ${MAX_SHARED} 字的与来源相同的连续文字 / no run over ${MAX_SHARED} characters shared with the sources`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [sourcesFolder, siteFolder] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (!sourcesFolder) {
    console.error('用法 usage: npm run copying -- <来源文本文件夹 sources folder> [网站文件夹 site folder, default dist]');
    process.exit(2);
  }
  const runs = runCopying(sourcesFolder, siteFolder);
  console.log(report(runs));
  if (runs.length) process.exitCode = 1;
}
